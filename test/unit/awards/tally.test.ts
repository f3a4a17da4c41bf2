import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/lib/awards/random.ts';
import { spearman } from '../../../src/lib/awards/stats.ts';
import { tallyRound, type EntryResult, type TallyInput, type TallyResult } from '../../../src/lib/awards/tally.ts';
import type { CriterionRef, EntryRef, Score } from '../../../src/lib/awards/types.ts';

const single: CriterionRef[] = [{ id: 'x', weight: 100 }];

function entries(ids: string[], category = 'c'): EntryRef[] {
	return ids.map((id) => ({ id, category, customer: `customer-${id}` }));
}

function score(judge: string, entry: string, value: number, criterion = 'x'): Score {
	return { judge, entry, criterion, score: value };
}

/** Single-criterion scores from "judge: entry=score …" rows. */
function scores(rows: Record<string, Record<string, number>>): Score[] {
	return Object.entries(rows).flatMap(([judge, byEntry]) => Object.entries(byEntry).map(([entry, value]) => score(judge, entry, value)));
}

function round(partial: Partial<TallyInput> & Pick<TallyInput, 'entries' | 'scores'>): TallyInput {
	return { criteria: single, method: 'offset', tieBreak: [], resamples: 200, seed: 1, ...partial };
}

function entry(result: TallyResult, id: string): EntryResult {
	const found = result.categories.flatMap((c) => c.entries).find((e) => e.id === id);
	if (!found) throw new Error(`no entry ${id}`);
	return found;
}

const ids = (result: TallyResult, category = 0) => result.categories[category].entries.map((e) => e.id);

/**
 * A synthetic panel with known truth: quality N(0, 1), judge offsets N(0, severity²), noise
 * N(0, noise²), each entry scored by `perEntry` judges drawn at random (an incomplete design).
 */
function synthetic(options: { seed: number; entries?: number; judges?: number; perEntry?: number; noise?: number; severity?: number; categories?: number }) {
	const { seed, entries: E = 40, judges: J = 10, perEntry = 3, noise = 0, severity = 1.5, categories = 1 } = options;
	const random = seededRandom(seed);
	const normal = () => Math.sqrt(-2 * Math.log(1 - random.float())) * Math.cos(2 * Math.PI * random.float());
	const criteria: CriterionRef[] = [
		{ id: 'impact', weight: 60 },
		{ id: 'rigour', weight: 40 },
	];
	const judges = Array.from({ length: J }, (_, j) => ({ id: `judge-${String(j).padStart(2, '0')}`, offset: severity * normal() }));
	const truth = new Map<string, number>();
	const list: EntryRef[] = [];
	const all: Score[] = [];
	for (let e = 0; e < E; e++) {
		const id = `entry-${String(e).padStart(3, '0')}`;
		const quality = normal();
		truth.set(id, quality);
		list.push({ id, category: `category-${e % categories}`, customer: `customer-${e}` });
		for (const judge of random.shuffle(judges).slice(0, perEntry)) {
			const base = 5 + quality + judge.offset;
			for (const criterion of criteria) all.push(score(judge.id, id, base + noise * normal(), criterion.id));
		}
	}
	const input: TallyInput = { criteria, entries: list, scores: all, method: 'offset', tieBreak: [], resamples: 200, seed: 7 };
	return { input, truth, judges };
}

