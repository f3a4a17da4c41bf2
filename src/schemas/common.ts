/**
 * Building blocks shared by every content schema: ids, strict dates, references and the
 * publication fields that every publishable item carries.
 *
 * This module (like every module in `src/schemas/`) runs both inside Astro (content
 * collections) and in plain Node (the CLI), so it imports nothing from `astro:*`.
 */
import { z } from 'astro/zod';

/** Lower-case words joined by single hyphens: the shape of every id and file name in `content/`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * What schema metadata (zod's `.meta()`) says about a field beyond its type, for readers that
 * generate from the schemas (the editor's config, `src/lib/editor/`). Zod keeps metadata through
 * `.describe()` and wrappers made later, so a field stays marked however it is refined.
 */
export interface FieldMeta {
	/** The field holds the id of an entry in this collection. */
	references?: string;
	/** The field holds a calendar date, or a date-time with a zone. */
	calendar?: 'date' | 'date-time';
}

/** An id of an entry in one collection; cross-file existence is checked by `src/lib/integrity.ts`. */
export function ref(collection: string) {
	return z
		.string({ error: `expected the id of an entry in ${collection} (a string)` })
		.regex(ID_PATTERN, { error: `expected an id like "acme-logistics" naming an entry in ${collection}` })
		.describe(`Id of an entry in the ${collection} collection (its file name without extension).`)
		.meta({ references: collection } satisfies FieldMeta);
}

/**
 * A web address a page links to: http or https only. Links come from outside (customers,
 * entrants), and a `javascript:` or `data:` address would run script on the site when clicked.
 */
export const webUrl = (example = 'https://example.com') =>
	z.httpUrl({ error: `expected a web address starting with https:// or http://, like ${example}` });

/** Non-empty, trimmed single-line text. */
export const text = () =>
	z.string({ error: 'expected text' }).trim().min(1, { error: 'expected non-empty text' });

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** True when year/month/day name a real calendar day (JavaScript's Date silently rolls 2026-02-30 over to March). */
function isRealDay(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1) return false;
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return day <= daysInMonth;
}

/**
 * Parses a calendar date or date-time strictly. Returns `undefined` for anything that is not a
 * real instant: wrong shape, impossible day, out-of-range time, or a date-time without a zone.
 */
