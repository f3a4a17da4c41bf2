/**
 * Innovation award programs (`content/awards/<program>/`): the program file, entries, judges and
 * the private score sheets. The judging workflow (assign, import, tally, publish) builds on these.
 *
 * Layout of one program:
 *   content/awards/<program>/program.yaml        the rules, fixed before judging
 *   content/awards/<program>/entries/<id>.md     entries (publishable items; plain Markdown)
 *   content/awards/<program>/judges/<id>.yaml    the panel (conflicts are private)
 *   content/awards/<program>/scores/<round>.csv  scores (private, never a collection, never published)
 */
import { z } from 'astro/zod';
import { ID_PATTERN, isoDate, isoDateTime, publicationFields, ref, text, topics, webUrl } from './common.ts';
import { region } from './taxonomy.ts';

const localId = (what: string) =>
	z.string({ error: `expected ${what} id (a string)` }).regex(ID_PATTERN, { error: `expected ${what} id like "data-and-ai"` });

/** One level of a criterion's rubric: what a given score means. */
export const levelSchema = z
	.object({
		/** The score this descriptor anchors. */
		score: z.number({ error: 'expected a number' }).describe('Score this level anchors.'),
		/** Short name, e.g. "Exceptional". */
		label: text().describe('Short name of the level.'),
		/** What an entry at this level shows. */
		descriptor: text().describe('What an entry at this level shows.'),
	})
	.strict();

/** A judging criterion with its weight and rubric. */
export const criterionSchema = z
	.object({
		/** Id used in score files. */
		id: localId('a criterion'),
		/** Name shown to judges and prospects. */
		name: text(),
		/** What judges assess. */
		description: text(),
		/** Weight in percent; weights of a program sum to 100. */
		weight: z.number({ error: 'expected a weight in percent' }).positive({ error: 'expected a positive weight' }).describe('Weight in percent.'),
		/** Rubric levels, covering at least the lowest and highest score. */
		levels: z.array(levelSchema).min(2, { error: 'expected at least two level descriptors (lowest and highest score)' }),
	})
	.strict();

/** A category entries compete in. */
export const categorySchema = z
	.object({
		/** Id used by entries. */
		id: localId('a category'),
		/** Name. */
		name: text(),
		/** What the category rewards. */
		description: text(),
		/** Expertise tags a judge should have to score this category (matched during assignment). */
		expertise: z.array(localId('an expertise')).default([]),
	})
	.strict();

/** A judging round. */
export const roundSchema = z
	.object({
		/** Id used in file names (scores/<round>.csv). */
		id: localId('a round'),
		/** Name. */
		name: text(),
		/** Scoring against the rubric, or ranking the finalists. */
		kind: z.enum(['scoring', 'ranking'], { error: 'expected scoring or ranking' }),
		/** First day judges may score. */
		opens: isoDate(),
		/** Last day judges may score. */
		closes: isoDate(),
	})
	.strict()
	.refine((r) => r.closes.getTime() >= r.opens.getTime(), { message: 'expected closes on or after opens', path: ['closes'] });

/** How scores become a ranking: declared in the program file before judging starts. */
export const tallyRulesSchema = z
	.object({
		/** scaled: judge offset, spread and reliability (default); offset: additive judge-offset model; zscore: per-judge normalisation; mean: raw mean. */
		method: z.enum(['offset', 'scaled', 'zscore', 'mean'], { error: 'expected offset, scaled, zscore or mean' }).default('scaled'),
		/** Applied in order to break a tie: a criterion id (higher wins), or "judges" (more judges wins). */
		tieBreak: z.array(z.string({ error: 'expected a criterion id or "judges"' }).regex(ID_PATTERN, { error: 'expected a criterion id (like "impact") or "judges"' })).default([]),
		/** Bootstrap resamples for rank intervals. */
		resamples: z.number().int().min(100).max(100000).default(2000),
		/** Seed that makes the bootstrap reproducible. */
		seed: z.number().int().default(1),
	})
	.strict();

/**
 * Who may enter, and the limits of an entry: checked when `awards intake` takes an entrant's file
 * and again by `check` for every entry. Every rule is optional; a program without the block takes
 * any entry the entry schema allows.
 */
