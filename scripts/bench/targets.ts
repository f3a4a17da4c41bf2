/**
 * The scale targets (issue #5) checked against a benchmark's results. The targets are for
 * 10,000 items, so they are checked at the largest size measured; per-page growth compares it
 * with the smallest.
 */

/** Most static hosts (Cloudflare Pages, for one) stop at 20,000 files per deployment. */
export const HOST_FILE_LIMIT = 20_000;

/** The limits, as the issue states them. */
export const TARGETS = {
	/** Time per page, as a multiple of bare Astro's on the same bodies. */
	perPageVsBare: 1.25,
	/** Time per page at the largest size, as a multiple of that at the smallest. */
	perPageGrowth: 1.2,
	/** Peak resident memory of all the build's processes, in MB (10^6 bytes). */
	peakRssMb: 2000,
	/** A rebuild after editing one story, as a share of the cold build. */
	rebuildOfCold: 0.2,
	/** Bytes transferred for the first search, in KB. */
	firstSearchKb: 100,
} as const;

/** What the check reads from one size's results (a subset of the benchmark's figures). */
export interface TargetFigures {
	items: number;
	cold: { msPerPage: number; peakRssMb: number };
	rebuild: { ofCold: number };
	ratio: { msPerPage: number };
	dist: { files: number };
	/** Absent when the browser measurements were skipped. */
	search?: { kb: number };
}

export interface TargetCheck {
	/** The target in words, with its limit. */
	target: string;
	/** The measured figure, with its unit. */
	measured: string;
	met: boolean;
}

/** Each target, measured at the largest size; the growth target only when two or more sizes were measured, the search target only when it was measured. */
export function checkTargets(results: TargetFigures[]): TargetCheck[] {
	if (results.length === 0) return [];
	const largest = results.reduce((a, b) => (b.items > a.items ? b : a));
	const smallest = results.reduce((a, b) => (b.items < a.items ? b : a));
	const checks: TargetCheck[] = [
		{ target: `ms per page ≤ ${TARGETS.perPageVsBare}× bare Astro's`, measured: `${largest.ratio.msPerPage.toFixed(2)}×`, met: largest.ratio.msPerPage <= TARGETS.perPageVsBare },
	];
	if (smallest !== largest) {
		const growth = largest.cold.msPerPage / smallest.cold.msPerPage;
		checks.push({ target: `ms per page ≤ ${TARGETS.perPageGrowth}× that at ${smallest.items} items`, measured: `${growth.toFixed(2)}×`, met: growth <= TARGETS.perPageGrowth });
	}
	checks.push(
		{ target: `peak RSS ≤ ${TARGETS.peakRssMb.toLocaleString('en')} MB`, measured: `${largest.cold.peakRssMb.toLocaleString('en')} MB`, met: largest.cold.peakRssMb <= TARGETS.peakRssMb },
		{ target: `one-story rebuild ≤ ${TARGETS.rebuildOfCold * 100}% of the cold build`, measured: `${Math.round(largest.rebuild.ofCold * 100)}%`, met: largest.rebuild.ofCold <= TARGETS.rebuildOfCold },
	);
	if (largest.search) {
		checks.push({ target: `first search ≤ ${TARGETS.firstSearchKb} KB transferred`, measured: `${largest.search.kb.toFixed(1)} KB`, met: largest.search.kb <= TARGETS.firstSearchKb });
	}
	checks.push({ target: `files in dist/ < ${HOST_FILE_LIMIT.toLocaleString('en')}`, measured: largest.dist.files.toLocaleString('en'), met: largest.dist.files < HOST_FILE_LIMIT });
	return checks;
}
