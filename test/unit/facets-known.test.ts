import { describe, expect, it } from 'vitest';
import { knownSelection, parseSelection } from '../../src/lib/facets.ts';

const offered = { type: { story: 'Story', video: 'Video' }, industry: { retail: 'Retail' }, region: {}, size: {}, product: {} };

describe('knownSelection', () => {
	it('drops values the form does not offer, and facets left with none', () => {
		expect(knownSelection(parseSelection('industry=bogus'), offered)).toEqual({});
		expect(knownSelection(parseSelection('industry=retail,energy-utilities&type=video'), offered)).toEqual({ industry: ['retail'], type: ['video'] });
	});

	it('does not take inherited object keys for offered values', () => {
		expect(knownSelection(parseSelection('industry=constructor&region=tostring'), offered)).toEqual({});
	});
});
