import { describe, expect, it } from 'vitest';
import { facetCounts, matchesSelection, parseSelection, selectionToQuery, type FacetValues } from '../../src/lib/facets.ts';

const values = (overrides: Partial<FacetValues>): FacetValues => ({ type: ['story'], industry: ['retail'], region: ['emea'], size: ['enterprise'], product: ['forecast', 'flow'], ...overrides });

describe('parseSelection', () => {
	it('reads repeated parameters as a form submits them, and comma lists as people write them', () => {
		expect(parseSelection('industry=retail&industry=energy&type=video,story')).toEqual({ industry: ['retail', 'energy'], type: ['video', 'story'] });
	});

	it('ignores unknown facets, malformed values and duplicates', () => {
		expect(parseSelection('?q=x&industry=<script>&industry=Retail&industry=retail&region=')).toEqual({ industry: ['retail'] });
	});
});

describe('selectionToQuery', () => {
	it('writes facets in a fixed order and round-trips through parseSelection', () => {
		const query = selectionToQuery({ industry: ['retail'], type: ['video', 'story'] });
		expect(query).toBe('type=video&type=story&industry=retail');
		expect(parseSelection(query)).toEqual({ type: ['video', 'story'], industry: ['retail'] });
	});

	it('is empty when nothing is chosen', () => {
		expect(selectionToQuery({})).toBe('');
	});
});

describe('matchesSelection', () => {
	it('matches everything when nothing is chosen', () => {
		expect(matchesSelection(values({}), {})).toBe(true);
	});

	it('matches any chosen value within a facet', () => {
		expect(matchesSelection(values({}), { industry: ['energy', 'retail'] })).toBe(true);
		expect(matchesSelection(values({}), { product: ['flow'] })).toBe(true);
		expect(matchesSelection(values({}), { industry: ['energy'] })).toBe(false);
	});

	it('requires every facet with a choice to match', () => {
		expect(matchesSelection(values({}), { industry: ['retail'], type: ['video'] })).toBe(false);
		expect(matchesSelection(values({}), { industry: ['retail'], type: ['story'] })).toBe(true);
	});
});

describe('facetCounts', () => {
	it('counts each value once per piece of evidence', () => {
		const counts = facetCounts([values({}), values({ type: ['video'], product: ['forecast', 'forecast'] })]);
		expect(counts.type.get('story')).toBe(1);
		expect(counts.type.get('video')).toBe(1);
		expect(counts.product.get('forecast')).toBe(2);
		expect(counts.industry.get('retail')).toBe(2);
	});
});
