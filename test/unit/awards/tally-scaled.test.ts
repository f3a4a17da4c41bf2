/**
 * The scaled method's uncertainty and diagnostics, piece by piece: the F distribution, the
 * erratic-judge test, the shortest rank interval, the empirical-Bayes draws and the parametric
 * resampler, then through tallyRound.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/lib/awards/random.ts';
import { simulatePanel } from '../../../src/lib/awards/simulate.ts';
import { tallyRound } from '../../../src/lib/awards/tally.ts';
import { shortestInterval, toPosteriorDraws } from '../../../src/lib/awards/tally/bootstrap.ts';
import { erraticPValues } from '../../../src/lib/awards/tally/erratic.ts';
import { fUpperTail } from '../../../src/lib/awards/tally/f-distribution.ts';
import type { JudgeNoise } from '../../../src/lib/awards/tally/judge-noise.ts';
import { parametricResampler } from '../../../src/lib/awards/tally/parametric.ts';
import type { Panel } from '../../../src/lib/awards/tally/panel.ts';
import type { CategoryOrder } from '../../../src/lib/awards/tally/tie-break.ts';

describe('fUpperTail', () => {
	it('matches published F and t tables', () => {
		expect(fUpperTail(3.3258, 5, 10)).toBeCloseTo(0.05, 5);
		expect(fUpperTail(3.3682, 10, 20)).toBeCloseTo(0.01, 5);
		// F(1, d) is t² with d degrees of freedom: t(0.975, 10) = 2.228139.
		expect(fUpperTail(2.228139 ** 2, 1, 10)).toBeCloseTo(0.05, 6);
		expect(fUpperTail(1, 4, 4)).toBeCloseTo(0.5, 12);
		expect(fUpperTail(0, 3, 3)).toBe(1);
		expect(fUpperTail(Number.POSITIVE_INFINITY, 3, 3)).toBe(0);
	});
});

const noise = (squares: number[], df: number[]): JudgeNoise => ({ squares: Float64Array.from(squares), df: Float64Array.from(df), pooled: null, variance: new Float64Array(squares.length) });

describe('erraticPValues', () => {
	it('flags the one judge far noisier than the rest, and nobody in a panel of equals', () => {
		const p = erraticPValues(noise([10, 11, 9, 10, 60], [10, 10, 10, 10, 10]), [14, 14, 14, 14, 14], 3, 0);
		expect(p[4]).toBeLessThan(0.01);
		for (let j = 0; j < 4; j++) expect(p[j]).toBeGreaterThan(0.5);
		const equals = erraticPValues(noise([10, 11, 9, 10, 12], [10, 10, 10, 10, 10]), [14, 14, 14, 14, 14], 3, 0);
		expect(Math.min(...equals)).toBeGreaterThan(0.05);
	});

	it('adjusts for testing every judge (Holm): never below the raw p-value, and the smallest times the number of judges', () => {
		const squares = [10, 10, 10, 10, 30];
		const df = [10, 10, 10, 10, 10];
		const p = erraticPValues(noise(squares, df), [14, 14, 14, 14, 14], 3, 0);
		const raw = fUpperTail(30 / 10 / (40 / 40), 10, 40);
		expect(p[4]).toBeCloseTo(Math.min(1, 5 * raw), 12);
	});

	it('tests nobody with too few scores or no degrees of freedom, and no one for rounding error in a noise-free panel', () => {
		const p = erraticPValues(noise([10, 10, 50], [10, 10, 0]), [14, 2, 14], 3, 0);
		expect(Number.isNaN(p[1])).toBe(true);
		expect(Number.isNaN(p[2])).toBe(true);
		const quiet = erraticPValues(noise([0, 0, 1e-12], [10, 10, 10]), [14, 14, 14], 3, 0.01);
		expect(quiet[2]).toBeGreaterThan(0.5);
	});
});

describe('shortestInterval', () => {
	it('takes the narrowest run of ranks holding the share, centred on the median among equals', () => {
		// 100 draws: rank 3 in 90, rank 4 in 6, rank 9 in 4: the central interval would reach 9.
		const draws = Int32Array.from([...Array(90).fill(3), ...Array(6).fill(4), ...Array(4).fill(9)]);
		expect(shortestInterval(draws, 0.95)).toEqual([3, 4]);
		const spread = Int32Array.from({ length: 100 }, (_, i) => 1 + Math.floor(i / 10));
		expect(shortestInterval(spread, 0.95)).toEqual([1, 10]);
		expect(shortestInterval(Int32Array.from([5, 5, 5, 5]), 0.95)).toEqual([5, 5]);
	});
});

describe('toPosteriorDraws', () => {
	it('shrinks towards the category mean by τ²/(τ² + v) and scales the refits’ deviations by its square root', () => {
		// Two entries in one category, fitted 0 and 2; refits deviate by ±d around each (and by a
		// shift common to both, which changes no rank and must not count as uncertainty).
		const fitted = Float64Array.from([0, 2]);
		const d = 0.5;
		const R = 4;
		const scores = new Float64Array(R * 2);
		const deviations = [
			[d, -d],
			[-d, d],
			[d, -d],
			[-d, d],
		];
		deviations.forEach(([a, b], r) => {
			scores[r * 2] = fitted[0] + a + 7 * r;
			scores[r * 2 + 1] = fitted[1] + b + 7 * r;
		});
		const orders: CategoryOrder[] = [{ order: [1, 0], ranks: [1, 2], tieBreaks: [], unscored: [], winner: 1 }];
		toPosteriorDraws(orders, scores, R, 2, fitted);
		// Category mean 1, spread of the fitted scores 2, v = d² per entry, τ² = 2 − d².
		const tau2 = 2 - d * d;
		const shrink = tau2 / (tau2 + d * d);
		for (let r = 0; r < R; r++) {
			expect(scores[r * 2]).toBeCloseTo(1 + shrink * (0 - 1) + Math.sqrt(shrink) * deviations[r][0], 12);
			expect(scores[r * 2 + 1]).toBeCloseTo(1 + shrink * (2 - 1) + Math.sqrt(shrink) * deviations[r][1], 12);
		}
	});
});

describe('parametricResampler', () => {
	it('draws each score around the fitted model with its judge’s noise', () => {
		// One entry scored by two judges: fitted 2 + 1·q and −1 + 2·q with q = 3, noise SD 0.5 and 0.
		const panel = { entryIds: ['a'], judgeIds: ['j1', 'j2'], obsJudge: Int32Array.from([0, 1]), obsScore: Float64Array.from([5, 5]), entryStart: Int32Array.from([0, 2]) } as unknown as Panel;
		const drawn = new Float64Array(2);
		const seen: number[][] = [];
		const resample = parametricResampler(panel, { level: Float64Array.from([2, -1]), spread: Float64Array.from([1, 2]), quality: Float64Array.from([3]) }, Float64Array.from([0.5, 0]), drawn, () => seen.push([...drawn]));
		const random = seededRandom(3);
		for (let r = 0; r < 4000; r++) resample(random, new Float64Array(1));
		const first = seen.map((s) => s[0]);
		const mean = first.reduce((a, b) => a + b, 0) / first.length;
		const sd = Math.sqrt(first.reduce((a, b) => a + (b - mean) ** 2, 0) / (first.length - 1));
		expect(mean).toBeCloseTo(5, 1);
		expect(sd).toBeCloseTo(0.5, 1);
		expect(seen.every((s) => s[1] === 5)).toBe(true);
	});
});

describe('tallyRound, scaled method', () => {
	const simulated = simulatePanel({ entries: 40, judges: 10, perEntry: 4, seed: 2 });
	const input = { criteria: simulated.criteria, entries: simulated.entries, scores: simulated.scores, tieBreak: [], resamples: 300, seed: 1 };
	const erratic = [...simulated.judges].find(([, j]) => j.erratic)![0];

	it('flags the erratic judge by the test and records every tested judge’s p-value; the offset method keeps its rule and records none', () => {
		const scaled = tallyRound({ ...input, method: 'scaled' });
		const flagged = scaled.judges.filter((j) => j.consistency === 'erratic').map((j) => j.id);
		expect(flagged).toEqual([erratic]);
		expect(scaled.judges.every((j) => typeof j.erraticP === 'number')).toBe(true);
		expect(scaled.judges.find((j) => j.id === erratic)!.erraticP).toBeLessThan(0.01);
		const offset = tallyRound({ ...input, method: 'offset' });
		expect(offset.judges.some((j) => 'erraticP' in j)).toBe(false);
		// The settings that shaped the scaled figures are recorded with them; the offset method's results stay as they were.
		expect(scaled.model.scaled).toEqual({ rounds: 3, spreadPriorSd: 0.3, noisePriorScores: 4, draws: 'parametric-empirical-bayes', interval: 'shortest', erraticAlpha: 0.01 });
		expect('scaled' in offset.model).toBe(false);
	});

	it('is reproducible for a seed and changes with it', () => {
		const a = tallyRound({ ...input, method: 'scaled' });
		expect(tallyRound({ ...input, method: 'scaled' })).toEqual(a);
		const b = tallyRound({ ...input, method: 'scaled', seed: 2 });
		expect(b.categories[0].entries.map((e) => e.pWin)).not.toEqual(a.categories[0].entries.map((e) => e.pWin));
		expect(b.categories[0].entries.map((e) => e.score)).toEqual(a.categories[0].entries.map((e) => e.score));
	});
});

describe('the erratic flag in words', () => {
	it('names the test and its p-value under the scaled method, and keeps the offset method’s words', async () => {
		const { consistencyWords } = await import('../../../src/lib/awards/report/explain.ts');
		expect(consistencyWords('erratic', 0.0032)).toMatch(/less than once in 100 panels \(p = 0\.0032, allowing for testing every judge\)/);
		expect(consistencyWords('erratic', 1e-9)).toMatch(/\(p < 0\.0001, allowing/);
		expect(consistencyWords('erratic')).toMatch(/more than twice as much/);
	});
});

describe('a panel too small to charge every judge two parameters', () => {
	it('draws with the offset model’s noise instead of none, so its intervals are not falsely certain', () => {
		const rows: [string, string, number][] = [
			['j1', 'a', 5],
			['j1', 'b', 7],
			['j2', 'a', 6],
			['j2', 'b', 7],
		];
		const result = tallyRound({
			criteria: [{ id: 'x', weight: 100 }],
			entries: ['a', 'b'].map((id) => ({ id, category: 'c', customer: `customer-${id}` })),
			scores: rows.map(([judge, entry, score]) => ({ judge, entry, criterion: 'x', score })),
			method: 'scaled',
			tieBreak: [],
			resamples: 400,
			seed: 1,
		});
		const [first, second] = result.categories[0].entries;
		expect(first.id).toBe('b');
		expect(first.pWin).toBeLessThan(1);
		expect(second.pWin).toBeGreaterThan(0);
	});
});
