/**
 * Stories rendered again whenever what renders them has changed, not only when their files have.
 *
 * Astro keeps a story's rendered HTML in its data store (the build's cache folder) and renders the
 * story again only when its entry's digest (a hash of its file) changes, or when the content
 * config file or Astro's configuration object does; the story's page is restored from the last
 * build while its cache key, which holds that same digest (src/data/cache-keys.ts), is unchanged.
 * The code that turns a story into HTML is in none of these: the allow-list
 * (src/lib/story-html.ts), the MDX rule and the MDX render at sync (src/lib/mdx-story-html.ts),
 * the Markdown processor's set-up (astro.config.mjs, whose functions Astro's digest leaves out) and
 * the compiler packages. A fix to any of them, a security fix included, did not reach the stories
 * a build cache already held: their old HTML stayed published until each file was edited.
 *
 * So each story's digest covers the renderer too: a digest of those files (`RENDERER_FILES`, read
 * from the project) goes into every digest the collection's loader makes. When the renderer
 * changes, every story's digest does: the loader renders each again, and each page's key changes.
 */
import type { Loader } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file, relative to the project, that decides a story's HTML: the modules that render it and
 * those they import (a test holds this list to their imports), the Markdown processor's
 * configuration, and the lock file for the compiler and sanitiser packages' versions.
 */
export const RENDERER_FILES: readonly string[] = [
	'astro.config.mjs',
	'package-lock.json',
	'src/lib/content/mdx-rule.ts',
	'src/lib/html-escape.ts',
	'src/lib/image-marker-text.ts',
	'src/lib/mdx-story-html.ts',
	'src/lib/story-html.ts',
	'src/loaders/mdx-rendered-at-sync.ts',
	'src/loaders/rendered-by.ts',
	'src/loaders/without-unread-metadata.ts',
];

/** A digest of `files` (relative to `projectRoot`) as they are now; a missing file counts as missing. */
export function rendererDigest(projectRoot: string, files: readonly string[] = RENDERER_FILES): string {
	const hash = createHash('sha256');
	for (const file of files) {
		let text: string;
		try {
			text = readFileSync(path.join(projectRoot, file), 'utf8');
		} catch {
			text = '\0missing';
		}
		hash.update(`${file}\0${text.length}\0${text}\0`);
	}
	return hash.digest('hex');
}

/** `loader`, each entry's digest made to cover `renderer` (the `rendererDigest`) as well as its file. */
export function renderedBy(loader: Loader, renderer: string): Loader {
	return {
		...loader,
		load: (context) => {
			const digest = context.generateDigest;
			const generateDigest: typeof digest = (data) => digest(typeof data === 'string' ? `${renderer}\0${data}` : { renderer, data });
			return loader.load({ ...context, generateDigest });
		},
	};
}
