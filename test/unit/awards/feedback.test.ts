/** Feedback an entrant receives: judges' comments without the judges' names. */
import { describe, expect, it } from 'vitest';

describe('audit 2: feedback comments keep judges’ names written another way', async () => {
	const { feedbackFor } = await import('../../../scripts/awards/publish.ts');
	const data = {
		entries: [{ id: 'e1', title: 'T', category: 'c' }],
		program: { name: 'P', categories: [{ id: 'c', name: 'C' }], criteria: [{ id: 'k', name: 'K', weight: 100 }], scale: { min: 1, max: 5 } },
		judges: [{ id: 'ana-lyst', name: 'Ana Lyst' }],
		scores: () => [{ judge: 'ana-lyst', entry: 'e1', criterion: 'k', score: 4, comment: 'Strong. (ana lyst) / signed: Ana / LYST' }],
	};
	const results = { round: 'round-1', tally: { method: 'offset', categories: [{ category: 'c', entries: [{ id: 'e1', rank: 1, rankInterval: [1, 1], judges: 1 }] }] } };
	const outcome = { category: 'c', winner: 'e1', finalists: ['e1'], honourableMentions: [] };
	const feedback = (name: string, comment: string) =>
		feedbackFor({ ...data, judges: [{ id: 'j', name }], scores: () => [{ judge: 'j', entry: 'e1', criterion: 'k', score: 4, comment }] } as never, results as never, outcome as never, 'e1');
	it('anonymises "ana lyst", "Ana" and "LYST" as it does "Ana Lyst"', () => {
		const text = feedbackFor(data as never, results as never, outcome as never, 'e1');
		expect(text.toLowerCase()).not.toMatch(/\bana\b|\blyst\b/);
	});
	it('replaces whole words only, with look-alike letters and invisible characters seen through', () => {
		const text = feedback('Ana Lyst', 'Good analysis, said An\u0430 L\u200byst; Anastasia agrees.');
		expect(text).toContain('Good analysis, said a judge; Anastasia agrees.');
	});
	it('keeps name particles and initials out, which name nobody on their own', () => {
		const text = feedback('Anna van der Berg', 'A van of evidence, per der Berg and Anna.');
		expect(text).toContain('A van of evidence, per der a judge and a judge.');
		expect(feedback('J. Okafor', 'J. OKAFOR: see section J.')).toContain('a judge: see section J.');
	});
	it('leaves a replacement that holds the name alone', () => {
		expect(feedback('Judge Dredd', 'judge dredd says so')).toContain('a judge says so');
	});
});
