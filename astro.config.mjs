// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { clearOutDir } from './src/integrations/clear-out-dir.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { contentStoreRead } from './src/integrations/content-store-read.ts';
import { hostRedirects } from './src/integrations/host-redirects.ts';
import { draftPreview } from './src/integrations/draft-preview.ts';
import { editorPage } from './src/integrations/editor-page.ts';
import { ogCards } from './src/integrations/og-cards.ts';
import { pagesWritten } from './src/integrations/pages-written.ts';
import { pruneAssets } from './src/integrations/prune-assets.ts';
import { releaseMemory } from './src/integrations/release-memory.ts';
import { astroCsp } from './src/lib/csp.ts';
import { buildCacheDir, contentRoot } from './src/lib/content/layout.ts';
import { mdxStoryGuard } from './src/lib/content/mdx-rule.ts';
import { siteUrl } from './src/lib/site-url.ts';
import { storyHtmlPlugin } from './src/lib/story-html.ts';

const projectRoot = import.meta.dirname;

/** `_redirects` for renamed and withdrawn items; their addresses stay out of the sitemap (see the integration). */
const redirects = hostRedirects();

/**
 * MDX stories hold no code (src/lib/content/mdx-rule.ts): the compiler itself refuses an
 * expression, an import/export or an unknown component, whether or not the content check ran.
 * What remains is HTML, held to the same allow-list as Markdown stories (src/lib/story-html.ts).
 * Content sync renders each MDX story to HTML with this same rule and allow-list
 * (src/loaders/mdx-rendered-at-sync.ts), so no story is compiled as a module of the bundle; the
 * integration still declares the .mdx entry type, and this compiler holds to the rule any MDX
 * module that would still be compiled.
 */
const mdxStories = { processor: satteri({ hastPlugins: [mdxStoryGuard(), storyHtmlPlugin] }) };

export default defineConfig({
	// url in content/site.yaml; CREDENCE_SITE_URL overrides it (src/lib/site-url.ts).
	site: siteUrl(contentRoot(projectRoot)).url,
	trailingSlash: 'always',
	// Render several pages at once: images are encoded by sharp off the main thread, so on two
	// cores this took a large library's page generation from 20 s to 11 s. (Open Graph cards are
	// rendered beside the pages, not as pages: src/integrations/og-cards.ts.)
	build: { concurrency: 4 },
	// Sharp, as by default, and the first image drawn tells `npm run build` that the pages are
	// written, so that the search index starts beside the images (src/lib/image-service.ts).
	image: { service: { entrypoint: './src/lib/image-service.ts' } },
	// Pages whose getStaticPaths cacheKey (src/data/cache-keys.ts) and code are unchanged are
	// copied from the previous build instead of being rendered again.
	experimental: { incrementalBuild: true },
	outDir: process.env.CREDENCE_OUT_DIR ?? './dist',
	// One cache per content folder (the sample, each test fixture, each benchmark corpus).
	cacheDir: buildCacheDir(projectRoot),
	// A strict Content-Security-Policy <meta> on every page, with the hashes of Astro's inline
	// scripts and styles (src/lib/csp.ts).
	security: { csp: astroCsp },
	markdown: {
		// Markdown story bodies (and MDX ones, through mdxStories above) are held to an HTML allow-list:
		// no scripts, event handlers, javascript: links or forms (src/lib/story-html.ts).
		processor: satteri({ hastPlugins: [storyHtmlPlugin] }),
		// Highlighted code carries style= attributes, which the pages' Content-Security-Policy
		// (src/lib/csp.ts) refuses; story code blocks are shown plain.
		syntaxHighlight: false,
	},
	vite: {
		build: {
			rolldownOptions: {
				// Emitted files are named by their content alone, not after the file they came from:
				// a source file's name can say what it must not (a withheld customer's name, a draft's
				// subject), and identical images are emitted once, under the name of whichever file the
				// bundler met first, which may be a private item's.
				output: { assetFileNames: '_astro/[hash][extname]' },
				// Every MDX module carries Astro's "use astro:head-inject" directive, and the bundler
				// warns about each one (thousands on a large site); the warning is harmless.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
	// The Pagefind search index is the build's second step (scripts/search-index.ts), started once
	// Astro has written its pages (pages-written.ts); bundles too large to index beside Astro wait
	// for it to exit and release its memory. The content store is read as a file when the pages are
	// built, not compiled as one string module (src/integrations/content-store-read.ts).
	integrations: [contentCheck(), contentStoreRead(), draftPreview(), clearOutDir(), releaseMemory(), mdx(mdxStories), redirects.integration, sitemap({ filter: redirects.listed }), pruneAssets(), ogCards(), editorPage(projectRoot), pagesWritten()],
});
