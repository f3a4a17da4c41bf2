/**
 * The two paged lists of evidence: the library (`allEvidence`: every public story and video, and
 * the award entries the judges placed) and the video testimonials, newest first, cut into pages
 * of `libraryPageSize` cards. The query layer applies the publication rule; this only decides
 * which items each list holds and which of them a page shows.
 */
import { facetCounts, type FacetCounts } from '../lib/facets.ts';
import { laterPages, pageCount, pageSlice } from '../lib/pagination.ts';
import { allEvidence, getSite, memoised, type EvidenceItem } from './content.ts';

/** The paged lists, by name. */
export const PAGED_LISTS = {
	library: { base: '/stories/', items: () => allEvidence() },
	videos: { base: '/videos/', items: async () => (await allEvidence()).filter((item) => item.type === 'video') },
} as const;

export type PagedListName = keyof typeof PAGED_LISTS;

/** One page of a list, with what its pagination nav and headings need. */
export interface ListPage {
	/** The cards on this page. */
	items: EvidenceItem[];
	/** 1-based. */
	page: number;
	pageCount: number;
	pageSize: number;
	/** Items in the whole list. */
	total: number;
	/** The list's first page (`/stories/`); later pages are below it. */
	base: string;
}

/** Page `page` (1-based) of a list. */
export async function listPage(list: PagedListName, page: number): Promise<ListPage> {
	const { base, items } = PAGED_LISTS[list];
	const all = await items();
	const { libraryPageSize: pageSize } = await getSite();
	return { items: pageSlice(all, page, pageSize), page, pageCount: pageCount(all.length, pageSize), pageSize, total: all.length, base };
}

/**
 * How many library items carry each facet value, for the facet options every library page shows:
 * counted once per build (counting ten thousand items on each of two hundred pages took a second).
 */
export const libraryFacetCounts: () => Promise<FacetCounts> = memoised('libraryFacetCounts', async () =>
	facetCounts((await PAGED_LISTS.library.items()).map((item) => item.facetValues)),
);

/** `getStaticPaths` entries of a list's later pages (`[page].astro` under `<base>page/`); page 1 is the list's index page. */
export async function laterPagePaths(list: PagedListName): Promise<{ params: { page: string }; props: { page: number } }[]> {
	const { libraryPageSize } = await getSite();
	const total = (await PAGED_LISTS[list].items()).length;
	return laterPages(pageCount(total, libraryPageSize)).map((page) => ({ params: { page: String(page) }, props: { page } }));
}
