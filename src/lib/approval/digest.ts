/**
 * What a customer approves: a digest of the item's published fields, so an approval stands for
 * these words and no others. Each published field is serialised canonically (object keys sorted,
 * dates as ISO text, Markdown with its line endings and trailing spaces normalised) and hashed
 * with SHA-256 on its own, so a later change can be named field by field ("body", "metrics");
 * the item's digest is the hash of those field hashes.
 *
 * Only what a reader sees is digested. Fields that change where or when an item is shown, not
 * what it says (`featured`, `topics`, `publishedOn`, `draft`, `publishAt`, the approval itself),
 * are left out: moving a story to the home page does not need the customer's sign-off again.
 */
import { createHash } from 'node:crypto';

/** The kinds of item a customer approves. */
export const APPROVABLE_KINDS = ['story', 'video', 'award-entry'] as const;
export type ApprovableKind = (typeof APPROVABLE_KINDS)[number];

/**
 * The published fields of each kind, in the order a proof shows them. `body` is the Markdown body
 * (a story's text, an entry's narrative); `customer` is how the customer is shown (its name or
 * anonymous label, and whether its logo is), which its permissions decide; `captions` is the text
 * of a video's captions file.
 */
export const PUBLISHED_FIELDS: Record<ApprovableKind, readonly string[]> = {
	story: ['title', 'summary', 'customer', 'authors', 'hero', 'metrics', 'quotes', 'body', 'products', 'disclosure'],
	video: ['title', 'summary', 'customer', 'speakers', 'source', 'poster', 'duration', 'chapters', 'captions', 'transcript', 'products', 'disclosure'],
	'award-entry': ['title', 'summary', 'customer', 'category', 'body', 'evidence', 'products'],
};

/** How the customer appears on the item's page, as its permissions allow. */
export interface CustomerShown {
	/** Its name, or its anonymous label when it withholds its name. */
	displayName: string;
	/** Whether its logo is shown (it allows both its name and its logo). */
	logoShown: boolean;
}

/** An item as it will be published: its validated fields (images as the paths written), body and captions text. */
export interface ApprovableItem {
	kind: ApprovableKind;
	data: Record<string, unknown>;
	/** Markdown body of a story or award entry. */
	body?: string;
	/** A video's captions, as written in its `.vtt` file. */
	captions?: string;
	customer: CustomerShown;
}

/** Field name → SHA-256 (hex) of its canonical form. */
export type FieldDigests = Record<string, string>;

/** Markdown or captions text with line endings, trailing spaces and surrounding blank lines normalised: reformatting is not rewording. */
export function normaliseText(text: string): string {
	return text
		.replace(/^\uFEFF/, '')
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) => line.replace(/[ \t]+$/, ''))
		.join('\n')
		.trim();
}

/** A value as canonical JSON: object keys sorted, undefined left out, dates as ISO text (a day alone at midnight UTC). */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
	if (value instanceof Date) {
		const iso = value.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
	}
	if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : canonical(v)));
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value).sort()) {
			const v = (value as Record<string, unknown>)[key];
			if (v !== undefined) out[key] = canonical(v);
		}
		return out;
	}
	if (typeof value === 'string') return value.normalize('NFC');
	return value;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The value of one published field, before serialisation. */
function fieldValue(item: ApprovableItem, field: string): unknown {
	if (field === 'customer') return item.customer;
	if (field === 'body') return normaliseText(item.body ?? '');
	if (field === 'captions') return normaliseText(item.captions ?? '');
	if (field === 'transcript' && typeof item.data.transcript === 'string') return normaliseText(item.data.transcript);
	return item.data[field];
}

/** The digest of each published field of the item. */
export function fieldDigests(item: ApprovableItem): FieldDigests {
	const out: FieldDigests = {};
	for (const field of PUBLISHED_FIELDS[item.kind]) out[field] = sha256(`${field}\n${canonicalJson(fieldValue(item, field))}`);
	return out;
}

/** The item's digest: one hash over its field digests (by field name), what a proof and an approval file carry. */
export function itemDigest(fields: FieldDigests): string {
	return sha256(
		Object.keys(fields)
			.sort()
			.map((field) => `${field}=${fields[field]}`)
			.join('\n'),
	);
}

/**
 * The published fields whose digest differs from the approved one, in the kind's order. A field
 * approved but no longer published, or published but not approved, counts as changed.
 */
export function changedFields(approved: FieldDigests, current: FieldDigests): string[] {
	const names = new Set([...Object.keys(current), ...Object.keys(approved)]);
	return [...names].filter((field) => approved[field] !== current[field]);
}