export const eligibilitySchema = z
	.object({
		/** Last day entries are taken (UTC); `awards intake` refuses files after it. */
		closes: isoDate().optional().describe('Last day entries are taken; intake refuses entries after it.'),
		/** The entrant must have been a customer since this day or earlier (the entrant answers when). */
		customerSince: isoDate().optional().describe('Entrants must have been customers since this day or earlier.'),
		/** The entrant must confirm the work is in production, not a pilot. */
		inProduction: z.boolean({ error: 'expected true or false' }).default(false).describe('Entrants must confirm the work is in production.'),
		/** The entry must involve at least one of these products (product ids). */
		products: z.array(ref('products')).default([]).describe('Entries must involve at least one of these products (empty: any).'),
		/** The entrant's region (from the customer record) must be one of these. */
		regions: z.array(region()).default([]).describe("The entrant's region must be one of these (empty: any)."),
		/** At most one entry per customer in each category. */
		onePerCustomerPerCategory: z.boolean({ error: 'expected true or false' }).default(false).describe('At most one entry per customer in each category.'),
		/** Longest title, in characters. */
		titleMaxChars: z.number().int().positive().optional().describe('Longest entry title, in characters.'),
		/** Longest summary, in words. */
		summaryMaxWords: z.number().int().positive().optional().describe('Longest summary, in words.'),
		/** Longest narrative (the entry's body), in words. */
		narrativeMaxWords: z.number().int().positive().optional().describe('Longest narrative, in words.'),
		/** Most pieces of evidence. */
		evidenceMax: z.number().int().positive().optional().describe('Most pieces of evidence an entry may list.'),
	})
	.strict();

export type Eligibility = z.infer<typeof eligibilitySchema>;

export const programSchema = z
	.object({
		/** Program name, e.g. "2026 Customer Innovation Awards". */
		name: text(),
		/** Program year. */
		year: z.number().int().min(2000).max(2100),
		/** What the program is and why it exists. */
		summary: text(),
		/** Categories. */
		categories: z.array(categorySchema).min(1, { error: 'expected at least one category' }),
		/** Criteria with weights (summing to 100) and rubrics. */
		criteria: z.array(criterionSchema).min(1, { error: 'expected at least one criterion' }),
		/** The score scale every criterion uses. */
		scale: z
			.object({
				/** Lowest score. */
				min: z.number(),
				/** Highest score. */
				max: z.number(),
				/** Allowed increments, e.g. 1 or 0.5. */
				step: z.number().positive(),
			})
			.strict()
			.refine((s) => s.max > s.min, { message: 'expected max above min', path: ['max'] }),
		/** Judging rounds in order. */
		rounds: z.array(roundSchema).min(1, { error: 'expected at least one round' }),
		/** Public milestones. */
		timeline: z
			.array(
				z
					.object({
						/** Day of the milestone. */
						date: isoDate(),
						/** What happens, e.g. "Entries close". */
						label: text(),
					})
					.strict(),
			)
			.default([]),
		/** Blind judging: judges do not see who entered. */
		blind: z.boolean().default(false),
		/**
		 * With `blind`, when the entrants are revealed: once the winners are announced (judges of a
		 * ranking round still see no names), or once the finalists are (the ranking round is judged
		 * knowing who entered). The site and the packets follow it.
		 */
		blindUntil: z
			.enum(['winners', 'finalists'], { error: 'expected winners or finalists' })
			.default('winners')
			.describe('With blind: true, whether entrants stay hidden until the winners are announced (winners) or only until the finalists are (finalists).'),
		/** Tally method and tie-break, declared before judging. */
		tally: tallyRulesSchema.default({ method: 'scaled', tieBreak: [], resamples: 2000, seed: 1 }),
		/** What `awards publish` marks and shares. */
		results: z
			.object({
				/** Finalists per category (the winner included). */
				finalists: z.number().int().min(1).default(3),
				/** Honourable mentions per category, after the finalists. */
				honourableMentions: z.number().int().min(0).default(2),
				/** Entrant feedback (criterion scores against the category average): private, or shown on public entry pages. */
				feedback: z.enum(['private', 'public'], { error: 'expected private or public' }).default('private'),
			})
			.strict()
			.default({ finalists: 3, honourableMentions: 2, feedback: 'private' }),
		/** Who may enter and an entry's limits, checked by `awards intake` and `check`. */
		eligibility: eligibilitySchema.optional(),
	})
	.strict()
	.superRefine((p, ctx) => {
		const total = p.criteria.reduce((sum, c) => sum + c.weight, 0);
		if (Math.abs(total - 100) > 1e-9) {
			ctx.addIssue({ code: 'custom', path: ['criteria'], message: `expected criterion weights summing to 100, found ${total}` });
		}
		const duplicate = (ids: string[]) => ids.find((id, i) => ids.indexOf(id) !== i);
		for (const [key, ids] of [
			['categories', p.categories.map((c) => c.id)],
			['criteria', p.criteria.map((c) => c.id)],
			['rounds', p.rounds.map((r) => r.id)],
		] as const) {
			const dup = duplicate(ids);
			if (dup) ctx.addIssue({ code: 'custom', path: [key], message: `expected unique ids, found "${dup}" twice` });
		}
		const criterionIds = new Set(p.criteria.map((c) => c.id));
		p.tally.tieBreak.forEach((rule, i) => {
			if (rule !== 'judges' && !criterionIds.has(rule)) {
				ctx.addIssue({ code: 'custom', path: ['tally', 'tieBreak', i], message: `expected a criterion id (${[...criterionIds].join(', ')}) or "judges", found "${rule}"` });
			}
		});
		const onScale = (score: number) =>
			score >= p.scale.min && score <= p.scale.max && isOnStep(score, p.scale.min, p.scale.step);
		p.criteria.forEach((c, ci) => {
			c.levels.forEach((level, li) => {
				if (!onScale(level.score)) {
					ctx.addIssue({ code: 'custom', path: ['criteria', ci, 'levels', li, 'score'], message: `expected a score on the scale ${p.scale.min}–${p.scale.max} step ${p.scale.step}, found ${level.score}` });
				}
			});
			const scores = c.levels.map((l) => l.score);
			if (!scores.includes(p.scale.min) || !scores.includes(p.scale.max)) {
				ctx.addIssue({ code: 'custom', path: ['criteria', ci, 'levels'], message: `expected descriptors for the lowest (${p.scale.min}) and highest (${p.scale.max}) score` });
			}
		});
	});

