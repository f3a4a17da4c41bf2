/**
 * Uncertainty by case bootstrap within entries (Graves et al., BMJ 2011): resampled scores and
 * ranks, and what they say about each entry (rank interval, chance of winning) and about which
 * entries are statistically tied (bands).
 */
import { seededRandom } from '../random.ts';
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

/**
 * Case bootstrap within entries (Graves et al., BMJ 2011): each entry's judge scores are drawn with
 * replacement, as many as it has, and the declared method is re-run on the resampled data, so the
 * judge offsets (or z-score scales) are re-estimated each time and their uncertainty propagates.
 * The ridge stays at its full-data value. Ties within a resample keep the final order (which
 * already reflects the declared tie-break).
 */
export function runBootstrap(panel: Panel, fit: Fit, orders: readonly CategoryOrder[], resamples: number, seed: number): Bootstrap {
	const random = seededRandom(seed);
	const E = panel.entryIds.length;
	const N = panel.obsScore.length;
	const { entryStart } = panel;
	const weights = new Float64Array(N);
	const current = new Float64Array(E);
	const scores = new Float64Array(resamples * E);
	const ranks = new Int32Array(resamples * E);
	const working = orders.map((o) => new Int32Array(o.order.length));
	for (let r = 0; r < resamples; r++) {
		weights.fill(0);
		for (let e = 0; e < E; e++) {
			const start = entryStart[e];
			const count = entryStart[e + 1] - start;
			if (count === 1) weights[start] = 1;
			else for (let k = 0; k < count; k++) weights[start + random.int(0, count - 1)]++;
		}
		fit(weights, current);
		const offset = r * E;
		scores.set(current, offset);
		orders.forEach((category, c) => {
			const order = working[c];
			order.set(category.order);
			// Insertion sort from the final order: few inversions, and ties keep the final order.
			for (let p = 1; p < order.length; p++) {
				const entry = order[p];
				const score = current[entry];
				let q = p - 1;
				while (q >= 0 && current[order[q]] < score) {
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

/** What the resamples say about entry e's rank; `rankSample` is scratch space of one rank per resample. */
export function rankSummary(
	bootstrap: Bootstrap,
	resamples: number,
	entries: number,
	e: number,
	rankSample: Int32Array,
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
		rankInterval: [nearestRank(rankSample, RANK_INTERVAL[0]), nearestRank(rankSample, RANK_INTERVAL[1])],
		expectedRank: rankSum / resamples,
		pWin: wins / resamples,
		pTop3: top3 / resamples,
	};
}
