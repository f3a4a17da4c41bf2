import { describe, expect, it } from 'vitest';
import { checkScores, describeIncomplete, incompletePairs, snapToStep } from '../../../src/lib/awards/score-rules.ts';

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

describe('snapToStep and checkScores on near-miss values', () => {
	const scale = { min: 1, max: 5, step: 0.5 };
	it('gives the exact step for a value within float error of one, and leaves others alone', () => {
		expect(snapToStep(4.5000000001, scale)).toBe(4.5);
		expect(snapToStep(4.4999999999, scale)).toBe(4.5);
		expect(snapToStep(0.1 + 0.2, { min: 0, max: 1, step: 0.1 })).toBe(0.3);
		expect(snapToStep(4.2, scale)).toBe(4.2);
		expect(snapToStep(5.5, scale)).toBe(5.5);
		expect(snapToStep(3, scale)).toBe(3);
	});
	it('reports a stored near-miss value with the step to write instead', () => {
		const context = { program: 'demo', criteria: ['impact'], scale, judges: new Map([['ana', new Set<string>()]]), entries: new Map([['e1', 'acme']]) };
		const problems = checkScores([{ where: 'line 2', row: { judge: 'ana', entry: 'e1', criterion: 'impact', score: 4.5000000001, comment: '' } }], context);
		expect(problems).toEqual([{ where: 'line 2', field: 'score', message: 'expected a score exactly on a step of 0.5, found 4.5000000001: write 4.5' }]);
		expect(checkScores([{ where: 'line 2', row: { judge: 'ana', entry: 'e1', criterion: 'impact', score: 4.5, comment: '' } }], context)).toEqual([]);
	});
});
