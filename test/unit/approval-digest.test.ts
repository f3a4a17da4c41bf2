import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { canonicalJson, changedFields, fieldDigests, itemDigest, PUBLISHED_FIELDS, type ApprovableItem } from '../../src/lib/approval/digest.ts';
import { approvableItem, changesSinceApproval } from '../../src/lib/approval/item.ts';
import { cliSchemaContext } from '../../src/lib/content/validate.ts';
import { publicationState } from '../../src/lib/publication.ts';
import { storySchema } from '../../src/schemas/story.ts';

const FRONT_MATTER = `title: Fresh shelves
summary: Shrink fell.
customer: feira-boa
authors: [beatriz-nogueira, daniel-ferreira]
publishedOn: 2026-09-15
topics: [grocery]
metrics:
  - label: Fresh shrink
    value: 3.4
    unit: '%'
    baseline: 5.9
    better: lower
    period: H1 2026 vs H1 2025
    method: Write-offs divided by sales.
    measuredOn: 2026-07-31
quotes:
  - text: We throw away less.
    person: beatriz-nogueira
hero:
  src: ../assets/heroes/feira-boa.jpg
  alt: A fresh aisle
disclosure: Feira Boa is a customer of Tessellate.
`;

/** The same story with its keys in another order, other quoting and flow style, and the same values. */
const REFORMATTED = `disclosure: "Feira Boa is a customer of Tessellate."
hero: { alt: "A fresh aisle", src: "../assets/heroes/feira-boa.jpg" }
quotes:
  - person: beatriz-nogueira
    text: "We throw away less."
metrics:
  - { measuredOn: 2026-07-31, method: "Write-offs divided by sales.", period: "H1 2026 vs H1 2025", better: lower, baseline: 5.9, unit: "%", value: 3.4, label: "Fresh shrink" }
topics:
  - grocery
publishedOn: 2026-09-15
authors:
  - beatriz-nogueira
  - daniel-ferreira
customer: feira-boa
summary: >-
  Shrink fell.
title: 'Fresh shelves'
`;

const customer = { displayName: 'Feira Boa Supermercados', logoShown: true };
const BODY = 'We plan fresh food by the hour.\n\n## What changed\n\nLess waste.\n';

function story(yaml: string, body = BODY): ApprovableItem {
	const data = storySchema(cliSchemaContext).parse(parse(yaml)) as Record<string, unknown>;
	return approvableItem('stories', { data, body }, customer);
}

describe('the approval digest', () => {
	it('is stable under YAML reformatting, key order and line endings', () => {
		const original = fieldDigests(story(FRONT_MATTER));
		const reformatted = fieldDigests(story(REFORMATTED, BODY.replace(/\n/g, '\r\n') + '\n\n'));
		expect(reformatted).toEqual(original);
		expect(itemDigest(reformatted)).toBe(itemDigest(original));
		expect(changedFields(original, reformatted)).toEqual([]);
	});

	it('digests every published field of a story, and only those', () => {
		expect(Object.keys(fieldDigests(story(FRONT_MATTER)))).toEqual([...PUBLISHED_FIELDS.story]);
		for (const digest of Object.values(fieldDigests(story(FRONT_MATTER)))) expect(digest).toMatch(/^[0-9a-f]{64}$/);
	});

	it('names the field that changed: title, body, a metric, a quote', () => {
		const approved = fieldDigests(story(FRONT_MATTER));
		expect(changedFields(approved, fieldDigests(story(FRONT_MATTER.replace('title: Fresh shelves', 'title: Fuller shelves'))))).toEqual(['title']);
		expect(changedFields(approved, fieldDigests(story(FRONT_MATTER, BODY.replace('Less waste.', 'No waste at all.'))))).toEqual(['body']);
		expect(changedFields(approved, fieldDigests(story(FRONT_MATTER.replace('value: 3.4', 'value: 2.1'))))).toEqual(['metrics']);
		expect(changedFields(approved, fieldDigests(story(FRONT_MATTER.replace('We throw away less.', 'We throw away nothing.'))))).toEqual(['quotes']);
		expect(itemDigest(fieldDigests(story(FRONT_MATTER.replace('title: Fresh shelves', 'title: Fuller shelves'))))).not.toBe(itemDigest(approved));
	});

	it('counts how the customer is shown: withholding its name changes what was approved', () => {
		const approved = fieldDigests(story(FRONT_MATTER));
		const anonymous = { ...story(FRONT_MATTER), customer: { displayName: 'A Brazilian grocer', logoShown: false } };
		expect(changedFields(approved, fieldDigests(anonymous))).toEqual(['customer']);
	});

	it('ignores fields that change where an item is shown, not what it says', () => {
		const approved = fieldDigests(story(FRONT_MATTER));
		const moved = FRONT_MATTER.replace('topics: [grocery]', 'topics: [grocery, fresh-food]\nfeatured: true').replace('publishedOn: 2026-09-15', 'publishedOn: 2026-09-20');
		expect(changedFields(approved, fieldDigests(story(moved)))).toEqual([]);
	});

	it('serialises canonically: keys sorted, dates as days', () => {
		expect(canonicalJson({ b: 1, a: [new Date('2026-01-02T00:00:00Z'), undefined], c: undefined })).toBe('{"a":["2026-01-02",null],"b":1}');
	});
});

describe('an approved item changed since approval', () => {
	const now = new Date('2026-11-23T12:00:00Z');
	const item = story(FRONT_MATTER);
	const approval = { approvedBy: 'beatriz-nogueira', approvedOn: new Date('2026-10-01'), expiresOn: new Date('2027-10-01'), digest: fieldDigests(item) };

	it('is public while its words are those approved', () => {
		expect(changesSinceApproval(item, approval)).toEqual([]);
		expect(publicationState({ draft: false, approval }, now, { changedSinceApproval: changesSinceApproval(item, approval) })).toBe('public');
	});

	it('is changed-since-approval once a published field changes', () => {
		const edited = story(FRONT_MATTER, `${BODY}\nA sentence the customer never saw.\n`);
		expect(changesSinceApproval(edited, approval)).toEqual(['body']);
		expect(publicationState({ draft: false, approval }, now, { changedSinceApproval: changesSinceApproval(edited, approval) })).toBe('changed-since-approval');
	});

	it('stays valid without a digest (approvals given before proofs)', () => {
		const { digest: _, ...legacy } = approval;
		expect(changesSinceApproval(story(FRONT_MATTER.replace('Fresh shelves', 'Other')), legacy)).toEqual([]);
	});

	it('is held back by a review newer than the approval', () => {
		const review = { decision: 'changes-requested' as const, reviewedBy: 'beatriz-nogueira', reviewedOn: new Date('2026-11-01'), comments: 'Use the audited figure.' };
		expect(publicationState({ draft: false, approval, review }, now)).toBe('changes-requested');
		expect(publicationState({ draft: false, review: { ...review, decision: 'declined' } }, now)).toBe('declined');
		expect(publicationState({ draft: false, approval: { ...approval, approvedOn: new Date('2026-11-02') }, review }, now)).toBe('public');
	});
});
