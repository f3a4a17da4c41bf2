/**
 * `awards report` as a program manager runs it on the sample program: the private results
 * report, where it may be written, and the legend under `tally`.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runScript } from '../helpers.ts';

const base = mkdtempSync(path.join(tmpdir(), 'credence-report-'));
const content = path.join(base, 'content');
const awards = (...args: string[]) => runScript('scripts/awards.ts', [...args, '--content', content]);

beforeAll(() => cpSync(path.join(projectRoot, 'content'), content, { recursive: true }));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('awards report', () => {
	it('writes every category, entry and judge of the scoring round into one file, and says it is private', async () => {
		const out = path.join(base, 'report.html');
		const run = await awards('report', 'cia-2026', '--out', out);
		expect(run.code, run.out).toBe(0);
		expect(run.out).toMatch(/wrote .*report\.html: the results of Round 1 scoring, explained\. It is private/);
		const html = readFileSync(out, 'utf8');
		const results = JSON.parse(readFileSync(path.join(content, 'awards/cia-2026/results/round-1.json'), 'utf8'));
		for (const category of results.tally.categories) {
			expect(html).toContain(`data-category="${category.category}"`);
			expect(html.match(new RegExp(`<circle `, 'g'))!.length).toBeGreaterThanOrEqual(category.entries.length);
		}
		expect(html).toContain('Giving nurses 150 hours a week back for patients');
		// A ranking round follows round 1: its top entries are finalists, not winners.
		expect(html).toContain('Top of this round:');
		expect(html).not.toContain('Winner:');
		for (const judge of results.tally.judges) expect(html).toContain(`${judge.scores}</td>`);
	}, 120_000);

	it('refuses to write into the site, its output or the content, and writes nothing there', async () => {
		for (const target of [path.join(projectRoot, 'dist/awards-report.html'), path.join(projectRoot, 'public/report.html'), path.join(content, 'awards/report.html')]) {
			const run = await awards('report', 'cia-2026', '--out', target);
			expect(run.code, run.out).toBe(1);
			expect(run.out).toMatch(/published or read as content; the report holds scores and judges' severities and must stay private/);
			expect(existsSync(target)).toBe(false);
		}
	}, 120_000);

	it('explains that a ranking round has no intervals to report', async () => {
		const run = await awards('report', 'cia-2026', '--round', 'final', '--out', path.join(base, 'final.html'));
		expect(run.code).toBe(1);
		expect(run.out).toContain('final is a ranking round');
		expect(run.out).toContain('npm run awards -- tally cia-2026 --round final');
	}, 120_000);

	it('ends the terminal tally with a legend of its columns', async () => {
		const run = await awards('tally', 'cia-2026');
		expect(run.code, run.out).toBe(0);
		expect(run.out).toContain('Reading the table');
		expect(run.out).toMatch(/band: entries in the same band are statistically tied/);
	}, 120_000);
});
