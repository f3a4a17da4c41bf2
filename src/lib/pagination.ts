/**
 * Paging of the long lists (the evidence library, the video testimonials): how many pages, which
 * items a page shows, each page's address, and which page numbers the pagination nav links to.
 * Page 1 lives at the list's own address (`/stories/`); later pages at `/stories/page/2/` and on,
 * so there is exactly one address per page.
 */

/**
 * Cards per page unless `libraryPageSize` in `content/site.yaml` says otherwise: a page of 48
 * cards is a few hundred kilobytes of HTML however large the library grows, and 48 divides into
 * rows of 2, 3 and 4 cards.
 */
export const DEFAULT_PAGE_SIZE = 48;

/** How many pages `total` items fill; an empty list still has its (empty) first page. */
export function pageCount(total: number, pageSize: number): number {
	return Math.max(1, Math.ceil(total / pageSize));
}

/** The items shown on a page (1-based); empty past the last page. */
export function pageSlice<T>(items: readonly T[], page: number, pageSize: number): T[] {
	return items.slice((page - 1) * pageSize, page * pageSize);
}

/** The 1-based positions of the first and last item on a page, for "showing 49–96 of 310". */
export function pageRange(page: number, pageSize: number, total: number): { first: number; last: number } {
	const first = Math.min((page - 1) * pageSize + 1, total);
	return { first, last: Math.min(page * pageSize, total) };
}

/** The address of a page of the list at `base` (which ends in `/`): page 1 is `base` itself. */
export function pageUrl(base: string, page: number): string {
	return page <= 1 ? base : `${base}page/${page}/`;
}

/** The pages after the first, each of which gets its own route (`/stories/page/2/` …). */
export function laterPages(count: number): number[] {
	return Array.from({ length: Math.max(0, count - 1) }, (_, i) => i + 2);
}

/** An entry of the pagination nav: a page number to link, or a gap standing for skipped pages. */
export type PageLink = number | 'gap';

/**
 * The page numbers the nav shows: always the first and the last, the current one with `around`
 * neighbours on each side, and a gap where pages are skipped. A gap never stands for a single
 * page (that page is shown instead, as it takes the same room), so the nav of a 10-page list on
 * page 5 reads 1 … 4 5 6 … 10 and on page 3 reads 1 2 3 4 … 10.
 */
export function pageLinks(current: number, count: number, around = 1): PageLink[] {
	const shown = new Set<number>([1, count]);
	for (let page = current - around; page <= current + around; page++) if (page >= 1 && page <= count) shown.add(page);
	const pages = [...shown].sort((a, b) => a - b);
	const links: PageLink[] = [];
	pages.forEach((page, i) => {
		const previous = pages[i - 1];
		if (previous !== undefined && page - previous === 2) links.push(previous + 1);
		else if (previous !== undefined && page - previous > 2) links.push('gap');
		links.push(page);
	});
	return links;
}

/** A paged list's title on one of its pages: "Evidence library", then "Evidence library, page 2 of 5". */
export function pagedTitle(title: string, page: number, count: number): string {
	return page > 1 ? `${title}, page ${page} of ${count}` : title;
}

const countFormat = new Intl.NumberFormat('en-GB');

/** A count as the site writes it in sentences: `7,100`. */
export const formatCount = (n: number): string => countFormat.format(n);
