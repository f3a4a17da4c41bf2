/**
 * Reading an approval file back: what a proof exports (`src/tools/proof/`). The file travels by
 * email from the customer and is hostile input: it is parsed as JSON, held to a strict schema,
 * and every problem becomes a message naming the field, what was found and what would be valid.
 */
import { z } from 'astro/zod';
import { APPROVAL_FILE_FORMAT, DECISIONS, type ApprovalFile } from '../../tools/proof/data.ts';
import { ID_PATTERN, parseStrictDate } from '../../schemas/common.ts';
import { APPROVABLE_KINDS } from './digest.ts';

const hex = z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected a SHA-256 digest (64 hex digits)' });
const line = (what: string, max: number) => z.string({ error: `expected ${what} (text)` }).max(max, { error: `expected ${what} of at most ${max} characters` });

const approvalFileSchema = z
	.object({
		format: z.literal(APPROVAL_FILE_FORMAT, { error: `expected "${APPROVAL_FILE_FORMAT}": a file exported from an approval proof` }),
		item: z
			.object({
				kind: z.enum(APPROVABLE_KINDS, { error: `expected one of ${APPROVABLE_KINDS.join(', ')}` }),
				id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/, { error: 'expected an item id like "acme-story" or "program/entry"' }),
			})
			.strict(),
		digest: hex,
		fields: z.record(z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, { error: 'expected a field name' }), hex),
		reviewer: z
			.object({
				person: z.string().regex(ID_PATTERN, { error: 'expected the id of a person, like "ada-lovelace"' }),
				name: line('the reviewer\'s name', 200).trim().min(1, { error: 'expected the reviewer\'s name' }),
				title: line('the reviewer\'s job title', 200).trim().min(1, { error: 'expected the reviewer\'s job title' }),
			})
			.strict(),
		decision: z.enum(DECISIONS, { error: `expected a decision: one of ${DECISIONS.join(', ')}` }),
		expiresOn: z
			.string()
			.refine((d) => parseStrictDate(d, { allowTime: false }) !== undefined, { error: 'expected a date like 2028-06-30' })
			.nullable(),
		comments: line('comments', 10_000),
		decidedAt: z.string().refine((d) => parseStrictDate(d, { allowTime: true }) !== undefined, { error: 'expected the date-time of the decision, like 2026-12-05T10:00:00.000Z' }),
	})
	.strict();

/** The approval file, or the problems found in it (each "field: what was found, what is valid"). */
export function parseApprovalFile(text: string): { file: ApprovalFile; problems?: undefined } | { file?: undefined; problems: string[] } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (cause) {
		return { problems: [`(file): expected the JSON file exported from an approval proof, found text that is not JSON (${(cause as Error).message})`] };
	}
	const result = approvalFileSchema.safeParse(json);
	if (result.success) return { file: result.data as ApprovalFile };
	return { problems: result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(file)'}: ${issue.message}`) };
}
