/**
 * The search index comes in bundles of whole years, so that no single Pagefind run holds the
 * whole library. Pagefind holds about half a megabyte per page while it indexes (3 GB for the
 * 7,100 searchable pages of a 10,000-item library), and re-indexes everything on every build. A
 * bundle of at most `MAX_BUNDLE_PAGES` pages keeps indexing under about 1.2 GB whatever the
 * library's size, and a rebuild re-indexes only the bundles whose pages changed.
 *
 * The browser merges the bundles (Pagefind's `mergeIndex`). The newest bundle is the primary one
 * at `/pagefind/`, whose script and WebAssembly serve them all. Pagefind merges results by score,
 * and a sorted search scores each result by its rank in its own bundle, so the library asks each
 * bundle for its own years (the `year` filter every searchable page declares) and lists the
 * answers newest bundle first: bundles hold consecutive years, so that is newest first overall.
 *
 * The plan is a pure function of the number of searchable pages per year, computed by the site
 * (to tell the browser which bundles exist) and by the index step (which checks the two agree).
 */

/** The Pagefind filter each searchable page declares its year in (`YYYY`). */
export const YEAR_FILTER = 'year';

/** The year a searchable page is indexed under: that of its library date (`YYYY`, UTC, as its sort key). */
export const yearOf = (date: Date): string => date.toISOString().slice(0, 4);

/** Most pages in one bundle, unless a single year holds more (a year is never split). */
export const MAX_BUNDLE_PAGES = 2500;

/** Where the primary bundle (Pagefind's script, WebAssembly and the newest pages' index) lives. */
export const PRIMARY_BUNDLE_PATH = '/pagefind/';

export interface SearchBundle {
	/** Its years, oldest to newest: `2026`, `2020-2022`. Names its folder and its cache. */
	id: string;
	/** URL path of the bundle's folder, ending in `/`: the primary's, or `/pagefind/<id>/`. */
	path: string;
	/** The years whose pages it indexes, newest first. */
	years: string[];
	/** How many pages it indexes. */
	pages: number;
}

/** `MAX_BUNDLE_PAGES`, or a smaller size from `CREDENCE_SEARCH_BUNDLE_PAGES` (tests and small demos). */
export function maxBundlePages(env: Record<string, string | undefined> = process.env): number {
	const value = Number(env.CREDENCE_SEARCH_BUNDLE_PAGES);
	return Number.isInteger(value) && value > 0 ? value : MAX_BUNDLE_PAGES;
}

/**
 * Groups consecutive years into bundles of at most `maxPages` pages, packed from the oldest year,
 * so that new evidence (which is mostly recent) leaves the older bundles, and their cached
 * index, as they were. Newest bundle first; it is the primary one.
 */
export function planSearchBundles(pagesByYear: Record<string, number>, maxPages = MAX_BUNDLE_PAGES): SearchBundle[] {
	const years = Object.keys(pagesByYear)
		.filter((year) => pagesByYear[year] > 0)
		.sort();
	const groups: { years: string[]; pages: number }[] = [];
	for (const year of years) {
		const last = groups.at(-1);
		if (last && last.pages + pagesByYear[year] <= maxPages) {
			last.years.push(year);
			last.pages += pagesByYear[year];
		} else groups.push({ years: [year], pages: pagesByYear[year] });
	}
	return groups.reverse().map((group, i) => {
		const newestFirst = [...group.years].reverse();
		const id = group.years.length === 1 ? group.years[0] : `${group.years[0]}-${group.years.at(-1)}`;
		return { id, path: i === 0 ? PRIMARY_BUNDLE_PATH : `${PRIMARY_BUNDLE_PATH}${id}/`, years: newestFirst, pages: group.pages };
	});
}

/** A Pagefind search answer, as far as merging bundles is concerned. */
export interface BundleSearch<R> {
	results: R[];
	/** Per filter, how many of the results carry each value. */
	filters: Record<string, Record<string, number>>;
}

/** One answer from the answers of each bundle, newest bundle first: results in that order, counts added up. */
export function mergeBundleSearches<R>(searches: BundleSearch<R>[]): BundleSearch<R> {
	const filters: BundleSearch<R>['filters'] = {};
	for (const search of searches) {
		for (const [filter, values] of Object.entries(search.filters)) {
			const merged = (filters[filter] ??= {});
			for (const [value, count] of Object.entries(values)) merged[value] = (merged[value] ?? 0) + count;
		}
	}
	return { results: searches.flatMap((search) => search.results), filters };
}