/** True when `score` is min + k·step for a whole k (tolerating float error). */
export function isOnStep(score: number, min: number, step: number): boolean {
	const k = (score - min) / step;
	return Math.abs(k - Math.round(k)) < 1e-9;
}

/** A piece of evidence attached to an entry. */
export const evidenceSchema = z
	.object({
		/** What it shows. */
		label: text(),
		/** The figure or fact. */
		detail: text(),
		/** Where it can be checked. */
		url: webUrl('https://example.com/report').optional(),
	})
	.strict();

/** Where an entry stands, before results are published. */
export const ENTRY_STATUSES = ['submitted', 'eligible', 'ineligible', 'withdrawn'] as const;

/** The entrant's answers to the program's eligibility questions. */
export const eligibilityAnswersSchema = z
	.object({
		/** Day the entrant became a customer. */
		customerSince: isoDate().optional().describe('Day the entrant became a customer.'),
		/** Whether the work is in production (not a pilot). */
		inProduction: z.boolean({ error: 'expected true or false' }).optional().describe('Whether the work described is in production, not a pilot.'),
	})
	.strict();

export const entrySchema = z
	.object({
		/** Category id from the program file. */
		category: localId('a category'),
		/** The entrant organisation. */
		customer: ref('customers'),
		/** The person who submitted the entry. */
		submitter: ref('people'),
		/** Entry title. */
		title: text().describe('Entry title.'),
		/** One or two sentences. */
		summary: text().describe('One or two sentences on what the team did and what it achieved.'),
		/** Supporting evidence. */
		evidence: z.array(evidenceSchema).default([]),
		/** Vendor products involved. */
		products: z.array(ref('products')).default([]),
		/** Topic tags. */
		topics: topics(),
		/** Where the entry stands. */
		status: z.enum(ENTRY_STATUSES, { error: `expected a status: one of ${ENTRY_STATUSES.join(', ')}` }).default('submitted'),
		/** Day it was submitted. */
		submittedOn: isoDate(),
		/** The instant `awards intake` took it. */
		submittedAt: isoDateTime().optional().describe('The instant the entry was taken in by awards intake.'),
		/** The entrant's answers to the eligibility questions. */
		eligibility: eligibilityAnswersSchema.optional(),
		...publicationFields,
	})
	.strict();

/** A judge on one program's panel. */
export const judgeSchema = z
	.object({
		/** The person (an analyst or academic). */
		person: ref('people'),
		/** Public statement of independence. */
		independence: text().describe('Public statement of independence from the vendor and the entrants.'),
		/** Expertise tags, matched against category expertise. */
		expertise: z.array(localId('an expertise')).default([]),
		/** Declared conflicts with customers: private, never published. */
		conflicts: z
			.array(
				z
					.object({
						/** The customer the judge may not score. */
						customer: ref('customers'),
						/** Why (private). */
						reason: text(),
					})
					.strict(),
			)
			.default([])
			.describe('Declared conflicts of interest. Private: never published.'),
	})
	.strict();

