import { describe, expect, it } from 'vitest';
import { daysUntilExpiry, isPublic, PublicationTimeError, publicationState, publicationTime, resultsAnnounced, tombstoneOf, withdrawalOf } from '../../src/lib/publication.ts';

const now = new Date('2026-11-23T12:00:00Z');
const approval = { approvedBy: 'ada', approvedOn: new Date('2026-01-01'), expiresOn: new Date('2027-01-01') };
const base = { draft: false, approval };

describe('the publication rule', () => {
	it('publishes an approved, non-draft item without embargo', () => {
		expect(isPublic(base, now)).toBe(true);
	});

	it('never publishes a draft, even when approved', () => {
		expect(publicationState({ ...base, draft: true }, now)).toBe('draft');
		expect(isPublic({ ...base, draft: true }, now)).toBe(false);
	});

	it('holds an item until its publishAt has passed', () => {
		expect(publicationState({ ...base, publishAt: new Date('2026-11-23T12:00:01Z') }, now)).toBe('embargoed');
		expect(isPublic({ ...base, publishAt: new Date('2026-11-23T12:00:01Z') }, now)).toBe(false);
		expect(isPublic({ ...base, publishAt: new Date('2026-11-23T12:00:00Z') }, now)).toBe(true);
	});

	it('requires an approval that has been given', () => {
		expect(publicationState({ draft: false }, now)).toBe('unapproved');
		expect(publicationState({ draft: false, approval: { ...approval, approvedOn: new Date('2026-12-01') } }, now)).toBe('unapproved');
		expect(isPublic({ draft: false }, now)).toBe(false);
		expect(isPublic({ draft: false, approval: { ...approval, approvedOn: new Date('2026-12-01') } }, now)).toBe(false);
	});

	it('withdraws the item from the start of expiresOn', () => {
		const lapsesToday = { ...base, approval: { ...approval, expiresOn: new Date('2026-11-23') } };
		expect(publicationState(lapsesToday, now)).toBe('approval-expired');
		expect(isPublic(lapsesToday, now)).toBe(false);
		const lapsesTomorrow = { ...base, approval: { ...approval, expiresOn: new Date('2026-11-24') } };
		expect(isPublic(lapsesTomorrow, now)).toBe(true);
	});

	it('counts whole days until the approval lapses', () => {
		expect(daysUntilExpiry({ ...base, approval: { ...approval, expiresOn: new Date('2026-12-03') } }, now)).toBe(9);
		expect(daysUntilExpiry({ draft: false }, now)).toBeUndefined();
	});

	it('takes down a withdrawn item, before anything else it says', () => {
		const withdrawn = { on: new Date('2026-11-20'), reason: 'customer asked' };
		expect(publicationState({ ...base, withdrawn }, now)).toBe('withdrawn');
		expect(publicationState({ draft: true, withdrawn }, now)).toBe('withdrawn');
		expect(isPublic({ ...base, withdrawn }, now)).toBe(false);
		expect(withdrawalOf({ ...base, withdrawn }, {})).toBe(withdrawn);
	});

	it("takes down every item of a withdrawn customer, and only those", () => {
		const withdrawn = { on: new Date('2026-11-20'), reason: 'customer left' };
		expect(publicationState(base, now, { customer: { withdrawn } })).toBe('withdrawn');
		expect(isPublic(base, now, { customer: { withdrawn } })).toBe(false);
		expect(withdrawalOf(base, { withdrawn })).toBe(withdrawn);
		expect(isPublic(base, now, { customer: {} })).toBe(true);
		expect(withdrawalOf(base, {})).toBeUndefined();
	});

	it('shows a tombstone only for a withdrawn item that had been published, lapsed approval included', () => {
		const withdrawn = { on: new Date('2026-11-20'), reason: 'customer asked' };
		expect(tombstoneOf({ ...base, withdrawn }, now)).toBe(withdrawn);
		expect(tombstoneOf(base, now, { withdrawn })).toBe(withdrawn);
		expect(tombstoneOf({ ...base, withdrawn, approval: { ...approval, expiresOn: new Date('2026-11-01') } }, now)).toBe(withdrawn);
		// Never seen, so no address to mark: a draft, an embargoed or an unapproved item.
		expect(tombstoneOf({ ...base, withdrawn, draft: true }, now)).toBeUndefined();
		expect(tombstoneOf({ ...base, publishAt: new Date('2026-12-01T00:00:00Z') }, now, { withdrawn })).toBeUndefined();
		expect(tombstoneOf({ draft: false, withdrawn }, now)).toBeUndefined();
		expect(tombstoneOf(base, now)).toBeUndefined();
	});
});

describe('publicationTime', () => {
	it('is pinned by CREDENCE_NOW', () => {
		expect(publicationTime({ CREDENCE_NOW: '2030-01-01T00:00:00Z' }).toISOString()).toBe('2030-01-01T00:00:00.000Z');
	});
	it('rejects a malformed CREDENCE_NOW with a clear message', () => {
		expect(() => publicationTime({ CREDENCE_NOW: 'soon' })).toThrow(PublicationTimeError);
		expect(() => publicationTime({ CREDENCE_NOW: 'soon' })).toThrow(/^CREDENCE_NOW holds "soon", which is not a date-time; expected an ISO 8601 date-time such as 2026-11-23T00:00:00Z/);
		// `new Date` alone takes these.
		for (const loose of ['1', 'March 3 2026', '2026-11-23 08:00']) expect(() => publicationTime({ CREDENCE_NOW: loose }), loose).toThrow(PublicationTimeError);
		expect(publicationTime({ CREDENCE_NOW: '2026-11-23' }).toISOString()).toBe('2026-11-23T00:00:00.000Z');
	});
	it('defaults to the clock', () => {
		expect(Math.abs(publicationTime({}).getTime() - Date.now())).toBeLessThan(5000);
	});
});

describe('resultsAnnounced', () => {
	it('hides results that have not been published', () => {
		expect(resultsAnnounced(undefined, now)).toBe(false);
	});

	it('shows results without an embargo', () => {
		expect(resultsAnnounced({}, now)).toBe(true);
	});

	it('holds results until their publishAt instant', () => {
		expect(resultsAnnounced({ publishAt: new Date('2026-11-23T12:00:01Z') }, now)).toBe(false);
		expect(resultsAnnounced({ publishAt: new Date('2026-11-23T12:00:00Z') }, now)).toBe(true);
	});
});
