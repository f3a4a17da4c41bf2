import { describe, expect, it } from 'vitest';
import { parseSearchQuery, searchQuery } from '../../src/lib/search-query.ts';

describe('search addresses', () => {
	it('reads the words and the filters', () => {
		expect(parseSearchQuery('?q=+spares+&type=Video&industry=Retail+%26+e-commerce&industry=Retail+%26+e-commerce&other=x')).toEqual({
			term: 'spares',
			filters: { type: ['Video'], industry: ['Retail & e-commerce'] },
		});
	});

	it('writes what it reads', () => {
		const state = { term: 'cold chain', filters: { industry: ['Retail & e-commerce'], type: ['Story', 'Video'] } };
		expect(parseSearchQuery(searchQuery(state))).toEqual(state);
	});

	it('is empty for an empty search', () => {
		expect(searchQuery({ term: ' ', filters: {} })).toBe('');
	});
});
