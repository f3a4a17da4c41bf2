/**
 * The sample program end to end through the CLI, on a copy of the content: assign → packets →
 * import → tally → verify → publish, then tampering that verify must catch.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runScript } from '../helpers.ts';

const base = mkdtempSync(path.join(tmpdir(), 'credence-awards-'));
const content = path.join(base, 'content');
const program = path.join(content, 'awards/cia-2026');
const packetsDir = path.join(base, 'packets');

const awards = (...args: string[]) => runScript('scripts/awards.ts', [...args, '--content', content]);

let committedScores: Record<string, string>[];
beforeAll(() => {
	cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
	committedScores = parse(readFileSync(path.join(program, 'scores/round-1.csv'), 'utf8'), { columns: true });
	// Start the round from scratch: only the rules, entries and judges remain.
	for (const folder of ['assignments', 'scores', 'rankings', 'results', 'feedback']) rmSync(path.join(program, folder), { recursive: true, force: true });
	rmSync(path.join(program, 'winners.yaml'), { force: true });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the sample program through the CLI', () => {
	it('assigns 4 judges per entry, reproducibly, free of conflict', async () => {
		const result = await awards('assign', 'cia-2026', '--per-entry', '4', '--seed', '2026', '--json');
		expect(result.code, result.out).toBe(0);
		const report = JSON.parse(result.out);
		expect(report.connected).toBe(true);
		const loads = Object.values(report.loads) as number[];
		expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
		// The same seed gives the committed sample's assignment.
		expect(readFileSync(path.join(program, 'assignments/round-1.yaml'), 'utf8')).toBe(readFileSync(path.join(projectRoot, 'content/awards/cia-2026/assignments/round-1.yaml'), 'utf8'));
	});

	it('explains why an impossible assignment cannot be made, and writes nothing', async () => {
		const result = await awards('assign', 'cia-2026', '--per-entry', '9');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/needs 9|panel|judges/);
		expect(result.out).toMatch(/nothing was written/);
	});

	it('writes one blind packet per judge, outside the site', async () => {
		const result = await awards('packets', 'cia-2026', '--out', packetsDir);
		expect(result.code, result.out).toBe(0);
		const files = readdirSync(packetsDir);
		expect(files).toHaveLength(8);
		const packet = readFileSync(path.join(packetsDir, 'elena-varga.html'), 'utf8');
		expect(packet).toContain('Judged blind');
		expect(packet).not.toMatch(/Bramblewood|Harbourline|Feira Boa|\.example/);
	});

	it('refuses packets when a blind entry names its entrant', async () => {
		const entry = path.join(program, 'entries/nurses-back-at-the-bedside.md');
		const original = readFileSync(entry, 'utf8');
		writeFileSync(entry, original.replace(/^(summary: .*)$/m, '$1 Bramblewood Health did it.'));
		const result = await awards('packets', 'cia-2026', '--out', path.join(base, 'blocked'));
		writeFileSync(entry, original);
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/nurses-back-at-the-bedside.*summary: names its entrant \(.*Bramblewood Health/);
		expect(existsSync(path.join(base, 'blocked'))).toBe(false);
	});

	it('imports each judge’s scores', async () => {
		for (const judge of new Set(committedScores.map((s) => s.judge))) {
			const rows = committedScores.filter((s) => s.judge === judge);
			const file = path.join(base, `${judge}.csv`);
			writeFileSync(file, stringify(rows, { header: true, columns: ['judge', 'entry', 'criterion', 'score', 'comment'] }));
			const result = await awards('import', 'cia-2026', file);
			expect(result.code, result.out).toBe(0);
		}
		expect(readFileSync(path.join(program, 'scores/round-1.csv'), 'utf8')).toBe(readFileSync(path.join(projectRoot, 'content/awards/cia-2026/scores/round-1.csv'), 'utf8'));
	});

	it('tallies with the declared method and writes the committed results, byte for byte', async () => {
		const result = await awards('tally', 'cia-2026', '--json');
		expect(result.code, result.out).toBe(0);
		const tally = JSON.parse(result.out).tally;
		expect(tally.method).toBe('scaled');
		expect(tally.categories).toHaveLength(4);
		expect(readFileSync(path.join(program, 'results/round-1.json'), 'utf8')).toBe(readFileSync(path.join(projectRoot, 'content/awards/cia-2026/results/round-1.json'), 'utf8'));
		const report = await awards('tally', 'cia-2026');
		// A ranking round follows: round 1 picks finalists, so its top entry is not called the winner.
		expect(report.out).toMatch(/Top of the round: Giving nurses 150 hours a week back for patients \(a finalist: final ranks the finalists and picks the winner\)/);
		expect(report.out).not.toMatch(/Winner:/);
		expect(report.out).toMatch(/Krippendorff's α \(interval\) = /);
		expect(report.out).toMatch(/Sensitivity/);
		// The sensitivity line reads as a sentence ("changes with without" was a typo).
		expect(report.out).toMatch(/Resilient Operations: top entry changes: method mean → machine-health-material-planning/);
		expect(report.out).not.toMatch(/with without/);
	});

	it('publishes finalists (public) and feedback (private) from the scoring round', async () => {
		const result = await awards('publish', 'cia-2026');
		expect(result.code, result.out).toBe(0);
		const winners = readFileSync(path.join(program, 'winners.yaml'), 'utf8');
		expect(winners).toMatch(/finalists:\n\s+- nurses-back-at-the-bedside/);
		expect(winners).not.toMatch(/winner:/);
		expect(readdirSync(path.join(program, 'feedback'))).toHaveLength(25);
		const feedback = readFileSync(path.join(program, 'feedback/nurses-back-at-the-bedside.md'), 'utf8');
		expect(feedback).toMatch(/\*\*Result:\*\* Finalist\./);
		expect(feedback).not.toMatch(/elena|varga|halvorsen|mensah|adeyemi|zhou|quintero|castellanos|hossain/i);
	});

	it('ranks the finalists by the Schulze method and publishes the winners', async () => {
		const notYet = await awards('tally', 'cia-2026', '--round', 'final');
		expect(notYet.code).toBe(1);
		expect(notYet.out).toMatch(/no rankings for final yet/);
		const imported = await awards('import', 'cia-2026', '--round', 'final', path.join(projectRoot, 'content/awards/cia-2026/rankings/final.csv'));
		expect(imported.code, imported.out).toBe(0);
		const tallied = await awards('tally', 'cia-2026', '--round', 'final');
		expect(tallied.code, tallied.out).toBe(0);
		expect(tallied.out).toMatch(/Schulze method/);
		expect(tallied.out).toMatch(/Kendall's W = /);
		const published = await awards('publish', 'cia-2026', '--round', 'final');
		expect(published.code, published.out).toBe(0);
		// The finalists' round is kept beside the winners, each with the day it was published.
		const days = (text: string) => text.replace(/publishedOn: .*/g, 'publishedOn: (day)');
		expect(days(readFileSync(path.join(program, 'winners.yaml'), 'utf8'))).toBe(days(readFileSync(path.join(projectRoot, 'content/awards/cia-2026/winners.yaml'), 'utf8')));
	});

	it('verifies every result, and shows what differs after tampering', async () => {
		const ok = await awards('verify', 'cia-2026');
		expect(ok.code, ok.out).toBe(0);
		// The assignment, both rounds' results, and both published rounds (winners and the finalists before them).
		expect(ok.out).toMatch(/all 5 results recompute identically/);

		const resultsFile = path.join(program, 'results/round-1.json');
		const results = readFileSync(resultsFile, 'utf8');
		writeFileSync(resultsFile, results.replace(/"pWin": [0-9.]+/, '"pWin": 0.5'));
		const winners = path.join(program, 'winners.yaml');
		writeFileSync(winners, readFileSync(winners, 'utf8').replace('winner: nurses-back-at-the-bedside', 'winner: more-buses-on-the-road'));
		const tampered = await awards('verify', 'cia-2026');
		expect(tampered.code).toBe(1);
		expect(tampered.out).toMatch(/✗ tally round-1/);
		expect(tampered.out).toMatch(/tally\.categories\[0\]\.entries\[0\]\.pWin: committed 0.5, recomputed/);
		expect(tampered.out).toMatch(/✗ published outcome.*\n\s+categories\[0\]\.winner: committed "more-buses-on-the-road", recomputed "nurses-back-at-the-bedside"/);
	});
});
