import { describe, expect, it } from 'vitest';
import { maxBundlePages, mergeBundleSearches, planSearchBundles, yearOf } from '../../src/lib/search-bundles.ts';

describe('planSearchBundles', () => {
	it('keeps a small library in one bundle, the primary one', () => {
		expect(planSearchBundles({ '2024': 10, '2025': 20, '2026': 5 }, 2500)).toEqual([{ id: '2024-2026', path: '/pagefind/', years: ['2026', '2025', '2024'], pages: 35 }]);
	});

	it('packs consecutive years from the oldest, newest bundle first and primary', () => {
		const plan = planSearchBundles({ '2020': 1000, '2021': 900, '2022': 1000, '2023': 1000, '2024': 1100, '2025': 1000, '2026': 1100 }, 2500);
		expect(plan).toEqual([
			{ id: '2026', path: '/pagefind/', years: ['2026'], pages: 1100 },
			{ id: '2024-2025', path: '/pagefind/2024-2025/', years: ['2025', '2024'], pages: 2100 },
			{ id: '2022-2023', path: '/pagefind/2022-2023/', years: ['2023', '2022'], pages: 2000 },
			{ id: '2020-2021', path: '/pagefind/2020-2021/', years: ['2021', '2020'], pages: 1900 },
		]);
	});

	it('leaves older bundles as they were when new evidence arrives', () => {
		const before = planSearchBundles({ '2020': 1200, '2021': 1200, '2022': 1200, '2023': 600 }, 2500);
		const after = planSearchBundles({ '2020': 1200, '2021': 1200, '2022': 1200, '2023': 1300, '2024': 300 }, 2500);
		// Only the newest bundle of before can change; every older one is still there, as it was.
		expect(before.slice(1).length).toBeGreaterThan(0);
		for (const bundle of before.slice(1)) expect(after).toContainEqual(bundle);
		expect(after.map((b) => b.id)).toEqual(['2024', '2022-2023', '2020-2021']);
	});

	it('never splits a year, even one over the limit', () => {
		expect(planSearchBundles({ '2025': 4000, '2026': 10 }, 2500).map((b) => [b.id, b.pages])).toEqual([
			['2026', 10],
			['2025', 4000],
		]);
	});

	it('skips years without pages and plans nothing for an empty library', () => {
		expect(planSearchBundles({ '2025': 0, '2026': 3 }).map((b) => b.years)).toEqual([['2026']]);
		expect(planSearchBundles({})).toEqual([]);
	});
});

describe('mergeBundleSearches', () => {
	it('lists results bundle by bundle, in the order given, and adds up the filter counts', () => {
		const merged = mergeBundleSearches([
			{ results: ['2026-b', '2026-a'], filters: { type: { Story: 2 }, industry: { Retail: 1 } } },
			{ results: ['2025-a'], filters: { type: { Story: 1, Video: 0 } } },
		]);
		expect(merged.results).toEqual(['2026-b', '2026-a', '2025-a']);
		expect(merged.filters).toEqual({ type: { Story: 3, Video: 0 }, industry: { Retail: 1 } });
	});
});

describe('maxBundlePages and yearOf', () => {
	it('takes a positive whole number from CREDENCE_SEARCH_BUNDLE_PAGES, the default otherwise', () => {
		expect(maxBundlePages({ CREDENCE_SEARCH_BUNDLE_PAGES: '20' })).toBe(20);
		expect(maxBundlePages({ CREDENCE_SEARCH_BUNDLE_PAGES: '0' })).toBe(2500);
		expect(maxBundlePages({ CREDENCE_SEARCH_BUNDLE_PAGES: 'lots' })).toBe(2500);
		expect(maxBundlePages({})).toBe(2500);
	});

	it('reads the year as the sort key does, in UTC', () => {
		expect(yearOf(new Date('2025-12-31T23:30:00Z'))).toBe('2025');
		expect(yearOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026');
	});
});
