import { expect, it } from 'vitest';
import { closestSpelling } from '../../src/lib/spelling.ts';

it('finds the name a typo was meant as, case aside, within a third of its letters', () => {
	const fields = ['title', 'summary', 'featured', 'anonymousLabel'];
	expect(closestSpelling('featurd', fields)).toBe('featured');
	expect(closestSpelling('Summary', fields)).toBe('summary');
	expect(closestSpelling('anonymouslabel', fields)).toBe('anonymousLabel');
	expect(closestSpelling('colour', fields)).toBeUndefined();
	// "titel" is two edits from "title" (5 letters: one allowed).
	expect(closestSpelling('titel', fields)).toBeUndefined();
});

it('prefers the nearest, then the first of equals, under the caller’s rules', () => {
	expect(closestSpelling('bat', ['cat', 'bar', 'bath'])).toBe('cat');
	expect(closestSpelling('bath', ['cat', 'bar', 'bath'])).toBe('bath');
	const options = { normalise: (s: string) => s.replace(/-/g, ''), maxEdits: () => 2 };
	expect(closestSpelling('perentry', ['per-entry', 'replace'], options)).toBe('per-entry');
	expect(closestSpelling('perentry', ['per-entry'], { ...options, maxEdits: () => 0 })).toBe('per-entry');
	expect(closestSpelling('perentri', ['per-entry'], { ...options, maxEdits: () => 0 })).toBeUndefined();
});

it('lists known names nearest first, and names the one meant when one is close', async () => {
	const { nearestFirst, unknownNameHint, didYouMean } = await import('../../src/lib/spelling.ts');
	const people = ['ada-quarry', 'aca-demic', 'paul-vance', 'vera-vendor', 'hal-grid', 'ana-lyst'];
	expect(nearestFirst('paul-vanse', people)[0]).toBe('paul-vance');
	expect(unknownNameHint('paul-vanse', people)).toMatch(/^did you mean "paul-vance"\? Other ids near it: /);
	// Nothing close: the nearest are listed anyway, not the first few in file order.
	expect(unknownNameHint('hal-gird-x', people, { shown: 1 })).toBe('known ids include "hal-grid", …');
	expect(unknownNameHint('x', [], { none: 'people has no entries' })).toBe('people has no entries');
	expect(didYouMean('round-l', ['round-1', 'final'])).toBe(' (did you mean "round-1"?)');
	expect(didYouMean('zzz', ['round-1'])).toBe('');
});
