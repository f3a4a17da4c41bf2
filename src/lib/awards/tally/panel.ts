/**
 * The scores of a round as a panel: one observation per (judge, entry) pair, its weighted score
 * and criterion scores, indexed in id order so that nothing downstream depends on file order.
 */
import type { CriterionRef } from '../types.ts';
import type { TallyInput } from './types.ts';

/** Orders ids by code unit, the same on every machine (no locale). */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The scores as typed arrays: one observation per (judge, entry) pair, grouped by entry (entries
 * in id order), judges in id order within an entry. Every index follows id order, which is what
 * makes the tally independent of input order.
 */
export interface Panel {
	criteria: CriterionRef[];
	entryIds: string[];
	categoryIds: string[];
	/** Entry indices per category, ascending. */
	categoryEntries: number[][];
	entryCategory: Int32Array;
	judgeIds: string[];
	obsJudge: Int32Array;
	/** Weighted score of the pair. */
	obsScore: Float64Array;
	/** Criterion scores of the pair (observation × criterion), NaN where the judge gave none. */
	obsCriterion: Float64Array;
	/** Observations of entry e are entryStart[e] … entryStart[e + 1] − 1. */
	entryStart: Int32Array;
}

/** The panel of the input's scores; throws on duplicate or unknown ids, bad weights and scores given twice. */
export function preparePanel(input: TallyInput): Panel {
	const criteria = [...input.criteria].sort((a, b) => compareIds(a.id, b.id));
	criteria.forEach((c, i) => {
		if (i > 0 && criteria[i - 1].id === c.id) throw new Error(`duplicate criterion "${c.id}"`);
		if (!(Number.isFinite(c.weight) && c.weight > 0)) throw new Error(`criterion "${c.id}": expected a positive weight, found ${c.weight}`);
	});
	const entries = [...input.entries].sort((a, b) => compareIds(a.id, b.id));
	entries.forEach((e, i) => {
		if (i > 0 && entries[i - 1].id === e.id) throw new Error(`duplicate entry "${e.id}"`);
	});
	const entryIndex = new Map(entries.map((e, i) => [e.id, i]));
	const criterionIndex = new Map(criteria.map((c, i) => [c.id, i]));
	const categoryIds = [...new Set(entries.map((e) => e.category))].sort(compareIds);
	const categoryIndex = new Map(categoryIds.map((c, i) => [c, i]));
	const entryCategory = Int32Array.from(entries, (e) => categoryIndex.get(e.category) ?? -1);
	const categoryEntries: number[][] = categoryIds.map(() => []);
	entryCategory.forEach((c, e) => categoryEntries[c].push(e));

	const judgeIds = [...new Set(input.scores.map((s) => s.judge))].sort(compareIds);
	const judgeIndex = new Map(judgeIds.map((j, i) => [j, i]));
	const C = criteria.length;
	const J = judgeIds.length;
	// (entry, judge) → criterion scores; the key orders pairs by entry, then judge.
	const pairs = new Map<number, Float64Array>();
	for (const s of input.scores) {
		const e = entryIndex.get(s.entry);
		if (e === undefined) throw new Error(`score by "${s.judge}" for unknown entry "${s.entry}"`);
		const c = criterionIndex.get(s.criterion);
		if (c === undefined) throw new Error(`score by "${s.judge}" for "${s.entry}" on unknown criterion "${s.criterion}"`);
		if (!Number.isFinite(s.score)) throw new Error(`score by "${s.judge}" for "${s.entry}" on "${s.criterion}" is not a number`);
		const key = e * J + (judgeIndex.get(s.judge) as number);
		let values = pairs.get(key);
		if (!values) {
			values = new Float64Array(C).fill(Number.NaN);
			pairs.set(key, values);
		}
		if (!Number.isNaN(values[c])) throw new Error(`"${s.judge}" scored "${s.entry}" on "${s.criterion}" twice`);
		values[c] = s.score;
	}
	const keys = [...pairs.keys()].sort((a, b) => a - b);
	const N = keys.length;
	const obsJudge = new Int32Array(N);
	const obsScore = new Float64Array(N);
	const obsCriterion = new Float64Array(N * C);
	const entryStart = new Int32Array(entries.length + 1);
	keys.forEach((key, i) => {
		const e = Math.floor(key / J);
		obsJudge[i] = key - e * J;
		entryStart[e + 1]++;
		const values = pairs.get(key) as Float64Array;
		// Weighted score over the criteria the judge scored: Σ w·s / Σ w.
		let weighted = 0;
		let weights = 0;
		for (let c = 0; c < C; c++) {
			obsCriterion[i * C + c] = values[c];
			if (Number.isNaN(values[c])) continue;
			weighted += criteria[c].weight * values[c];
			weights += criteria[c].weight;
		}
		obsScore[i] = weighted / weights;
	});
	for (let e = 0; e < entries.length; e++) entryStart[e + 1] += entryStart[e];
	return { criteria, entryIds: entries.map((e) => e.id), categoryIds, categoryEntries, entryCategory, judgeIds, obsJudge, obsScore, obsCriterion, entryStart };
}
