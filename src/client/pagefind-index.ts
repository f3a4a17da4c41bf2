/**
 * The browser's way into the search index, shared by the search page and the library's filter:
 * Pagefind's JS API (`/pagefind/pagefind.js`, written by the index step), loaded once per page on
 * first use with every bundle of the index merged into it (src/lib/search-bundles.ts).
 *
 * A search fetches only what it needs: for each bundle its metadata, the index chunks of its
 * words and the fragments of the results drawn. The filters' data, which counting facet options
 * needs, is as large again (every value of every facet, in every bundle), so it is fetched only
 * when counts are wanted (`loadFilterCounts`), not with the first search.
 */
import { FACETS, type Facet, type Selection } from '../lib/facets';
import { countsById, selectionWithout, SORT_KEY, type FacetLabels, type PagefindFilters, type PagefindFragment } from '../lib/library-search';
import { mergeBundleSearches, PRIMARY_BUNDLE_PATH, YEAR_FILTER, type SearchBundle } from '../lib/search-bundles';

export interface PagefindResult {
	data(): Promise<PagefindFragment>;
}

export interface PagefindSearch {
	results: PagefindResult[];
	/** Per filter, how many of the results carry each value (filters whose data is loaded only). */
	filters: Record<string, Record<string, number>>;
}

type Filters = PagefindFilters & Record<string, { any: string[] }>;

/** The part of Pagefind's JS API used here. */
interface Pagefind {
	options(options: { excerptLength?: number }): Promise<void>;
	init(): Promise<void>;
	mergeIndex(bundlePath: string): Promise<void>;
	filters(): Promise<unknown>;
	search(term: string | null, options: { filters?: Filters; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch>;
}

/** Words of page text around the matches in a result's excerpt. */
const EXCERPT_WORDS = 24;

// Written by the index step, after bundling: the bundler must leave the import alone.
const PAGEFIND_URL = `${PRIMARY_BUNDLE_PATH}pagefind.js`;
let pagefind: Promise<Pagefind> | undefined;
let filterData: Promise<void> | undefined;
let filterDataLoaded = false;

/** Pagefind with every bundle merged; loaded on the first call, tried again after a failure. */
export function loadPagefind(bundles: SearchBundle[]): Promise<Pagefind> {
	pagefind ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>).then(
		async (module) => {
			await module.options({ excerptLength: EXCERPT_WORDS });
			await module.init();
			for (const bundle of bundles.slice(1)) await module.mergeIndex(bundle.path);
			return module;
		},
		(error) => {
			pagefind = undefined;
			throw error;
		},
	);
	return pagefind;
}

/**
 * Fetches the data of every filter of every bundle. Pagefind counts the values only of the
 * filters it has loaded (a search loads those it filters by), so until this has resolved a
 * search's counts are partial.
 */
export function loadFilterCounts(bundles: SearchBundle[]): Promise<void> {
	if (bundles.length === 0) {
		filterDataLoaded = true;
		return Promise.resolve();
	}
	filterData ??= loadPagefind(bundles).then(
		async (index) => {
			await index.filters();
			filterDataLoaded = true;
		},
		(error) => {
			filterData = undefined;
			throw error;
		},
	);
	return filterData;
}

/** Whether `loadFilterCounts` has resolved, so a search's counts are whole. */
export const haveFilterCounts = (): boolean => filterDataLoaded;

const NO_MATCH: PagefindSearch = { results: [], filters: {} };

/**
 * A search for words (by relevance, Pagefind merging the bundles by score) or, with no words,
 * for a choice of facets alone, newest first. A sorted search ranks each result within its
 * bundle, so then each bundle answers for its own years and the answers are listed newest
 * bundle first (bundles hold consecutive years). `null` filters match nothing.
 */
export async function searchIndex(bundles: SearchBundle[], term: string, filters: PagefindFilters | null): Promise<PagefindSearch> {
	// No bundles: nothing is public yet, and the build wrote no index to load.
	if (!filters || bundles.length === 0) return NO_MATCH;
	const index = await loadPagefind(bundles);
	if (term) return index.search(term, { filters });
	const sort = { [SORT_KEY]: 'desc' as const };
	return mergeBundleSearches(await Promise.all(bundles.map((bundle) => index.search(null, { filters: { ...filters, [YEAR_FILTER]: { any: bundle.years } }, sort }))));
}

/**
 * The search for a choice of facets, and each facet's option counts: a facet's options are
 * counted over the choices in the other facets, so each count says what ticking that option
 * would add (any value within a facet matches). Counts are right once `loadFilterCounts` has
 * resolved.
 */
export async function searchCounted(
	search: (selection: Selection) => Promise<PagefindSearch>,
	selection: Selection,
	labels: FacetLabels,
): Promise<{ matching: PagefindSearch; countsOf: (facet: Facet) => Map<string, number> }> {
	const chosen = FACETS.filter((facet) => selection[facet]?.length);
	const [matching, ...without] = await Promise.all([search(selection), ...chosen.map((facet) => search(selectionWithout(selection, facet)))]);
	return { matching, countsOf: (facet) => countsById((chosen.includes(facet) ? without[chosen.indexOf(facet)] : matching).filters, facet, labels) };
}
