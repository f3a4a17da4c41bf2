/**
 * Each round is announced at its own instant (issue #19): with the finalists announced on
 * 18 December and the winners embargoed to 1 February, a build on 15 January shows the finalists
 * (dated 18 December, not the day publish ran) and keeps a blind program's entrants hidden, and
 * a build on 2 February shows the winners, dated 1 February, with their entrants.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildSite, removeOutDir } from '../build-helpers.ts';
import { copyFixture } from '../helpers.ts';

const site = copyFixture();
const outs = { between: mkdtempSync(path.join(tmpdir(), 'credence-dist-')), after: mkdtempSync(path.join(tmpdir(), 'credence-dist-')) };
const page = (build: keyof typeof outs, route: string) => readFileSync(path.join(outs[build], route, 'index.html'), 'utf8');
const ENTRY = 'awards/demo-awards/entries/quarry-planning';

beforeAll(async () => {
	const finalists = { round: 'round-1', publishedOn: '2026-12-04', publishAt: '2026-12-18T09:00:00Z', method: 'offset', categories: [{ category: 'operations', finalists: ['quarry-planning'] }] };
	writeFileSync(
		path.join(site.dir, 'awards/demo-awards/winners.yaml'),
		stringify({ round: 'final', publishedOn: '2027-01-20', publishAt: '2027-02-01T09:00:00Z', method: 'schulze', categories: [{ category: 'operations', winner: 'quarry-planning', finalists: ['quarry-planning'] }], earlierRounds: [finalists] }),
	);
	for (const [build, now] of [['between', '2027-01-15T12:00:00Z'], ['after', '2027-02-02T12:00:00Z']] as const) {
		const result = await buildSite(site.dir, outs[build], { CREDENCE_NOW: now });
		expect(result.code, result.output).toBe(0);
	}
}, 480_000);

afterAll(() => {
	site.cleanup();
	for (const out of Object.values(outs)) removeOutDir(out);
});

describe('between the finalists’ and the winners’ announcements', () => {
	it('shows the finalists, dated by their announcement, not "judging in progress"', () => {
		const program = page('between', 'awards/demo-awards');
		expect(program).toMatch(/Results published<\/strong> on <time datetime="2026-12-18">18 December 2026<\/time>/);
		expect(program).not.toContain('Judging in progress');
		expect(page('between', 'awards/demo-awards/winners')).toMatch(/<h1>Finalists<\/h1>/);
		expect(page('between', ENTRY)).toContain('placement-finalist');
		expect(page('between', ENTRY)).not.toContain('placement-winner');
	});

	it('keeps a blind program’s entrants hidden while the final round is judged (blindUntil: winners)', () => {
		expect(page('between', ENTRY)).toContain('Judging is blind: who entered is shown once the results are announced.');
		expect(page('between', ENTRY)).not.toContain('Quarry Bank');
	});
});

describe('after the winners’ announcement', () => {
	it('shows the winners, dated by their own announcement, with their entrants', () => {
		expect(page('after', 'awards/demo-awards')).toMatch(/Results published<\/strong> on <time datetime="2027-02-01">1 February 2027<\/time>/);
		expect(page('after', 'awards/demo-awards/winners')).toMatch(/<h1>Winners<\/h1>/);
		expect(page('after', ENTRY)).toContain('placement-winner');
		expect(page('after', ENTRY)).toContain('Entered by Quarry Bank Mills');
	});
});
