import { describe, expect, it } from 'vitest';
import { announcedOutcome, announcementDate } from '../../../src/lib/awards/announcement.ts';
import { winnersSchema } from '../../../src/schemas/award.ts';

const rounds = [{ id: 'round-1' }, { id: 'final' }];
const category = { category: 'ops', finalists: ['a', 'b'] };
// Finalists announced on 18 December, winners embargoed to 1 February.
const winners = winnersSchema.parse({
	round: 'final',
	publishedOn: '2027-01-20',
	publishAt: '2027-02-01T09:00:00Z',
	method: 'schulze',
	categories: [{ ...category, winner: 'b', finalists: ['b', 'a'] }],
	earlierRounds: [{ round: 'round-1', publishedOn: '2026-12-04', publishAt: '2026-12-18T09:00:00Z', method: 'offset', categories: [category] }],
});

describe('announcedOutcome: each round announced at its own instant', () => {
	it('shows nothing before the first announcement', () => {
		expect(announcedOutcome(winners, rounds, new Date('2026-12-10T00:00:00Z'))).toBeUndefined();
	});

	it('shows the finalists between the two announcements, dated by their announcement, not the day publish ran', () => {
		const shown = announcedOutcome(winners, rounds, new Date('2027-01-15T00:00:00Z'));
		expect(shown?.round).toBe('round-1');
		expect(announcementDate(shown!).toISOString().slice(0, 10)).toBe('2026-12-18');
	});

	it('shows the winners once their own instant has passed', () => {
		const shown = announcedOutcome(winners, rounds, new Date('2027-02-01T09:00:00Z'));
		expect(shown?.round).toBe('final');
		expect(announcementDate(shown!).toISOString().slice(0, 10)).toBe('2027-02-01');
	});

	it('dates a round without an embargo by the day it was published', () => {
		const plain = winnersSchema.parse({ round: 'round-1', publishedOn: '2026-12-04', method: 'offset', categories: [category] });
		expect(announcementDate(announcedOutcome(plain, rounds, new Date('2026-12-05T00:00:00Z'))!).toISOString().slice(0, 10)).toBe('2026-12-04');
		expect(announcedOutcome(undefined, rounds, new Date())).toBeUndefined();
	});
});
