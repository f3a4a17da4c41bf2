/**
 * `references report`: the figures a reference manager reviews: who is over-used and who idle, the
 * lifecycle funnel, evidence going stale, how deals went by kind of reference and by evidence used,
 * and whose recognition is due. Pure: every figure is recomputable by hand from the files.
 */
import type { ContentIndex } from '../content/integrity.ts';
import { ADVOCATE_STAGES, REFERENCE_KINDS, type AdvocateStage, type Outcome, type ReferenceKind } from '../../schemas/reference.ts';
import { stateOf } from './evidence.ts';
import { activitiesOf, daysBetween, fatigueOf } from './fatigue.ts';
import type { ActivityRecord, ReferenceData } from './load.ts';

/** Below this many decided deals a won share is shown but marked as too few to read much into. */
export const SMALL_SAMPLE = 5;

/** Won, lost, no decision and open counts, and the won share of the decided ones. */
export interface OutcomeTally {
	activities: number;
	won: number;
	lost: number;
	noDecision: number;
	open: number;
	/** won + lost + no decision: deals that ended. */
	decided: number;
	/** won / decided, or null when none has ended. */
	wonShare: number | null;
	/** Fewer than SMALL_SAMPLE decided: read the share with care. */
	small: boolean;
}

/** The kinds of evidence an activity can have used; `none` when it used none. */
export const EVIDENCE_TYPES = { story: 'Story', video: 'Video', 'award-entry': 'Award entry', none: 'No evidence' } as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

