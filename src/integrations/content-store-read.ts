/**
 * The content store read as a file when the pages are built, not compiled as a string module.
 *
 * Astro hands its pages the data store (every entry's data and rendered HTML) through a virtual
 * module whose code is the whole store as one string literal, `export default JSON.parse("…")`:
 * the bundler parses and writes it (a 45 MB chunk at 10,000 items) and V8 then compiles that one
 * string before the first page, which cost far more than parsing the same JSON from a file
 * (docs/performance.md). In a build this plugin gives the module as code that reads the store's
 * file (`data-store.json` in the build's cache folder, written by content sync before bundling)
 * and parses it: the same value, the same JSON, without the string literal.
 *
 * Only `astro build`: the dev server keeps the store in memory and saves it in the background, so
 * it keeps Astro's own module. A store split into chunks (`collectionStorage` `'chunked'` or
 * `{ type: 'chunked', chunkSize }`, not used here) is also left to Astro: it writes a manifest
 * and chunk files then, and a `data-store.json` left by an earlier build would be stale.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The data store's module, as Astro resolves `astro:data-layer-content`. */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/** Only that module's id reaches the plugin (the bundler tests the filter without calling JavaScript). */
const DATA_STORE_MODULE_FILTER = /^\0astro:data-layer-content$/;

/** The store's file in the build's cache folder (Astro's `getDataStoreFile` for a build). */
export const dataStoreFile = (cacheDir: URL): string => fileURLToPath(new URL('data-store.json', cacheDir));

/**
 * What Astro marks its content data modules with, so that the incremental build leaves them out of
 * each page's code hash (content is covered by the pages' cache keys instead).
 */
export const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } } as const;

/** The module's code: the store's file, parsed when the module is first imported. */
export function dataStoreModuleCode(file: string): string {
	if (!existsSync(file)) return 'export default new Map()';
	return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
}

export function contentStoreRead(): AstroIntegration {
	return {
		name: 'credence:content-store-read',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				const storage = config.experimental.collectionStorage;
				// Astro's own test for one file (getDataStoreChunkSize): nothing, or 'single-file'.
				if (command !== 'build' || (storage !== undefined && storage !== 'single-file')) return;
				const file = dataStoreFile(config.cacheDir);
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'credence:content-store-read',
								enforce: 'pre',
								// Astro's own plugin loads the same module, and it comes first among the
								// `enforce: 'pre'` plugins (Astro's before the integrations'): without
								// `order: 'pre'` its string module was the one bundled, and this plugin never ran.
								load: {
									order: 'pre',
									filter: { id: DATA_STORE_MODULE_FILTER },
									handler(id) {
										if (id !== DATA_STORE_MODULE_ID) return null;
										return { code: dataStoreModuleCode(file), map: { mappings: '' }, meta: CONTENT_DATA_META };
									},
								},
							},
						],
					},
				});
			},
		},
	};
}