export function parseStrictDate(value: string, { allowTime }: { allowTime: boolean }): Date | undefined {
	const dateOnly = DATE_RE.exec(value);
	if (dateOnly) {
		const [, y, m, d] = dateOnly.map(Number);
		return isRealDay(y, m, d) ? new Date(Date.UTC(y, m - 1, d)) : undefined;
	}
	if (!allowTime) return undefined;
	const dateTime = DATE_TIME_RE.exec(value);
	if (!dateTime) return undefined;
	const [y, m, d, hh, mm, ss] = dateTime.slice(1, 7).map((part) => Number(part ?? 0));
	if (!isRealDay(y, m, d) || hh > 23 || mm > 59 || ss > 59) return undefined;
	const parsed = new Date(value);
	return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/**
 * A date or date-time written without quotes in a YAML file, as the content check reads it.
 * Astro's loader turns such a value into a Date, so only a date field may hold one: the check
 * keeps it apart from text (and keeps its source, which date fields then parse strictly) to
 * report it where a date would break the build.
 */
export class YamlTimestamp {
	readonly source: string;
	constructor(source: string) {
		this.source = source;
	}
	toString(): string {
		return this.source;
	}
}

/**
 * A date or date-time. YAML parsers disagree (Astro's turns `2026-02-30` into 2 March, the CLI's
 * keeps strings), so strings are parsed strictly here and Date objects are accepted as already parsed.
 */
function strictDate(allowTime: boolean) {
	const shape = allowTime
		? 'a date like 2026-05-01 or a date-time with a zone like 2026-05-01T09:00:00Z'
		: 'a calendar date like 2026-05-01';
	return z.union([z.date(), z.string(), z.instanceof(YamlTimestamp)], { error: `expected ${shape}` }).transform((given, ctx) => {
		const value = given instanceof YamlTimestamp ? given.source : given;
		if (value instanceof Date) {
			if (Number.isNaN(value.getTime())) {
				ctx.addIssue({ code: 'custom', message: `expected ${shape}, found an invalid date` });
				return z.NEVER;
			}
			return value;
		}
		const parsed = parseStrictDate(value.trim(), { allowTime });
		if (!parsed) {
			ctx.addIssue({ code: 'custom', message: `expected ${shape}, found "${value}" which is not a real ${allowTime ? 'date or date-time' : 'date'}` });
			return z.NEVER;
		}
		return parsed;
	}).meta({ calendar: allowTime ? 'date-time' : 'date' } satisfies FieldMeta);
}

/** A calendar date (UTC midnight). */
export const isoDate = () => strictDate(false);
/** A date, or a date-time with an explicit zone. */
export const isoDateTime = () => strictDate(true);

/** `2026-02-20` */
const day = (date: Date) => date.toISOString().slice(0, 10);

/** The message for an approval that lapses before (or the day) it is given: what was found, and what would be valid. */
function approvalLapsesFirst({ approvedOn, expiresOn }: { approvedOn: Date; expiresOn: Date }): string {
	const when = expiresOn.getTime() === approvedOn.getTime() ? 'the same day as' : 'before';
	return `expected the day the approval lapses, after approvedOn (${day(approvedOn)}), found ${day(expiresOn)}, ${when} approvedOn: the approval would lapse before it was given; set expiresOn to the day the customer's approval ends (after ${day(approvedOn)}), or check approvedOn`;
}

/** Published field name → SHA-256 (64 hex digits) of its content, as `npm run approval -- record` writes it. */
function approvedDigest() {
	return z.record(
		z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, { error: 'expected a published field name like "title" or "body"' }),
		z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected a SHA-256 digest (64 hex digits) as written by npm run approval -- record' }),
		{ error: 'expected a list of published fields and their digests, as written by npm run approval -- record' },
	);
}

/** A customer's sign-off on what is published about them. */
export const approvalSchema = z
	.object({
		/** The customer-side person who approved publication. */
		approvedBy: ref('people').describe('Person at the customer who approved this item for publication.'),
		/** Day the approval was given. */
		approvedOn: isoDate().describe('Day the approval was given.'),
		/** The approval lapses at the start of this day (UTC); from then on the item is private. */
		expiresOn: isoDate().describe('Day the approval lapses (start of day, UTC); the item leaves the public site then.'),
		/**
		 * What was approved: the SHA-256 of each published field as the customer saw it in the proof
		 * (`src/lib/approval/digest.ts`), written by `npm run approval -- record`. When a field no
		 * longer matches, the item changed since approval. Approvals given before proofs have none.
		 */
		digest: approvedDigest().optional().describe('SHA-256 of each published field as approved (written by approval record); an item whose fields no longer match changed since approval.'),
	})
	.strict()
	.refine((a) => a.expiresOn.getTime() > a.approvedOn.getTime(), {
		error: (issue) => approvalLapsesFirst(issue.input as { approvedOn: Date; expiresOn: Date }),
		path: ['expiresOn'],
	})
	.describe('The customer approval that must exist, unexpired, for the item to be public.');

export type Approval = z.infer<typeof approvalSchema>;

/** What a reviewer may decide, short of approving. */
export const REVIEW_DECISIONS = ['changes-requested', 'declined'] as const;

/**
 * A customer's answer to a proof that was not an approval: changes requested or declined.
 * Recorded by `npm run approval -- record`; while it is newer than the approval, the item is not
 * public and `check` reports the reviewer's comments.
 */
