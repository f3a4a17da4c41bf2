/**
 * An entry as a customer approves it, built the same way by `check`, the site's query layer and
 * the `approval` CLI, so all three compute the same digest: the entry's fields as the content
 * check validates them (images as the paths written), its Markdown body, a video's captions, and
 * how its customer is shown.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CollectionName } from '../content/layout.ts';
import { parseFrontmatter, parseYaml } from '../content/load.ts';
import { realPathInsideContent } from '../content/inside-content.ts';
import { cliSchemaContext } from '../content/validate.ts';
import { COLLECTION_SCHEMAS } from '../../schemas/index.ts';
import type { Approval } from '../../schemas/common.ts';
import { customerDisplayName } from '../evidence.ts';
import { changedFields, fieldDigests, type ApprovableItem, type ApprovableKind, type CustomerShown } from './digest.ts';

/** The collections whose entries a customer approves, and the kind each holds. */
export const APPROVABLE_COLLECTIONS: Partial<Record<CollectionName, ApprovableKind>> = {
	stories: 'story',
	videos: 'video',
	awardEntries: 'award-entry',
};

/** How a customer appears on its items' pages, as its permissions allow. */
export function customerShown(customer: { name: string; anonymousLabel?: string; logo?: unknown; permissions: { name: boolean; logo: boolean; quotes: boolean } }): CustomerShown {
	return {
		displayName: customerDisplayName(customer as Parameters<typeof customerDisplayName>[0]),
		logoShown: Boolean(customer.permissions.name && customer.permissions.logo && customer.logo),
	};
}

/** A validated entry of an approvable collection as an `ApprovableItem`. */
export function approvableItem(
	collection: CollectionName,
	entry: { data: object; body?: string },
	customer: CustomerShown,
	captions?: string,
): ApprovableItem {
	const kind = APPROVABLE_COLLECTIONS[collection];
	if (!kind) throw new Error(`approvableItem: ${collection} entries are not approved by customers`);
	return { kind, data: entry.data as Record<string, unknown>, body: entry.body, captions, customer };
}

/**
 * The published fields changed since the approval: none when the approval has no digest (given
 * before proofs existed) or the item is unapproved.
 */
export function changesSinceApproval(item: ApprovableItem, approval: Approval | undefined): string[] {
	if (!approval?.digest) return [];
	return changedFields(approval.digest, fieldDigests(item));
}

/** A video's captions file text (beside the entry), read only inside the content folder. */
export function readCaptions(contentDir: string, entryFile: string, captions: string): string {
	return readFileSync(realPathInsideContent(contentDir, path.resolve(path.dirname(entryFile), captions)), 'utf8');
}

/**
 * An approvable entry read from its file, parsed and validated as the content check does. For the
 * site's query layer, whose entries hold Astro's image objects rather than the paths written.
 * Throws when the file is not valid: the build's check refuses such a file before Astro runs.
 */
export function readApprovableEntry(contentDir: string, collection: CollectionName, absolutePath: string): { data: Record<string, unknown>; body?: string; captions?: string } {
	const file = realPathInsideContent(contentDir, absolutePath);
	const source = readFileSync(file, 'utf8');
	const parsed = /\.mdx?$/i.test(file) ? parseFrontmatter(source, file) : { ...parseYaml(source, file), body: undefined };
	const result = COLLECTION_SCHEMAS[collection](cliSchemaContext).safeParse(parsed.data);
	if (!result.success) throw new Error(`${file} is not valid: run npm run check`);
	const data = result.data as Record<string, unknown>;
	const captions = collection === 'videos' ? readCaptions(contentDir, file, data.captions as string) : undefined;
	return { data, body: parsed.body, captions };
}
