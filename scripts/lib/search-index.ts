/**
 * Builds the Pagefind search index of a built site, in bundles of whole years
 * (src/lib/search-bundles.ts), with Pagefind's command line, and fails on any indexing error (a
 * site whose search silently broke is worse than no build).
 *
 * It runs outside Astro, not inside an Astro integration: Pagefind holds about half a megabyte per
 * page while it indexes, and inside `astro:build:done` that came on top of the 1.8 GB a finished
 * 10,000-item Astro build still held. `npm run build` (scripts/build.ts) runs it in its own
 * process from when Astro's pages are written, and holds a bundle until Astro has exited unless
 * the build's memory, read live, leaves room for it beside Astro (`waitForRoomBesideAstro`), so a
 * large library's build stays under `EARLY_INDEX_BUDGET_BYTES`; `scripts/search-index.ts` runs
 * it on its own.
 *
 * Each bundle is indexed by a Pagefind process of its own (scripts/lib/pagefind-run.ts), which
 * hands its memory back as it exits, and kept in the build's cache with a digest of its pages: a
 * rebuild indexes again only the bundles whose pages changed, and links the others into the site
 * as they were. Up to `lanes` bundles are indexed at once, within the same memory budget:
 * `npm run build` indexes two at once on two cores.
 *
 * What a run replaces (a bundle's earlier index, the links Pagefind read the pages through: a
 * file per page each) is renamed into the cache's trash and deleted by the next run, in the
 * background while Pagefind indexes. Deleted in place, a bundle of 700 pages took a second of
 * this step's main thread on a busy machine.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { planSearchBundles, YEAR_FILTER, type SearchBundle } from '../../src/lib/search-bundles.ts';
import { runPagefind, type PagefindRun } from './pagefind-run.ts';
import { processesNamed, processTree, treeRss } from './process-memory.ts';

export interface SearchIndexOptions {
	/** The built site. */
	outDir: string;
	/** Where bundles are kept between builds. */
	cacheDir: string;
	/** Most pages per bundle (see `maxBundlePages`). */
	maxBundlePages: number;
	/**
	 * Awaited before a bundle is indexed, with the bundle and the pages of the bundles being indexed
	 * meanwhile: how `npm run build`, which starts this step while Astro finishes, makes a large
	 * bundle wait for Astro's memory to be handed back, or for another bundle to be done.
	 */
	beforeIndexing?: (bundle: SearchBundle, running: RunningBundles) => Promise<unknown>;
	/** Settles when Astro exits: the result's `waited` counts waits up to then (after it, a bundle waits for another, not for Astro). */
	astroExited?: Promise<unknown>;
	/** How many bundles may be indexed at once, each by a Pagefind of its own (default 1; see pagefind-run.ts). */
	lanes?: number;
}

/** The bundles being indexed while another waits to start. */
export interface RunningBundles {
	/** Their pages, now (it falls as they are done). */
	pages(): number;
}

export interface SearchIndexResult {
	/** Pages with `data-pagefind-body`: one fragment each. */
	indexed: number;
	/** HTML pages read. */
	read: number;
	bundles: SearchBundle[];
	/** Bundles indexed in this run; the others came from the cache. */
	rebuilt: number;
	seconds: number;
	/** Of `seconds`, those spent in `beforeIndexing` until Astro exited (all of them without `astroExited`): under `npm run build`, waiting for Astro to exit, not indexing. */
	waited: number;
}

// Pages are searched as bytes, never decoded: at 10,000 items they are 164 MB, read while Astro
// finishes (a one-story rebuild waits for this step), and decoding them as UTF-8 was a quarter of it.
const SEARCHABLE = Buffer.from('data-pagefind-body');
const YEAR_MARK = Buffer.from(`data-pagefind-filter="${YEAR_FILTER}">`);
const YEAR_DIGITS = /^\d{4}<$/;
/** What a bundle other than the primary needs: its index, not another copy of Pagefind's code. */
const INDEX_DATA = /^(pagefind-entry\.json|.*\.pf_meta|index|filter|fragment)$/;
const DIGEST_FILE = 'pages.sha256';
/** The cache's folder of what earlier runs replaced, deleted by the next. */
const TRASH = '.trash';

