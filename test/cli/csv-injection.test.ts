/**
 * Spreadsheet formula injection: a judge's comment (or any text cell) that a spreadsheet would run
 * as a formula is written into the CLI's sheets with a leading `'`, and every command that reads
 * the sheet back gets the text exactly as the judge wrote it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFixture, runScript } from '../helpers.ts';

let dir: string;
let cleanup: () => void;
afterEach(() => cleanup());

const awards = (...args: string[]) => runScript('scripts/awards.ts', [...args, '--content', dir]);
const hostile = '=HYPERLINK("http://evil","x")';
const plainMinus = '-10% churn';

describe('score sheets', () => {
	beforeEach(() => ({ dir, cleanup } = copyFixture()));
	const program = () => path.join(dir, 'awards/demo-awards');

	it('a packet export’s formula comment is written neutralised and read back unchanged by check, tally and publish', async () => {
		const exported = {
			format: 'credence-scores/1', program: 'demo-awards', round: 'round-1', judge: 'aca-demic', exportedAt: '2026-10-10T10:00:00.000Z',
			scores: [{ entry: 'quarry-planning', criterion: 'impact', score: 4, comment: hostile }, { entry: 'quarry-planning', criterion: 'originality', score: 3, comment: plainMinus }],
		};
		const file = path.join(dir, '..', 'export.json');
		writeFileSync(file, JSON.stringify(exported));
		const imported = await awards('import', 'demo-awards', file, '--replace');
		expect(imported.code, imported.out).toBe(0);

		const sheet = readFileSync(path.join(program(), 'scores/round-1.csv'), 'utf8');
		const rows = parse(sheet, { columns: true }) as Record<string, string>[];
		expect(rows.map((r) => r.comment)).toEqual([`'${hostile}`, `'${plainMinus}`]);
		// Every cell a spreadsheet would open: none starts a formula; numbers stay numbers.
		for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
		expect(rows.map((r) => r.score)).toEqual(['4', '3']);

		expect((await runScript('scripts/check.ts', ['--content', dir])).code).toBe(0);
		// Importing again over it reads the sheet back: the quote is not doubled.
		const again = await awards('import', 'demo-awards', file, '--replace');
		expect(again.code, again.out).toBe(0);
		expect(readFileSync(path.join(program(), 'scores/round-1.csv'), 'utf8')).toBe(sheet);

		expect((await awards('tally', 'demo-awards')).code).toBe(0);
		const published = await awards('publish', 'demo-awards');
		expect(published.code, published.out).toBe(0);
		const feedback = readFileSync(path.join(program(), 'feedback/quarry-planning.md'), 'utf8');
		expect(feedback).toContain(`- ${hostile}\n`);
		expect(feedback).toContain(`- ${plainMinus}\n`);
		expect(feedback).not.toContain("'");
	}, 120_000);

	it('a spreadsheet CSV’s comment keeps its text through import', async () => {
		const file = path.join(dir, '..', 'scores.csv');
		writeFileSync(file, `judge,entry,criterion,score,comment\naca-demic,quarry-planning,impact,4,"+44 20 7946 0000, @ the plant"\naca-demic,quarry-planning,originality,3,${plainMinus}\n`);
		const imported = await awards('import', 'demo-awards', file, '--replace');
		expect(imported.code, imported.out).toBe(0);
		expect(readFileSync(path.join(program(), 'scores/round-1.csv'), 'utf8')).toBe(
			`judge,entry,criterion,score,comment\naca-demic,quarry-planning,impact,4,"'+44 20 7946 0000, @ the plant"\naca-demic,quarry-planning,originality,3,'${plainMinus}\n`,
		);
		expect((await awards('tally', 'demo-awards')).code).toBe(0);
		expect((await awards('verify', 'demo-awards')).code).toBe(0);
	}, 120_000);
});
