/**
 * The publication rule, defined once. Every page, feed, sitemap entry and search record goes
 * through `isPublic`; nothing else decides what prospects may see.
 */
import type { Publishable } from '../schemas/common.ts';

/**
 * An item is public only if it is not a draft, its embargo (`publishAt`) has passed, and its
 * customer approval exists, has been given, and has not lapsed (it lapses at the start of
 * `expiresOn`, UTC).
 */
export function isPublic(item: Publishable, now: Date, changedSinceApproval: readonly string[] = []): boolean {
	return publicationState(item, now, changedSinceApproval) === 'public';
}

/** Why an item is or is not public, for `check` output and tests. */
export type PublicationState = 'public' | 'draft' | 'embargoed' | 'unapproved' | 'approval-expired' | 'changes-requested' | 'declined' | 'changed-since-approval';

/**
 * `changedSinceApproval`: the published fields that no longer match the approval's digest
 * (`src/lib/approval/changes.ts` computes them, outside this pure rule, since it needs the body);
 * any makes an otherwise public item `changed-since-approval`. A review (changes requested,
 * declined) newer than the approval keeps the item private.
 */
export function publicationState(item: Publishable, now: Date, changedSinceApproval: readonly string[] = []): PublicationState {
	if (item.draft) return 'draft';
	if (item.publishAt && item.publishAt.getTime() > now.getTime()) return 'embargoed';
	if (item.review && (!item.approval || item.review.reviewedOn.getTime() >= item.approval.approvedOn.getTime())) return item.review.decision;
	if (!item.approval || item.approval.approvedOn.getTime() > now.getTime()) return 'unapproved';
	if (item.approval.expiresOn.getTime() <= now.getTime()) return 'approval-expired';
	if (changedSinceApproval.length) return 'changed-since-approval';
	return 'public';
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
 * Whether a program's published results (`winners.yaml`) may be shown: they may carry an embargo
 * (`publishAt`) so winners are announced on a date; until then the site says judging is in progress.
 */
export function resultsAnnounced(results: { publishAt?: Date } | undefined, now: Date): boolean {
	if (!results) return false;
	return !results.publishAt || results.publishAt.getTime() <= now.getTime();
}
