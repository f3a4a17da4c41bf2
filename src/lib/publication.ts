/**
 * The publication rule, defined once. Every page, feed, sitemap entry and search record goes
 * through `isPublic`; nothing else decides what prospects may see.
 */
import type { Publishable, Withdrawal } from '../schemas/common.ts';

/** The customer an item is about, as far as the publication rule reads it: a customer may withdraw everything about them. */
export interface PublishingCustomer {
	withdrawn?: Withdrawal;
}

/**
 * An item is public only if neither it nor its customer is withdrawn, it is not a draft, its embargo (`publishAt`) has passed, and its
 * customer approval exists, has been given, and has not lapsed (it lapses at the start of
 * `expiresOn`, UTC).
 */
/** What else decides an item's state: its customer (whose withdrawal takes it down) and the fields changed since approval. */
export interface PublicationContext {
	/** The item's customer: a customer's `withdrawn` takes down everything about them. */
	customer?: PublishingCustomer;
	/**
	 * The published fields that no longer match the approval's digest (`src/lib/approval/item.ts`
	 * computes them, outside this pure rule, since it needs the body); any makes an otherwise public
	 * item `changed-since-approval`.
	 */
	changedSinceApproval?: readonly string[];
}

export function isPublic(item: Publishable, now: Date, context: PublicationContext = {}): boolean {
	return publicationState(item, now, context) === 'public';
}

/** Why an item is or is not public, for `check` output and tests. */
export type PublicationState = 'public' | 'withdrawn' | 'draft' | 'embargoed' | 'unapproved' | 'approval-expired' | 'changes-requested' | 'declined' | 'changed-since-approval';

/**
 * A withdrawal comes first: whatever else the item says, the customer asked for it to come down
 * (and its address shows a tombstone if it had been published, see `tombstoneOf`). A review
 * (changes requested, declined) newer than the approval keeps the item private.
 */
export function publicationState(item: Publishable, now: Date, { customer, changedSinceApproval = [] }: PublicationContext = {}): PublicationState {
	if (withdrawalOf(item, customer)) return 'withdrawn';
	if (item.draft) return 'draft';
	if (item.publishAt && item.publishAt.getTime() > now.getTime()) return 'embargoed';
	if (item.review && (!item.approval || item.review.reviewedOn.getTime() >= item.approval.approvedOn.getTime())) return item.review.decision;
	if (!item.approval || item.approval.approvedOn.getTime() > now.getTime()) return 'unapproved';
	if (item.approval.expiresOn.getTime() <= now.getTime()) return 'approval-expired';
	if (changedSinceApproval.length) return 'changed-since-approval';
	return 'public';
}

/**
 * The withdrawal that applies to an item: its own, or else its customer's (a customer withdrawing
 * takes down everything about them). Undefined when neither is withdrawn.
 */
export function withdrawalOf(item: Publishable, customer?: PublishingCustomer): Withdrawal | undefined {
	return item.withdrawn ?? customer?.withdrawn;
}

/**
 * The withdrawal an item's address shows as a tombstone: only an item that was published before
 * it was withdrawn (not a draft, its embargo passed, approved; its approval may have lapsed since)
 * gets one. A draft or an embargoed item withdrawn stays unseen: a tombstone at its address would
 * reveal its id, which no reader has seen.
 */
export function tombstoneOf(item: Publishable, now: Date, customer?: PublishingCustomer): Withdrawal | undefined {
	const withdrawal = withdrawalOf(item, customer);
	if (!withdrawal) return undefined;
	const without = publicationState({ ...item, withdrawn: undefined }, now);
	return without === 'public' || without === 'approval-expired' ? withdrawal : undefined;
}

/** Whole days from `now` until the approval lapses (negative once it has). */
export function daysUntilExpiry(item: Publishable, now: Date): number | undefined {
	if (!item.approval) return undefined;
	return Math.floor((item.approval.expiresOn.getTime() - now.getTime()) / 86_400_000);
}

/** `CREDENCE_NOW` holds something that is not a date-time: a mistake in the environment, not a crash (no stack trace). */
export class PublicationTimeError extends Error {
	constructor(found: string) {
		super(`CREDENCE_NOW holds "${found}", which is not a date-time; expected an ISO 8601 date-time such as 2026-11-23T00:00:00Z or a day such as 2026-11-23 (UTC), or leave CREDENCE_NOW unset to use the clock`);
		this.name = 'PublicationTimeError';
	}
}

/** `2026-11-23`, `2026-11-23T08:00Z`, `2026-11-23T08:00:00.000+01:00`: what `CREDENCE_NOW` may hold. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The instant the build treats as "now". `CREDENCE_NOW` pins it (tests, reproducible builds);
 * otherwise the clock. A static site only changes when rebuilt, so schedule a daily build for
 * embargoes and expiries to take effect on time. Throws `PublicationTimeError` when
 * `CREDENCE_NOW` is not an ISO date-time (`new Date` alone would take "1" or "March 3").
 */
export function publicationTime(env: Record<string, string | undefined> = process.env): Date {
	const pinned = env.CREDENCE_NOW;
	if (!pinned) return new Date();
	const parsed = new Date(pinned);
	if (!ISO_DATE_TIME.test(pinned.trim()) || Number.isNaN(parsed.getTime())) throw new PublicationTimeError(pinned);
	return parsed;
}

/**
 * Whether a round's published results (in `winners.yaml`) may be shown: each round may carry an
 * embargo (`publishAt`) so it is announced on a date; `announcedOutcome` picks the latest round
 * this lets through, and before any the site says judging is in progress.
 */
export function resultsAnnounced(results: { publishAt?: Date } | undefined, now: Date): boolean {
	if (!results) return false;
	return !results.publishAt || results.publishAt.getTime() <= now.getTime();
}
