/** The find ranking: fit by facets and evidence, spread by load, and who is left out and why. */
import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../src/lib/references/find.ts';
import { activities, advocate, index, program } from './fixtures.ts';

const now = new Date('2026-12-05T09:00:00Z');
const advocates = () => [
	advocate('ann', { person: 'ann', customer: 'mill' }),
	advocate('bo', { person: 'bo', customer: 'mill' }),
	advocate('cy', { person: 'cy', customer: 'forge' }),
	advocate('di', { person: 'di', customer: 'shop' }),
];

describe('findReferences', () => {
	it('ranks by matching facets, then the evidence they appear in, and shows why', () => {
		const result = findReferences(index(), program(advocates(), []), { industry: 'manufacturing', region: 'apac', product: 'forecast' }, now);
		expect(result.suggested.map((c) => c.advocate)).toEqual(['bo', 'ann', 'cy']);
		expect(result.suggested[0].score).toBe(3 + 2 + 2 + 1);
		expect(result.suggested[0].reasons).toEqual(['same industry (Manufacturing)', 'same region (Asia-Pacific)', 'Mill Co uses Forecast', 'appears in the story "Mill story"']);
		expect(result.suggested[2].reasons).toEqual(['same industry (Manufacturing)', 'same region (Asia-Pacific)']);
		// The retailer fits only by product: last, after every manufacturer.
		expect(result.leftOut.map((c) => c.advocate)).toEqual(['di']);
		// Fitting none of the facets asked for, it is not considered at all.
		const byFacets = findReferences(index(), program(advocates(), []), { industry: 'manufacturing', region: 'apac' }, now);
		expect([...byFacets.suggested, ...byFacets.leftOut].map((c) => c.advocate)).not.toContain('di');
	});
	it("does not count evidence of a customer who withdrew: the withdrawn story is no reason to suggest its author", () => {
		const withdrawnMill = index();
		const mill = withdrawnMill.customers.get('mill') as unknown as { data: Record<string, unknown> };
		mill.data.withdrawn = { on: new Date('2026-11-01'), reason: 'asked by email' };
		const result = findReferences(withdrawnMill, program(advocates(), []), { industry: 'manufacturing', region: 'apac', product: 'forecast' }, now);
		const bo = [...result.suggested, ...result.leftOut].find((c) => c.advocate === 'bo')!;
		expect(bo.reasons.join('; ')).not.toContain('Mill story');
	});
	it('does not count a story changed since its approval: the site has taken it down until the customer approves again', () => {
		const changed = index();
		changed.withdrawingChanges.set(changed.stories.get('mill-story')!, ['body']);
		const bo = findReferences(changed, program(advocates(), []), { industry: 'manufacturing' }, now).suggested.find((c) => c.advocate === 'bo')!;
		expect(bo.reasons.join('; ')).not.toContain('Mill story');
		expect(findReferences(index(), program(advocates(), []), { industry: 'manufacturing' }, now).suggested.find((c) => c.advocate === 'bo')!.reasons.join('; ')).toContain('Mill story');
	});
	it('counts an award entry only once the site names its entrant: not while its blind program is judged', () => {
		const withEntry = (blind: boolean, announced?: string) => {
			const content = index();
			const entries = content.awardEntries as unknown as Map<string, unknown>;
			const programs = content.awardPrograms as unknown as Map<string, unknown>;
			const winners = content.awardWinners as unknown as Map<string, unknown>;
			entries.set('cia/ann-plan', { id: 'cia/ann-plan', data: { title: 'Ann plan', customer: 'mill', submitter: 'ann', draft: false, status: 'submitted', approval: { approvedBy: 'ann', approvedOn: new Date('2026-01-01'), expiresOn: new Date('2030-01-01') } } });
			programs.set('cia', { id: 'cia', data: { blind, rounds: [{ id: 'round-1', kind: 'scored' }] } });
			if (announced) winners.set('cia', { id: 'cia', data: { round: 'round-1', publishedOn: new Date(announced), publishAt: new Date(announced), categories: [] } });
			const ann = findReferences(content, program(advocates(), []), { industry: 'manufacturing' }, now).suggested.find((c) => c.advocate === 'ann')!;
			return ann.reasons.some((r) => r.includes('Ann plan'));
		};
		expect(withEntry(false)).toBe(true);
		expect(withEntry(true)).toBe(false);
		expect(withEntry(true, '2026-12-06T09:00:00Z')).toBe(false);
		expect(withEntry(true, '2026-12-01T09:00:00Z')).toBe(true);
	});
	it('puts the less loaded, then the one asked longest ago, first among equal fits', () => {
		const acts = activities({ date: '2026-11-01', advocate: 'ann', kind: 'reference-call' }, { date: '2026-06-01', advocate: 'cy', kind: 'reference-call' });
		const data = program([advocate('ann', { person: 'ann', customer: 'mill' }), advocate('cy', { person: 'cy', customer: 'mill' }), advocate('bo', { person: 'bo', customer: 'forge' })], acts);
		expect(findReferences(index(), data, { industry: 'manufacturing' }, now).suggested.map((c) => c.advocate)).toEqual(['bo', 'cy', 'ann']);
	});
	it('leaves out the over-asked, the resting, the retired, those who did not agree to the kind and customers whose approval lapsed, saying why', () => {
		const acts = activities(
			{ date: '2026-10-01', advocate: 'ann', kind: 'site-visit' },
			{ date: '2026-11-10', advocate: 'ann', kind: 'reference-call' },
			{ date: '2026-11-25', advocate: 'bo', kind: 'event-talk' },
		);
		const data = program(
			[
				advocate('ann', { person: 'ann', customer: 'mill' }),
				advocate('bo', { person: 'bo', customer: 'mill', agreedTo: ['event-talk', 'reference-call'] }),
				advocate('cy', { person: 'cy', customer: 'forge', stage: 'resting', stageSince: '2026-10-01' }),
				advocate('di', { person: 'di', customer: 'shop', agreedTo: ['case-study'] }),
			],
			acts,
		);
		const result = findReferences(index(), data, { kind: 'reference-call' }, now);
		expect(result.suggested).toEqual([]);
		const why = Object.fromEntries(result.leftOut.map((c) => [c.advocate, c.leftOutBecause]));
		expect(why.ann).toEqual(['at their limit: load 4 of 4 in the last 90 days (2 asks)']);
		expect(why.bo).toEqual(['resting after an event talk until 2026-12-25 (30-day rest after a heavy ask)']);
		expect(why.cy).toEqual(['resting since 2026-10-01']);
		expect(why.di).toEqual(['has not agreed to a reference call (agreed to: case study)', 'Shop Inc\'s approval has lapsed ("Shop story"): renew it first']);
	});
	it('leaves out an advocate whom this ask would take over their limit', () => {
		const data = program([advocate('ann', { person: 'ann', customer: 'mill' })], activities({ date: '2026-11-10', advocate: 'ann', kind: 'analyst-briefing' }));
		expect(findReferences(index(), data, { kind: 'reference-call' }, now).suggested.map((c) => c.advocate)).toEqual(['ann']);
		expect(findReferences(index(), data, { kind: 'site-visit' }, now).leftOut[0].leftOutBecause).toEqual(['this ask (weight 3) would take them over their limit: load 2 of 4 in the last 90 days']);
	});
	it('cautions about an approval of their customer lapsing within 30 days, without leaving them out', () => {
		const soon = findReferences(index(), program([advocate('di', { person: 'di', customer: 'shop' })], []), {}, new Date('2026-05-10T00:00:00Z'));
		expect(soon.suggested[0].cautions).toEqual(['the approval of "Shop story" lapses on 2026-06-01: renew it before a prospect reads it']);
		const later = findReferences(index(), program([advocate('di', { person: 'di', customer: 'shop' })], []), {}, new Date('2026-04-10T00:00:00Z'));
		expect(later.suggested[0].cautions).toEqual([]);
	});
	it('leaves out nominated advocates: they have not agreed to anything yet', () => {
		const data = program([advocate('ann', { person: 'ann', customer: 'mill', stage: 'nominated' })], []);
		expect(findReferences(index(), data, {}, now).leftOut[0].leftOutBecause).toEqual(['only nominated: not yet recruited into the program']);
	});
});
