// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import { contentCheck } from './src/integrations/content-check.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { pruneAssets } from './src/integrations/prune-assets.ts';
import { releaseMemory } from './src/integrations/release-memory.ts';
import { contentRoot } from './src/lib/content/layout.ts';

const projectRoot = import.meta.dirname;
// Each content folder (the sample, a test fixture, a benchmark corpus) gets its own cache, so
// builds of different folders never read each other's data store.
const cacheKey = createHash('sha256').update(contentRoot(projectRoot)).digest('hex').slice(0, 12);

export default defineConfig({
	site: process.env.CREDENCE_SITE_URL ?? 'https://evidence.tessellate.example',
	trailingSlash: 'always',
	// Render several pages at once: Open Graph cards and images are encoded by sharp off the main
	// thread, so on two cores this takes a large library's page generation from 20 s to 11 s.
	build: { concurrency: 4 },
	// Pages whose getStaticPaths cacheKey (src/data/cache-keys.ts) and code are unchanged are
	// copied from the previous build instead of being rendered again.
	experimental: { incrementalBuild: true },
	outDir: process.env.CREDENCE_OUT_DIR ?? './dist',
	cacheDir: process.env.CREDENCE_CACHE_DIR ?? `./node_modules/.astro/${cacheKey}`,
	// Order matters at build:done: unused images go before Pagefind indexes the output.
	vite: {
		build: {
			rolldownOptions: {
				// Every MDX module carries Astro's "use astro:head-inject" directive, and the bundler
				// warns about each one (thousands on a large site); the warning is harmless.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
	integrations: [contentCheck(), releaseMemory(), mdx(), sitemap(), pruneAssets(), pagefind()],
});
