/**
 * Uncertainty by case bootstrap within entries (Graves et al., BMJ 2011): resampled scores and
 * ranks, and what they say about each entry (rank interval, chance of winning) and about which
 * entries are statistically tied (bands).
 */
import { seededRandom, type Random } from '../random.ts';
import { nearestRank } from '../stats.ts';
import type { Fit } from './fits.ts';
import type { Panel } from './panel.ts';
import { TIE_TOLERANCE, type CategoryOrder } from './tie-break.ts';
import type { TieBand } from './types.ts';

/** Rank interval: the central 95% of bootstrap ranks. */
export const RANK_INTERVAL: readonly [number, number] = [0.025, 0.975];

/**
 * Tie bands: walking down the final order, an entry starts a new band when the current band's head
 * (its best entry) scores above it in at least this share of bootstrap resamples; otherwise it
 * joins the head's band. Comparing with the head rather than the neighbour avoids chaining (a
 * band of a, b, c where a and c are clearly apart), so every member of a band is statistically
 * tied with the band's best entry — for band 1, with the winner.
 */
export const BAND_SEPARATION = 0.95;

/** The resampled scores and ranks of every entry. */
export interface Bootstrap {
	/** Scores per resample (resample × entry). */
	scores: Float64Array;
	/** Rank per resample (resample × entry), 1 = first; 0 for unscored entries. */
	ranks: Int32Array;
}

/** One resample: fills `out` with every entry's score refitted to data resampled with `random`. */
export type Resampler = (random: Random, out: Float64Array) => void;

/**
 * Case bootstrap within entries (Graves et al., BMJ 2011): each entry's judge scores are drawn with
 * replacement, as many as it has, and the declared method is re-run on the resampled data, so the
 * judge offsets (or z-score scales) are re-estimated each time and their uncertainty propagates.
 * The ridge stays at its full-data value.
 */
export function caseResampler(panel: Panel, fit: Fit): Resampler {
	const E = panel.entryIds.length;
	const { entryStart } = panel;
	const weights = new Float64Array(panel.obsScore.length);
	return (random, out) => {
		weights.fill(0);
		for (let e = 0; e < E; e++) {
			const start = entryStart[e];
			const count = entryStart[e + 1] - start;
			if (count === 1) weights[start] = 1;
			else for (let k = 0; k < count; k++) weights[start + random.int(0, count - 1)]++;
		}
		fit(weights, out);
	};
}

/**
 * Runs `resamples` resamples from `seededRandom(seed)` and ranks each category in each. Given the
 * full-data scores (`posteriorAround`), the refits are first turned into draws of the true scores
 * (toPosteriorDraws). Ties within a resample keep the final order (which already reflects the
 * declared tie-break).
 */
export function runBootstrap(panel: Panel, resample: Resampler, orders: readonly CategoryOrder[], resamples: number, seed: number, posteriorAround?: Float64Array): Bootstrap {
	const random = seededRandom(seed);
	const E = panel.entryIds.length;
	const scores = new Float64Array(resamples * E);
	const ranks = new Int32Array(resamples * E);
	// One work array for every resample: nothing is allocated inside the loop.
	const current = new Float64Array(E);
	for (let r = 0; r < resamples; r++) {
		resample(random, current);
		scores.set(current, r * E);
	}
	if (posteriorAround) toPosteriorDraws(orders, scores, resamples, E, posteriorAround);
	const working = orders.map((o) => new Int32Array(o.order.length));
	for (let r = 0; r < resamples; r++) {
		const offset = r * E;
		orders.forEach((category, c) => {
			const order = working[c];
			order.set(category.order);
			// Insertion sort from the final order: few inversions, and ties keep the final order.
			for (let p = 1; p < order.length; p++) {
				const entry = order[p];
				const score = scores[offset + entry];
				let q = p - 1;
				while (q >= 0 && scores[offset + order[q]] < score) {
					order[q + 1] = order[q];
					q--;
				}
				order[q + 1] = entry;
			}
			for (let p = 0; p < order.length; p++) ranks[offset + order[p]] = p + 1;
		});
	}
	return { scores, ranks };
}

/**
 * Turns refits into draws of each entry's true score, per category, in place.
 *
 * Ranking the refits themselves ranks estimates that carry their noise twice (once from the data,
 * once from the resample), which pulls every entry's draws towards the middle ranks. Instead,
 * empirical Bayes (Laird & Louis, JASA 1987; Laird & Louis, J. Educational Statistics 1989): with
 * q̂_e the full-data score, v_e the variance of its refits, m and τ² the category's mean and the
 * variance of its true scores (variance of the q̂ minus the average v), the true score is about
 * N(m + B_e·(q̂_e − m), B_e·v_e) with B_e = τ²/(τ² + v_e). Each draw is
 * m + B_e·(q̂_e − m) + √B_e·(the refit's deviation from the refits' mean): the refit carries the uncertainty of
 * the judges' parameters and its correlation across entries, the shrinkage removes the doubled
 * noise. Deviations are taken from the category's mean deviation in the same resample, since a
 * shift of every entry changes no rank.
 */
