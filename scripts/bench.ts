/**
 * `npm run bench -- --entries 1000[,5000,10000] [--json] [--skip-search] [--keep]`
 * `npm run bench -- --entries 10000 --corpus <dir>`: only writes the corpus, to check or build by hand.
 *
 * For each size: generates a synthetic corpus (valid against the real schemas), checks it,
 * builds the real site from it cold, rebuilds after editing one story, measures dist/ and the
 * Pagefind index, measures a search in headless Chromium (bytes transferred, time to the first
 * result), and builds the same Markdown bodies with a bare Astro site and indexes its output with
 * the Pagefind CLI (timed apart), so every build figure is also a ratio to bare Astro, and the
 * cold build one to bare Astro + Pagefind, on the same machine. Prints a table (or JSON).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, appendFileSync, constants as fsConstants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_OPTIONS, serveStatic } from '../test/serve.ts';
import { BENCH_NOW, generateCorpus, storyToEdit, writeBareCorpus } from './bench/corpus.ts';
import { checkTargets, HOST_FILE_LIMIT } from './bench/targets.ts';
import { ASTRO_BIN } from './lib/astro-build.ts';
import { parseCommandLine, plural } from './lib/cli.ts';
import { treeRss } from './lib/process-memory.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const astroBin = path.join(projectRoot, ASTRO_BIN);
/** Pagefind's own command line (the npm package's runner, which starts its native indexer). */
const pagefindBin = path.join(projectRoot, 'node_modules/pagefind/lib/runner/bin.cjs');

interface BuildFigures {
	seconds: number;
	peakRssMb: number;
	/** The last line the build printed before its peak: where in the build the peak came. */
	peakRssAfter: string;
	pages: number;
	msPerPage: number;
	/** Seconds per phase (see buildPhases). */
	phases: ReturnType<typeof buildPhases>;
}

interface StepFigures {
	seconds: number;
	/** Peak of the summed RSS of the step's whole process tree (Pagefind runs as a child process). */
	peakRssMb: number;
	/** The last line the step printed before its peak. */
	peakRssAfter: string;
	output: string;
}

/** The build steps and checks under way, to stop them on Ctrl-C before their folder is deleted. */
const running = new Set<ChildProcess>();
/** Set on Ctrl-C: the step it stopped then fails, and that failure is not the news. */
let stopping = false;

/** The last `lines` lines of a step's output, for an error message (the log is deleted with its folder unless --keep). */
const tail = (output: string, lines = 25) => output.trimEnd().split('\n').slice(-lines).join('\n');

/** Runs one build step; wall seconds and the peak memory of its process tree, sampled every 100 ms. */
function timedStep(args: string[], env: Record<string, string>, log: string): Promise<StepFigures> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1', ...env } });
		running.add(child);
		let peak = 0;
		// How much had been printed at the peak.
		let peakAt = 0;
		let output = '';
		const sampler = setInterval(() => {
			const rss = treeRss(child.pid!) ?? 0;
			if (rss > peak) [peak, peakAt] = [rss, output.length];
		}, 100);
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code, signal) => {
			running.delete(child);
			clearInterval(sampler);
			appendFileSync(log, output);
			if (code !== 0) return reject(new Error(`${path.basename(args.find((arg) => !arg.startsWith('-'))!)} failed (${signal ?? `exit ${code}`}); its last lines:\n${tail(output)}`));
			// MB (10^6 bytes), as the 2 GB target is.
			resolve({ seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(peak / 1e6), peakRssAfter: lastHeading(output.slice(0, peakAt)), output });
		});
	});
}

/** The last line of `output` that is not about one page or image: the phase the build was in. */
function lastHeading(output: string): string {
	const lines = output.split('\n').map((line) => line.trim());
	// Per-page and per-image lines start (after Astro's timestamp) with a tree or arrow glyph; a
	// page's duration, `(+12ms)`, sometimes arrives on a line of its own.
	const heading = lines.findLast((line) => line && !/^(\d\d:\d\d:\d\d\s+)?[├└│▶]|^\(\+\d+m?s\)/.test(line)) ?? '';
	// Astro's timestamp says nothing here (the run's own clock), so it is left out.
	return heading.replace(/^\d\d:\d\d:\d\d\s+/, '');
}