export interface ReferenceReport {
	now: string;
	policy: { windowDays: number; maxLoad: number; idleDays: number; staleMetricMonths: number; staleStoryYears: number; recognitionEvery: number };
	overUsed: { advocate: string; name: string; customer: string; load: number; limit: number; asks: number }[];
	idle: { advocate: string; name: string; customer: string; lastAsked: string | null; daysSinceAsked: number | null }[];
	funnel: Record<AdvocateStage, number>;
	stale: {
		metrics: { story: string; title: string; metric: string; measuredOn: string; monthsAgo: number }[];
		approvalsLapsing: { type: 'story' | 'video' | 'award-entry'; id: string; title: string; expiresOn: string; daysLeft: number; within: 30 | 90 }[];
		oldStories: { story: string; title: string; publishedOn: string; yearsAgo: number }[];
	};
	outcomes: {
		byKind: ({ kind: ReferenceKind; label: string } & OutcomeTally)[];
		byEvidence: ({ evidence: EvidenceType; label: string } & OutcomeTally)[];
	};
	recognitionDue: { advocate: string; name: string; asksSinceRecognition: number; lastRecognised: string | null; thanksMissing: string[] }[];
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Whole calendar months from `from` to `to` (a month counts once its day is reached). */
export function monthsBetween(from: Date, to: Date): number {
	const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
	return to.getUTCDate() >= from.getUTCDate() ? months : months - 1;
}

/** Tallies the outcomes of `activities`. */
export function tallyOutcomes(activities: readonly ActivityRecord[]): OutcomeTally {
	const count = (outcome: Outcome) => activities.filter((a) => a.data.outcome === outcome).length;
	const won = count('won');
	const lost = count('lost');
	const noDecision = count('no-decision');
	const decided = won + lost + noDecision;
	return { activities: activities.length, won, lost, noDecision, open: count('open'), decided, wonShare: decided ? won / decided : null, small: decided < SMALL_SAMPLE };
}

/** The evidence types an activity used (each once). */
export function evidenceTypesOf(activity: ActivityRecord): EvidenceType[] {
	const { stories, videos, entries } = activity.data.evidence;
	const types: EvidenceType[] = [];
	if (stories.length) types.push('story');
	if (videos.length) types.push('video');
	if (entries.length) types.push('award-entry');
	return types.length ? types : ['none'];
}

export function referenceReport(index: ContentIndex, references: ReferenceData, now: Date): ReferenceReport {
	const { policy, activities } = references;
	const nameOf = (person: string) => index.people.get(person)?.data.name ?? person;
	const advocates = [...references.advocates.values()];
	const fatigue = new Map(advocates.map((a) => [a.id, fatigueOf(a.id, a.data, activities, policy, now)]));

	const overUsed = advocates
		.filter((a) => a.data.stage !== 'retired' && fatigue.get(a.id)!.load >= fatigue.get(a.id)!.limit)
		.map((a) => ({ advocate: a.id, name: nameOf(a.data.person), customer: a.data.customer, load: fatigue.get(a.id)!.load, limit: fatigue.get(a.id)!.limit, asks: fatigue.get(a.id)!.asks }))
		.sort((a, b) => b.load - a.load || a.advocate.localeCompare(b.advocate));

	const idle = advocates
		.filter((a) => a.data.stage === 'active')
		.map((a) => {
			const last = fatigue.get(a.id)!.lastAsked;
			return { advocate: a.id, name: nameOf(a.data.person), customer: a.data.customer, lastAsked: last ? day(last) : null, daysSinceAsked: last ? daysBetween(last, now) : null };
		})
		.filter((a) => a.daysSinceAsked === null || a.daysSinceAsked >= policy.idleDays)
		.sort((a, b) => (b.daysSinceAsked ?? Infinity) - (a.daysSinceAsked ?? Infinity) || a.advocate.localeCompare(b.advocate));

	const funnel = Object.fromEntries(ADVOCATE_STAGES.map((stage) => [stage, advocates.filter((a) => a.data.stage === stage).length])) as Record<AdvocateStage, number>;

	const metrics: ReferenceReport['stale']['metrics'] = [];
	const oldStories: ReferenceReport['stale']['oldStories'] = [];
	for (const [id, story] of index.stories) {
		const { data } = story;
		if (stateOf(index, story, now) !== 'public') continue;
		for (const metric of data.metrics) {
			const monthsAgo = monthsBetween(metric.measuredOn, now);
			if (monthsAgo >= policy.staleMetricMonths && metric.measuredOn.getTime() < now.getTime()) {
				// "More than 18 months": from the day 18 months have passed.
				metrics.push({ story: id, title: data.title, metric: metric.label, measuredOn: day(metric.measuredOn), monthsAgo });
			}
		}
		const yearsAgo = Math.floor(monthsBetween(data.publishedOn, now) / 12);
		if (yearsAgo >= policy.staleStoryYears) oldStories.push({ story: id, title: data.title, publishedOn: day(data.publishedOn), yearsAgo });
	}
	const approvalsLapsing: ReferenceReport['stale']['approvalsLapsing'] = [];
	const items = [
		...[...index.stories].map(([id, e]) => ({ type: 'story' as const, id, data: e.data, entry: e })),
		...[...index.videos].map(([id, e]) => ({ type: 'video' as const, id, data: e.data, entry: e })),
		...[...index.awardEntries].map(([id, e]) => ({ type: 'award-entry' as const, id, data: e.data, entry: e })),
	];
	for (const item of items) {
		const { approval } = item.data;
		// A public item always has an approval; the check keeps that from being otherwise.
		if (!approval || stateOf(index, item.entry, now) !== 'public') continue;
		const daysLeft = daysBetween(now, approval.expiresOn);
		if (daysLeft < 90) approvalsLapsing.push({ type: item.type, id: item.id, title: item.data.title, expiresOn: day(approval.expiresOn), daysLeft, within: daysLeft < 30 ? 30 : 90 });
	}
	approvalsLapsing.sort((a, b) => a.daysLeft - b.daysLeft || a.id.localeCompare(b.id));

	const asked = activities.filter((a) => a.data.date.getTime() <= now.getTime());
	const byKind = (Object.keys(REFERENCE_KINDS) as ReferenceKind[])
		.map((kind) => ({ kind, label: REFERENCE_KINDS[kind], ...tallyOutcomes(asked.filter((a) => a.data.kind === kind)) }))
		.filter((row) => row.activities > 0);
	const byEvidence = (Object.keys(EVIDENCE_TYPES) as EvidenceType[])
		.map((evidence) => ({ evidence, label: EVIDENCE_TYPES[evidence], ...tallyOutcomes(asked.filter((a) => evidenceTypesOf(a).includes(evidence))) }))
		.filter((row) => row.activities > 0);

	const recognitionDue = advocates
		.filter((a) => a.data.stage !== 'retired')
		.map((a) => {
			const mine = activitiesOf(asked, a.id);
			const last = a.data.recognition.reduce<Date | undefined>((latest, r) => (!latest || r.on > latest ? r.on : latest), undefined);
			const since = mine.filter((x) => !last || x.data.date.getTime() > last.getTime()).length;
			const thanksMissing = mine.filter((x) => !x.data.thankYouSent).map((x) => day(x.data.date));
			return { advocate: a.id, name: nameOf(a.data.person), asksSinceRecognition: since, lastRecognised: last ? day(last) : null, thanksMissing };
		})
		.filter((a) => a.asksSinceRecognition >= policy.recognitionEvery || a.thanksMissing.length > 0)
		.sort((a, b) => b.asksSinceRecognition - a.asksSinceRecognition || a.advocate.localeCompare(b.advocate));

	return {
		now: now.toISOString(),
		policy: { windowDays: policy.windowDays, maxLoad: policy.maxLoad, idleDays: policy.idleDays, staleMetricMonths: policy.staleMetricMonths, staleStoryYears: policy.staleStoryYears, recognitionEvery: policy.recognitionEvery },
		overUsed,
		idle,
		funnel,
		stale: { metrics, approvalsLapsing, oldStories },
		outcomes: { byKind, byEvidence },
		recognitionDue,
	};
}


