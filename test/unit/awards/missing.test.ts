import { describe, expect, it } from 'vitest';
import { describeMissing, missingPairs } from '../../../src/lib/awards/missing.ts';

describe('missingPairs', () => {
	const assigned = [
		{ judge: 'omar', entry: 'e1' },
		{ judge: 'ana', entry: 'e2' },
		{ judge: 'ana', entry: 'e1' },
		{ judge: 'ana', entry: 'draft-entry' },
	];
	it('names assigned pairs of judged entries with no score at all, sorted', () => {
		const missing = missingPairs(assigned, [{ judge: 'omar', entry: 'e1' }], new Set(['e1', 'e2']));
		expect(missing).toEqual([
			{ judge: 'ana', entry: 'e1' },
			{ judge: 'ana', entry: 'e2' },
		]);
		expect(describeMissing(missing)).toBe('ana (e1, e2)');
	});
	it('is empty when every assigned pair has a score', () => {
		expect(missingPairs(assigned.slice(0, 3), assigned, new Set(['e1', 'e2']))).toEqual([]);
	});
});