describe('tallyRound: methods on hand-computed cases', () => {
	it('weights criteria (percent) into one score per judge and entry; mean = raw mean', () => {
		const criteria = [
			{ id: 'impact', weight: 60 },
			{ id: 'rigour', weight: 40 },
		];
		const result = tallyRound(
			round({
				criteria,
				method: 'mean',
				entries: entries(['e1', 'e2']),
				scores: [
					score('j1', 'e1', 8, 'impact'), score('j1', 'e1', 6, 'rigour'), // 7.2
					score('j1', 'e2', 6, 'impact'), score('j1', 'e2', 4, 'rigour'), // 5.2
					score('j2', 'e1', 6, 'impact'), score('j2', 'e1', 6, 'rigour'), // 6
					score('j2', 'e2', 7, 'impact'), score('j2', 'e2', 5, 'rigour'), // 6.2
				],
			}),
		);
		expect(entry(result, 'e1').scores.mean).toBeCloseTo(6.6, 12);
		expect(entry(result, 'e2').scores.mean).toBeCloseTo(5.7, 12);
		expect(entry(result, 'e1').score).toBe(entry(result, 'e1').scores.mean);
		expect(ids(result)).toEqual(['e1', 'e2']);
		expect(result.categories[0].winner).toBe('e1');
	});

	it('weights over the criteria a judge actually scored', () => {
		const criteria = [
			{ id: 'impact', weight: 75 },
			{ id: 'rigour', weight: 25 },
		];
		const result = tallyRound(
			round({
				criteria,
				method: 'mean',
				entries: entries(['e1']),
				scores: [score('j1', 'e1', 8, 'impact'), score('j1', 'e1', 4, 'rigour'), score('j2', 'e1', 6, 'rigour')],
			}),
		);
		// j1: 0.75·8 + 0.25·4 = 7; j2 scored only rigour: 6. Mean 6.5.
		expect(entry(result, 'e1').scores.mean).toBeCloseTo(6.5, 12);
	});

	it('zscore standardises each judge (sample SD), a constant judge counting 0', () => {
		const result = tallyRound(
			round({
				method: 'zscore',
				entries: entries(['e1', 'e2', 'e3']),
				// j1: mean 6, SD 2 → z = 1, 0, −1. j2: mean 6, SD 1 → −1, 1, 0. j3: constant → 0.
				scores: scores({ j1: { e1: 8, e2: 6, e3: 4 }, j2: { e1: 5, e2: 7, e3: 6 }, j3: { e1: 5, e2: 5, e3: 5 } }),
			}),
		);
		expect(entry(result, 'e1').scores.zscore).toBeCloseTo(0, 12);
		expect(entry(result, 'e2').scores.zscore).toBeCloseTo(1 / 3, 12);
		expect(entry(result, 'e3').scores.zscore).toBeCloseTo(-1 / 3, 12);
		expect(ids(result)).toEqual(['e2', 'e1', 'e3']);
	});

	it('offset model on a chain design: exact with ridge 0, shrunk offsets with ridge 1', () => {
		// j1 scores e1, e2; j2 scores e2, e3. Only e2 links them: j2 is 2 points more lenient.
		const base = round({ entries: entries(['e1', 'e2', 'e3']), scores: scores({ j1: { e1: 6, e2: 5 }, j2: { e2: 7, e3: 8 } }) });
		const exact = tallyRound({ ...base, ridge: 0 });
		expect(entry(exact, 'e1').scores.offset).toBeCloseTo(7, 9);
		expect(entry(exact, 'e2').scores.offset).toBeCloseTo(6, 9);
		expect(entry(exact, 'e3').scores.offset).toBeCloseTo(7, 9);
		expect(exact.judges.map((j) => j.severity)).toEqual([expect.closeTo(-1, 9), expect.closeTo(1, 9)]);
		// Reduced system: S = [[½, −½], [−½, ½]], r = (−1, 1): b = r / (1 + ridge) = ∓½ for ridge 1,
		// and q = ȳ_e − mean offset of its judges: e1 = 6 + ½, e2 = 6, e3 = 8 − ½.
		const shrunk = tallyRound({ ...base, ridge: 1 });
		expect(shrunk.model).toMatchObject({ ridge: 1, ridgeEstimated: false });
		expect(entry(shrunk, 'e1').scores.offset).toBeCloseTo(6.5, 12);
		expect(entry(shrunk, 'e2').scores.offset).toBeCloseTo(6, 12);
		expect(entry(shrunk, 'e3').scores.offset).toBeCloseTo(7.5, 12);
		expect(shrunk.judges.map((j) => j.severity)).toEqual([expect.closeTo(-0.5, 12), expect.closeTo(0.5, 12)]);
		// Estimated ridge: the design is saturated (no residual degrees of freedom), so no shrinkage.
		const estimated = tallyRound(base);
		expect(estimated.model).toMatchObject({ ridge: 0, ridgeEstimated: true, residualSd: null, components: 1 });
		expect(entry(estimated, 'e1').scores.offset).toBeCloseTo(7, 9);
	});

	it('offset model on a complete design equals the raw mean; offsets are judge mean − grand mean, shrunk by E/(E + ridge)', () => {
		const base = round({ entries: entries(['e1', 'e2', 'e3']), scores: scores({ j1: { e1: 8, e2: 6, e3: 4 }, j2: { e1: 6, e2: 8, e3: 7 } }) });
		for (const ridge of [0, 1]) {
			const result = tallyRound({ ...base, ridge });
			for (const e of result.categories[0].entries) expect(e.scores.offset).toBeCloseTo(e.scores.mean, 12);
			// Judge means 6 and 7, grand mean 6.5; 3 entries each: shrink 3 / (3 + ridge).
			const shrink = 3 / (3 + ridge);
			expect(result.judges.map((j) => j.severity)).toEqual([expect.closeTo(-0.5 * shrink, 12), expect.closeTo(0.5 * shrink, 12)]);
		}
	});
});

