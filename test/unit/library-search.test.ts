import { describe, expect, it } from 'vitest';
import { cardFromFragment, countsById, pagefindFilters, selectionWithout, type FacetLabels } from '../../src/lib/library-search.ts';

const labels: FacetLabels = {
	type: { story: 'Story', video: 'Video', 'award-winner': 'Award winner' },
	industry: { retail: 'Retail & e-commerce', energy: 'Energy & utilities' },
	region: { emea: 'Europe, Middle East & Africa' },
	size: { enterprise: 'Enterprise (2,001+)' },
	product: { forecast: 'Tessellate Forecast', flow: 'Tessellate Flow' },
};

describe('pagefindFilters', () => {
	it('asks for any chosen label within a facet, every chosen facet', () => {
		expect(pagefindFilters({ type: ['video', 'story'], industry: ['retail'] }, labels)).toEqual({
			type: { any: ['Video', 'Story'] },
			industry: { any: ['Retail & e-commerce'] },
		});
	});

	it('filters nothing when nothing is chosen', () => {
		expect(pagefindFilters({}, labels)).toEqual({});
	});

	it('drops values nothing is labelled with, and matches nothing when a facet is left without any', () => {
		expect(pagefindFilters({ industry: ['retail', 'mining'] }, labels)).toEqual({ industry: { any: ['Retail & e-commerce'] } });
		// Pagefind reads an empty `any` as no filter at all: that would list everything.
		expect(pagefindFilters({ industry: ['mining'], type: ['video'] }, labels)).toBeNull();
	});
});

describe('selectionWithout', () => {
	it('leaves out one facet and keeps the others', () => {
		const selection = { type: ['video'], industry: ['retail'] };
		expect(selectionWithout(selection, 'type')).toEqual({ industry: ['retail'] });
		expect(selection).toEqual({ type: ['video'], industry: ['retail'] });
	});
});

describe('countsById', () => {
	it('maps Pagefind’s counts by label to the options’ ids, 0 for what it did not count', () => {
		const counts = countsById({ industry: { 'Retail & e-commerce': 4 } }, 'industry', labels);
		expect([...counts]).toEqual([
			['retail', 4],
			['energy', 0],
		]);
		expect(countsById(undefined, 'region', labels).get('emea')).toBe(0);
	});
});

describe('cardFromFragment', () => {
	const fragment = {
		url: '/stories/quarry-forecasting/',
		meta: { title: 'Quarry Bank cut forecast error', customer: 'Quarry Bank', type: 'Story', summary: 'A summary.', metric: '−50%', metric_label: 'Forecast error', date: '2026-05-12', date_text: '12 May 2026', image: '/hero.webp' },
		filters: { type: ['Story'], industry: ['Retail & e-commerce'], region: ['Europe, Middle East & Africa'], size: ['Enterprise (2,001+)'], product: ['Tessellate Flow', 'Tessellate Forecast'] },
	};

	it('reads the card’s fields and maps filter labels back to facet ids', () => {
		const card = cardFromFragment(fragment, labels);
		expect(card).toMatchObject({
			url: '/stories/quarry-forecasting/',
			title: 'Quarry Bank cut forecast error',
			type: 'story',
			typeLabel: 'Story',
			customer: 'Quarry Bank',
			industryLabel: 'Retail & e-commerce',
			summary: 'A summary.',
			metric: '−50%',
			metric_label: 'Forecast error',
			date: '2026-05-12',
			date_text: '12 May 2026',
		});
		expect(card.facetValues).toEqual({ type: ['story'], industry: ['retail'], region: ['emea'], size: ['enterprise'], product: ['flow', 'forecast'] });
		// Metadata Pagefind adds on its own is not part of a card.
		expect(card).not.toHaveProperty('image');
		expect(card).not.toHaveProperty('quote');
	});

	it('links only to a path on this site', () => {
		expect(cardFromFragment({ ...fragment, url: 'javascript:alert(1)' }, labels).url).toBe('');
		expect(cardFromFragment({ ...fragment, url: '//evil.example/' }, labels).url).toBe('');
	});
});
