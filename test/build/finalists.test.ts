/**
 * Results of a scoring round that a ranking round follows pick the finalists, not the winners:
 * published, they show every finalist as one, and no winner, until the ranking round is published.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildSite, fixtureSite } from '../build-helpers.ts';

const { dir, outDir } = fixtureSite();
const page = (route: string) => readFileSync(path.join(outDir, route, 'index.html'), 'utf8');
const publish = (round: string, method: string) =>
	writeFileSync(
		path.join(dir, 'awards/demo-awards/winners.yaml'),
		stringify({ round, publishedOn: '2026-11-20', method, categories: [{ category: 'operations', winner: 'quarry-planning', finalists: ['quarry-planning'] }] }),
	);

it('shows the finalists of the scoring round, and the winner only once the final round is published', async () => {
	publish('round-1', 'offset');
	const finalists = await buildSite(dir, outDir);
	expect(finalists.code, finalists.output).toBe(0);
	const entry = page('awards/demo-awards/entries/quarry-planning');
	expect(entry).toContain('placement-finalist');
	expect(entry).not.toContain('placement-winner');
	const results = page('awards/demo-awards/winners');
	expect(results).toMatch(/<h1>Finalists<\/h1>/);
	expect(results).toContain('the winners are announced here once that final round is complete');
	expect(results).not.toMatch(/placement-title">Winner</);
	expect(page('')).toContain('The finalists are announced');

	publish('final', 'schulze');
	const winners = await buildSite(dir, outDir);
	expect(winners.code, winners.output).toBe(0);
	expect(page('awards/demo-awards/entries/quarry-planning')).toContain('placement-winner');
	expect(page('awards/demo-awards/winners')).toMatch(/<h1>Winners<\/h1>/);
}, 240_000);
