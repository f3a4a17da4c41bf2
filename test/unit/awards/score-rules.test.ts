import { describe, expect, it } from 'vitest';
import { describeIncomplete, incompletePairs } from '../../../src/lib/awards/score-rules.ts';

const criteria = ['impact', 'originality', 'evidence'];
const row = (judge: string, entry: string, criterion: string) => ({ judge, entry, criterion });

describe('incompletePairs', () => {
	it('lists judge–entry pairs scored on some criteria but not all, with the missing ones in program order', () => {
		const rows = [
			row('zed', 'b-entry', 'evidence'),
			row('ana', 'a-entry', 'impact'),
			row('ana', 'a-entry', 'originality'),
			row('ana', 'a-entry', 'evidence'),
			row('ana', 'b-entry', 'originality'),
		];
		const pairs = incompletePairs(rows, criteria);
		expect(pairs).toEqual([
			{ judge: 'ana', entry: 'b-entry', missing: ['impact', 'evidence'] },
			{ judge: 'zed', entry: 'b-entry', missing: ['impact', 'originality'] },
		]);
		expect(describeIncomplete(pairs)).toBe('ana on b-entry (missing impact, evidence); zed on b-entry (missing impact, originality)');
	});

	it('lists nothing when every pair is complete, or has no scores at all', () => {
		expect(incompletePairs([], criteria)).toEqual([]);
		expect(incompletePairs(criteria.map((c) => row('ana', 'a-entry', c)), criteria)).toEqual([]);
	});
});
