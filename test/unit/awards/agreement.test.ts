import { describe, expect, it } from 'vitest';
import { describeAgreement } from '../../../src/lib/awards/agreement.ts';
import { rankFinalists } from '../../../src/lib/awards/schulze.ts';

describe("describeAgreement: Kendall's W in words", () => {
	it('does not report full agreement over a 2–2 split that W leaves out', () => {
		// Two judges put a first, two put b first; a fifth, in conflict with a, ranks b and c only.
		const rankings = [
			{ judge: 'j1', order: ['a', 'b', 'c'] },
			{ judge: 'j2', order: ['a', 'b', 'c'] },
			{ judge: 'j3', order: ['b', 'a', 'c'] },
			{ judge: 'j4', order: ['b', 'a', 'c'] },
			{ judge: 'j5', order: ['b', 'c'] },
		];
		const result = rankFinalists(rankings);
		expect(result.kendallW).toBe(1);
		const line = describeAgreement(result.kendallW, result.order, rankings, result.ties);
		expect(line).toMatch(/over b, c only/);
		expect(line).toMatch(/left out a/);
		expect(line).not.toMatch(/^Kendall's W = 1\.00$/);
	});
	it('names a split when every judge ranked every finalist', () => {
		const rankings = [
			{ judge: 'j1', order: ['a', 'b'] },
			{ judge: 'j2', order: ['b', 'a'] },
		];
		const result = rankFinalists(rankings);
		expect(describeAgreement(result.kendallW, result.order, rankings, result.ties)).toBe("Kendall's W = 0.00 (the judges still split on a and b)");
		expect(describeAgreement(0.5, ['a', 'b'], rankings, [])).toBe("Kendall's W = 0.50");
	});
});