describe('tallyRound: tie-break', () => {
	// e1 and e2 both average 7 over two judges; e1 is even on both criteria, e2 strong on impact.
	const criteria = [
		{ id: 'impact', weight: 50 },
		{ id: 'rigour', weight: 50 },
	];
	const tied = [
		score('j1', 'e1', 8, 'impact'), score('j1', 'e1', 6, 'rigour'),
		score('j2', 'e1', 6, 'impact'), score('j2', 'e1', 8, 'rigour'),
		score('j1', 'e2', 9, 'impact'), score('j1', 'e2', 5, 'rigour'),
		score('j2', 'e2', 9, 'impact'), score('j2', 'e2', 5, 'rigour'),
		score('j1', 'e3', 5, 'impact'), score('j1', 'e3', 5, 'rigour'),
		score('j2', 'e3', 5, 'impact'), score('j2', 'e3', 5, 'rigour'),
	];
	const base = round({ criteria, method: 'mean', entries: entries(['e1', 'e2', 'e3']), scores: tied });

	it('applies a criterion rule (higher mean on that criterion wins) and names it', () => {
		const byImpact = tallyRound({ ...base, tieBreak: ['impact'] }).categories[0];
		expect(byImpact.entries.map((e) => [e.id, e.rank])).toEqual([['e2', 1], ['e1', 2], ['e3', 3]]);
		expect(byImpact.winner).toBe('e2');
		expect(byImpact.tieBreaks).toEqual([{ entries: ['e2', 'e1'], decidedBy: ['impact'] }]);
		const byRigour = tallyRound({ ...base, tieBreak: ['rigour', 'impact'] }).categories[0];
		expect(byRigour.winner).toBe('e1');
		expect(byRigour.tieBreaks).toEqual([{ entries: ['e1', 'e2'], decidedBy: ['rigour'] }]);
	});

	it('moves on to the next rule when one does not separate, and records a tie that remains', () => {
		const next = tallyRound({ ...base, tieBreak: ['judges', 'impact'] }).categories[0];
		expect(next.tieBreaks).toEqual([{ entries: ['e2', 'e1'], decidedBy: ['impact'] }]);
		const unresolved = tallyRound({ ...base, tieBreak: ['judges'] }).categories[0];
		expect(unresolved.entries.map((e) => [e.id, e.rank])).toEqual([['e1', 1], ['e2', 1], ['e3', 3]]);
		expect(unresolved.winner).toBeNull();
		expect(unresolved.tieBreaks).toEqual([{ entries: ['e1', 'e2'], decidedBy: [null] }]);
		expect(tallyRound(base).categories[0].winner).toBeNull();
	});

	it("'judges' gives the tie to the entry more judges scored", () => {
		const result = tallyRound(
			round({ method: 'mean', tieBreak: ['judges'], entries: entries(['e1', 'e2']), scores: scores({ j1: { e1: 7, e2: 6 }, j2: { e1: 7, e2: 8 }, j3: { e2: 7 } }) }),
		);
		expect(result.categories[0].winner).toBe('e2');
		expect(result.categories[0].tieBreaks).toEqual([{ entries: ['e2', 'e1'], decidedBy: ['judges'] }]);
	});
});

