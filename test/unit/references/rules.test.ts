/** The reference program's cross-file rules, as `check` runs them. */
import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../../src/lib/references/rules.ts';
import { activities, advocate, index, program } from './fixtures.ts';

const messages = (ds: ReturnType<typeof checkReferences>) => ds.map((d) => `${d.severity} ${d.file} ${d.field}: ${d.message}`);

describe('checkReferences', () => {
	it('accepts an advocate who is a person of the customer named, and activities that resolve', () => {
		const data = program([advocate('ann', { person: 'ann', customer: 'mill' })], activities({ date: '2026-03-01', advocate: 'ann', kind: 'reference-call', evidence: { stories: ['mill-story'] } }));
		expect(checkReferences(index(), data)).toEqual([]);
	});
	it("refuses an advocate of another customer, a vendor as advocate and unknown ids, naming the file and field", () => {
		const data = program(
			[advocate('ann', { person: 'ann', customer: 'forge' }), advocate('vic', { person: 'vic', customer: 'mill' }), advocate('zed', { person: 'zed', customer: 'nowhere' })],
			[],
		);
		expect(messages(checkReferences(index(), data))).toEqual([
			'error content/references/advocates/ann.yaml customer: expected ann\'s customer, "mill" (people/ann.yaml), found "forge"',
			"error content/references/advocates/vic.yaml person: expected a person of a customer (role customer), found vic, whose role is vendor: advocates are customers' people",
			'error content/references/advocates/zed.yaml customer: expected the id of a customer in customers/, found "nowhere"',
			'error content/references/advocates/zed.yaml person: expected the id of a person in people/, found "zed": add the person first (role customer)',
		]);
	});
	it('refuses an activity in the wrong year file, for an unknown advocate, or using evidence that does not exist', () => {
		const data = program(
			[advocate('ann', { person: 'ann', customer: 'mill' })],
			activities({ date: '2025-12-30', advocate: 'ann', kind: 'reference-call' }, { date: '2026-02-01', advocate: 'anne', kind: 'reference-call', evidence: { stories: ['no-story'], videos: ['no-video'], entries: ['p/no-entry'] } }),
		);
		expect(messages(checkReferences(index(), data))).toEqual([
			'error content/references/activities/2026.yaml activities[0].date: expected a date in 2026 (this file holds 2026\'s activities), found 2025-12-30: move the activity to activities/2025.yaml',
			'error content/references/activities/2026.yaml activities[1].advocate: expected the id of an advocate (a file in references/advocates/), found "anne" (did you mean ann?)',
			'error content/references/activities/2026.yaml activities[1].evidence.stories[0]: expected the id of a story in stories/, found "no-story"',
			'error content/references/activities/2026.yaml activities[1].evidence.videos[0]: expected the id of a video in videos/, found "no-video"',
			'error content/references/activities/2026.yaml activities[1].evidence.entries[0]: expected the id of an award entry, <program>/<entry>, found "p/no-entry"',
		]);
	});
	it('warns about asks of a resting or retired advocate from the day they stopped, and about kinds they did not agree to', () => {
		const data = program(
			[advocate('ann', { person: 'ann', customer: 'mill', stage: 'resting', stageSince: '2026-09-01' }), advocate('bo', { person: 'bo', customer: 'mill', stage: 'retired', stageSince: '2026-05-01' })],
			activities(
				{ date: '2026-08-31', advocate: 'ann', kind: 'reference-call' },
				{ date: '2026-09-01', advocate: 'ann', kind: 'reference-call' },
				{ date: '2026-06-01', advocate: 'bo', kind: 'event-talk' },
			),
		);
		expect(messages(checkReferences(index(), data))).toEqual([
			'warning content/references/activities/2026.yaml activities[1].advocate: ann is resting (since 2026-09-01), but was asked on 2026-09-01: ask someone else, or set their stage back to active in content/references/advocates/ann.yaml',
			'warning content/references/activities/2026.yaml activities[2].advocate: bo is retired (since 2026-05-01), but was asked on 2026-06-01: ask someone else, or set their stage back to active in content/references/advocates/bo.yaml',
			'warning content/references/activities/2026.yaml activities[2].kind: bo did not agree to an event talk (agreed to: reference-call, site-visit): check with them, then add event-talk to agreedTo in content/references/advocates/bo.yaml',
		]);
	});
});
