/**
 * The private reference program (`content/references/`): the customer advocates sales may ask for
 * help, what was asked of them, and the fatigue policy that keeps them from being over-asked.
 *
 * None of this is a content collection: the site never reads it. The check validates it and the
 * `references` CLI reads it (see `src/lib/references/`), like award score sheets.
 */
import { z } from 'astro/zod';
import { ID_PATTERN, isoDate, ref, text } from './common.ts';

/** What an advocate can be asked to do, and what an activity was. */
export const REFERENCE_KINDS = {
	'reference-call': 'Reference call',
	'site-visit': 'Site visit',
	'event-talk': 'Event talk',
	'analyst-briefing': 'Analyst briefing',
	'case-study': 'Case study',
	video: 'Video',
	'award-entry': 'Award entry',
	'peer-review': 'Peer review',
} as const;
export type ReferenceKind = keyof typeof REFERENCE_KINDS;
const KIND_IDS = Object.keys(REFERENCE_KINDS) as [ReferenceKind, ...ReferenceKind[]];

/** Where an advocate is in the program, from first nomination to leaving it. */
export const ADVOCATE_STAGES = ['nominated', 'recruited', 'active', 'resting', 'retired'] as const;
export type AdvocateStage = (typeof ADVOCATE_STAGES)[number];

/** What an advocate gets out of helping (Influitive's four motivations). */
export const MOTIVATIONS = ['status', 'access', 'engagement', 'rewards'] as const;

