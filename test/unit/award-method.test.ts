import { describe, expect, it } from 'vitest';
import { tieBreakSentence, winnersDecided } from '../../src/lib/award-method.ts';

const rounds = [
	{ id: 'round-1', kind: 'scoring' },
	{ id: 'final', kind: 'ranking' },
];

it('names the winners only with the results of the last round that decides them', () => {
	expect(winnersDecided(rounds, 'round-1')).toBe(false); // finalists, ranked next
	expect(winnersDecided(rounds, 'final')).toBe(true);
	expect(winnersDecided([{ id: 'round-1', kind: 'scoring' }], 'round-1')).toBe(true); // no final round
	expect(winnersDecided([...rounds, { id: 'round-2', kind: 'scoring' }], 'final')).toBe(true);
});

describe('tieBreakSentence names the rule that decided', () => {
	const criteria = [{ id: 'impact', name: 'Measured impact' }];
	it('names a criterion, the number of judges, or the scoring round', () => {
		expect(tieBreakSentence('offset', 'impact', criteria)).toMatch(/declared tie-break decided: the higher score on “Measured impact”\.$/);
		expect(tieBreakSentence('offset', 'judges', criteria)).toMatch(/the entry scored by more judges\.$/);
		expect(tieBreakSentence('schulze', 'scoring-round', criteria)).toMatch(/^The judges' rankings could not separate .*the higher place in the scoring round\.$/);
	});
});
