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
export function isPublic(item: Publishable, now: Date): boolean {
	return publicationState(item, now) === 'public';
}

/** Why an item is or is not public, for `check` output and tests. */
export type PublicationState = 'public' | 'draft' | 'embargoed' | 'unapproved' | 'approval-expired';

export function publicationState(item: Publishable, now: Date): PublicationState {
	if (item.draft) return 'draft';
	if (item.publishAt && item.publishAt.getTime() > now.getTime()) return 'embargoed';
	if (!item.approval || item.approval.approvedOn.getTime() > now.getTime()) return 'unapproved';
	if (item.approval.expiresOn.getTime() <= now.getTime()) return 'approval-expired';
	return 'public';
}

/** Whole days from `now` until the approval lapses (negative once it has). */
export function daysUntilExpiry(item: Publishable, now: Date): number | undefined {
	if (!item.approval) return undefined;
	return Math.floor((item.approval.expiresOn.getTime() - now.getTime()) / 86_400_000);
}

/**
 * The instant the build treats as "now". `CREDENCE_NOW` pins it (tests, reproducible builds);
 * otherwise the clock. A static site only changes when rebuilt, so schedule a daily build for
 * embargoes and expiries to take effect on time.
 */
export function publicationTime(env: Record<string, string | undefined> = process.env): Date {
	const pinned = env.CREDENCE_NOW;
	if (!pinned) return new Date();
	const parsed = new Date(pinned);
	if (Number.isNaN(parsed.getTime())) {
		throw new Error(`CREDENCE_NOW must be an ISO date-time like 2026-11-23T00:00:00Z, found "${pinned}"`);
	}
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
