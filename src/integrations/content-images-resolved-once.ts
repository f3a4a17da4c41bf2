/**
 * Each content image resolved once per build, not once per entry that names it.
 *
 * Astro gives the pages every image a content entry names (`image()` fields: heroes, headshots,
 * logos, posters) through one generated module, `.astro/content-assets.mjs`, with one import per
 * entry and image: `../assets/hero.jpg?astroContentImageFlag=&importer=<the entry's file>`. Its
 * plugin resolves each of them through the whole chain of resolvers (the path relative to the
 * entry's file), and they all come to the same module, `<the image's file>?astroContentImageFlag`.
 * A library shares its images: at 10,000 items that module had 8,505 imports of about 80 images,
 * 8,505 resolutions on the bundler's main thread in every build and rebuild.
 *
 * This plugin answers first (`order: 'pre'`) for an import whose path is relative: the file it
 * names is the entry's folder joined with the path, and the first import of each file (per
 * bundler environment) is resolved as before, by Astro's plugin and the rest of the chain; the
 * others get a copy of that answer. Any other import (an alias, a package, an absolute path) is
 * left to Astro's plugin as it was.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin, Rollup } from 'vite';

/** Astro's query flag for a content image import (`CONTENT_IMAGE_FLAG`, astro/dist/content/consts.js). */
export const CONTENT_IMAGE_FLAG = 'astroContentImageFlag';

const CONTENT_IMAGE_IMPORT = new RegExp(`[?&]${CONTENT_IMAGE_FLAG}(?:&|=|$)`);

/**
 * The file a content image import names, when its path is relative (`./` or `../`), as Astro reads
 * the import (`importer` relative to the project root); undefined for any other.
 */
export function contentImageFile(id: string, root: string): string | undefined {
	const at = id.indexOf('?');
	if (at < 0) return undefined;
	const base = id.slice(0, at);
	const importer = new URLSearchParams(id.slice(at + 1)).get('importer');
	if (!importer || !(base.startsWith('./') || base.startsWith('../'))) return undefined;
	const entryFile = fileURLToPath(new URL(importer, pathToFileURL(path.join(root, '/'))));
	return path.join(path.dirname(entryFile), base);
}

/** The Vite plugin: resolves each content image once per environment, then answers from what it kept. */
export function contentImagesResolvedOnce(): Plugin {
	let root = process.cwd();
	const resolved = new Map<string, Promise<Rollup.ResolvedId | null>>();
	return {
		name: 'credence:content-images-resolved-once',
		enforce: 'pre',
		configResolved(config) {
			root = config.root;
		},
		buildStart() {
			resolved.clear();
		},
		resolveId: {
			order: 'pre',
			filter: { id: CONTENT_IMAGE_IMPORT },
			async handler(id, importer, options) {
				const file = contentImageFile(id, root);
				if (!file) return null;
				const key = `${this.environment?.name ?? ''}\0${file}`;
				let answer = resolved.get(key);
				if (!answer) {
					answer = this.resolve(id, importer, { ...options, skipSelf: true });
					resolved.set(key, answer);
				}
				const result = await answer;
				return result ? { ...result } : null;
			},
		},
	};
}