/** How the deal an activity supported ended (so far). */
export const OUTCOMES = ['won', 'lost', 'open', 'no-decision'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A reference kind, with the list of valid ones in the message. */
export const referenceKind = () =>
	z.enum(KIND_IDS, { error: `expected a kind of reference: one of ${KIND_IDS.join(', ')}` }).describe(`Kind of reference: ${KIND_IDS.join(', ')}.`);

/** A whole number of at least `min`, with `what` in the message. */
const count = (what: string, min = 1) =>
	z.number({ error: `expected a whole number of ${what}` }).int({ error: `expected a whole number of ${what}` }).min(min, { error: `expected at least ${min} ${what}` });

/** A thank-you or reward given to an advocate. */
export const recognitionSchema = z
	.object({
		/** Day it was given. */
		on: isoDate().describe('Day the recognition was given.'),
		/** What it was, e.g. "Speaker gift and dinner at Summit". */
		what: text().describe('What the recognition was.'),
	})
	.strict();

/** One advocate (`content/references/advocates/<id>.yaml`): a person of a customer who agreed to help sales. */
export const advocateSchema = z
	.object({
		/** The person (a `people/` entry whose role is customer). */
		person: ref('people').describe('The advocate: a person (role customer) in people/.'),
		/** The customer the person works for; must be the person's own customer. */
		customer: ref('customers').describe("The advocate's customer; must match the person's customer."),
		/** Where the advocate is in the program. */
		stage: z.enum(ADVOCATE_STAGES, { error: `expected a stage: one of ${ADVOCATE_STAGES.join(', ')}` }).describe(`Lifecycle stage: ${ADVOCATE_STAGES.join(', ')}.`),
		/** Day the advocate entered the current stage; activities logged from then on while resting or retired are warned about. */
		stageSince: isoDate().describe('Day the advocate entered the current stage.'),
		/** What the advocate agreed to do. */
		agreedTo: z.array(referenceKind()).min(1, { error: 'expected at least one kind of reference the advocate agreed to' }).describe('Kinds of reference the advocate agreed to do.'),
		/** At most this many weighted asks in the policy's window (lower than the policy's limit, when the advocate asked for less). */
		maxLoad: count('weighted asks').optional().describe("Most weighted asks in the policy's window for this advocate; the policy's maxLoad when absent."),
		/** What motivates the advocate. */
		motivations: z.array(z.enum(MOTIVATIONS, { error: `expected a motivation: one of ${MOTIVATIONS.join(', ')}` })).default([]).describe(`What motivates them: ${MOTIVATIONS.join(', ')}.`),
		/** Who nominated them (a customer success manager, an account executive). */
		nominatedBy: text().describe('Who nominated the advocate.'),
		/** Thanks and rewards given, oldest first. */
		recognition: z.array(recognitionSchema).default([]).describe('Recognition given to the advocate.'),
		/** Private notes for the reference manager. */
		notes: z.string().optional().describe('Private notes.'),
	})
	.strict();
export type Advocate = z.infer<typeof advocateSchema>;

/** The sales opportunity an activity supported. */
export const opportunitySchema = z
	.object({
		/** The CRM's id of the opportunity. */
		id: text().describe("The CRM's id of the opportunity."),
		/** Its sales stage when the reference was asked for. */
		stage: text().describe('Sales stage when the reference was asked for.'),
		/** Its value, in the CRM's currency. */
		amount: z.number({ error: 'expected an amount (a number)' }).nonnegative({ error: 'expected an amount of 0 or more' }).optional().describe('Value of the opportunity.'),
	})
	.strict();

/** Evidence shown alongside the reference. */
export const usedEvidenceSchema = z
	.object({
		/** Story ids. */
		stories: z.array(ref('stories')).default([]).describe('Stories used.'),
		/** Video ids. */
		videos: z.array(ref('videos')).default([]).describe('Videos used.'),
		/** Award entry ids, `<program>/<entry>`. */
		entries: z
			.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected an award entry id like cia-2026/acme-entry' }))
			.default([])
			.describe('Award entries used, as <program>/<entry>.'),
	})
	.strict();

/** One ask of an advocate. */
export const activitySchema = z
	.object({
		/** Day the advocate was asked (or the activity took place). */
		date: isoDate().describe('Day of the activity.'),
		/** The advocate's id (file name in advocates/). */
		advocate: z.string({ error: 'expected an advocate id' }).regex(ID_PATTERN, { error: 'expected an advocate id like maya-chen (a file name in references/advocates/)' }).describe('Id of the advocate (file name in references/advocates/).'),
		/** What was asked. */
		kind: referenceKind(),
		/** The seller who asked. */
		requestedBy: text().describe('Who asked for the reference.'),
		/** The deal it supported. */
		opportunity: opportunitySchema.optional().describe('The sales opportunity the reference supported.'),
		/** How the deal ended, so far. */
		outcome: z.enum(OUTCOMES, { error: `expected an outcome: one of ${OUTCOMES.join(', ')}` }).default('open').describe(`Outcome of the deal: ${OUTCOMES.join(', ')}.`),
		/** The evidence shown with it. */
		evidence: usedEvidenceSchema.default({ stories: [], videos: [], entries: [] }).describe('Evidence used with the reference.'),
		/** Whether the advocate was thanked. */
		thankYouSent: z.boolean({ error: 'expected true or false' }).default(false).describe('Whether a thank-you was sent.'),
		/** Private notes. */
		notes: z.string().optional().describe('Private notes.'),
	})
	.strict();
export type Activity = z.infer<typeof activitySchema>;

/** A year's activities (`content/references/activities/<year>.yaml`). */
export const activityFileSchema = z
	.object({
		/** Every activity of the year, in any order. */
		activities: z.array(activitySchema).default([]).describe("The year's reference activities."),
	})
	.strict();

/** Default weights per kind: a site visit or a talk costs an advocate more than a call. */
export const DEFAULT_WEIGHTS: Record<ReferenceKind, number> = {
	'reference-call': 1,
	'peer-review': 1,
	'analyst-briefing': 2,
	'case-study': 2,
	video: 2,
	'award-entry': 2,
	'site-visit': 3,
	'event-talk': 3,
};

/** The fatigue policy and report thresholds (`content/references/policy.yaml`; every field has a default). */
export const referencePolicySchema = z
	.object({
		/** Length of the rolling window load is counted in. */
		windowDays: count('days').default(90).describe('Days of the rolling window asks are counted in.'),
		/** Most weighted asks per advocate in the window. */
		maxLoad: count('weighted asks').default(4).describe('Most weighted asks per advocate in the window.'),
		/** An ask weighing at least this is heavy, and is followed by a rest period. */
		heavyWeight: count('weight units').default(3).describe('An ask of at least this weight is heavy.'),
		/** Days an advocate rests after a heavy ask. */
		restDays: count('days', 0).default(30).describe('Days of rest after a heavy ask.'),
		/** Weight of each kind of ask; kinds left out keep their default. */
		weights: z
			.record(z.string(), count('weight units'))
			.superRefine((weights, ctx) => {
				// A record, not an object of the kinds, so a mistyped kind is named with the valid ones.
				for (const key of Object.keys(weights)) {
					if (!(KIND_IDS as readonly string[]).includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: `expected a kind of reference: one of ${KIND_IDS.join(', ')}, found "${key}"` });
				}
			})
			.transform((weights) => weights as Partial<Record<ReferenceKind, number>>)
			.default({})
			.describe('Weight per kind of reference (defaults: call and peer review 1; briefing, case study, video, award entry 2; site visit and event talk 3).'),
		/** An active advocate not asked for this long is idle. */
		idleDays: count('days').default(180).describe('Days without an ask after which an active advocate is idle.'),
		/** A metric measured longer ago than this is stale. */
		staleMetricMonths: count('months').default(18).describe('Months after which a metric is stale.'),
		/** A story published longer ago than this is stale. */
		staleStoryYears: count('years').default(3).describe('Years after which a story is stale.'),
		/** Asks since the last recognition after which recognition is due. */
		recognitionEvery: count('asks').default(3).describe('Asks since the last recognition after which recognition is due.'),
	})
	.strict();
export type ReferencePolicy = z.infer<typeof referencePolicySchema>;