/** Moves `target`, if it exists, into `trash` (a rename: the deleting is left to `emptyTrash`). */
function discard(target: string, trash: string): void {
	if (!existsSync(target)) return;
	mkdirSync(trash, { recursive: true });
	try {
		renameSync(target, path.join(trash, `${Date.now()}-${Math.random().toString(36).slice(2)}-${path.basename(target)}`));
	} catch {
		rmSync(target, { recursive: true, force: true });
	}
}

/** Deletes what earlier runs discarded, off the main thread; resolves when done (never rejects: leftovers wait for the next run). */
const emptyTrash = (trash: string): Promise<void> => rm(trash, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});

class SearchIndexError extends Error {}

/** The year a page declares: the first year filter holding four digits (as `data-pagefind-filter="year">2024<`). */
function yearOf(html: Buffer): string | undefined {
	for (let at = html.indexOf(YEAR_MARK); at >= 0; at = html.indexOf(YEAR_MARK, at + 1)) {
		const digits = html.toString('latin1', at + YEAR_MARK.length, at + YEAR_MARK.length + 5);
		if (YEAR_DIGITS.test(digits)) return digits.slice(0, 4);
	}
	return undefined;
}

/** Every searchable page's path (relative to `outDir`) and digest, by year; and how many HTML pages were read. */
function searchablePages(outDir: string): { read: number; byYear: Map<string, { file: string; digest: string }[]> } {
	const byYear = new Map<string, { file: string; digest: string }[]>();
	let read = 0;
	for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
		const absolute = path.join(entry.parentPath, entry.name);
		const file = path.relative(outDir, absolute);
		// Our own bundles from an earlier run are not pages.
		if (file.split(path.sep)[0] === 'pagefind') continue;
		read++;
		const html = readFileSync(absolute);
		if (html.indexOf(SEARCHABLE) < 0) continue;
		const year = yearOf(html);
		if (!year) throw new SearchIndexError(`${file} is searchable (data-pagefind-body) but declares no year (data-pagefind-filter="${YEAR_FILTER}"), so it belongs to no search bundle`);
		const pages = byYear.get(year) ?? [];
		pages.push({ file, digest: createHash('sha256').update(file).update('\0').update(html).digest('hex') });
		byYear.set(year, pages);
	}
	return { read, byYear };
}

/** The bundles the site's pages were built to load (the search page's `data-search-bundles`), if it has one. */
function declaredBundles(outDir: string): SearchBundle[] | undefined {
	const searchPage = path.join(outDir, 'search', 'index.html');
	if (!existsSync(searchPage)) return undefined;
	const attribute = /data-search-bundles="([^"]*)"/.exec(readFileSync(searchPage, 'utf8'))?.[1];
	if (attribute === undefined) return undefined;
	const json = attribute.replace(/&quot;|&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
	return JSON.parse(json) as SearchBundle[];
}

/** Hard-links (or, across file systems, copies) the files under `from` whose top-level name passes `keep` into `to`. */
function linkTree(from: string, to: string, keep: (name: string) => boolean = () => true): void {
	for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const relative = path.relative(from, path.join(entry.parentPath, entry.name));
		if (!keep(relative.split(path.sep)[0])) continue;
		const target = path.join(to, relative);
		mkdirSync(path.dirname(target), { recursive: true });
		try {
			linkSync(path.join(from, relative), target);
		} catch {
			copyFileSync(path.join(from, relative), target);
		}
	}
}

/**
 * Links one bundle's pages into `<cache>/<id>.pages/`, at their paths in the site, for Pagefind
 * (which indexes a folder); returns that folder. Done before the bundle waits for Astro, so that
 * the links (0.1 s of CPU and 0.4 s on the busy machine for 1,955 pages) are not made after it.
 */
