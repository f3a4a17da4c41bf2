import { expect, it } from 'vitest';
import { winnersDecided } from '../../src/lib/award-method.ts';

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