/**
 * `npm run build` itself (scripts/build.ts): the content check in a process of its own while
 * Astro starts, `astro build`, and the search index from when Astro's pages are written.
 */
function timedBuild(env: Record<string, string>, log: string): Promise<StepFigures> {
	return timedStep([path.join(projectRoot, 'scripts/build.ts')], env, log);
}

const pagesIn = (output: string) => Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? 0);

/** Seconds in Astro's duration formats: `450ms`, `11.92s`, `1m 26s`. */
function seconds(text: string | undefined): number {
	const match = /^(?:(\d+)m\s*)?(?:([\d.]+)s)?(?:([\d.]+)ms)?$/.exec(text?.trim() ?? '');
	if (!match || !text) return 0;
	return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) + Number(match[3] ?? 0) / 1000;
}

/** Where a build's time went, read from its log (the phases Astro and our integrations report). */
export function buildPhases(output: string, total: number): Record<'check' | 'sync' | 'bundle' | 'pages' | 'images' | 'cards' | 'search' | 'other', number> {
	const after = (marker: string, pattern: RegExp) => {
		const from = output.indexOf(marker);
		return from < 0 ? undefined : pattern.exec(output.slice(from))?.[1];
	};
	const phases = {
		// A check on a thread of its own overlaps Astro's setup: only what it held Astro up counts.
		check: seconds((/content check passed .*?held Astro up for ([\d.]+s)/.exec(output) ?? /content check passed .*? in ([\d.]+s)/.exec(output))?.[1]),
		// "[types] Generated" reports content sync and type generation together.
		sync: seconds(/\[types\] Generated ((?:\d+m )?[\d.]+m?s)/.exec(output)?.[1]),
		// Astro bundles twice, the server's code then the client's, each reporting its own time.
		bundle: [...output.matchAll(/\[vite\] ✓ built in ((?:\d+m )?[\d.]+m?s)/g)].reduce((sum, match) => sum + seconds(match[1]), 0),
		pages: seconds(after('generating static routes', /✓ Completed in ((?:\d+m )?[\d.]+m?s)/)),
		images: seconds(after('generating optimized images', /✓ Completed in ((?:\d+m )?[\d.]+m?s)/)),
		// Open Graph cards are drawn beside the pages; this is what the build waited for after them.
		cards: seconds(/Open Graph cards? written in ([\d.]+s)/.exec(output)?.[1]),
		// Not the time the index waited for Astro to exit (npm run build): that is Astro's last steps, counted above.
		search: Math.max(0, Math.round((seconds(/\[search-index\] indexed .*? in ([\d.]+s)/.exec(output)?.[1]) - seconds(/\[search-index\] indexed .*?, ([\d.]+s) of it waiting for Astro to exit/.exec(output)?.[1])) * 1000) / 1000),
	};
	const known = Object.values(phases).reduce((a, b) => a + b, 0);
	return { ...phases, other: Math.max(0, Math.round((total - known) * 10) / 10) };
}

/** Files and their bytes under `dir`; only those whose name passes `counted`, when given. */
function filesAndBytes(dir: string, counted: (name: string) => boolean = () => true): { files: number; bytes: number } {
	let files = 0;
	let bytes = 0;
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !counted(entry.name)) continue;
		files++;
		bytes += statSync(path.join(entry.parentPath, entry.name)).size;
	}
	return { files, bytes };
}

/**
 * Page weight across the whole site: every HTML page gzipped (level 9, as `npm run weight`
 * counts documents), the median and the heaviest (with its path). Listing pages are where a
 * growing library shows first, so the heaviest page is the figure to watch between sizes.
 */