function linkBundlePages(outDir: string, cache: string, bundle: SearchBundle, files: string[]): string {
	const source = path.join(cache, `${bundle.id}.pages`);
	const trash = path.join(cache, TRASH);
	// What an interrupted run left.
	discard(source, trash);
	discard(path.join(cache, `${bundle.id}.new`), trash);
	for (const file of files) {
		mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
		linkSync(path.join(outDir, file), path.join(source, file));
	}
	return source;
}

/**
 * Indexes one bundle's linked pages (`source`, see `linkBundlePages`) by a Pagefind of its own
 * into `<cache>/<id>/`, replacing what was there only once the new one is complete. `started`
 * hears of the run, so that it can be stopped.
 */
async function indexBundle(cache: string, bundle: SearchBundle, source: string, files: string[], digest: string, started: (run: PagefindRun) => void): Promise<void> {
	const fresh = path.join(cache, `${bundle.id}.new`);
	const trash = path.join(cache, TRASH);
	discard(fresh, trash);
	try {
		const run = runPagefind({ source, pages: files.length, output: fresh, cwd: cache });
		started(run);
		const failure = await run.done;
		if (failure) throw new SearchIndexError(`Pagefind failed to ${failure.stage} (bundle ${bundle.id}):\n${failure.errors.join('\n')}`);
	} catch (error) {
		discard(fresh, trash);
		throw error;
	} finally {
		discard(source, trash);
	}
	writeFileSync(path.join(fresh, DIGEST_FILE), digest);
	discard(path.join(cache, bundle.id), trash);
	renameSync(fresh, path.join(cache, bundle.id));
}

