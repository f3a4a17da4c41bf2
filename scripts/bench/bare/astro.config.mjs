// @ts-check
// The baseline: a bare Astro 7 site building the same Markdown bodies as the benchmark corpus,
// one page each, with one plain layout and no components. `npm run bench` builds it with
// --root scripts/bench/bare and BARE_CONTENT_DIR pointing at the corpus's bare/ folder.
import { defineConfig } from 'astro/config';

export default defineConfig({
	site: 'https://bare.example',
	trailingSlash: 'always',
	outDir: process.env.BARE_OUT_DIR ?? './dist',
	cacheDir: process.env.BARE_CACHE_DIR ?? './node_modules/.astro',
});