export function pageWeights(outDir: string): { pages: number; medianGzipKb: number; largestGzipKb: number; largest: string } {
	const sizes: { file: string; gzip: number }[] = [];
	for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
		const file = path.join(entry.parentPath, entry.name);
		sizes.push({ file: path.relative(outDir, file), gzip: gzipSync(readFileSync(file), { level: 9 }).length });
	}
	if (sizes.length === 0) throw new Error(`no HTML pages in ${outDir}`);
	sizes.sort((a, b) => a.gzip - b.gzip);
	const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
	const largest = sizes.at(-1)!;
	return { pages: sizes.length, medianGzipKb: kb(sizes[Math.floor((sizes.length - 1) / 2)].gzip), largestGzipKb: kb(largest.gzip), largest: `/${largest.file.split(path.sep).join('/').replace(/index\.html$/, '')}` };
}

/** Pagefind's index files (as opposed to its scripts, styles and WebAssembly), by name. */
const isPagefindIndex = (name: string) => /\.pf_(meta|index|filter|fragment)$|^pagefind-entry\.json$/.test(name);

/**
 * The size of Pagefind's output in `outDir`: the whole pagefind/ folder, and the index alone.
 * The folder also holds Pagefind's code (about 0.6 MB of scripts, UI and WebAssembly whatever
 * the library's size), which is most of it for a small library.
 */
export function pagefindSize(outDir: string): { bytes: number; indexFiles: number; indexBytes: number } {
	const folder = path.join(outDir, 'pagefind');
	const index = filesAndBytes(folder, isPagefindIndex);
	return { bytes: filesAndBytes(folder).bytes, indexFiles: index.files, indexBytes: index.bytes };
}

interface BrowserFigures {
	/** KB (1,024 bytes) on the wire, compressed as a CDN would, headers included. */
	kb: number;
	/** The same, by what it was: the page itself, Pagefind's code (scripts, WebAssembly, UI), its index. */
	kbBy: { page: number; pagefindCode: number; pagefindIndex: number };
	/** From navigation until `shown` resolved. */
	ms: number;
	/** Whether what was awaited showed at all. */
	results: boolean;
}

/** What a response was, by its path. */
function transferKind(file: string): keyof BrowserFigures['kbBy'] {
	if (!file.startsWith('/pagefind/')) return 'page';
	return isPagefindIndex(path.posix.basename(file.split('?')[0])) ? 'pagefindIndex' : 'pagefindCode';
}

/**
 * Opens `url` of the built site in Chromium and records the time until `shown` resolves, then
 * every byte the server sent until the network has been quiet for half a second. Counted at the
 * server: Pagefind fetches its index from a Web Worker, which the page's own network events miss.
 */
async function measureInBrowser(outDir: string, url: string, shown: (page: Page) => Promise<unknown>): Promise<BrowserFigures> {
	const site = await serveStatic(outDir);
	// Playwright's launch error runs to a page of call log; its first line says what went wrong.
	const browser = await chromium.launch(CHROMIUM_OPTIONS).catch(async (error: Error) => {
		await site.close();
		throw new Error(`Chromium (${CHROMIUM_OPTIONS.executablePath}) did not start: ${error.message.split('\n')[0]}`);
	});
	try {
		const page = await browser.newPage();
		const started = Date.now();
		await page.goto(`${site.url}${url}`);
		const results = await shown(page).then(() => true, () => false);
		const ms = Date.now() - started;
		for (let seen = -1; seen !== site.sent().length; ) {
			seen = site.sent().length;
			await page.waitForTimeout(500);
		}
		const kbBy = { page: 0, pagefindCode: 0, pagefindIndex: 0 };
		for (const response of site.sent()) kbBy[transferKind(response.path)] += response.bytes;
		const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
		return { kb: kb(kbBy.page + kbBy.pagefindCode + kbBy.pagefindIndex), kbBy: { page: kb(kbBy.page), pagefindCode: kb(kbBy.pagefindCode), pagefindIndex: kb(kbBy.pagefindIndex) }, ms, results };
	} finally {
		await browser.close();
		await site.close();
	}
}