export async function buildSearchIndex({ outDir, cacheDir, maxBundlePages, beforeIndexing, astroExited, lanes: laneCount = 1 }: SearchIndexOptions): Promise<SearchIndexResult> {
	const started = performance.now();
	const cache = path.join(cacheDir, 'search-index');
	mkdirSync(cache, { recursive: true });
	// The last run's leftovers go while this one reads and indexes; the trash is this run's from here on.
	const lastTrash = path.join(cache, `${TRASH}.last`);
	discard(path.join(cache, TRASH), lastTrash);
	const emptying = emptyTrash(lastTrash);
	const { read, byYear } = searchablePages(outDir);
	if (read === 0) throw new SearchIndexError(`no HTML pages in ${outDir} (run \`astro build\` first)`);
	const bundles = planSearchBundles(Object.fromEntries([...byYear].map(([year, pages]) => [year, pages.length])), maxBundlePages);
	const declared = declaredBundles(outDir);
	// Nothing searchable is right only when the site says so (nothing public yet: its search page
	// loads no bundle); otherwise a layout lost its data-pagefind-body, and must not ship.
	if (byYear.size === 0 && declared?.length !== 0) throw new SearchIndexError(`no page in ${outDir} has data-pagefind-body, so there is nothing to search`);
	const describe = (list: SearchBundle[]) => list.map((b) => `${b.path} (${b.years.join(', ')})`).join('; ');
	if (declared && describe(declared) !== describe(bundles)) {
		throw new SearchIndexError(`the pages load the search bundles ${describe(declared)}, but the searchable pages make ${describe(bundles)} (was CREDENCE_SEARCH_BUNDLE_PAGES the same for both steps?)`);
	}

	const target = path.join(outDir, 'pagefind');
	rmSync(target, { recursive: true, force: true });
	const link = (bundle: SearchBundle) => {
		const primary = bundle === bundles[0];
		linkTree(path.join(cache, bundle.id), primary ? target : path.join(target, bundle.id), (name) => name !== DIGEST_FILE && (primary || INDEX_DATA.test(name)));
	};
	const stale: { bundle: SearchBundle; files: string[]; digest: string }[] = [];
	const unchanged: SearchBundle[] = [];
	for (const bundle of bundles) {
		const pages = bundle.years.flatMap((year) => byYear.get(year)!).sort((a, b) => a.file.localeCompare(b.file));
		const digest = createHash('sha256').update(pages.map((p) => p.digest).join('\n')).digest('hex');
		const digestFile = path.join(cache, bundle.id, DIGEST_FILE);
		if (existsSync(digestFile) && readFileSync(digestFile, 'utf8') === digest) unchanged.push(bundle);
		else stale.push({ bundle, files: pages.map((p) => p.file), digest });
	}
	// The unchanged bundles are linked into place once the first bundle to index is under way (a
	// file each: 0.2 s for three 2,000-page bundles, which a one-story rebuild's Pagefind no longer
	// waits for), or at once when none is. The smallest bundle is indexed first: under
	// `npm run build` a large one may have to wait for Astro to exit, a small one not. Up to
	// `lanes` bundles are indexed at once; each waits for a free lane, then for `beforeIndexing`,
	// which is told how many pages the running ones hold.
	stale.sort((a, b) => a.bundle.pages - b.bundle.pages);
	const linkUnchanged = () => {
		// Each taken off the list once linked: a failure leaves the rest listed, not lost.
		while (unchanged.length > 0) {
			link(unchanged[0]!);
			unchanged.shift();
		}
	};
	let linking: Promise<void> | undefined;
	let waited = 0;
	const lanes = Math.max(1, Math.floor(laneCount));
	// Each bundle being indexed, with its Pagefind once started (to stop it).
	const running = new Map<Promise<void>, { run?: PagefindRun }>();
	let runningPages = 0;
	let failure: { error: unknown } | undefined;
	// When Astro exited (waits after it are for a lane, not for Astro); and Astro failing while
	// bundles are indexed (an Open Graph card, the sitemap) stops them: its pages will not be
	// published, and its failure is the one to report, at once.
	let astroExitedAt = Infinity;
	const astroFailed = new Promise<void>((resolve) => {
		void astroExited?.then((exit) => {
			astroExitedAt = performance.now();
			const code = failedExitCode(exit);
			if (code === undefined) return;
			failure ??= { error: new AstroFailedError(`astro build failed (exit code ${code}): the search index stopped`) };
			resolve();
		});
	});
	try {
		for (const { bundle, files, digest } of stale) {
			while (running.size >= lanes && !failure) await Promise.race([...running.keys(), astroFailed]);
			if (failure) break;
			const source = linkBundlePages(outDir, cache, bundle, files);
			const waiting = performance.now();
			try {
				await beforeIndexing?.(bundle, { pages: () => runningPages });
			} catch (error) {
				discard(source, path.join(cache, TRASH));
				throw error;
			}
			waited += Math.max(0, Math.min(performance.now(), astroExitedAt) - waiting) / 1000;
			if (failure) {
				discard(source, path.join(cache, TRASH));
				break;
			}
			runningPages += bundle.pages;
			const indexing: { run?: PagefindRun } = {};
			const job: Promise<void> = indexBundle(cache, bundle, source, files, digest, (run) => (indexing.run = run))
				.then(() => link(bundle))
				.catch((error: unknown) => {
					failure ??= { error };
				})
				.finally(() => {
					runningPages -= bundle.pages;
					running.delete(job);
				});
			running.set(job, indexing);
			// While Pagefind works in its own process, not before it starts; a failure is the step's.
			linking ??= (indexing.run?.started ?? Promise.resolve()).then(linkUnchanged).catch((error: unknown) => {
				failure ??= { error };
			});
		}
		if (linking) await linking;
		else if (!failure) linkUnchanged();
		// The last bundles; a failure among them stops the others (below) rather than waiting for them.
		while (running.size > 0 && !failure) await Promise.race([...running.keys(), astroFailed]);
		if (failure) throw failure.error;
	} finally {
		// Failed (Astro, or a bundle): the bundles still being indexed are stopped, not waited for,
		// so that the failure is reported at once.
		for (const { run } of running.values()) run?.stop();
		await Promise.all(running.keys());
	}
	// Bundles of years the plan no longer has (a year moved to another bundle).
	const current = new Set(bundles.map((b) => b.id));
	for (const name of readdirSync(cache)) if (!current.has(name) && name !== TRASH && name !== `${TRASH}.last`) discard(path.join(cache, name), path.join(cache, TRASH));
	await emptying;
	const indexed = bundles.reduce((n, b) => n + b.pages, 0);
	return { indexed, read, bundles, rebuilt: stale.length, seconds: (performance.now() - started) / 1000, waited };
}

