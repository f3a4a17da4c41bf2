/**
 * The finalist round: each judge ranks the finalists; the Schulze method (beatpath) turns the
 * rankings into one order, and Kendall's W says how far the judges agree.
 *
 * Schulze, "A new monotonic, clone-independent, reversal symmetric, and Condorcet-consistent
 * single-winner election method", Social Choice and Welfare 36 (2011). Pairwise counts d[a][b]
 * (judges ranking a above b); the strength of a path is its weakest link, links being the pairwise
 * wins d[a][b] > d[b][a]; a beats b when the strongest path a → b is stronger than b → a. That
 * relation is transitive, so it orders the finalists, with genuine ties where neither beats the
 * other.
 */
import { kendallW } from './stats.ts';

/** One judge's ranking of the finalists, best first. */
export interface FinalistRanking {
	/** Judge id. */
	judge: string;
	/** Finalist ids, best first. */
	order: string[];
}

export interface FinalistResult {
	/** Finalists in Schulze order, best first; finalists in a tie group are listed by id. */
	order: string[];
	/** Groups of finalists the Schulze method cannot separate (each listed by id, in `order`'s order). */
	ties: string[][];
	/** pairwise[a][b]: judges who ranked a above b. */
	pairwise: Record<string, Record<string, number>>;
	/** strongestPaths[a][b]: strength of the strongest path from a to b (0 when there is none). */
	strongestPaths: Record<string, Record<string, number>>;
	/** Kendall's W over the finalists every judge ranked (1 = identical rankings, 0 = none); null with fewer than two judges or finalists. */
	kendallW: number | null;
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Orders the finalists by the Schulze method and measures agreement by Kendall's W. A judge who
 * leaves a finalist out (a conflict of interest) expresses no preference about it: pairs involving
 * it do not count for that judge, rather than placing it last. Kendall's W needs complete
 * rankings, so it is computed over the finalists that every judge ranked. Throws when a judge
 * ranks a finalist twice or appears twice.
 */
export function rankFinalists(rankings: readonly FinalistRanking[]): FinalistResult {
	const judges = [...rankings].sort((a, b) => compareIds(a.judge, b.judge));
	judges.forEach((r, i) => {
		if (i > 0 && judges[i - 1].judge === r.judge) throw new Error(`judge "${r.judge}" ranked the finalists twice`);
		if (new Set(r.order).size !== r.order.length) throw new Error(`judge "${r.judge}" ranked a finalist twice`);
	});
	const candidates = [...new Set(judges.flatMap((r) => r.order))].sort(compareIds);
	const n = candidates.length;
	const index = new Map(candidates.map((c, i) => [c, i]));
	const d = new Float64Array(n * n);
	for (const { order } of judges) {
		for (let p = 0; p < order.length; p++) {
			const a = index.get(order[p]) as number;
			for (let q = p + 1; q < order.length; q++) d[a * n + (index.get(order[q]) as number)]++;
		}
	}
	// Widest paths (Floyd–Warshall with max–min), starting from the pairwise wins only.
	const p = new Float64Array(n * n);
	for (let a = 0; a < n; a++) {
		for (let b = 0; b < n; b++) if (a !== b && d[a * n + b] > d[b * n + a]) p[a * n + b] = d[a * n + b];
	}
	for (let k = 0; k < n; k++) {
		for (let a = 0; a < n; a++) {
			if (a === k) continue;
			for (let b = 0; b < n; b++) {
				if (b === a || b === k) continue;
				const through = Math.min(p[a * n + k], p[k * n + b]);
				if (through > p[a * n + b]) p[a * n + b] = through;
			}
		}
	}
	const beats = (a: number, b: number) => p[a * n + b] > p[b * n + a];
	// Peel off, tier by tier, the finalists no remaining finalist beats.
	const order: string[] = [];
	const ties: string[][] = [];
	let remaining = candidates.map((_, i) => i);
	while (remaining.length > 0) {
		const tier = remaining.filter((a) => !remaining.some((b) => b !== a && beats(b, a)));
		// The relation is transitive, so an unbeaten finalist always exists; guard against a cycle anyway.
		const top = tier.length > 0 ? tier : remaining;
		order.push(...top.map((i) => candidates[i]));
		if (top.length > 1) ties.push(top.map((i) => candidates[i]));
		remaining = remaining.filter((a) => !top.includes(a));
	}
	const matrix = (values: Float64Array) =>
		Object.fromEntries(
			candidates.map((a, i) => [a, Object.fromEntries(candidates.flatMap((b, j) => (i === j ? [] : [[b, values[i * n + j]]])))]),
		) as Record<string, Record<string, number>>;
	return { order, ties, pairwise: matrix(d), strongestPaths: matrix(p), kendallW: agreement(judges, candidates) };
}

/** Kendall's W over the finalists every judge ranked, ranks re-derived from each judge's order. */
function agreement(judges: readonly FinalistRanking[], candidates: readonly string[]): number | null {
	const common = candidates.filter((c) => judges.every((r) => r.order.includes(c)));
	if (judges.length < 2 || common.length < 2) return null;
	const ranks = judges.map((r) => {
		const kept = r.order.filter((c) => common.includes(c));
		return common.map((c) => kept.indexOf(c) + 1);
	});
	return kendallW(ranks);
}
