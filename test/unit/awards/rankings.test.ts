import { describe, expect, it } from 'vitest';
import { checkRankings, computeFinalRound, parseRankingSheet, type RankingContext } from '../../../src/lib/awards/rankings.ts';

const context: RankingContext = {
	program: 'p',
	judges: new Map([
		['ana', new Set<string>()],
		['bo', new Set(['acme'])],
	]),
	finalists: new Map([
		['a1', { category: 'ops', customer: 'acme' }],
		['a2', { category: 'ops', customer: 'zeta' }],
		['a3', { category: 'ops', customer: 'kilo' }],
		['b1', { category: 'data', customer: 'kilo' }],
	]),
};
const at = (rows: [string, string, number][]) => rows.map(([judge, entry, rank], i) => ({ where: `line ${i + 2}`, row: { judge, entry, rank } }));

describe('parseRankingSheet', () => {
	it('reads rows with their lines and rejects bad ranks and headers', () => {
		expect(parseRankingSheet('judge,entry,rank\nana,a1,1\n', 'f').lines).toEqual([{ line: 2, row: { judge: 'ana', entry: 'a1', rank: 1 } }]);
		expect(parseRankingSheet('judge,entry,rank\nana,a1,1.5\n', 'f').diagnostics[0]).toMatchObject({ field: 'line 2 rank', message: expect.stringMatching(/whole-number rank/) });
		expect(parseRankingSheet('judge,entry,score\nana,a1,1\n', 'f').diagnostics[0].message).toMatch(/expected the header "judge,entry,rank"/);
	});
});

describe('checkRankings', () => {
	it('accepts complete rankings, with a conflicted finalist left out', () => {
		expect(checkRankings(at([['ana', 'a1', 2], ['ana', 'a2', 1], ['ana', 'a3', 3], ['bo', 'a2', 2], ['bo', 'a3', 1]]), context)).toEqual([]);
	});
	it('rejects a conflicted finalist, a non-finalist, an unknown judge and a duplicate', () => {
		const problems = checkRankings(at([['bo', 'a1', 1], ['ana', 'zz', 1], ['cy', 'a1', 1], ['ana', 'b1', 1], ['ana', 'b1', 1]]), context);
		expect(problems.map((p) => p.message)).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/"bo" has a conflict with "acme".*leave it out/),
				expect.stringMatching(/expected a finalist of p .*found "zz"/),
				expect.stringMatching(/expected a judge of p, found "cy"/),
				expect.stringMatching(/duplicate ranking: ana already ranked b1 at line 5/),
			]),
		);
	});
	it('requires ranks 1..n once each per judge and category', () => {
		const problems = checkRankings(at([['ana', 'a1', 1], ['ana', 'a2', 1], ['ana', 'a3', 3]]), context);
		expect(problems).toEqual([expect.objectContaining({ field: 'rank', message: "expected ana's ranks in ops to be 1, 2, 3 (each once, one per finalist they may rank), found 1, 1, 3" })]);
	});
});

describe('computeFinalRound', () => {
	it('orders each category by the Schulze method, independent of row order', () => {
		const rows = [
			{ judge: 'ana', entry: 'a1', rank: 1 }, { judge: 'ana', entry: 'a2', rank: 2 }, { judge: 'ana', entry: 'a3', rank: 3 },
			{ judge: 'bo', entry: 'a2', rank: 1 }, { judge: 'bo', entry: 'a3', rank: 2 },
			{ judge: 'cy', entry: 'a1', rank: 1 }, { judge: 'cy', entry: 'a3', rank: 2 }, { judge: 'cy', entry: 'a2', rank: 3 },
		];
		const result = computeFinalRound('p', 'final', context.finalists, rows);
		const ops = result.categories.find((c) => c.category === 'ops')!;
		expect(ops.order).toEqual(['a1', 'a2', 'a3']);
		expect(ops.judges).toBe(3);
		expect(computeFinalRound('p', 'final', context.finalists, [...rows].reverse())).toEqual(result);
	});
});
