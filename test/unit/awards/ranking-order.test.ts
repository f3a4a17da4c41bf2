/** The ranking packet's order without the DOM, and the entry kit's draft checks and export. */
import { describe, expect, it } from 'vitest';
import { parseRankingSheet } from '../../../src/lib/awards/rankings.ts';
import type { KitData } from '../../../src/tools/entry-kit/data.ts';
import { draftProblems, emptyDraft, entryFile, readDraft } from '../../../src/tools/entry-kit/entry.ts';
import type { RankingData } from '../../../src/tools/ranking/data.ts';
import { initialState, move, rankingsCsv, readSaved } from '../../../src/tools/ranking/order.ts';

const data: RankingData = {
	storageKey: 'k',
	program: 'p',
	round: 'final',
	judge: 'ana-lyst',
	categories: [
		{ id: 'ops', name: 'Ops', entries: [0, 1, 2] },
		{ id: 'ai', name: 'AI', entries: [3, 4] },
	],
	entries: ['a', 'b', 'c', '=cmd', 'e'].map((id) => ({ id, title: id })),
	file: 'p-final-ana-lyst.csv',
};

describe('ranking order', () => {
	it('moves a finalist, clamped to the list', () => {
		const state = initialState(data);
		expect(move(state, 0, 0, 2)).toBe(2);
		expect(state.orders[0]).toEqual([1, 2, 0]);
		expect(move(state, 0, 2, -5)).toBe(0);
		expect(state.orders[0]).toEqual([0, 1, 2]);
	});

	it('exports only confirmed categories, in the sheet import reads, formula cells neutralised', () => {
		const state = initialState(data);
		move(state, 0, 2, 0);
		expect(rankingsCsv(data, state)).toBe('judge,entry,rank\n');
		state.confirmed = [true, true];
		const csv = rankingsCsv(data, state);
		expect(csv.split('\n').slice(0, 4)).toEqual(['judge,entry,rank', 'ana-lyst,c,1', 'ana-lyst,a,2', 'ana-lyst,b,3']);
		expect(csv).toContain("ana-lyst,'=cmd,1");
		const parsed = parseRankingSheet(rankingsCsv({ ...data, entries: data.entries.map((e) => ({ ...e, id: e.id.replace('=', 'x') })) }, state), 'x.csv');
		expect(parsed.diagnostics).toEqual([]);
		expect(parsed.lines.map((l) => l.row.rank)).toEqual([1, 2, 3, 1, 2]);
	});

	it('restores a saved order only when it fits the packet', () => {
		expect(readSaved(data, JSON.stringify({ orders: [[2, 0, 1], [4, 3]], confirmed: [true, false] }))).toEqual({ orders: [[2, 0, 1], [4, 3]], confirmed: [true, false] });
		expect(readSaved(data, JSON.stringify({ orders: [[2, 0, 9], [3]], confirmed: [true, true] }))).toEqual(initialState(data));
		expect(readSaved(data, '{not json')).toEqual(initialState(data));
	});
});

const kit: KitData = {
	storageKey: 'k',
	format: 'credence-entry/1',
	program: 'kit-2027',
	categories: ['data-and-ai'],
	products: ['tessellate-forecast', 'tessellate-flow'],
	productRequired: true,
	questions: { customerSince: true, inProduction: true },
	limits: { titleMaxChars: 20, summaryMaxWords: 5, narrativeMaxWords: 5, evidenceMax: 1 },
};

describe('the entry kit draft', () => {
	it('lists what keeps an empty draft from export, field by field', () => {
		expect(draftProblems(kit, emptyDraft()).map((p) => p.field)).toEqual(['customer', 'submitter', 'customer-since', 'in-production', 'category', 'title', 'summary', 'narrative', 'products']);
	});

	it('exports a complete draft as the entry file intake reads', () => {
		const draft = { ...emptyDraft(), customer: ' acme ', submitter: 'ana', customerSince: '2024-01-01', inProduction: 'yes', category: 0, title: 'T', summary: 'S', narrative: 'N', products: [1, 0, 1], evidence: [{ label: 'L', detail: 'D', url: '' }] };
		expect(draftProblems(kit, draft)).toEqual([]);
		expect(entryFile(kit, draft, '2027-01-01T00:00:00.000Z')).toEqual({
			format: 'credence-entry/1',
			program: 'kit-2027',
			exportedAt: '2027-01-01T00:00:00.000Z',
			entry: { category: 'data-and-ai', customer: 'acme', submitter: 'ana', title: 'T', summary: 'S', narrative: 'N', evidence: [{ label: 'L', detail: 'D' }], products: ['tessellate-forecast', 'tessellate-flow'], eligibility: { customerSince: '2024-01-01', inProduction: true } },
		});
		expect(draftProblems(kit, { ...draft, evidence: [{ label: 'L', detail: 'D', url: 'javascript:x' }] }).map((p) => p.message)).toEqual(['Evidence 1: the web address must start with https:// (or leave it empty).']);
	});

	it('reads back a saved draft, and ignores one it cannot read', () => {
		expect(readDraft(JSON.stringify({ title: 'T', category: 0, products: [1, 'x'], evidence: [{ label: 'L' }] }))).toMatchObject({ title: 'T', category: 0, products: [1], evidence: [{ label: 'L', detail: '', url: '' }] });
		expect(readDraft('nope')).toEqual(emptyDraft());
	});
});