/** A search for a word on /search/, until the first result link shows. */
const measureSearch = (outDir: string, word: string) =>
	measureInBrowser(outDir, `/search/?q=${encodeURIComponent(word)}`, (page) =>
		page
			.locator('main a[href^="/stories/"], main a[href^="/videos/"], main a[href^="/awards/"]')
			.filter({ hasNotText: /^(Stories|Videos|Awards)$/ })
			.first()
			.waitFor({ timeout: 20_000 }),
	);

/** The library filtered to videos, until the matching cards show. */
const measureLibraryFilter = (outDir: string) =>
	measureInBrowser(outDir, '/stories/?type=video', async (page) => {
		await page.locator('[data-results-count]', { hasText: /pieces of evidence match/ }).waitFor({ timeout: 20_000 });
		await page.locator('[data-evidence].type-video:visible').first().waitFor({ timeout: 20_000 });
	});

interface SizeResult {
	items: number;
	check: { seconds: number; errors: number; warnings: number };
	cold: BuildFigures;
	/** `edited`: the story changed before it, relative to the corpus folder. */
	/** `ofBare`: as a multiple of bare Astro's cold build (the target is at most 1). */
	rebuild: { seconds: number; ofCold: number; ofBare: number; edited: string; phases: BuildFigures['phases'] };
	bare: BuildFigures;
	/** The Pagefind CLI indexing bare Astro's output, timed apart from its build. */
	barePagefind: { seconds: number; peakRssMb: number };
	/**
	 * The honest floor: bare Astro's build then the Pagefind CLI, as a site that is searched needs
	 * both (seconds summed; peak the larger, as they run one after the other).
	 */
	floor: { seconds: number; peakRssMb: number };
	/** Our figures as multiples of bare Astro's (see ratiosToBare). */
	ratio: Comparable;
	/** Our cold build as a multiple of the floor's: wall time and peak memory. */
	ratioToFloor: { seconds: number; peakRssMb: number };
	/** `pagefindMb`: the whole pagefind/ folder; `pagefindIndexMb`: its index files alone (pagefindSize). */
	dist: { files: number; bytes: number; mb: number; pagefindMb: number; pagefindIndexMb: number; pagefindIndexFiles: number; underHostLimit: boolean };
	/** HTML pages gzipped: the median and the heaviest. */
	pageWeight: ReturnType<typeof pageWeights>;
	/** Bare Astro's output, for the ratios. */
	bareDist: { files: number; bytes: number; mb: number };
	search?: BrowserFigures;
	libraryFilter?: BrowserFigures;
}

/** A build's figures that are compared with bare Astro's. */
export interface Comparable {
	/** Wall time of the cold build. */
	seconds: number;
	msPerPage: number;
	peakRssMb: number;
	/** Files and bytes in the output folder. */
	files: number;
	bytes: number;
}

/**
 * Each of our cold build's figures as a multiple of bare Astro's on the same bodies, to two
 * decimals, computed from the unrounded figures (per page: each build's own wall time over its
 * own page count, so pages bare Astro does not have, lists and customers, count for us).
 */
export function ratiosToBare(ours: Comparable, bare: Comparable): Comparable {
	const ratio = (key: keyof Comparable) => Math.round((ours[key] / bare[key]) * 100) / 100;
	return { seconds: ratio('seconds'), msPerPage: ratio('msPerPage'), peakRssMb: ratio('peakRssMb'), files: ratio('files'), bytes: ratio('bytes') };
}

/** Seconds to the millisecond: the JSON's figures, not the timer's 9 decimals. */
const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

/**
 * The folder of each run: `n1000`, and `n1000-2` for a size given twice, so that a repeated
 * size is measured cold again instead of building on the first run's caches and dist/.
 */
export function runFolders(sizes: number[]): string[] {
	const seen = new Map<number, number>();
	return sizes.map((n) => {
		const count = (seen.get(n) ?? 0) + 1;
		seen.set(n, count);
		return count === 1 ? `n${n}` : `n${n}-${count}`;
	});
}