export const reviewSchema = z
	.object({
		/** Changes requested, or declined outright. */
		decision: z.enum(REVIEW_DECISIONS, { error: `expected a decision: one of ${REVIEW_DECISIONS.join(', ')}` }).describe('The reviewer asked for changes, or declined publication.'),
		/** The customer-side person who reviewed the proof. */
		reviewedBy: ref('people').describe('Person at the customer who reviewed the proof.'),
		/** Day of the decision. */
		reviewedOn: isoDate().describe('Day the reviewer decided.'),
		/** What the reviewer asked for, in their words. */
		comments: z.string({ error: 'expected the reviewer\'s comments (text)' }).default('').describe('The reviewer\'s comments: the changes they ask for, or why they decline.'),
		/** The digest of the proof reviewed (as in `approval.digest`). */
		digest: approvedDigest().optional().describe('SHA-256 of each published field of the proof the reviewer saw.'),
	})
	.strict()
	.describe('A decision on a proof other than approval; the item stays private while it is newer than the approval.');

export type Review = z.infer<typeof reviewSchema>;

/** Fields every publishable item (story, video, award entry) carries; read by `isPublic()`. */
export const publicationFields = {
	/** A draft is never public, whatever else it says. */
	draft: z.boolean({ error: 'expected true or false' }).default(false).describe('A draft is never published.'),
	/** Embargo: the item stays private until this instant. */
	publishAt: isoDateTime().optional().describe('Embargo: the item is not public before this date-time.'),
	/** The customer's approval; without one (or once it expires) the item is private. */
	approval: approvalSchema.optional(),
	/** The customer's latest decision on a proof when it was not an approval (changes requested, declined). */
	review: reviewSchema.optional(),
};

/**
 * A withdrawal: the customer asked for the item (or, on a customer, for everything about them) to
 * come down. It takes effect at the next build whatever else the item says, and is final until
 * the field is removed: the page becomes a tombstone that says only this date.
 */
export const withdrawalSchema = z
	.object({
		/** The day the customer asked; the tombstone says "Withdrawn at the customer's request on <day>". */
		on: isoDate().describe("Day of the customer's request, shown on the tombstone page."),
		/** Why, for the team's records only: never published. */
		reason: text().describe('Why the item was withdrawn, for the team only; never published.'),
	})
	.strict()
	.describe("Withdrawn at the customer's request: the page becomes a tombstone and the item leaves every list, feed, search index and sitemap.");

export type Withdrawal = z.infer<typeof withdrawalSchema>;

/**
 * Fields of an item with a page of its own (story, video): a withdrawal, and the ids it had
 * before it was renamed, whose addresses redirect to its current one.
 */
export const addressFields = {
	/** Withdrawn at the customer's request (see `withdrawalSchema`). */
	withdrawn: withdrawalSchema.optional(),
	/** Ids the item had before a rename: their old addresses answer with a permanent redirect (301). */
	previousIds: z
		.array(z.string({ error: 'expected an earlier id (a string)' }).regex(ID_PATTERN, { error: 'expected an earlier id like "acme-logistics-story", lower-case words joined by hyphens' }))
		.default([])
		.describe('Ids this item had before it was renamed; their old addresses redirect (301) to the current one.'),
};

/** The publication state of an item, as read by the publication rule. */
export interface Publishable {
	draft: boolean;
	/** Only stories and videos carry it (`addressFields`). */
	withdrawn?: Withdrawal;
	publishAt?: Date;
	approval?: Approval;
	review?: Review;
}

/**
 * What a schema needs from its host. Astro passes its `image()` helper (which resolves and
 * optimises the file); the CLI passes a plain path check, and `integrity.ts` checks the file exists.
 */
export interface SchemaContext<Image extends z.ZodType = z.ZodType> {
	image: () => Image;
}

/** An image with its alternative text. */
export function imageWithAlt<Image extends z.ZodType>({ image }: SchemaContext<Image>) {
	return z
		.object({
			/** Path of the image file, relative to the entry file. */
			src: image().describe('Path of the image file, relative to this entry file.'),
			/** Alternative text; empty only for decorative images. */
			alt: z.string({ error: 'expected alt text (a string)' }).describe('Alternative text for the image.'),
		})
		.strict();
}

/** Topic tags: lower-case words, for grouping and related evidence. */
export const topics = () =>
	z.array(z.string().regex(ID_PATTERN, { error: 'expected a topic like "demand-planning"' })).default([]).describe('Topic tags.');
