/**
 * Cache keys for Astro's incremental builds: a page is re-rendered only when its key changes
 * (or its code does). A key therefore covers everything the page shows: its own entry, the
 * records every page may show (site, products, customers, people, programs, results), and the
 * other evidence it lists. Forgetting an input would leave a stale page, so keys err on the side
 * of including too much.
 */
import { getCollection, type CollectionKey } from 'astro:content';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { contentRoot } from '../lib/content/layout.ts';
import type { EvidenceItem } from './content.ts';
import { announcedResults, evidenceAt, ogCardScope, publicAwardEntries, publicStories, publicVideos, relatedTo } from './content.ts';

/** A stable hash of the given parts. */
export function pageKey(...parts: unknown[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(typeof part === 'string' ? part : JSON.stringify(part)).update('\u0000');
	return hash.digest('base64url');
}

const SHARED: CollectionKey[] = ['site', 'products', 'customers', 'people', 'awardPrograms', 'awardJudges', 'awardWinners'];
let shared: Promise<string> | undefined;

/**
 * What the publication instant decides: which items are public and which programs' results are
 * announced. Embargoes lift at an instant, not a day, so a page built before 09:00 and one built
 * after differ although the day is the same.
 */
export async function visibilityKey(): Promise<string> {
	const ids = (items: { id: string }[]) => items.map((item) => item.id);
	// Which round of each program is shown: the finalists' round and the winners' each lift at their own instant.
	const announced: string[] = [];
	for (const { id } of await getCollection('awardWinners')) {
		const shown = await announcedResults(id);
		if (shown) announced.push(`${id}:${shown.data.round}`);
	}
	return pageKey(ids(await publicStories()), ids(await publicVideos()), ids(await publicAwardEntries()), announced);
}

const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|tiff?|svg)$/i;

/**
 * Every image file under the content folder, by path, size and modification time. Entries name
 * their images by path, so an entry's digest does not change when a picture is replaced at the
 * same path, and a page restored from the last build would keep showing the old one (a photo
 * withdrawn for consent reasons, say). Any image replaced re-renders every page: images change
 * rarely, and a stat of each file is cheap.
 */
export function imagesKey(root = contentRoot(process.cwd())): string {
	const files = readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && IMAGE_FILE.test(entry.name))
		.map((entry) => {
			const file = path.join(entry.parentPath, entry.name);
			const { size, mtimeMs } = statSync(file);
			return `${path.relative(root, file)}:${size}:${mtimeMs}`;
		})
		.sort();
	return pageKey(files);
}

/** One key for the records any page may show, the images they show, and what is public at the publication instant. */
export function sharedKey(): Promise<string> {
	shared ??= (async () => {
		const digests = await Promise.all(SHARED.map(async (name) => (await getCollection(name)).map((e) => `${e.id}:${(e as { digest?: string | number }).digest ?? JSON.stringify(e.data)}`)));
		return pageKey(digests, imagesKey(), await visibilityKey(), await ogCardScope());
	})();
	return shared;
}

/** Each listed item's part of a key, serialised once per build: an item is listed on many pages. */
const listedParts = new WeakMap<EvidenceItem, string>();

/** What a listed item contributes to the pages that list it (its customer is in the shared key). */
export const listedKey = (items: readonly EvidenceItem[]): string[] =>
	items.map((item) => {
		let part = listedParts.get(item);
		if (part === undefined) {
			const { customer, ...shown } = item;
			listedParts.set(item, (part = JSON.stringify({ ...shown, customer: customer.id })));
		}
		return part;
	});

/** The digest Astro keeps for an entry. */
export const digestOf = (entry: { digest?: string | number; data: unknown }) => String(entry.digest ?? JSON.stringify(entry.data));

/**
 * The key of a story or video page at `url`: its entry, the shared records, anything else it
 * shows that its entry's digest does not cover (a video's captions file), and the related
 * evidence it lists.
 */
export async function evidencePageKey(entry: { digest?: string | number; data: unknown }, url: string, ...unentered: unknown[]): Promise<string> {
	return pageKey(await sharedKey(), digestOf(entry), ...unentered, listedKey(await relatedTo(await evidenceAt(url))));
}
