/**
 * Where each collection lives under the content folder and how file paths become ids. Used by
 * `src/content.config.ts` (Astro's glob loader) and by the CLI's loader, so both agree on ids.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

export type CollectionName =
	| 'site'
	| 'products'
	| 'customers'
	| 'people'
	| 'stories'
	| 'videos'
	| 'awardPrograms'
	| 'awardEntries'
	| 'awardJudges'
	| 'awardWinners';

export interface CollectionLayout {
	/** Folder under the content root. */
	base: string;
	/** Glob of entry files inside `base`. */
	pattern: string;
	/** Turns a path relative to `base` (forward slashes) into the entry id. */
	idFromPath: (relativePath: string) => string;
}

const stripExtension = (file: string) => file.replace(/\.[^./]+$/, '');
/** `acme.yaml` → `acme` */
const fileId = (relativePath: string) => stripExtension(relativePath);
/** `<program>/entries/<entry>.mdx` → `<program>/<entry>` */
const programScopedId = (relativePath: string) => {
	const [program, , file] = relativePath.split('/');
	return `${program}/${stripExtension(file)}`;
};

export const COLLECTION_LAYOUT: Record<CollectionName, CollectionLayout> = {
	site: { base: '.', pattern: 'site.yaml', idFromPath: () => 'site' },
	products: { base: 'products', pattern: '*.yaml', idFromPath: fileId },
	customers: { base: 'customers', pattern: '*.yaml', idFromPath: fileId },
	people: { base: 'people', pattern: '*.yaml', idFromPath: fileId },
	stories: { base: 'stories', pattern: '*.{md,mdx}', idFromPath: fileId },
	videos: { base: 'videos', pattern: '*.yaml', idFromPath: fileId },
	awardPrograms: { base: 'awards', pattern: '*/program.yaml', idFromPath: (p) => p.split('/')[0] },
	// Entries come from outside (entrants), so they are plain Markdown, never MDX (no code runs at build).
	awardEntries: { base: 'awards', pattern: '*/entries/*.md', idFromPath: programScopedId },
	awardJudges: { base: 'awards', pattern: '*/judges/*.yaml', idFromPath: programScopedId },
	awardWinners: { base: 'awards', pattern: '*/winners.yaml', idFromPath: (p) => p.split('/')[0] },
};

/** Folder (relative to the content root) holding a program's private score sheets. */
export const scoresFolder = (program: string) => path.posix.join('awards', program, 'scores');
/** Folder (relative to the content root) holding self-hosted video files. */
export const VIDEO_MEDIA_FOLDER = 'videos/media';

/**
 * The content root. `CREDENCE_CONTENT_DIR` points the site and the CLI at another folder
 * (fixture sites in tests, synthetic corpora in benchmarks); the default is `content/`.
 */
export function contentRoot(projectRoot: string, env: Record<string, string | undefined> = process.env): string {
	return path.resolve(projectRoot, env.CREDENCE_CONTENT_DIR || 'content');
}

/**
 * The build's cache folder (Astro's `cacheDir`, and the search index's bundles under it):
 * `CREDENCE_CACHE_DIR`, or one per content folder, so that builds of different folders (the
 * sample, a test fixture, a benchmark corpus) never read each other's cache.
 */
export function buildCacheDir(projectRoot: string, env: Record<string, string | undefined> = process.env): string {
	if (env.CREDENCE_CACHE_DIR) return path.resolve(projectRoot, env.CREDENCE_CACHE_DIR);
	const key = createHash('sha256').update(contentRoot(projectRoot, env)).digest('hex').slice(0, 12);
	return path.join(projectRoot, 'node_modules/.astro', key);
}

/** Splits a program-scoped id (`<program>/<local>`) into its parts. */
export function splitScopedId(id: string): { program: string; local: string } {
	const slash = id.indexOf('/');
	return { program: id.slice(0, slash), local: id.slice(slash + 1) };
}
