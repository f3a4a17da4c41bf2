/**
 * The build's search index (`node scripts/search-index.ts` on a built site; `npm run build` runs the
 * same step from when Astro's pages are written): indexes only pages marked as searchable, in bundles of whole years; indexes
 * again only the bundles whose pages changed; fails with a clear message, exit 1 and no stack
 * trace when a page cannot be placed or there is nothing to index.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../scripts/lib/search-index.ts';
import type { SearchBundle } from '../../src/lib/search-bundles.ts';
import { runScript } from '../helpers.ts';

let site: string;
let cache: string;
beforeEach(() => {
	site = mkdtempSync(path.join(tmpdir(), 'credence-search-index-'));
	cache = mkdtempSync(path.join(tmpdir(), 'credence-search-cache-'));
});
afterEach(() => {
	rmSync(site, { recursive: true, force: true });
	rmSync(cache, { recursive: true, force: true });
});

const searchIndex = (env: Record<string, string> = {}) => runScript('scripts/search-index.ts', ['--site', site], { CREDENCE_CACHE_DIR: cache, ...env });

const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;
const evidence = (title: string, year: string, text: string) =>
	page(`<main data-pagefind-body><h1>${title}</h1><p>${text}</p><div hidden data-pagefind-ignore><span data-pagefind-filter="year">${year}</span></div></main>`);

function write(file: string, html: string) {
	mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
	writeFileSync(path.join(site, file), html);
}

function writeSite() {
	write('index.html', page('<main><h1>Home</h1><p>Not searchable.</p></main>'));
	write('stories/one/index.html', evidence('One', '2024', 'Quarry forecasting.'));
	write('stories/two/index.html', evidence('Two', '2025', 'Harbour planning.'));
	write('stories/three/index.html', evidence('Three', '2026', 'Orchard logistics.'));
}

const fragments = (folder: string) => readdirSync(path.join(site, folder, 'fragment'));

describe('node scripts/search-index.ts', () => {
	it('indexes the pages with data-pagefind-body and says how many of how many it read', async () => {
		writeSite();
		const result = await searchIndex();
		expect(result.code, result.out).toBe(0);
		expect(result.out).toMatch(/\[search-index\] indexed 3 of 4 pages in [\d.]+s: 1 bundle \(2024-2026: 3\), 1 indexed, 0 unchanged/);
		expect(fragments('pagefind')).toHaveLength(3);
		expect(existsSync(path.join(site, 'pagefind', 'pagefind.js'))).toBe(true);
	});

	it('splits the index into bundles of whole years, the newest primary, the others index data only', async () => {
		writeSite();
		const result = await searchIndex({ CREDENCE_SEARCH_BUNDLE_PAGES: '2' });
		expect(result.code, result.out).toBe(0);
		expect(result.out).toContain('2 bundles (2026: 1, 2024-2025: 2), 2 indexed, 0 unchanged');
		expect(fragments('pagefind')).toHaveLength(1);
		expect(fragments('pagefind/2024-2025')).toHaveLength(2);
		expect(readdirSync(path.join(site, 'pagefind', '2024-2025')).sort()).toEqual(expect.arrayContaining(['filter', 'fragment', 'index', 'pagefind-entry.json']));
		expect(existsSync(path.join(site, 'pagefind', '2024-2025', 'pagefind.js'))).toBe(false);
	});

	it('indexes again only the bundles whose pages changed, and restores the others from the cache', async () => {
		writeSite();
		const env = { CREDENCE_SEARCH_BUNDLE_PAGES: '2' };
		expect((await searchIndex(env)).code).toBe(0);
		// A new build wrote dist/ afresh: no index in it, one page changed.
		rmSync(path.join(site, 'pagefind'), { recursive: true });
		write('stories/three/index.html', evidence('Three', '2026', 'Orchard logistics, revised.'));
		const second = await searchIndex(env);
		expect(second.code, second.out).toBe(0);
		expect(second.out).toContain('1 indexed, 1 unchanged');
		expect(fragments('pagefind/2024-2025')).toHaveLength(2);
		expect(fragments('pagefind')).toHaveLength(1);
		const third = await searchIndex(env);
		expect(third.out).toContain('0 indexed, 2 unchanged');
	});

	it('asks before it indexes a bundle (npm run build holds a large one until Astro has exited), and not for a bundle from the cache', async () => {
		writeSite();
		const asked: string[] = [];
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		const run = buildSearchIndex({
			outDir: site,
			cacheDir: cache,
			maxBundlePages: 2,
			beforeIndexing: (bundle: SearchBundle) => (asked.push(bundle.id), bundle.id === '2026' ? held : Promise.resolve()),
		});
		await expect.poll(() => asked).toEqual(['2026']);
		// Nothing of the held bundle is indexed, nor any later one, until it is let go.
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(existsSync(path.join(cache, 'search-index', '2026'))).toBe(false);
		expect(asked).toEqual(['2026']);
		release();
		const first = await run;
		expect(first.rebuilt).toBe(2);
		expect(asked).toEqual(['2026', '2024-2025']);
		expect(fragments('pagefind')).toHaveLength(1);
		asked.length = 0;
		write('stories/one/index.html', evidence('One', '2024', 'Quarry forecasting, revised.'));
		const second = await buildSearchIndex({ outDir: site, cacheDir: cache, maxBundlePages: 2, beforeIndexing: async (bundle: SearchBundle) => void asked.push(bundle.id) });
		expect(second.rebuilt).toBe(1);
		expect(asked).toEqual(['2024-2025']);
	}, 30_000);

	it('links the unchanged bundles into place once a changed one is being indexed, not before it starts', async () => {
		writeSite();
		expect((await searchIndex({ CREDENCE_SEARCH_BUNDLE_PAGES: '2' })).code).toBe(0);
		const unchangedEntry = path.join(site, 'pagefind', '2024-2025', 'pagefind-entry.json');
		write('stories/three/index.html', evidence('Three', '2026', 'Orchard logistics, revised.'));
		const linkedWhenAsked: boolean[] = [];
		const result = await buildSearchIndex({ outDir: site, cacheDir: cache, maxBundlePages: 2, beforeIndexing: async () => void linkedWhenAsked.push(existsSync(unchangedEntry)) });
		expect(result.rebuilt).toBe(1);
		// The changed bundle's Pagefind did not wait for the unchanged bundle's files to be linked…
		expect(linkedWhenAsked).toEqual([false]);
		// …and they are in place when the step is done.
		expect(existsSync(unchangedEntry)).toBe(true);
		expect(fragments('pagefind')).toHaveLength(1);
		expect(fragments(path.join('pagefind', '2024-2025'))).toHaveLength(2);
	}, 30_000);

	it('indexes up to `lanes` bundles at once, each by a Pagefind of its own, and writes the same index as one at a time', async () => {
		write('index.html', page('<main><h1>Home</h1></main>'));
		for (const [n, year] of ['2021', '2022', '2023', '2024', '2025', '2026'].entries()) write(`stories/s${n}/index.html`, evidence(`Story ${n}`, year, `Quarry ${n} forecasting in ${year}.`));
		const files = (root: string) =>
			readdirSync(root, { recursive: true, withFileTypes: true })
				.filter((entry) => entry.isFile())
				.map((entry) => [path.relative(root, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name)).toString('base64')])
				.sort(([a], [b]) => a.localeCompare(b));
		// What the bundles being indexed held when each bundle asked to start.
		const alongside: Record<string, number> = {};
		const lanes = await buildSearchIndex({ outDir: site, cacheDir: cache, maxBundlePages: 2, lanes: 2, beforeIndexing: async (bundle, running) => void (alongside[bundle.id] = running.pages()) });
		expect(lanes.rebuilt).toBe(3);
		// The first two went side by side; the third waited for a lane, then went beside the one left.
		expect(alongside).toEqual({ '2025-2026': 0, '2023-2024': 2, '2021-2022': 2 });
		const twoAtOnce = files(path.join(site, 'pagefind'));
		rmSync(path.join(site, 'pagefind'), { recursive: true });
		const oneCache = mkdtempSync(path.join(tmpdir(), 'credence-search-cache-'));
		try {
			expect((await buildSearchIndex({ outDir: site, cacheDir: oneCache, maxBundlePages: 2 })).rebuilt).toBe(3);
			expect(files(path.join(site, 'pagefind'))).toEqual(twoAtOnce);
		} finally {
			rmSync(oneCache, { recursive: true, force: true });
		}
	}, 30_000);

	it('counts as waiting for Astro only the waits before Astro exited (after it, a bundle waits for a lane, and Pagefind is at work)', async () => {
		writeSite();
		const run = await buildSearchIndex({
			outDir: site,
			cacheDir: cache,
			maxBundlePages: 2,
			astroExited: Promise.resolve(),
			beforeIndexing: () => new Promise((resolve) => setTimeout(resolve, 250)),
		});
		expect(run.seconds).toBeGreaterThan(0.5);
		expect(run.waited).toBeLessThan(0.1);
	}, 30_000);

	it('reports a bundle Pagefind fails to index, with what Pagefind said, and caches no index for it', async () => {
		writeSite();
		const result = buildSearchIndex({
			outDir: site,
			cacheDir: cache,
			maxBundlePages: 2,
			lanes: 2,
			// The 2026 bundle's pages are gone by the time Pagefind reads them.
			beforeIndexing: async (bundle) => {
				if (bundle.id === '2026') rmSync(path.join(cache, 'search-index', '2026.pages'), { recursive: true, force: true });
			},
		});
		await expect(result).rejects.toThrow(/Pagefind failed to index the pages \(bundle 2026\):\nPagefind stopped with exit code 1\n[\s\S]*Indexed 0 pages/);
		expect(existsSync(path.join(cache, 'search-index', '2026'))).toBe(false);
		expect(existsSync(path.join(cache, 'search-index', '2026.new'))).toBe(false);
	}, 30_000);

	it('links a held bundle’s pages for Pagefind while it waits, and leaves no links behind when the wait ends the run (Astro failed)', async () => {
		writeSite();
		let fail!: (error: Error) => void;
		const held = new Promise<void>((_, reject) => (fail = reject));
		const run = buildSearchIndex({ outDir: site, cacheDir: cache, maxBundlePages: 2, beforeIndexing: (bundle: SearchBundle) => (bundle.id === '2026' ? held : Promise.resolve()) });
		const links = path.join(cache, 'search-index', '2026.pages');
		// The links are made before the wait, so that none is made after Astro has exited.
		await expect.poll(() => existsSync(path.join(links, 'stories', 'three', 'index.html'))).toBe(true);
		fail(new Error('astro build failed'));
		await expect(run).rejects.toThrow('astro build failed');
		expect(existsSync(links)).toBe(false);
	}, 30_000);

	it('moves what a run replaces into the cache’s trash, which the next run empties: one run’s leftovers at most', async () => {
		writeSite();
		const trash = path.join(cache, 'search-index', '.trash');
		const rerun = async (text: string) => {
			rmSync(path.join(site, 'pagefind'), { recursive: true });
			write('stories/three/index.html', evidence('Three', '2026', text));
			const result = await searchIndex();
			expect(result.code, result.out).toBe(0);
			expect(result.out).toContain('1 indexed, 0 unchanged');
		};
		expect((await searchIndex()).code).toBe(0);
		await rerun('Orchard logistics, revised.');
		// The bundle's earlier index and the links Pagefind read the pages through.
		expect(readdirSync(trash)).toHaveLength(2);
		await rerun('Orchard logistics, revised again.');
		expect(readdirSync(trash)).toHaveLength(2);
		expect(readdirSync(path.join(cache, 'search-index')).sort()).toEqual(['.trash', '2024-2026']);
		expect(fragments('pagefind')).toHaveLength(3);
	});

	it('fails on a searchable page without its year, naming the page', async () => {
		writeSite();
		write('stories/four/index.html', page('<main data-pagefind-body><h1>Four</h1></main>'));
		const result = await searchIndex();
		expect(result.code).toBe(1);
		expect(result.out).toContain(`${path.join('stories', 'four', 'index.html')} is searchable (data-pagefind-body) but declares no year (data-pagefind-filter="year")`);
		expect(result.out).not.toMatch(/\n\s+at .*:\d+:\d+/);
	});

	it('places a page by its first year filter that holds a year, reading pages of any script as bytes', async () => {
		writeSite();
		// A year filter holding no year (as a page could show the mark's text) comes before the real one.
		write('stories/four/index.html', page(`<main data-pagefind-body><h1>Café 東京 ☕</h1><span data-pagefind-filter="year">soon</span><span data-pagefind-filter="year">2023</span></main>`));
		const first = await searchIndex({ CREDENCE_SEARCH_BUNDLE_PAGES: '2' });
		expect(first.code, first.out).toBe(0);
		expect(first.out).toContain('2 bundles (2025-2026: 2, 2023-2024: 2), 2 indexed, 0 unchanged');
		// Unchanged pages of any script make the same digests: nothing is indexed again.
		const second = await searchIndex({ CREDENCE_SEARCH_BUNDLE_PAGES: '2' });
		expect(second.out).toContain('0 indexed, 2 unchanged');
	});

	it('fails when the pages were built for other bundles than the searchable pages make', async () => {
		writeSite();
		write('search/index.html', page(`<pagefind-config data-search-bundles="[{&quot;id&quot;:&quot;2024-2026&quot;,&quot;path&quot;:&quot;/pagefind/&quot;,&quot;years&quot;:[&quot;2026&quot;,&quot;2025&quot;,&quot;2024&quot;],&quot;pages&quot;:3}]"></pagefind-config>`));
		expect((await searchIndex()).code).toBe(0);
		const result = await searchIndex({ CREDENCE_SEARCH_BUNDLE_PAGES: '2' });
		expect(result.code).toBe(1);
		expect(result.out).toContain('the pages load the search bundles /pagefind/ (2026, 2025, 2024), but the searchable pages make /pagefind/ (2026); /pagefind/2024-2025/ (2025, 2024)');
	});

	it('fails when no page is marked searchable (a broken layout must not ship without search)', async () => {
		write('index.html', page('<main><h1>Home</h1></main>'));
		const result = await searchIndex();
		expect(result.code).toBe(1);
		expect(result.out).toContain('has data-pagefind-body, so there is nothing to search');
		expect(result.out).not.toMatch(/\n\s+at .*:\d+:\d+/);
	});

	it('writes no index, and succeeds, when the site has nothing public to search (its search page loads no bundle)', async () => {
		write('index.html', page('<main><h1>Home</h1></main>'));
		write('search/index.html', page('<div data-search data-search-bundles="[]"></div>'));
		const result = await searchIndex();
		expect(result.code, result.out).toBe(0);
		expect(result.out).toContain('[search-index] no public evidence to search yet (2 pages read): no search index written');
		expect(existsSync(path.join(site, 'pagefind'))).toBe(false);
	});

	it('fails when the search page loads bundles but no page is searchable', async () => {
		write('index.html', page('<main><h1>Home</h1></main>'));
		write('search/index.html', page('<div data-search data-search-bundles="[{&quot;id&quot;:&quot;2026&quot;,&quot;path&quot;:&quot;/pagefind/&quot;,&quot;years&quot;:[&quot;2026&quot;],&quot;pages&quot;:1}]"></div>'));
		const result = await searchIndex();
		expect(result.code).toBe(1);
		expect(result.out).toContain('has data-pagefind-body, so there is nothing to search');
	});

	it('fails when the site has not been built', async () => {
		const result = await searchIndex();
		expect(result.code).toBe(1);
		expect(result.out).toContain(`no built site in ${site}`);
	});
});
