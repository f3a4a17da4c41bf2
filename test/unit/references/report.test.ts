/** The report's figures on a hand-made program: every number here can be counted from the inputs. */
import { describe, expect, it } from 'vitest';
import { monthsBetween, referenceReport, tallyOutcomes } from '../../../src/lib/references/report.ts';
import { activities, advocate, index, program } from './fixtures.ts';

const now = new Date('2026-12-05T09:00:00Z');

describe('tallyOutcomes', () => {
	it('shares won among decided deals only, and flags small counts', () => {
		const t = tallyOutcomes(activities(
			{ date: '2026-01-01', advocate: 'a', kind: 'reference-call', outcome: 'won' },
			{ date: '2026-01-02', advocate: 'a', kind: 'reference-call', outcome: 'lost' },
			{ date: '2026-01-03', advocate: 'a', kind: 'reference-call', outcome: 'no-decision' },
			{ date: '2026-01-04', advocate: 'a', kind: 'reference-call', outcome: 'open' },
		));
		expect(t).toEqual({ activities: 4, won: 1, lost: 1, noDecision: 1, open: 1, decided: 3, wonShare: 1 / 3, small: true });
		expect(tallyOutcomes([]).wonShare).toBeNull();
	});
	it('counts whole calendar months', () => {
		expect(monthsBetween(new Date('2025-06-05'), new Date('2026-12-05'))).toBe(18);
		expect(monthsBetween(new Date('2025-06-06'), new Date('2026-12-05'))).toBe(17);
	});
});

describe('referenceReport', () => {
	const data = program(
		[
			advocate('ann', { person: 'ann', customer: 'mill', maxLoad: 2, recognition: [{ on: '2026-02-01', what: 'Lunch' }] }),
			advocate('bo', { person: 'bo', customer: 'mill' }),
			advocate('cy', { person: 'cy', customer: 'forge', stage: 'resting', stageSince: '2026-10-01' }),
			advocate('di', { person: 'di', customer: 'shop', stage: 'retired', stageSince: '2026-10-01' }),
		],
		activities(
			{ date: '2026-03-01', advocate: 'ann', kind: 'reference-call', outcome: 'won', evidence: { stories: ['mill-story'] }, thankYouSent: true },
			{ date: '2026-10-01', advocate: 'ann', kind: 'reference-call', outcome: 'lost', thankYouSent: true },
			{ date: '2026-11-01', advocate: 'ann', kind: 'reference-call', outcome: 'open' },
			{ date: '2026-05-01', advocate: 'bo', kind: 'site-visit', outcome: 'won', evidence: { stories: ['mill-story'] }, thankYouSent: true },
			{ date: '2027-01-10', advocate: 'bo', kind: 'site-visit' },
		),
	);
	const report = referenceReport(index(), data, now);
	it('finds the over-used, the idle and the funnel', () => {
		expect(report.overUsed).toEqual([{ advocate: 'ann', name: 'Ann', customer: 'mill', load: 2, limit: 2, asks: 2 }]);
		// bo: last asked 2026-05-01, 218 days before; the ask planned for January is not an ask yet.
		expect(report.idle).toEqual([{ advocate: 'bo', name: 'Bo', customer: 'mill', lastAsked: '2026-05-01', daysSinceAsked: 218 }]);
		expect(report.funnel).toEqual({ nominated: 0, recruited: 0, active: 2, resting: 1, retired: 1 });
	});
	it('tallies outcomes by kind and by evidence, leaving out asks still to come', () => {
		expect(report.outcomes.byKind.map((k) => [k.kind, k.activities, k.won, k.decided])).toEqual([
			['reference-call', 3, 1, 2],
			['site-visit', 1, 1, 1],
		]);
		expect(report.outcomes.byEvidence.map((k) => [k.evidence, k.activities, k.won, k.decided])).toEqual([
			['story', 2, 2, 2],
			['none', 2, 0, 1],
		]);
	});
	it('says whose recognition is due', () => {
		expect(report.recognitionDue).toEqual([{ advocate: 'ann', name: 'Ann', asksSinceRecognition: 3, lastRecognised: '2026-02-01', thanksMissing: ['2026-11-01'] }]);
	});
});