describe('tallyRound: bootstrap, bands, judges, reliability, sensitivity', () => {
	it('is reproducible with the same seed and differs with another', () => {
		const { input } = synthetic({ seed: 3, noise: 0.8, categories: 2 });
		const a = tallyRound(input);
		expect(tallyRound(input)).toEqual(a);
		const b = tallyRound({ ...input, seed: input.seed + 1 });
		expect(b.categories.map((c) => c.entries.map((e) => e.expectedRank))).not.toEqual(a.categories.map((c) => c.entries.map((e) => e.expectedRank)));
		// Point estimates do not depend on the seed.
		expect(b.categories.map((c) => c.entries.map((e) => e.score))).toEqual(a.categories.map((c) => c.entries.map((e) => e.score)));
	});

	it('gives probabilities that add up and intervals inside the category', () => {
		const { input } = synthetic({ seed: 5, noise: 0.8, categories: 2, entries: 30 });
		for (const category of tallyRound(input).categories) {
			const n = category.entries.length;
			expect(category.entries.reduce((sum, e) => sum + e.pWin, 0)).toBeCloseTo(1, 12);
			expect(category.entries.reduce((sum, e) => sum + e.pTop3, 0)).toBeCloseTo(Math.min(3, n), 12);
			for (const e of category.entries) {
				expect(e.rankInterval[0]).toBeGreaterThanOrEqual(1);
				expect(e.rankInterval[0]).toBeLessThanOrEqual(e.rankInterval[1]);
				expect(e.rankInterval[1]).toBeLessThanOrEqual(n);
				expect(e.expectedRank).toBeGreaterThanOrEqual(e.rankInterval[0]);
				expect(e.expectedRank).toBeLessThanOrEqual(e.rankInterval[1]);
			}
			// Bands partition the ranked entries in order.
			expect(category.bands.flatMap((b) => b.entries)).toEqual(category.entries.map((e) => e.id));
		}
	});

	it('puts clearly separated entries in their own bands and indistinguishable ones together', () => {
		const result = tallyRound(
			round({
				method: 'mean',
				entries: entries(['a', 'b', 'c']),
				scores: scores({ j1: { a: 9, b: 8, c: 2 }, j2: { a: 8, b: 9, c: 3 }, j3: { a: 9, b: 9, c: 2 } }),
			}),
		);
		const category = result.categories[0];
		expect(category.bands).toEqual([
			{ band: 1, entries: ['a', 'b'] },
			{ band: 2, entries: ['c'] },
		]);
		expect(entry(result, 'c').rankInterval).toEqual([3, 3]);
		expect(entry(result, 'c').pTop3).toBe(1);
		expect(entry(result, 'a').pWin + entry(result, 'b').pWin).toBeCloseTo(1, 12);
	});

	it('estimates severities that sum to zero, with standard errors, and flags straight-lining and erratic judges', () => {
		const random = seededRandom(11);
		const normal = () => Math.sqrt(-2 * Math.log(1 - random.float())) * Math.cos(2 * Math.PI * random.float());
		const names = Array.from({ length: 24 }, (_, e) => `e${String(e).padStart(2, '0')}`);
		const offsets: Record<string, number> = { j1: -1, j2: -0.5, j3: 0, j4: 0.5, j5: 1 };
		const rows: Score[] = [];
		names.forEach((id, e) => {
			const quality = 5 + (e % 6) * 0.6;
			for (const judge of Object.keys(offsets)) rows.push(score(judge, id, quality + offsets[judge] + 0.2 * normal()));
			rows.push(score('flat', id, 6));
			rows.push(score('wild', id, quality + 3 * normal()));
		});
		const result = tallyRound(round({ entries: entries(names), scores: rows }));
		const byId = Object.fromEntries(result.judges.map((j) => [j.id, j]));
		expect(byId.flat.consistency).toBe('straight-lining');
		expect(byId.wild.consistency).toBe('erratic');
		for (const judge of Object.keys(offsets)) expect(byId[judge].consistency).toBe('ok');
		expect(result.judges.reduce((sum, j) => sum + j.severity, 0)).toBeCloseTo(0, 9);
		// Relative severities are recovered: j5 − j1 ≈ 2.
		expect(byId.j5.severity - byId.j1.severity).toBeCloseTo(2, 0);
		for (const j of result.judges) {
			expect(j.scores).toBe(24);
			expect(j.severitySe).toBeGreaterThan(0);
			expect(j.severitySe).toBeLessThan(1);
		}
		expect(byId.flat.scoreSd).toBe(0);
	});

	it('reliability: α = 1 for perfect agreement, hand-computed otherwise', () => {
		const perfect = tallyRound(round({ entries: entries(['a', 'b', 'c']), scores: scores({ j1: { a: 2, b: 5, c: 7 }, j2: { a: 2, b: 5, c: 7 }, j3: { a: 2, c: 7 } }) }));
		expect(perfect.reliability).toEqual({ alpha: 1, units: 3, values: 8 });
		expect(perfect.categories[0].alpha).toBe(1);
		// Units (1, 2), (3, 3), (4, 6): α = 1 − (10/6) / (178/30), as in the stats test.
		const partial = tallyRound(round({ entries: entries(['a', 'b', 'c', 'd']), scores: scores({ j1: { a: 1, b: 3, c: 4, d: 5 }, j2: { a: 2, b: 3, c: 6 } }) }));
		expect(partial.reliability.alpha).toBeCloseTo(1 - 10 / 6 / (178 / 30), 12);
		expect(partial.reliability.units).toBe(3);
	});

	it('sensitivity names the judges whose removal changes the winner', () => {
		// Mean: a = 7, b ≈ 6.17. Without j1: a = 5.5, b = 6.25, so b wins; without j2 or j3, a still wins.
		const result = tallyRound(round({ method: 'mean', entries: entries(['a', 'b']), scores: scores({ j1: { a: 10, b: 6 }, j2: { a: 4, b: 6 }, j3: { a: 7, b: 6.5 } }) }));
		expect(result.sensitivity).toEqual([
			{
				category: 'c',
				winner: 'a',
				byMethod: { offset: 'a', scaled: 'a', zscore: 'a', mean: 'a' },
				methodsChangingWinner: [],
				judgesChangingWinner: [{ judge: 'j1', winner: 'b' }],
				stable: false,
			},
		]);
	});
});

