import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, formatCount, laterPages, pageCount, pagedTitle, pageLinks, pageRange, pageSlice, pageUrl } from '../../src/lib/pagination.ts';

describe('pageCount', () => {
	it('rounds up to whole pages', () => {
		expect(pageCount(96, 48)).toBe(2);
		expect(pageCount(97, 48)).toBe(3);
		expect(pageCount(1, 48)).toBe(1);
	});

	it('gives an empty list its one, empty, first page', () => {
		expect(pageCount(0, 48)).toBe(1);
	});
});

describe('pageSlice', () => {
	const items = Array.from({ length: 10 }, (_, i) => i + 1);

	it('cuts consecutive pages that together hold every item exactly once', () => {
		const pages = Array.from({ length: pageCount(items.length, 4) }, (_, i) => pageSlice(items, i + 1, 4));
		expect(pages).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]]);
		expect(pages.flat()).toEqual(items);
	});

	it('is empty past the last page', () => {
		expect(pageSlice(items, 4, 4)).toEqual([]);
	});
});

describe('pageRange', () => {
	it('gives the positions of a page’s first and last item, the last page cut short', () => {
		expect(pageRange(1, 48, 310)).toEqual({ first: 1, last: 48 });
		expect(pageRange(2, 48, 310)).toEqual({ first: 49, last: 96 });
		expect(pageRange(7, 48, 310)).toEqual({ first: 289, last: 310 });
	});
});

describe('pageUrl', () => {
	it('puts page 1 at the list’s own address and later pages below it, with the trailing slash', () => {
		expect(pageUrl('/stories/', 1)).toBe('/stories/');
		expect(pageUrl('/stories/', 2)).toBe('/stories/page/2/');
		expect(pageUrl('/videos/', 12)).toBe('/videos/page/12/');
	});
});

describe('laterPages', () => {
	it('lists the pages that need a route of their own (page 1 is the index)', () => {
		expect(laterPages(4)).toEqual([2, 3, 4]);
		expect(laterPages(1)).toEqual([]);
	});
});

describe('pageLinks', () => {
	it('lists every page of a short list', () => {
		expect(pageLinks(1, 1)).toEqual([1]);
		expect(pageLinks(2, 5)).toEqual([1, 2, 3, 4, 5]);
	});

	it('keeps the first, the last and the current page’s neighbours, with gaps between', () => {
		expect(pageLinks(5, 10)).toEqual([1, 'gap', 4, 5, 6, 'gap', 10]);
		expect(pageLinks(1, 10)).toEqual([1, 2, 'gap', 10]);
		expect(pageLinks(10, 10)).toEqual([1, 'gap', 9, 10]);
	});

	it('shows a single skipped page instead of a gap standing for it', () => {
		expect(pageLinks(3, 10)).toEqual([1, 2, 3, 4, 'gap', 10]);
		expect(pageLinks(4, 10)).toEqual([1, 2, 3, 4, 5, 'gap', 10]);
		expect(pageLinks(8, 10)).toEqual([1, 'gap', 7, 8, 9, 10]);
	});

	it('widens the window around the current page on request', () => {
		expect(pageLinks(10, 20, 2)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 20]);
	});

	it('always includes the current page, in order, once', () => {
		for (let count = 1; count <= 12; count++) {
			for (let current = 1; current <= count; current++) {
				const pages = pageLinks(current, count).filter((l): l is number => l !== 'gap');
				expect(pages).toContain(current);
				expect(pages).toEqual([...new Set(pages)].sort((a, b) => a - b));
				expect(pages[0]).toBe(1);
				expect(pages.at(-1)).toBe(count);
			}
		}
	});
});

describe('pagedTitle', () => {
	it('says which page a later page is', () => {
		expect(pagedTitle('Evidence library', 1, 3)).toBe('Evidence library');
		expect(pagedTitle('Evidence library', 2, 3)).toBe('Evidence library, page 2 of 3');
	});
});

it('has a default page size that fills rows of 2, 3 and 4 cards', () => {
	for (const columns of [2, 3, 4]) expect(DEFAULT_PAGE_SIZE % columns).toBe(0);
});

describe('formatCount', () => {
	it('groups thousands as the site writes counts in sentences', () => {
		expect([7, 7100, 10697, 1234567].map(formatCount)).toEqual(['7', '7,100', '10,697', '1,234,567']);
	});
});
