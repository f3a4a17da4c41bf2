/**
 * A blind program's entrants stay off the public site while it is judged: judges "see the entry,
 * not who entered it", and could otherwise look the entrant up. The fixture's program is judged
 * blind; its results are announced on 10 December. Built as of before and after that instant.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildSite, removeOutDir } from '../build-helpers.ts';
import { copyFixture, editData } from '../helpers.ts';

const ENTRY = '/awards/demo-awards/entries/quarry-planning/';
const site = copyFixture();
const outs = { judging: mkdtempSync(path.join(tmpdir(), 'credence-dist-')), announced: mkdtempSync(path.join(tmpdir(), 'credence-dist-')) };
const page = (build: keyof typeof outs, route: string) => readFileSync(path.join(outs[build], route, 'index.html'), 'utf8');

beforeAll(async () => {
	// Round 1's results name the finalists, and the final round is still to come: this program
	// declares that entrants show with the finalists (the default keeps them hidden until the winners).
	editData(path.join(site.dir, 'awards/demo-awards/program.yaml'), (program) => (program.blindUntil = 'finalists'));
	writeFileSync(
		path.join(site.dir, 'awards/demo-awards/winners.yaml'),
		stringify({ round: 'round-1', publishedOn: '2026-12-01', publishAt: '2026-12-10T09:00:00Z', method: 'offset', categories: [{ category: 'operations', winner: 'quarry-planning', finalists: ['quarry-planning'] }] }),
	);
	for (const [build, now] of [['judging', '2026-11-23T12:00:00Z'], ['announced', '2026-12-10T10:00:00Z']] as const) {
		const result = await buildSite(site.dir, outs[build], { CREDENCE_NOW: now });
		expect(result.code, result.output).toBe(0);
	}
}, 240_000);

afterAll(() => {
	site.cleanup();
	for (const out of Object.values(outs)) removeOutDir(out);
});

describe('a blind program being judged', () => {
	it('shows the entry without its entrant: no name, fact box or customer link', () => {
		const entry = page('judging', ENTRY);
		expect(entry).toContain('One plan for every mill');
		expect(entry).toContain('Judging is blind: who entered is shown once the results are announced.');
		expect(entry).not.toMatch(/Quarry Bank|Entered by|fact-box|\/customers\/[a-z]/);
	});

	it('lists its entries without their entrants', () => {
		const program = page('judging', 'awards/demo-awards/');
		expect(program).toContain(`href="${ENTRY}"`);
		expect(program).not.toContain('Quarry Bank');
	});

	it("leaves the entry off the entrant's own page", () => {
		const customer = page('judging', 'customers/quarry-bank/');
		expect(customer).toContain('How Quarry Bank cut forecast error in half');
		expect(customer).not.toContain(ENTRY);
	});
});

describe('the same program once its results are announced', () => {
	it('shows the entrant on the entry page, the program page and the customer page', () => {
		const entry = page('announced', ENTRY);
		expect(entry).toContain('Entered by Quarry Bank Mills');
		expect(entry).toContain('href="/customers/quarry-bank/"');
		expect(page('announced', 'awards/demo-awards/')).toContain('Quarry Bank Mills');
		expect(page('announced', 'customers/quarry-bank/')).toContain(ENTRY);
	});
});
