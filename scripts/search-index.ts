/**
 * The Pagefind search index of a built site, on its own (`npm run build` runs the same step in its
 * own process, from when Astro's pages are written: scripts/build.ts): in bundles of whole years,
 * written to `<dist>/pagefind/`. Bundles whose pages did not change since the last run come from
 * the build's cache. Exits 1 if indexing fails.
 *
 *   node scripts/search-index.ts [--site <dist>]     (default: CREDENCE_OUT_DIR or dist/)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCacheDir } from '../src/lib/content/layout.ts';
import { maxBundlePages } from '../src/lib/search-bundles.ts';
import { buildSearchIndex, SearchIndexError, searchIndexSummary } from './lib/search-index.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

async function main(): Promise<number> {
	const { values } = parseArgs({ options: { site: { type: 'string' } } });
	const site = path.resolve(projectRoot, values.site ?? process.env.CREDENCE_OUT_DIR ?? 'dist');
	if (!existsSync(path.join(site, 'index.html'))) {
		console.error(`search-index: no built site in ${site} (run \`astro build\` first, or pass --site <dist>)`);
		return 1;
	}
	const result = await buildSearchIndex({ outDir: site, cacheDir: buildCacheDir(projectRoot), maxBundlePages: maxBundlePages() });
	console.log(`[search-index] ${searchIndexSummary(result)}`);
	return 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		// A mistake in the site (a page without its year) gets its message; anything else its stack.
		console.error(`search-index: ${error instanceof SearchIndexError ? error.message : error instanceof Error ? error.stack : error}`);
		process.exit(1);
	},
);