async function benchSize(items: number, dir: string, options: { search: boolean }): Promise<SizeResult> {
	const content = path.join(dir, 'content');
	const out = path.join(dir, 'dist');
	const bareOut = path.join(dir, 'bare-dist');
	const log = path.join(dir, 'build.log');
	mkdirSync(dir, { recursive: true });
	process.stderr.write(`[${items}] generating corpus…\n`);
	generateCorpus(content, items, 1);
	writeBareCorpus(content, path.join(dir, 'bare'));

	process.stderr.write(`[${items}] checking…\n`);
	const checkStart = Date.now();
	const check = await new Promise<{ errors: number; warnings: number }>((resolve, reject) => {
		const child = execFile(process.execPath, ['scripts/check.ts', '--content', content, '--json'], { cwd: projectRoot, env: { ...process.env, CREDENCE_NOW: BENCH_NOW }, maxBuffer: 256 * 1024 * 1024 }, (_error, stdout, stderr) => {
			running.delete(child);
			// Exit 1 with JSON is content errors (reported below); anything else is the check failing to run.
			try {
				resolve(JSON.parse(stdout));
			} catch {
				reject(new Error(`the content check did not run; its last lines:\n${tail(stdout + stderr)}`));
			}
		});
		running.add(child);
	});
	const checkSeconds = (Date.now() - checkStart) / 1000;
	if (check.errors) throw new Error(`the generated corpus has ${check.errors} content errors (${content}; run the check on it, with --keep, to see them)`);

	const env = { CREDENCE_CONTENT_DIR: content, CREDENCE_OUT_DIR: out, CREDENCE_NOW: BENCH_NOW, CREDENCE_CACHE_DIR: path.join(dir, 'cache'), CREDENCE_OG_CACHE: path.join(dir, 'og-cache') };
	process.stderr.write(`[${items}] cold build…\n`);
	const cold = await timedBuild(env, log);
	const pages = pagesIn(cold.output);
	process.stderr.write(`[${items}] cold build: ${cold.seconds.toFixed(1)} s, peak ${cold.peakRssMb} MB after "${cold.peakRssAfter.slice(0, 100)}"\n`);

	process.stderr.write(`[${items}] rebuild after editing one story…\n`);
	const story = storyToEdit(content);
	appendFileSync(story, '\nOne more sentence, added by the benchmark.\n');
	const rebuild = await timedBuild(env, log);

	process.stderr.write(`[${items}] bare Astro build…\n`);
	const bare = await timedStep([astroBin, 'build', '--root', path.join(projectRoot, 'scripts/bench/bare')], { BARE_CONTENT_DIR: path.join(dir, 'bare'), BARE_OUT_DIR: bareOut, BARE_CACHE_DIR: path.join(dir, 'bare-cache') }, log);
	const barePages = pagesIn(bare.output);
	// Measured before Pagefind writes into it: the "bare Astro" ratios are to Astro's output alone.
	const bareDist = filesAndBytes(bareOut);
	process.stderr.write(`[${items}] Pagefind CLI on bare Astro's output…\n`);
	const barePagefind = await timedStep([pagefindBin, '--site', bareOut], {}, log);
	const floor = { seconds: round(bare.seconds + barePagefind.seconds), peakRssMb: Math.max(bare.peakRssMb, barePagefind.peakRssMb) };

	const dist = filesAndBytes(out);
	const pagefind = pagefindSize(out);
	const search = options.search ? (process.stderr.write(`[${items}] search in Chromium…\n`), await measureSearch(out, 'replenishment')) : undefined;
	const libraryFilter = options.search ? (process.stderr.write(`[${items}] library filter in Chromium…\n`), await measureLibraryFilter(out)) : undefined;
	if (!pages || !barePages) throw new Error(`could not read how many pages were built from the build's output ("N page(s) built"); its last lines:\n${tail(pages ? bare.output : cold.output)}`);
	const figures = (b: StepFigures, n: number): BuildFigures => ({
		seconds: round(b.seconds),
		peakRssMb: b.peakRssMb,
		peakRssAfter: b.peakRssAfter,
		pages: n,
		msPerPage: Math.round((b.seconds * 1000 * 100) / n) / 100,
		phases: buildPhases(b.output, b.seconds),
	});
	const coldFigures = figures(cold, pages);
	const bareFigures = figures(bare, barePages);
	return {
		items,
		check: { seconds: round(checkSeconds), errors: check.errors, warnings: check.warnings },
		cold: coldFigures,
		rebuild: { seconds: round(rebuild.seconds), ofCold: Math.round((rebuild.seconds / cold.seconds) * 100) / 100, ofBare: Math.round((rebuild.seconds / bare.seconds) * 100) / 100, edited: path.relative(content, story), phases: buildPhases(rebuild.output, rebuild.seconds) },
		bare: bareFigures,
		barePagefind: { seconds: round(barePagefind.seconds), peakRssMb: barePagefind.peakRssMb },
		floor,
		ratioToFloor: { seconds: Math.round((cold.seconds / floor.seconds) * 100) / 100, peakRssMb: Math.round((cold.peakRssMb / floor.peakRssMb) * 100) / 100 },
		ratio: ratiosToBare(
			{ seconds: cold.seconds, msPerPage: (cold.seconds * 1000) / pages, peakRssMb: cold.peakRssMb, ...dist },
			{ seconds: bare.seconds, msPerPage: (bare.seconds * 1000) / barePages, peakRssMb: bare.peakRssMb, ...bareDist },
		),
		bareDist: { ...bareDist, mb: Math.round(bareDist.bytes / 1e5) / 10 },
		dist: { files: dist.files, bytes: dist.bytes, mb: Math.round(dist.bytes / 1e5) / 10, pagefindMb: Math.round(pagefind.bytes / 1e5) / 10, pagefindIndexMb: Math.round(pagefind.indexBytes / 1e5) / 10, pagefindIndexFiles: pagefind.indexFiles, underHostLimit: dist.files < HOST_FILE_LIMIT },
		pageWeight: pageWeights(out),
		search,
		libraryFilter,
	};
}