/**
 * Most pages a bundle may have to be indexed while Astro is still running when its memory cannot
 * be read (no `/proc`: not Linux): Pagefind then holds up to about 500 MB beside Astro, whose
 * 1,000-item build peaks at about 750 MB. A larger bundle waits for Astro to exit.
 */
export const EARLY_INDEX_MAX_PAGES = 1000;

/**
 * Most memory, summed over every process of the build, that indexing a bundle beside Astro may
 * bring the build to: under the 2.3 GB bare Astro and the Pagefind CLI peak at on a 10,000-item
 * library (issue #21's target is to stay at or under that floor), with room to spare.
 */
export const EARLY_INDEX_BUDGET_BYTES = 2000e6;

/**
 * What Pagefind is reckoned to hold per page it indexes: measured on the benchmark corpus's pages,
 * 354 MB for 1,000, 578 MB for 1,500 and 840 MB for 2,083 (0.35–0.40 MB), rounded up.
 */
export const PAGEFIND_BYTES_PER_PAGE = 0.45e6;

/** The build's memory as `memoryWaitFor` reads it, in bytes. */
export interface BuildMemory {
	/** Astro's process, now. */
	astro: number;
	/** Every other process of the build but Pagefind's indexers: this one, the check's. */
	others: number;
	/** Pagefind's indexers (with what earlier bundles left in them), when read apart from `others`. */
	pagefind?: number;
}

export interface MemoryWaitOptions {
	/** The build's memory now; `undefined` when it cannot be read (then `EARLY_INDEX_MAX_PAGES` decides). */
	readMemory: () => BuildMemory | undefined;
	budget?: number;
	perPage?: number;
	/** How often a bundle that does not fit yet looks again. */
	pollMs?: number;
}

/**
 * What `memoryWaitFor` throws once Astro has failed: the search index stops before its next
 * bundle, and the build reports Astro's failure alone (its pages will not be published anyway).
 */
export class AstroFailedError extends Error {}

/** Astro's exit code when it failed (`exit` as `npm run build` hands it over: `{ code }`), else undefined. */
function failedExitCode(exit: unknown): number | undefined {
	const code = (exit as { code?: unknown } | undefined)?.code;
	return typeof code === 'number' && code !== 0 ? code : undefined;
}

/**
 * A `beforeIndexing` that lets a bundle go when the build's memory leaves room for it: Astro's and
 * every other process's memory now, plus Pagefind's reckoned need (`perPage` a page) for the
 * bundles being indexed and for this one, within `budget`. The bundles being indexed count as
 * reckoned or as Pagefind's processes hold now, whichever is more (a bundle just started holds
 * little yet). A bundle that does not fit looks again every `pollMs` (measured, Astro's memory
 * stays flat from its pages to its exit, so while it runs this seldom lets one go), and goes at
 * the latest once Astro has exited (`astroExited`) and no other bundle is being indexed. Once
 * Astro has exited with a code other than 0 no further bundle is indexed (`AstroFailedError`):
 * Astro can fail after its pages are written (an Open Graph card, the sitemap), and indexing on
 * only delayed the report of a build that had already failed.
 */
