import { describe, expect, it } from 'vitest';
import { rankFinalists, type FinalistRanking } from '../../../src/lib/awards/schulze.ts';

/** Expands "count × order" ballots into one ranking per voter. */
function ballots(groups: [number, string][]): FinalistRanking[] {
	const out: FinalistRanking[] = [];
	for (const [count, order] of groups) {
		for (let k = 0; k < count; k++) out.push({ judge: `v${String(out.length + 1).padStart(2, '0')}`, order: order.split('') });
	}
	return out;
}

// The 45-voter example of the Wikipedia article "Schulze method" (and Schulze 2011, §3.1).
const wikipedia = ballots([
	[5, 'ACBED'],
	[5, 'ADECB'],
	[8, 'BEDAC'],
	[3, 'CABED'],
	[7, 'CAEBD'],
	[2, 'CBADE'],
	[7, 'DCEBA'],
	[8, 'EBADC'],
]);

describe('rankFinalists (Schulze)', () => {
	it('orders the classic 45-voter example E > A > C > B > D', () => {
		const result = rankFinalists(wikipedia);
		expect(result.order).toEqual(['E', 'A', 'C', 'B', 'D']);
		expect(result.ties).toEqual([]);
	});

	it('reports the pairwise counts and strongest paths of that example', () => {
		const result = rankFinalists(wikipedia);
		expect(result.pairwise.A).toEqual({ B: 20, C: 26, D: 30, E: 22 });
		expect(result.pairwise.E).toEqual({ A: 23, B: 27, C: 21, D: 31 });
		// Each pair adds up to the 45 voters.
		expect(result.pairwise.D.B + result.pairwise.B.D).toBe(45);
		// Strongest-path matrix as published for the example.
		expect(result.strongestPaths).toEqual({
			A: { B: 28, C: 28, D: 30, E: 24 },
			B: { A: 25, C: 28, D: 33, E: 24 },
			C: { A: 25, B: 29, D: 29, E: 24 },
			D: { A: 25, B: 28, C: 28, E: 24 },
			E: { A: 25, B: 28, C: 28, D: 31 },
		});
	});

	it('elects the Condorcet winner and is independent of ballot order', () => {
		const rankings = [
			{ judge: 'j1', order: ['b', 'a', 'c'] },
			{ judge: 'j2', order: ['b', 'c', 'a'] },
			{ judge: 'j3', order: ['a', 'b', 'c'] },
		];
		const result = rankFinalists(rankings);
		expect(result.order).toEqual(['b', 'a', 'c']);
		expect(rankFinalists([...rankings].reverse())).toEqual(result);
	});

	it('reports a genuine tie (a perfect cycle) instead of inventing an order', () => {
		const result = rankFinalists([
			{ judge: 'j1', order: ['a', 'b', 'c'] },
			{ judge: 'j2', order: ['b', 'c', 'a'] },
			{ judge: 'j3', order: ['c', 'a', 'b'] },
		]);
		expect(result.ties).toEqual([['a', 'b', 'c']]);
		expect(result.order).toEqual(['a', 'b', 'c']);
		expect(result.kendallW).toBe(0);
	});

	it('treats a finalist a judge left out (a conflict) as no preference', () => {
		const result = rankFinalists([
			{ judge: 'j1', order: ['a', 'b', 'c'] },
			{ judge: 'j2', order: ['a', 'b', 'c'] },
			{ judge: 'j3', order: ['c', 'b'] },
		]);
		expect(result.pairwise.c.a).toBe(0);
		expect(result.pairwise.a.c).toBe(2);
		expect(result.order).toEqual(['a', 'b', 'c']);
		// W over the finalists everyone ranked (b, c): j1, j2 say b > c, j3 says c > b.
		expect(result.kendallW).toBeCloseTo(1 / 9, 12);
	});

	it('Kendall W is 1 for identical rankings and 4/9 for a hand-computed case', () => {
		const same = ['x', 'y', 'z', 'w'];
		expect(rankFinalists([1, 2, 3].map((k) => ({ judge: `j${k}`, order: same }))).kendallW).toBe(1);
		// Rank sums a = 1+1+2 = 4, b = 2+3+1 = 6, c = 3+2+3 = 8; S = 8; W = 12·8 / (3²·(3³ − 3)) = 4/9.
		const w = rankFinalists([
			{ judge: 'j1', order: ['a', 'b', 'c'] },
			{ judge: 'j2', order: ['a', 'c', 'b'] },
			{ judge: 'j3', order: ['b', 'a', 'c'] },
		]).kendallW;
		expect(w).toBeCloseTo(4 / 9, 12);
	});

	it('gives W = null for a single judge, and rejects duplicates', () => {
		expect(rankFinalists([{ judge: 'j1', order: ['a', 'b'] }]).kendallW).toBeNull();
		expect(() => rankFinalists([{ judge: 'j1', order: ['a', 'a'] }])).toThrow(/twice/);
		expect(() => rankFinalists([{ judge: 'j1', order: ['a'] }, { judge: 'j1', order: ['a'] }])).toThrow(/twice/);
	});

	it('returns JSON-serialisable results', () => {
		const result = rankFinalists(wikipedia);
		expect(JSON.parse(JSON.stringify(result))).toEqual(result);
	});
});