function printTable(results: SizeResult[]): void {
	const rows: [string, (r: SizeResult) => string][] = [
		['items', (r) => String(r.items)],
		['pages built', (r) => String(r.cold.pages)],
		['  bare Astro', (r) => String(r.bare.pages)],
		['check (s)', (r) => r.check.seconds.toFixed(1)],
		['check errors / warnings', (r) => `${r.check.errors} / ${r.check.warnings}`],
		['cold build (s)', (r) => r.cold.seconds.toFixed(1)],
		['  bare Astro (s)', (r) => r.bare.seconds.toFixed(1)],
		['  × bare Astro', (r) => r.ratio.seconds.toFixed(2)],
		['  Pagefind CLI on bare Astro (s)', (r) => r.barePagefind.seconds.toFixed(1)],
		['  bare Astro + Pagefind (s)', (r) => r.floor.seconds.toFixed(1)],
		['  × bare Astro + Pagefind', (r) => r.ratioToFloor.seconds.toFixed(2)],
		['ms per page', (r) => r.cold.msPerPage.toFixed(2)],
		['  bare Astro (ms)', (r) => r.bare.msPerPage.toFixed(2)],
		['  × bare Astro', (r) => r.ratio.msPerPage.toFixed(2)],
		...(['check', 'sync', 'bundle', 'pages', 'images', 'cards', 'search', 'other'] as const).map(
			(phase): [string, (r: SizeResult) => string] => [`  ${phase} (s): cold / rebuild / bare`, (r) => `${r.cold.phases[phase].toFixed(1)} / ${r.rebuild.phases[phase].toFixed(1)} / ${r.bare.phases[phase].toFixed(1)}`],
		),
		['peak RSS, all processes (MB)', (r) => String(r.cold.peakRssMb)],
		['  bare Astro (MB)', (r) => String(r.bare.peakRssMb)],
		['  × bare Astro', (r) => r.ratio.peakRssMb.toFixed(2)],
		['  bare Astro + Pagefind (MB)', (r) => String(r.floor.peakRssMb)],
		['  × bare Astro + Pagefind', (r) => r.ratioToFloor.peakRssMb.toFixed(2)],
		['one-story rebuild (s)', (r) => r.rebuild.seconds.toFixed(1)],
		['  of the cold build', (r) => `${Math.round(r.rebuild.ofCold * 100)}%`],
		['  × bare Astro cold', (r) => r.rebuild.ofBare.toFixed(2)],
		['files in dist/ (limit 20,000)', (r) => `${r.dist.files}${r.dist.underHostLimit ? '' : ' (over!)'}`],
		['  bare Astro', (r) => String(r.bareDist.files)],
		['  × bare Astro', (r) => r.ratio.files.toFixed(2)],
		['dist/ (MB)', (r) => r.dist.mb.toFixed(1)],
		['  bare Astro (MB)', (r) => r.bareDist.mb.toFixed(1)],
		['  × bare Astro', (r) => r.ratio.bytes.toFixed(2)],
		['Pagefind index alone (MB)', (r) => r.dist.pagefindIndexMb.toFixed(1)],
		['  index files', (r) => String(r.dist.pagefindIndexFiles)],
		['  pagefind/ with its code (MB)', (r) => r.dist.pagefindMb.toFixed(1)],
		['HTML page gzipped, median (KB)', (r) => r.pageWeight.medianGzipKb.toFixed(1)],
		['  heaviest (KB)', (r) => r.pageWeight.largestGzipKb.toFixed(1)],
		['  heaviest page', (r) => r.pageWeight.largest],
		['first search, transferred (KB)', (r) => (r.search ? r.search.kb.toFixed(1) : '–')],
		['  page / Pagefind code / index (KB)', (r) => (r.search ? `${r.search.kbBy.page.toFixed(0)} / ${r.search.kbBy.pagefindCode.toFixed(0)} / ${r.search.kbBy.pagefindIndex.toFixed(0)}` : '–')],
		['first results, from navigation (ms)', (r) => (r.search ? `${r.search.ms}${r.search.results ? '' : ' (none!)'}` : '–')],
		['library filter, transferred (KB)', (r) => (r.libraryFilter ? r.libraryFilter.kb.toFixed(1) : '–')],
		['  page / Pagefind code / index (KB)', (r) => (r.libraryFilter ? `${r.libraryFilter.kbBy.page.toFixed(0)} / ${r.libraryFilter.kbBy.pagefindCode.toFixed(0)} / ${r.libraryFilter.kbBy.pagefindIndex.toFixed(0)}` : '–')],
		['filtered cards, from navigation (ms)', (r) => (r.libraryFilter ? `${r.libraryFilter.ms}${r.libraryFilter.results ? '' : ' (none!)'}` : '–')],
	];
	const width = Math.max(...rows.map(([label]) => label.length));
	for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${results.map((r) => value(r).padStart(18)).join('')}`);
	console.log('\nTargets:');
	for (const check of checkTargets(results)) console.log(`  ${check.met ? 'met    ' : 'NOT MET'}  ${check.target}: ${check.measured}`);
}

const USAGE = `Usage: npm run bench -- [--entries N[,N…]] [--json] [--skip-search] [--keep]
       npm run bench -- --entries N --corpus <dir>

  --entries 1000,5000,10000   corpus sizes to measure (default: 1000)
  --json                      machine-readable output
  --skip-search               leave out the search and library-filter measurements in Chromium
  --keep                      keep the generated corpora and builds (their folder is printed)
  --corpus <dir>              only write the corpus of N items into <dir> (a new or empty folder),
                              to check it (npm run check -- --content <dir>) or build from it
                              (CREDENCE_CONTENT_DIR=<dir> npm run build)
  -h, --help                  this help

Chromium is /usr/bin/chromium, or CHROMIUM_PATH. Ctrl-C stops the run and deletes its temporary folder.`;

/** `--corpus <dir>`: the corpus alone, into a folder that holds nothing yet (generating replaces the folder). */
function writeCorpusOnly(dir: string, items: number): number {
	const target = path.resolve(dir);
	if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
		console.error(`--corpus ${dir}: ${target} already exists and is not an empty folder; name a new or empty one (the corpus replaces what the folder holds)`);
		return 1;
	}
	const summary = generateCorpus(target, items, 1);
	console.log(`wrote ${plural(summary.items, 'evidence item')} (${plural(summary.stories, 'story', 'stories')}, ${plural(summary.videos, 'video')}, ${plural(summary.entries, 'award entry', 'award entries')} in ${plural(summary.programs, 'program')}; ${plural(summary.customers, 'customer')}, ${plural(summary.people, 'person', 'people')}) to ${target}

  npm run check -- --content ${target}
  CREDENCE_CONTENT_DIR=${target} CREDENCE_NOW=${BENCH_NOW} npm run build`);
	return 0;
}

/** Why the search measurements cannot run with the browser at `executable`, or undefined when it can start. */
export function chromiumMissing(executable: string): string | undefined {
	try {
		accessSync(executable, fsConstants.X_OK);
		return undefined;
	} catch {
		return `Chromium not found at ${executable} (or not executable): the search and library-filter measurements need it. Install it (apt-get install chromium), point CHROMIUM_PATH at it, or leave them out with --skip-search.`;
	}
}

async function main(): Promise<number> {
	const { values } = parseCommandLine(
		process.argv.slice(2),
		{ entries: { type: 'string', default: '1000' }, json: { type: 'boolean', default: false }, 'skip-search': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false }, corpus: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
		USAGE,
	);
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	const sizes = String(values.entries).split(',').map((n: string) => Number(n.trim()));
	if (sizes.some((n: number) => !Number.isInteger(n) || n < 10)) {
		console.error('--entries expects whole numbers of at least 10, e.g. --entries 1000,5000,10000');
		return 1;
	}
	if (typeof values.corpus === 'string') {
		if (sizes.length !== 1) {
			console.error('--corpus writes one corpus: give one size, e.g. --entries 10000 --corpus /tmp/corpus');
			return 1;
		}
		return writeCorpusOnly(values.corpus, sizes[0]);
	}
	// Before any build: at 10,000 items the browser is reached minutes in, and Playwright's
	// launch error would end the run then, with nothing measured printed.
	const browserMissing = values['skip-search'] ? undefined : chromiumMissing(CHROMIUM_OPTIONS.executablePath);
	if (browserMissing) {
		console.error(browserMissing);
		return 1;
	}
	const work = path.join(tmpdir(), `credence-bench-${process.pid}`);
	const cleanUp = () => {
		if (!values.keep) rmSync(work, { recursive: true, force: true });
		else process.stderr.write(`kept ${work}\n`);
	};
	// Ctrl-C (or a kill) would otherwise leave the corpora and builds in the temporary folder,
	// gigabytes at 10,000 items: stop the step under way, wait for it, then delete them.
	const interrupted = (signal: NodeJS.Signals) => {
		stopping = true;
		process.stderr.write(`\n${signal}: stopping…\n`);
		const stopped = [...running].map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : (child.once('close', resolve), child.kill('SIGTERM')))));
		void Promise.race([Promise.all(stopped), new Promise((resolve) => setTimeout(resolve, 5000))]).then(() => {
			cleanUp();
			process.exit(130);
		});
	};
	process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
	const folders = runFolders(sizes);
	const results: SizeResult[] = [];
	const report = () => {
		if (values.json) console.log(JSON.stringify({ machine: { cpus: cpus().length, node: process.version }, results, targets: checkTargets(results) }, null, 2));
		else printTable(results);
	};
	try {
		for (const [i, n] of sizes.entries()) results.push(await benchSize(n, path.join(work, folders[i]), { search: !values['skip-search'] }));
	} catch (error) {
		// The sizes measured before the failure took minutes (5,000 items before 10,000 fails): print them.
		if (results.length && !stopping) {
			process.stderr.write(`[${sizes[results.length]}] failed; the sizes measured before it:\n`);
			report();
		}
		throw error;
	} finally {
		cleanUp();
	}
	report();
	return 0;
}

if (import.meta.main) {
	main().then((code) => process.exit(code), (error: unknown) => {
		if (stopping) return;
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
