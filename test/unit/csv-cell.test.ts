import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCsvCell, restoreCsvCell } from '../../src/lib/csv-cell.ts';

/** Values a judge or entrant may write, the tricky ones for a spreadsheet first. */
const values = [
	'=HYPERLINK("http://evil","x")', '+1 555 0100', '-10% churn', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '-', '=', '@', '+',
	"'=x", "''@", "'", "''", "'-10%", "'plain", 'plain', '', ' =padded', 'a=b', '10', '-3', 'Familiar, but "solid"\nsecond line',
];

describe('neutraliseCsvCell', () => {
	it('prefixes a text a spreadsheet would read as a formula with one quote, and nothing else', () => {
		expect(neutraliseCsvCell('=HYPERLINK("http://evil","x")')).toBe('\'=HYPERLINK("http://evil","x")');
		expect(neutraliseCsvCell('-10% churn')).toBe("'-10% churn");
		expect(neutraliseCsvCell('+1 555 0100')).toBe("'+1 555 0100");
		expect(neutraliseCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(neutraliseCsvCell('\t=1')).toBe("'\t=1");
		expect(neutraliseCsvCell('\r=1')).toBe("'\r=1");
		// Quotes already before a formula character get one more, so reading gives them back.
		expect(neutraliseCsvCell("'=x")).toBe("''=x");
		for (const safe of ['plain', '', ' =padded', 'a=b', "'plain", "'", 'Ørsted']) expect(neutraliseCsvCell(safe)).toBe(safe);
	});
});

describe('restoreCsvCell', () => {
	it('gives back every value unchanged after neutraliseCsvCell', () => {
		for (const value of values) expect(restoreCsvCell(neutraliseCsvCell(value)), JSON.stringify(value)).toBe(value);
	});

	it('survives a real CSV write and read, with no written cell that a spreadsheet reads as a formula', () => {
		const text = stringify([values.map(neutraliseCsvCell)]);
		const [cells] = parse(text) as string[][];
		for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
		expect(cells.map(restoreCsvCell)).toEqual(values);
	});

	it('leaves a cell that no neutralising wrote as it is', () => {
		for (const cell of ['plain', "'plain", "'", '', '-3', '=x']) expect(restoreCsvCell(cell)).toBe(cell);
	});
});