export function memoryWaitFor(astroExited: Promise<unknown>, { readMemory, budget = EARLY_INDEX_BUDGET_BYTES, perPage = PAGEFIND_BYTES_PER_PAGE, pollMs = 200 }: MemoryWaitOptions): (bundle: SearchBundle, running?: RunningBundles) => Promise<unknown> {
	let exited = false;
	let failed: number | undefined;
	// Registered first: settled before any bundle's own wait for the exit resumes.
	void astroExited.then((exit) => {
		exited = true;
		failed = failedExitCode(exit);
	});
	const fits = (bundle: SearchBundle, runningPages: number): boolean => {
		const memory = readMemory();
		// Unreadable (no /proc): the fixed rule beside Astro; once it has exited, the reckoned need alone.
		if (!memory) return exited ? (runningPages + bundle.pages) * perPage <= budget : runningPages + bundle.pages <= EARLY_INDEX_MAX_PAGES;
		const indexing = Math.max(memory.pagefind ?? 0, runningPages * perPage);
		return memory.astro + memory.others + indexing + bundle.pages * perPage <= budget;
	};
	return async (bundle, running) => {
		const runningPages = () => running?.pages() ?? 0;
		// Once Astro has exited, a bundle goes when it fits or when it would be indexed alone.
		while (failed === undefined && !(exited && runningPages() === 0) && !fits(bundle, runningPages())) {
			let timer: NodeJS.Timeout | undefined;
			const looked = new Promise((resolve) => (timer = setTimeout(resolve, pollMs)));
			await Promise.race(exited ? [looked] : [astroExited, looked]);
			clearTimeout(timer);
		}
		if (failed !== undefined) throw new AstroFailedError(`astro build failed (exit code ${failed}): the search index stopped before bundle ${bundle.id}`);
	};
}

/**
 * The build's memory from `/proc`: Astro's process (`astroPid`) and its children, Pagefind's
 * indexers (`indexers`: found among this process's descendants by their command name), and the
 * rest of this process's tree; undefined without `/proc`.
 */
export function readBuildMemory(astroPid: number, tree = processTree(), indexers = processesNamed(process.pid, 'pagefind', tree)): BuildMemory | undefined {
	const astro = treeRss(astroPid, [], tree);
	const others = treeRss(process.pid, [astroPid, ...indexers], tree);
	const pagefind = indexers.reduce((sum, pid) => sum + (treeRss(pid, [], tree) ?? 0), 0);
	return astro === undefined || others === undefined ? undefined : { astro, others, pagefind };
}

/**
 * `memoryWaitFor` with the memory read from `/proc`: Astro's process (`astroPid`), Pagefind's
 * indexers, and the rest of this process's tree.
 */
export function waitForRoomBesideAstro(astroExited: Promise<unknown>, astroPid: number, options: Omit<MemoryWaitOptions, 'readMemory'> = {}): (bundle: SearchBundle, running?: RunningBundles) => Promise<unknown> {
	return memoryWaitFor(astroExited, { ...options, readMemory: () => readBuildMemory(astroPid) });
}

/** What a run did, in one line for the build's log. */
export function searchIndexSummary({ indexed, read, bundles, rebuilt, seconds, waited }: SearchIndexResult): string {
	if (bundles.length === 0) return `no public evidence to search yet (${read} pages read): no search index written`;
	const reused = bundles.length - rebuilt;
	// The wait is said apart: it overlaps Astro's own last steps, and is no work of the index's (npm run bench).
	const wait = waited >= 0.005 ? `, ${waited.toFixed(2)}s of it waiting for Astro to exit` : '';
	return `indexed ${indexed} of ${read} pages in ${seconds.toFixed(2)}s${wait}: ${bundles.length} bundle${bundles.length === 1 ? '' : 's'} (${bundles.map((b) => `${b.id}: ${b.pages}`).join(', ')}), ${rebuilt} indexed, ${reused} unchanged`;
}

export { SearchIndexError };