/** One row of a private score sheet (`scores/<round>.csv`, header judge,entry,criterion,score,comment). */
export const scoreRowSchema = z
	.object({
		/** Judge id (the file name in judges/). */
		judge: localId('a judge'),
		/** Entry id (the file name in entries/). */
		entry: localId('an entry'),
		/** Criterion id from the program file. */
		criterion: localId('a criterion'),
		/** The score. */
		score: z.union([z.number(), z.string()]).transform((value, ctx) => {
			// CSV cells arrive as strings; an empty cell must not become 0.
			const parsed = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
			if (!Number.isFinite(parsed)) {
				ctx.addIssue({ code: 'custom', message: `expected a number, found "${value}"` });
				return z.NEVER;
			}
			return parsed;
		}),
		/** Private comment for the entrant's feedback. */
		comment: z.string().default(''),
	})
	.strict();

export const SCORE_COLUMNS = ['judge', 'entry', 'criterion', 'score', 'comment'] as const;

export type Program = z.infer<typeof programSchema>;
export type Entry = z.infer<typeof entrySchema>;
export type Judge = z.infer<typeof judgeSchema>;
export type ScoreRow = z.infer<typeof scoreRowSchema>;

/**
 * Who scores what in one round (`assignments/<round>.yaml`), written by `awards assign`.
 * Private: never a collection, never published.
 */
export const assignmentFileSchema = z
	.object({
		/** The round this assignment is for. */
		round: localId('a round'),
		/** Seed the assignment was drawn with (same seed, same assignment). */
		seed: z.number().int(),
		/** Judges per entry. */
		perEntry: z.number().int().positive(),
		/** Maximum entries per judge, when one was set. */
		maxLoad: z.number().int().positive().optional(),
		/** Entries every judge scores, to calibrate severities. */
		calibration: z.array(localId('an entry')).default([]),
		/** Each judge's entries. */
		judges: z.record(localId('a judge'), z.array(localId('an entry'))),
	})
	.strict();

export type AssignmentFile = z.infer<typeof assignmentFileSchema>;

/** A category's published outcome. */
export const categoryOutcomeSchema = z
	.object({
		/** Category id. */
		category: localId('a category'),
		/** The winning entry; absent while a ranking round is still to pick the winner from the finalists. */
		winner: localId('an entry').optional(),
		/** Finalists in rank order, the winner first. */
		finalists: z.array(localId('an entry')),
		/** Honourable mentions in rank order. */
		honourableMentions: z.array(localId('an entry')).default([]),
		/** True when the winner was not separable from the runner-up and the tie-break decided. */
		decidedByTieBreak: z.boolean().default(false),
		/**
		 * The declared rule that decided it: a criterion id (the higher score on it), `judges` (scored by
		 * more judges) or `scoring-round` (the finalists' order in the scoring round, for a ranking round).
		 */
		decidedBy: z.string().regex(ID_PATTERN).optional().describe('The declared tie-break rule that decided the winner: a criterion id, judges, or scoring-round.'),
	})
	.strict();

/** One round's published outcome, with its own announcement. */
const roundOutcomeFields = {
	/** The round the outcome comes from (the ranking round when there is one). */
	round: localId('a round'),
	/** Day `awards publish` wrote the outcome. */
	publishedOn: isoDate(),
	/** Embargo: the site shows this round's outcome from this instant (announce on a date); absent, from the next build. */
	publishAt: isoDateTime().optional().describe('Embargo: this round\'s results stay off the site until this date-time.'),
	/** The tally method that produced them (declared in the program file). */
	method: z.enum(['offset', 'scaled', 'zscore', 'mean', 'schulze']),
	/** Outcome per category. */
	categories: z.array(categoryOutcomeSchema),
};

/** An earlier round's outcome, kept with its announcement when a later round is published. */
export const roundOutcomeSchema = z.object(roundOutcomeFields).strict();

/**
 * The published results of a program (`winners.yaml`), written by `awards publish`. Public:
 * the site shows winners from it. Scores and judge data stay in the private files. The top level
 * is the latest round published; `earlierRounds` keeps the rounds published before it (the
 * finalists, say) with their own announcement, so each round is announced on its own date.
 */
export const winnersSchema = z
	.object({
		...roundOutcomeFields,
		/** Rounds published before this one, each with its own announcement (see `announcedOutcome`). */
		earlierRounds: z.array(roundOutcomeSchema).optional().describe('Outcomes of rounds published before this one, each with its own publishAt.'),
	})
	.strict();

export type RoundOutcome = z.infer<typeof roundOutcomeSchema>;
export type Winners = z.infer<typeof winnersSchema>;