describe('tallyRound: the offset model against the truth', () => {
	// Judges A (−2), B (0), C (+2); true qualities e1 8 > e2 7 > e3 6 > e4 5 > e5 4; no noise.
	// e2 happened to draw the lenient C, so its raw mean (8) beats e1's (7).
	const design = scores({
		A: { e1: 6, e3: 4, e5: 2 },
		B: { e1: 8, e2: 7, e4: 5, e5: 4 },
		C: { e2: 9, e3: 8, e4: 7 },
	});

	it('recovers a noise-free panel exactly where the raw mean picks the wrong winner', () => {
		const result = tallyRound(round({ entries: entries(['e1', 'e2', 'e3', 'e4', 'e5']), scores: design, tieBreak: ['judges'] }));
		expect(ids(result)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
		for (const [id, quality] of Object.entries({ e1: 8, e2: 7, e3: 6, e4: 5, e5: 4 })) expect(entry(result, id).scores.offset).toBeCloseTo(quality, 9);
		expect(result.judges.map((j) => j.severity)).toEqual([expect.closeTo(-2, 9), expect.closeTo(0, 9), expect.closeTo(2, 9)]);
		expect(result.model.ridge).toBeLessThan(1e-12);
		expect(entry(result, 'e2').scores.mean).toBeGreaterThan(entry(result, 'e1').scores.mean);
		expect(result.sensitivity[0].byMethod.mean).toBe('e2');
		expect(result.sensitivity[0].methodsChangingWinner).toContain('mean');
	});

	it('recovers the true order of a larger noise-free incomplete panel; the raw mean does not', () => {
		for (const seed of [1, 2, 3]) {
			const { input, truth } = synthetic({ seed, entries: 60, judges: 12, perEntry: 3 });
			const result = tallyRound(input);
			expect(result.model.components).toBe(1);
			const trueOrder = [...truth.keys()].sort((a, b) => (truth.get(b) as number) - (truth.get(a) as number));
			expect(ids(result)).toEqual(trueOrder);
			const byMean = [...result.categories[0].entries].sort((a, b) => b.scores.mean - a.scores.mean).map((e) => e.id);
			expect(byMean).not.toEqual(trueOrder);
		}
	});

	it('with noise, correlates better with the truth than the raw mean, on average over seeds', () => {
		let offset = 0;
		let raw = 0;
		const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
		for (const seed of seeds) {
			const { input, truth } = synthetic({ seed, entries: 40, judges: 10, perEntry: 3, noise: 0.7 });
			const ranked = tallyRound({ ...input, resamples: 50 }).categories[0].entries;
			const truthOf = ranked.map((e) => truth.get(e.id) as number);
			offset += spearman(truthOf, ranked.map((e) => e.scores.offset));
			raw += spearman(truthOf, ranked.map((e) => e.scores.mean));
		}
		expect(offset / seeds.length).toBeGreaterThan(raw / seeds.length + 0.1);
	});
});

describe('tallyRound: properties and input handling', () => {
	it('does not depend on the order of entries, scores or criteria', () => {
		const { input } = synthetic({ seed: 9, noise: 0.6, categories: 3, entries: 45 });
		const shuffle = seededRandom(99);
		const shuffled: TallyInput = { ...input, entries: shuffle.shuffle(input.entries), scores: shuffle.shuffle(input.scores), criteria: shuffle.shuffle(input.criteria) };
		expect(shuffled.scores).not.toEqual(input.scores);
		expect(tallyRound(shuffled)).toEqual(tallyRound(input));
	});

	it('returns JSON-serialisable results and lists unscored entries', () => {
		const result = tallyRound(round({ entries: [...entries(['a', 'b', 'c']), ...entries(['d'], 'other')], scores: scores({ j1: { a: 7, b: 6 }, j2: { a: 8, b: 5 } }) }));
		expect(JSON.parse(JSON.stringify(result))).toEqual(result);
		expect(result.categories.map((c) => c.category)).toEqual(['c', 'other']);
		expect(result.categories[0].unscored).toEqual(['c']);
		expect(result.categories[1]).toMatchObject({ entries: [], winner: null, bands: [], unscored: ['d'] });
	});

	it('handles a disconnected design: each group of judges has offsets summing to zero', () => {
		const result = tallyRound(
			round({ entries: entries(['a', 'b', 'c', 'd']), scores: scores({ j1: { a: 6, b: 4 }, j2: { a: 8, b: 6 }, j3: { c: 5, d: 7 }, j4: { c: 3, d: 5 } }) }),
		);
		expect(result.model.components).toBe(2);
		const severity = Object.fromEntries(result.judges.map((j) => [j.id, j.severity]));
		expect(severity.j1 + severity.j2).toBeCloseTo(0, 9);
		expect(severity.j3 + severity.j4).toBeCloseTo(0, 9);
		expect(severity.j2 - severity.j1).toBeCloseTo(2, 6);
		expect(entry(result, 'a').scores.offset).toBeCloseTo(7, 6);
	});

	it('rejects inconsistent input', () => {
		const ok = round({ entries: entries(['a']), scores: scores({ j1: { a: 5 } }) });
		expect(() => tallyRound({ ...ok, scores: [score('j1', 'zz', 5)] })).toThrow(/unknown entry "zz"/);
		expect(() => tallyRound({ ...ok, scores: [score('j1', 'a', 5, 'nope')] })).toThrow(/unknown criterion "nope"/);
		expect(() => tallyRound({ ...ok, scores: [score('j1', 'a', 5), score('j1', 'a', 6)] })).toThrow(/twice/);
		expect(() => tallyRound({ ...ok, tieBreak: ['nope'] })).toThrow(/tie-break "nope"/);
		expect(() => tallyRound({ ...ok, method: 'median' as never })).toThrow(/method/);
		expect(() => tallyRound({ ...ok, resamples: 0 })).toThrow(/resample/);
		expect(() => tallyRound({ ...ok, ridge: -1 })).toThrow(/ridge/);
	});
});

describe('tallyRound: the scaled method (judge spread and reliability)', () => {
	it('counts an erratic judge for less: their scores weigh least, under half a typical judge\'s', async () => {
		const { simulatePanel } = await import('../../../src/lib/awards/simulate.ts');
		const { preparePanel } = await import('../../../src/lib/awards/tally/panel.ts');
		const { analyseDesign, createOffsetFit } = await import('../../../src/lib/awards/tally/offset-model.ts');
		const { judgePrecisionWeights } = await import('../../../src/lib/awards/tally/scaled-model.ts');
		const simulated = simulatePanel({ entries: 300, judges: 15, perEntry: 4, seed: 11 });
		const panel = preparePanel({ criteria: simulated.criteria, entries: simulated.entries, scores: simulated.scores, method: 'scaled', tieBreak: [], resamples: 1, seed: 1 });
		const design = analyseDesign(panel, undefined);
		const offsetFit = createOffsetFit(panel, design.ridge);
		const quality = new Float64Array(panel.entryIds.length);
		offsetFit.fit(new Float64Array(panel.obsScore.length).fill(1), quality);
		const weights = judgePrecisionWeights(panel, offsetFit, quality, design.noiseVariance);
		const weightOf = (judge: string) => weights[panel.obsJudge.indexOf(panel.judgeIds.indexOf(judge))];
		const erratic = [...simulated.judges].find(([, j]) => j.erratic)![0];
		const others = panel.judgeIds.filter((j) => j !== erratic).map(weightOf);
		const median = [...others].sort((a, b) => a - b)[Math.floor(others.length / 2)];
		expect(weightOf(erratic)).toBeLessThan(Math.min(...others));
		expect(weightOf(erratic)).toBeLessThan(0.5 * median);
	});

	it('ranks simulated panels closer to the truth than the offset model and than an oracle that knows every offset', async () => {
		const { scorePanel, simulatePanel } = await import('../../../src/lib/awards/simulate.ts');
		const cards = [1, 2, 3, 4, 5, 6].map((seed) => scorePanel(simulatePanel({ entries: 40, judges: 10, perEntry: 4, seed }), 'scaled', 100));
		const average = (pick: (c: (typeof cards)[number]) => number) => cards.reduce((sum, c) => sum + pick(c), 0) / cards.length;
		expect(average((c) => c.rho.scaled)).toBeGreaterThan(average((c) => c.rho.offset));
		expect(average((c) => c.rho.scaled)).toBeGreaterThanOrEqual(average((c) => c.rho.offsetOracle));
	});
});
