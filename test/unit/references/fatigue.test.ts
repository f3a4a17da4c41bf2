/** The fatigue policy: weighted load in a rolling window, a per-advocate limit, a rest after a heavy ask. */
import { describe, expect, it } from 'vitest';
import { fatigueOf, limitOf, weightOf } from '../../../src/lib/references/fatigue.ts';
import { referencePolicySchema } from '../../../src/schemas/reference.ts';
import { activities, advocate } from './fixtures.ts';

const policy = referencePolicySchema.parse({});
const now = new Date('2026-12-05T09:00:00Z');
const [, ann] = advocate('ann', { person: 'ann', customer: 'mill' });

describe('weights', () => {
	it('costs a site visit or a talk more than a call, and the policy can change a weight', () => {
		expect(weightOf(policy, 'reference-call')).toBe(1);
		expect(weightOf(policy, 'site-visit')).toBe(3);
		expect(weightOf(policy, 'event-talk')).toBe(3);
		expect(weightOf(referencePolicySchema.parse({ weights: { 'reference-call': 2 } }), 'reference-call')).toBe(2);
		expect(weightOf(referencePolicySchema.parse({ weights: { 'reference-call': 2 } }), 'site-visit')).toBe(3);
	});
	it("takes the advocate's own limit only when it is lower", () => {
		expect(limitOf(policy, ann.data)).toBe(4);
		expect(limitOf(policy, advocate('x', { person: 'ann', customer: 'mill', maxLoad: 2 })[1].data)).toBe(2);
		expect(limitOf(policy, advocate('x', { person: 'ann', customer: 'mill', maxLoad: 9 })[1].data)).toBe(4);
	});
});

describe('fatigueOf', () => {
	it('sums weighted asks in the last windowDays days, today included, and not before', () => {
		// 90-day window ending 2026-12-05: from 2026-09-07.
		const acts = activities(
			{ date: '2026-09-06', advocate: 'ann', kind: 'site-visit' },
			{ date: '2026-09-07', advocate: 'ann', kind: 'reference-call' },
			{ date: '2026-12-05', advocate: 'ann', kind: 'analyst-briefing' },
			{ date: '2026-11-01', advocate: 'bo', kind: 'site-visit' },
		);
		const f = fatigueOf('ann', ann.data, acts, policy, now);
		expect(f).toMatchObject({ load: 3, asks: 2, limit: 4 });
		expect(f.windowStart.toISOString().slice(0, 10)).toBe('2026-09-07');
		expect(f.lastAsked?.toISOString().slice(0, 10)).toBe('2026-12-05');
	});
	it('counts an ask already scheduled after today in the load, but not as the last ask', () => {
		const f = fatigueOf('ann', ann.data, activities({ date: '2026-11-01', advocate: 'ann', kind: 'reference-call' }, { date: '2026-12-20', advocate: 'ann', kind: 'event-talk' }), policy, now);
		expect(f.load).toBe(4);
		expect(f.lastAsked?.toISOString().slice(0, 10)).toBe('2026-11-01');
	});
	it('rests an advocate for restDays after a heavy ask, and not after a light one', () => {
		const heavy = fatigueOf('ann', ann.data, activities({ date: '2026-11-20', advocate: 'ann', kind: 'site-visit' }), policy, now);
		expect(heavy.restingUntil?.toISOString().slice(0, 10)).toBe('2026-12-20');
		expect(heavy.restingAfter).toBe('site-visit');
		expect(fatigueOf('ann', ann.data, activities({ date: '2026-11-04', advocate: 'ann', kind: 'site-visit' }), policy, now).restingUntil).toBeUndefined();
		expect(fatigueOf('ann', ann.data, activities({ date: '2026-12-01', advocate: 'ann', kind: 'case-study' }), policy, now).restingUntil).toBeUndefined();
		const strict = referencePolicySchema.parse({ heavyWeight: 2, restDays: 10 });
		expect(fatigueOf('ann', ann.data, activities({ date: '2026-12-01', advocate: 'ann', kind: 'case-study' }), strict, now).restingUntil?.toISOString().slice(0, 10)).toBe('2026-12-11');
	});
});
