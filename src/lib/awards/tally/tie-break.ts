/**
 * Ordering a category: by score, with scores within TIE_TOLERANCE equal, then by the declared
 * tie-break rules (a criterion's mean score, or the number of judges); entries no rule separates
 * share a rank.
 */
import type { CriterionRef } from '../types.ts';
import type { Panel } from './panel.ts';

/** Two declared-method scores closer than this are equal, and the tie-break decides. */
export const TIE_TOLERANCE = 1e-9;

/** A resolved tie-break rule. */
export type Rule = { name: string; criterion: number } | { name: 'judges'; criterion: -1 };

/** The keys the tie-break compares, for one set of observation weights. */
export interface TieKeys {
	/** Mean score per entry and criterion (entry × criterion), NaN when none. */
	criterionMeans: Float64Array;
	/** Judges per entry. */
	judgeCounts: Int32Array;
}

/** The tie-break keys of every entry, counting only observations with non-zero weight. */
export function tieKeys(panel: Panel, weights: Float64Array): TieKeys {
	const C = panel.criteria.length;
	const E = panel.entryIds.length;
	const criterionMeans = new Float64Array(E * C);
	const judgeCounts = new Int32Array(E);
	const counts = new Float64Array(C);
	for (let e = 0; e < E; e++) {
		counts.fill(0);
		for (let i = panel.entryStart[e]; i < panel.entryStart[e + 1]; i++) {
			const w = weights[i];
			if (w === 0) continue;
			judgeCounts[e]++;
			for (let c = 0; c < C; c++) {
				const value = panel.obsCriterion[i * C + c];
				if (Number.isNaN(value)) continue;
				criterionMeans[e * C + c] += w * value;
				counts[c] += w;
			}
		}
		for (let c = 0; c < C; c++) criterionMeans[e * C + c] = counts[c] > 0 ? criterionMeans[e * C + c] / counts[c] : Number.NaN;
	}
	return { criterionMeans, judgeCounts };
}

/** A category in final order: entry indices, ranks and tie-break records. */
export interface CategoryOrder {
	order: number[];
	ranks: number[];
	tieBreaks: { entries: number[]; decidedBy: (string | null)[] }[];
	unscored: number[];
	winner: number | null;
}

/**
 * Orders a category by score, higher first. Scores within TIE_TOLERANCE of the first of a run are
 * equal; the rules then apply in order (higher key first; a missing criterion mean counts as
 * lowest), and entries that no rule separates share a rank (listed by id).
 */
export function orderCategory(entries: readonly number[], scores: Float64Array, keys: TieKeys, rules: readonly Rule[], criteriaCount: number): CategoryOrder {
	const unscored = entries.filter((e) => Number.isNaN(scores[e]));
	const scored = entries.filter((e) => !Number.isNaN(scores[e])).sort((a, b) => scores[b] - scores[a] || a - b);
	const key = (rule: Rule, e: number): number => {
		const value = rule.criterion < 0 ? keys.judgeCounts[e] : keys.criterionMeans[e * criteriaCount + rule.criterion];
		return Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value;
	};
	const decidingRule = (a: number, b: number): { rule: Rule; sign: number } | null => {
		for (const rule of rules) {
			const ka = key(rule, a);
			const kb = key(rule, b);
			if (ka === kb || Math.abs(ka - kb) <= TIE_TOLERANCE) continue;
			return { rule, sign: ka > kb ? -1 : 1 };
		}
		return null;
	};
	const order: number[] = [];
	const ranks: number[] = [];
	const tieBreaks: CategoryOrder['tieBreaks'] = [];
	for (let start = 0; start < scored.length; ) {
		let end = start + 1;
		while (end < scored.length && scores[scored[start]] - scores[scored[end]] <= TIE_TOLERANCE) end++;
		const group = scored.slice(start, end);
		let decidedBy: (string | null)[] = [];
		if (group.length > 1) {
			group.sort((a, b) => decidingRule(a, b)?.sign ?? a - b);
			decidedBy = group.slice(1).map((e, k) => decidingRule(group[k], e)?.rule.name ?? null);
			tieBreaks.push({ entries: group, decidedBy });
		}
		group.forEach((e, k) => {
			order.push(e);
			ranks.push(k > 0 && decidedBy[k - 1] === null ? ranks[ranks.length - 1] : start + k + 1);
		});
		start = end;
	}
	const winner = order.length > 0 && (order.length === 1 || ranks[1] !== 1) ? order[0] : null;
	return { order, ranks, tieBreaks, unscored, winner };
}

/** The declared tie-break rules, resolved against the criteria. */
export function resolveRules(tieBreak: readonly string[], criteria: readonly CriterionRef[]): Rule[] {
	return tieBreak.map((name) => {
		if (name === 'judges') return { name: 'judges', criterion: -1 };
		const criterion = criteria.findIndex((c) => c.id === name);
		if (criterion < 0) throw new Error(`tie-break "${name}": expected a criterion id (${criteria.map((c) => c.id).join(', ')}) or "judges"`);
		return { name, criterion };
	});
}
