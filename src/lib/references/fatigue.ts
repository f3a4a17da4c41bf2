/**
 * The fatigue policy, applied: how much an advocate has been asked in the rolling window (each
 * ask weighted by its kind), whether they are resting after a heavy ask, and when they were last
 * asked. Pure: "now" is always passed in.
 */
import { DEFAULT_WEIGHTS, type Advocate, type ReferenceKind, type ReferencePolicy } from '../../schemas/reference.ts';
import type { ActivityRecord } from './load.ts';

const DAY = 86_400_000;

/** The weight of one ask of `kind` under `policy`. */
export function weightOf(policy: ReferencePolicy, kind: ReferenceKind): number {
	return policy.weights[kind] ?? DEFAULT_WEIGHTS[kind];
}

/** The most weighted asks `advocate` may carry in the window: their own limit when lower than the policy's. */
export function limitOf(policy: ReferencePolicy, advocate: Advocate): number {
	return Math.min(policy.maxLoad, advocate.maxLoad ?? policy.maxLoad);
}

/** An advocate's load under the policy, at `now`. */
export interface Fatigue {
	/** Sum of the weights of the asks in the window (asks already scheduled after `now` count too: they are promised). */
	load: number;
	/** The most they may carry. */
	limit: number;
	/** Number of asks in the window. */
	asks: number;
	/** First day of the window. */
	windowStart: Date;
	/** Day of the latest ask on or before `now`, if any. */
	lastAsked?: Date;
	/** While resting after a heavy ask: the day the rest ends, and the ask that caused it. */
	restingUntil?: Date;
	restingAfter?: ReferenceKind;
}

/** The activities of one advocate. */
export const activitiesOf = (activities: readonly ActivityRecord[], advocate: string) => activities.filter((a) => a.data.advocate === advocate);

/** Whole days from `from` to `to`. */
export const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY);

/**
 * The fatigue of the advocate `id` at `now`: the window is the `windowDays` days up to and
 * including today; a heavy ask (weight at least `heavyWeight`) puts them at rest for `restDays`
 * days after it.
 */
export function fatigueOf(id: string, advocate: Advocate, activities: readonly ActivityRecord[], policy: ReferencePolicy, now: Date): Fatigue {
	const windowStart = new Date(now.getTime() - (policy.windowDays - 1) * DAY);
	windowStart.setUTCHours(0, 0, 0, 0);
	let load = 0;
	let asks = 0;
	let lastAsked: Date | undefined;
	let restingUntil: Date | undefined;
	let restingAfter: ReferenceKind | undefined;
	for (const { data } of activitiesOf(activities, id)) {
		const weight = weightOf(policy, data.kind);
		if (data.date.getTime() >= windowStart.getTime()) {
			load += weight;
			asks += 1;
		}
		if (data.date.getTime() > now.getTime()) continue;
		if (!lastAsked || data.date > lastAsked) lastAsked = data.date;
		if (weight >= policy.heavyWeight) {
			const until = new Date(data.date.getTime() + policy.restDays * DAY);
			if (until.getTime() > now.getTime() && (!restingUntil || until > restingUntil)) {
				restingUntil = until;
				restingAfter = data.kind;
			}
		}
	}
	return { load, limit: limitOf(policy, advocate), asks, windowStart, lastAsked, restingUntil, restingAfter };
}
