import { describe, expect, it } from 'vitest';
import {
	choleskyInPlace,
	choleskySolveInPlace,
	kendallW,
	krippendorffAlphaInterval,
	mean,
	median,
	midRanks,
	nearestRank,
	quantile,
	ridgeLeastSquares,
	sd,
	spearman,
	symmetricEigen,
	variance,
} from '../../../src/lib/awards/stats.ts';

/** Coders × units matrix (NaN = missing) → the values of each unit. */
function units(matrix: number[][]): number[][] {
	return matrix[0].map((_, u) => matrix.map((row) => row[u]).filter((v) => !Number.isNaN(v)));
}
const _ = Number.NaN;

describe('summary statistics', () => {
	it('mean, sample variance and SD of a hand-computed case', () => {
		const values = [2, 4, 4, 4, 5, 5, 7, 9];
		expect(mean(values)).toBe(5);
		// Σ(x − 5)² = 32; sample variance 32/7.
		expect(variance(values)).toBeCloseTo(32 / 7, 12);
		expect(sd(values)).toBeCloseTo(Math.sqrt(32 / 7), 12);
		expect(Number.isNaN(mean([]))).toBe(true);
		expect(Number.isNaN(sd([1]))).toBe(true);
	});

	it('quantiles interpolate (type 7); nearest rank returns observed values', () => {
		expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
		expect(median([5, 1, 3])).toBe(3);
		const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
		expect(nearestRank(sorted, 0.025)).toBe(3);
		expect(nearestRank(sorted, 0.975)).toBe(98);
		expect(nearestRank([7], 0.975)).toBe(7);
	});

	it('mid-ranks and Spearman correlation', () => {
		expect(midRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
		expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
		expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
		// d = (0, 0, 1, −1) → ρ = 1 − 6·2 / (4·15) = 0.8.
		expect(spearman([1, 2, 3, 4], [1, 2, 4, 3])).toBeCloseTo(0.8, 12);
	});
});

describe('linear algebra', () => {
	it('Cholesky solves a symmetric positive-definite system', () => {
		const a = Float64Array.from([4, 2, 2, 3]);
		expect(choleskyInPlace(a, 2)).toBe(true);
		const b = Float64Array.from([2, 1]);
		choleskySolveInPlace(a, 2, b);
		// [[4,2],[2,3]]·x = [2,1] → x = (0.5, 0).
		expect(b[0]).toBeCloseTo(0.5, 12);
		expect(b[1]).toBeCloseTo(0, 12);
		expect(choleskyInPlace(Float64Array.from([1, 2, 2, 1]), 2)).toBe(false);
	});

	it('ridge least squares matches the closed form', () => {
		// y = 1 + 2x exactly; ridge 0 recovers it.
		const x = [1, 0, 1, 1, 1, 2, 1, 3];
		const y = [1, 3, 5, 7];
		const exact = ridgeLeastSquares(x, y, 2, 0);
		expect(exact[0]).toBeCloseTo(1, 10);
		expect(exact[1]).toBeCloseTo(2, 10);
		// One column, ridge λ: β = Σxy / (Σx² + λ) = 14 / (14 + 1).
		const shrunk = ridgeLeastSquares([1, 2, 3], [1, 2, 3], 1, 1);
		expect(shrunk[0]).toBeCloseTo(14 / 15, 12);
	});

	it('symmetric eigen-decomposition', () => {
		const { values, vectors } = symmetricEigen([2, 1, 0, 1, 2, 0, 0, 0, 3], 3);
		expect([...values].map((v) => Number(v.toFixed(12)))).toEqual([1, 3, 3]);
		// A·v = λ·v for every pair.
		const a = [2, 1, 0, 1, 2, 0, 0, 0, 3];
		for (let k = 0; k < 3; k++) {
			for (let i = 0; i < 3; i++) {
				let av = 0;
				for (let j = 0; j < 3; j++) av += a[i * 3 + j] * vectors[j * 3 + k];
				expect(av).toBeCloseTo(values[k] * vectors[i * 3 + k], 12);
			}
		}
	});
});

describe('krippendorffAlphaInterval', () => {
	it('matches Krippendorff (2011): 4 observers × 12 units with missing values, α_interval = 0.849', () => {
		const data = [
			[1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
			[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
			[_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
			[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
		];
		expect(krippendorffAlphaInterval(units(data))).toBeCloseTo(0.849, 3);
	});

	it('matches the 3 coders × 15 units example (Wikipedia data), α_interval = 0.810845', () => {
		const data = [
			[_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
			[1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
			[_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
		];
		expect(krippendorffAlphaInterval(units(data))).toBeCloseTo(0.810845, 6);
	});

	it('hand-computed: units (1,2), (3,3), (4,6)', () => {
		// n = 6 values. D_o = (1/6)·Σ_u (1/(m−1))·Σ_{i≠j}(v_i − v_j)² = (1/6)·(2 + 0 + 8) = 10/6.
		// All values 1,2,3,3,4,6: Σ_{i≠j}(v_i − v_j)² = 2·(6·75 − 19²) = 178; D_e = 178 / 30.
		expect(krippendorffAlphaInterval([[1, 2], [3, 3], [4, 6]])).toBeCloseTo(1 - (10 / 6) / (178 / 30), 12);
	});

	it('is 1 for perfect agreement, null without variation or pairable values', () => {
		expect(krippendorffAlphaInterval([[2, 2, 2], [5, 5], [7, 7, 7]])).toBe(1);
		expect(krippendorffAlphaInterval([[3, 3], [3, 3]])).toBeNull();
		expect(krippendorffAlphaInterval([[3], [4]])).toBeNull();
	});
});

describe('kendallW', () => {
	it('is 1 for identical rankings, 0 for a balanced cycle', () => {
		expect(kendallW([[1, 2, 3], [1, 2, 3], [1, 2, 3]])).toBe(1);
		expect(kendallW([[1, 2, 3], [2, 3, 1], [3, 1, 2]])).toBe(0);
	});

	it('hand-computed: rank sums 4, 6, 8 → W = 4/9', () => {
		expect(kendallW([[1, 2, 3], [1, 3, 2], [2, 1, 3]])).toBeCloseTo(4 / 9, 12);
	});

	it('applies the tie correction', () => {
		// Rater 2 ties items 1 and 2 (mid-rank 1.5). Sums 2.5, 3.5, 6 around a mean of 4:
		// S = 2.25 + 0.25 + 4 = 6.5; T = 2³ − 2 = 6; W = 12·6.5 / (2²·(3³ − 3) − 2·6) = 78/84.
		expect(kendallW([[1, 2, 3], [1.5, 1.5, 3]])).toBeCloseTo(78 / 84, 12);
	});

	it('is null for fewer than two raters or items', () => {
		expect(kendallW([[1, 2]])).toBeNull();
		expect(kendallW([[1], [1]])).toBeNull();
	});
});
