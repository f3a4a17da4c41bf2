import { describe, expect, it } from 'vitest';
import { excerptParts, parseSearchQuery, searchQuery } from '../../src/lib/search-query.ts';

describe('search addresses', () => {
	it('reads the words and the facets, in the library’s form', () => {
		expect(parseSearchQuery('?q=+cold++chain+&type=video&industry=retail&industry=retail&industry=Not+an+id!&other=x')).toEqual({
			term: 'cold chain',
			selection: { type: ['video'], industry: ['retail'] },
		});
	});

	it('writes what it reads', () => {
		const state = { term: 'cold chain & spares', selection: { type: ['story', 'video'], industry: ['retail'] } };
		expect(parseSearchQuery(searchQuery(state))).toEqual(state);
		expect(searchQuery(state)).toBe('q=cold+chain+%26+spares&type=story&type=video&industry=retail');
	});

	it('is empty for an empty search', () => {
		expect(searchQuery({ term: ' ', selection: {} })).toBe('');
		expect(searchQuery({ term: '', selection: { region: ['emea'] } })).toBe('region=emea');
	});
});

describe('excerpts', () => {
	it('split into text and the marked matches', () => {
		expect(excerptParts('we cut <mark>spares</mark> stock and <mark>spares</mark><mark>cost</mark>.')).toEqual([
			{ text: 'we cut ', marked: false },
			{ text: 'spares', marked: true },
			{ text: ' stock and ', marked: false },
			{ text: 'sparescost', marked: true },
			{ text: '.', marked: false },
		]);
	});

	it('give back entrant text that looks like markup as text', () => {
		// Pagefind escapes < and > of the page text and adds only <mark>.
		expect(excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; <mark>zebra</mark> & co')).toEqual([
			{ text: '<script>alert(1)</script> ', marked: false },
			{ text: 'zebra', marked: true },
			{ text: ' & co', marked: false },
		]);
		expect(excerptParts('')).toEqual([]);
	});
});