export function toPosteriorDraws(orders: readonly CategoryOrder[], scores: Float64Array, resamples: number, entries: number, fitted: Float64Array): void {
	for (const category of orders) {
		const members = category.order;
		const n = members.length;
		if (n < 2) continue;
		const variance = new Float64Array(n);
		const centre = new Float64Array(n);
		for (let r = 0; r < resamples; r++) {
			const offset = r * entries;
			let shift = 0;
			for (let p = 0; p < n; p++) shift += scores[offset + members[p]] - fitted[members[p]];
			shift /= n;
			for (let p = 0; p < n; p++) {
				const e = members[p];
				const deviation = scores[offset + e] - fitted[e] - shift;
				scores[offset + e] = deviation;
				centre[p] += deviation;
			}
		}
		// Deviations from their own mean: a refit that settles slightly apart from the full-data
		// fit (a bias of the estimator, the same in every resample) is no uncertainty.
		for (let p = 0; p < n; p++) {
			const e = members[p];
			centre[p] /= resamples;
			for (let r = 0; r < resamples; r++) {
				const at = r * entries + e;
				scores[at] -= centre[p];
				variance[p] += scores[at] * scores[at];
			}
		}
		let mean = 0;
		for (let p = 0; p < n; p++) mean += fitted[members[p]];
		mean /= n;
		let spread = 0;
		let averageVariance = 0;
		for (let p = 0; p < n; p++) {
			variance[p] /= resamples;
			averageVariance += variance[p];
			spread += (fitted[members[p]] - mean) ** 2;
		}
		averageVariance /= n;
		spread /= n - 1;
		// τ² by the method of moments, floored so that a category the scores cannot separate gets
		// draws that are almost pure noise (wide intervals) rather than a division by zero.
		const truth = Math.max(spread - averageVariance, POSTERIOR_TAU_FLOOR * spread, Number.MIN_VALUE);
		for (let p = 0; p < n; p++) {
			const e = members[p];
			const shrink = truth / (truth + variance[p]);
			const posteriorMean = mean + shrink * (fitted[e] - mean);
			const scale = Math.sqrt(shrink);
			for (let r = 0; r < resamples; r++) {
				const at = r * entries + e;
				scores[at] = posteriorMean + scale * scores[at];
			}
		}
	}
}

/** Smallest share of the categories' score variance credited to true differences (see toPosteriorDraws). */
export const POSTERIOR_TAU_FLOOR = 0.01;

/** Share of resamples in which entry a scores above entry b (equal scores count half). */
export function shareAbove(bootstrap: Bootstrap, resamples: number, entries: number, a: number, b: number): number {
	let above = 0;
	for (let r = 0; r < resamples; r++) {
		const difference = bootstrap.scores[r * entries + a] - bootstrap.scores[r * entries + b];
		if (difference > TIE_TOLERANCE) above++;
		else if (difference >= -TIE_TOLERANCE) above += 0.5;
	}
	return above / resamples;
}

/**
 * A category's tie bands (see BAND_SEPARATION), walking down its final order; with the band of
 * each entry index.
 */
export function tieBands(order: readonly number[], bootstrap: Bootstrap, resamples: number, entries: number, entryIds: readonly string[]): { bands: TieBand[]; bandOf: Map<number, number> } {
	const bands: TieBand[] = [];
	const bandOf = new Map<number, number>();
	let head = -1;
	for (const e of order) {
		if (head < 0 || shareAbove(bootstrap, resamples, entries, head, e) >= BAND_SEPARATION) {
			head = e;
			bands.push({ band: bands.length + 1, entries: [] });
		}
		bands[bands.length - 1].entries.push(entryIds[e]);
		bandOf.set(e, bands.length);
	}
	return { bands, bandOf };
}

/**
 * How a rank interval is read from the resampled ranks: `central`, from the 2.5th to the 97.5th
 * percentile (RANK_INTERVAL); `shortest`, the narrowest run of ranks that holds 95% of the
 * resamples. Ranks are whole numbers, so a central interval includes both end ranks whole and
 * holds more than 95%: with exact posterior draws it holds the true rank about 97% of the time at
 * 40 entries; the shortest one, about 95.5% (docs/awards.md).
 */
export type RankIntervalKind = 'central' | 'shortest';

/** The narrowest run of sorted ranks holding `share` of them; among equally narrow runs, the one centred nearest the median, then the first. */
export function shortestInterval(sorted: Int32Array, share: number): [number, number] {
	const n = sorted.length;
	const need = Math.min(n, Math.max(1, Math.ceil(share * n - 1e-9)));
	const median = sorted[(n - 1) >> 1];
	let best = 0;
	for (let a = 1; a + need - 1 < n; a++) {
		const width = sorted[a + need - 1] - sorted[a];
		const bestWidth = sorted[best + need - 1] - sorted[best];
		if (width < bestWidth) best = a;
		else if (width === bestWidth && Math.abs(sorted[a] + sorted[a + need - 1] - 2 * median) < Math.abs(sorted[best] + sorted[best + need - 1] - 2 * median)) best = a;
	}
	return [sorted[best], sorted[best + need - 1]];
}

/** What the resamples say about entry e's rank; `rankSample` is scratch space of one rank per resample. */
export function rankSummary(
	bootstrap: Bootstrap,
	resamples: number,
	entries: number,
	e: number,
	rankSample: Int32Array,
	kind: RankIntervalKind = 'central',
): { rankInterval: [number, number]; expectedRank: number; pWin: number; pTop3: number } {
	let wins = 0;
	let top3 = 0;
	let rankSum = 0;
	for (let r = 0; r < resamples; r++) {
		const rank = bootstrap.ranks[r * entries + e];
		rankSample[r] = rank;
		rankSum += rank;
		if (rank === 1) wins++;
		if (rank <= 3) top3++;
	}
	rankSample.sort();
	return {
		rankInterval: kind === 'shortest' ? shortestInterval(rankSample, RANK_INTERVAL[1] - RANK_INTERVAL[0]) : [nearestRank(rankSample, RANK_INTERVAL[0]), nearestRank(rankSample, RANK_INTERVAL[1])],
		expectedRank: rankSum / resamples,
		pWin: wins / resamples,
		pTop3: top3 / resamples,
	};
}
