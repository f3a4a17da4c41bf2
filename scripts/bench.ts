/**
 * `npm run bench -- --entries 1000[,5000,10000] [--json] [--skip-search] [--keep]`
 *
 * For each size: generates a synthetic corpus (valid against the real schemas), checks it,
 * builds the real site from it cold, rebuilds after editing one story, measures dist/ and the
 * Pagefind index, measures a search in headless Chromium (bytes transferred, time to the first
 * result), and builds the same Markdown bodies with a bare Astro site, so every build figure is
 * also a ratio to bare Astro on the same machine. Prints a table (or JSON).
 */
import { execFile, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_OPTIONS, serveStatic } from '../test/serve.ts';
import { generateCorpus, writeBareCorpus } from './bench/corpus.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
/** Most static hosts (Cloudflare Pages, for one) stop at 20,000 files per deployment. */
const HOST_FILE_LIMIT = 20_000;

interface BuildFigures {
	seconds: number;
	peakRssMb: number;
	pages: number;
	msPerPage: number;
	/** Seconds per phase (see buildPhases). */
	phases: ReturnType<typeof buildPhases>;
}

/** Runs `astro build` under GNU time; wall seconds and peak RSS of the build process. */
async function timedBuild(args: string[], env: Record<string, string>, log: string): Promise<{ seconds: number; peakRssMb: number; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn('/usr/bin/time', ['-f', 'BENCH %e %M', process.execPath, astroBin, 'build', ...args], { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1', ...env } });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code) => {
			appendFileSync(log, output);
			const match = /BENCH ([\d.]+) (\d+)/.exec(output);
			if (code !== 0 || !match) return reject(new Error(`build failed (exit ${code}); see ${log}`));
			// GNU time reports KiB; the figures are MB (10^6 bytes), as the 2 GB target is.
			resolve({ seconds: Number(match[1]), peakRssMb: Math.round((Number(match[2]) * 1024) / 1e6), output });
		});
	});
}

const pagesIn = (output: string) => Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? 0);

/** Seconds in Astro's duration formats: `450ms`, `11.92s`, `1m 26s`. */
function seconds(text: string | undefined): number {
	const match = /^(?:(\d+)m\s*)?(?:([\d.]+)s)?(?:([\d.]+)ms)?$/.exec(text?.trim() ?? '');
	if (!match || !text) return 0;
	return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) + Number(match[3] ?? 0) / 1000;
}

/** Where a build's time went, read from its log (the phases Astro and our integrations report). */
export function buildPhases(output: string, total: number): Record<'check' | 'sync' | 'bundle' | 'pages' | 'images' | 'search' | 'other', number> {
	const after = (marker: string, pattern: RegExp) => {
		const from = output.indexOf(marker);
		return from < 0 ? undefined : pattern.exec(output.slice(from))?.[1];
	};
	const phases = {
		check: seconds(/content check passed .*? in ([\d.]+s)/.exec(output)?.[1]),
		// "[types] Generated" reports content sync and type generation together.
		sync: seconds(/\[types\] Generated ((?:\d+m )?[\d.]+m?s)/.exec(output)?.[1]),
		bundle: seconds(/\[vite\] ✓ built in ([\d.]+m?s)/.exec(output)?.[1]),
		pages: seconds(after('generating static routes', /✓ Completed in ((?:\d+m )?[\d.]+m?s)/)),
		images: seconds(after('generating optimized images', /✓ Completed in ((?:\d+m )?[\d.]+m?s)/)),
		search: seconds(/\[credence:pagefind\] indexed .*? in ([\d.]+s)/.exec(output)?.[1]),
	};
	const known = Object.values(phases).reduce((a, b) => a + b, 0);
	return { ...phases, other: Math.max(0, Math.round((total - known) * 10) / 10) };
}

function filesAndBytes(dir: string): { files: number; bytes: number } {
	let files = 0;
	let bytes = 0;
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		files++;
		bytes += statSync(path.join(entry.parentPath, entry.name)).size;
	}
	return { files, bytes };
}

interface BrowserFigures {
	/** Transferred, compressed as a CDN would. */
	kb: number;
	/** From navigation until `shown` resolved. */
	ms: number;
	/** Whether what was awaited showed at all. */
	results: boolean;
}

/** Opens `url` of the built site in Chromium and records bytes transferred and time until `shown` resolves. */
async function measureInBrowser(outDir: string, url: string, shown: (page: Page) => Promise<unknown>): Promise<BrowserFigures> {
	const site = await serveStatic(outDir);
	const browser = await chromium.launch(CHROMIUM_OPTIONS);
	try {
		const page = await browser.newPage();
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Network.enable');
		let bytes = 0;
		cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
		const started = Date.now();
		await page.goto(`${site.url}${url}`);
		const results = await shown(page).then(() => true, () => false);
		const ms = Date.now() - started;
		await page.waitForTimeout(200);
		return { kb: Math.round(bytes / 102.4) / 10, ms, results };
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
	check: { seconds: number; errors: number };
	cold: BuildFigures;
	rebuild: { seconds: number; ofCold: number; phases: BuildFigures['phases'] };
	bare: BuildFigures;
	ratio: { msPerPage: number };
	dist: { files: number; mb: number; pagefindMb: number; underHostLimit: boolean };
	search?: BrowserFigures;
	libraryFilter?: BrowserFigures;
}

async function benchSize(items: number, work: string, options: { search: boolean }): Promise<SizeResult> {
	const dir = path.join(work, `n${items}`);
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
	const check = await promisify(execFile)(process.execPath, ['scripts/check.ts', '--content', content, '--json'], { cwd: projectRoot, maxBuffer: 256 * 1024 * 1024 }).then(
		(r) => JSON.parse(r.stdout),
		(e) => JSON.parse(e.stdout),
	);
	const checkSeconds = (Date.now() - checkStart) / 1000;
	if (check.errors) throw new Error(`the generated corpus has ${check.errors} content errors`);

	const env = { CREDENCE_CONTENT_DIR: content, CREDENCE_OUT_DIR: out, CREDENCE_NOW: '2026-11-23T12:00:00Z', CREDENCE_CACHE_DIR: path.join(dir, 'cache'), CREDENCE_OG_CACHE: path.join(dir, 'og-cache') };
	process.stderr.write(`[${items}] cold build…\n`);
	const cold = await timedBuild([], env, log);
	const pages = pagesIn(cold.output);

	process.stderr.write(`[${items}] rebuild after editing one story…\n`);
	const story = readdirSync(path.join(content, 'stories'))[0];
	appendFileSync(path.join(content, 'stories', story), '\nOne more sentence, added by the benchmark.\n');
	const rebuild = await timedBuild([], env, log);

	process.stderr.write(`[${items}] bare Astro build…\n`);
	const bare = await timedBuild(['--root', path.join(projectRoot, 'scripts/bench/bare')], { BARE_CONTENT_DIR: path.join(dir, 'bare'), BARE_OUT_DIR: bareOut, BARE_CACHE_DIR: path.join(dir, 'bare-cache') }, log);
	const barePages = pagesIn(bare.output);

	const dist = filesAndBytes(out);
	const pagefind = filesAndBytes(path.join(out, 'pagefind'));
	const search = options.search ? (process.stderr.write(`[${items}] search in Chromium…\n`), await measureSearch(out, 'replenishment')) : undefined;
	const libraryFilter = options.search ? (process.stderr.write(`[${items}] library filter in Chromium…\n`), await measureLibraryFilter(out)) : undefined;
	const figures = (b: { seconds: number; peakRssMb: number; output: string }, n: number): BuildFigures => ({
		seconds: b.seconds,
		peakRssMb: b.peakRssMb,
		pages: n,
		msPerPage: Math.round((b.seconds * 1000 * 100) / n) / 100,
		phases: buildPhases(b.output, b.seconds),
	});
	const coldFigures = figures(cold, pages);
	const bareFigures = figures(bare, barePages);
	return {
		items,
		check: { seconds: checkSeconds, errors: check.errors },
		cold: coldFigures,
		rebuild: { seconds: rebuild.seconds, ofCold: Math.round((rebuild.seconds / cold.seconds) * 100) / 100, phases: buildPhases(rebuild.output, rebuild.seconds) },
		bare: bareFigures,
		ratio: { msPerPage: Math.round((coldFigures.msPerPage / bareFigures.msPerPage) * 100) / 100 },
		dist: { files: dist.files, mb: Math.round(dist.bytes / 1e5) / 10, pagefindMb: Math.round(pagefind.bytes / 1e5) / 10, underHostLimit: dist.files < HOST_FILE_LIMIT },
		search,
		libraryFilter,
	};
}

function printTable(results: SizeResult[]): void {
	const rows: [string, (r: SizeResult) => string][] = [
		['items', (r) => String(r.items)],
		['pages built', (r) => String(r.cold.pages)],
		['check (s)', (r) => r.check.seconds.toFixed(1)],
		['cold build (s)', (r) => r.cold.seconds.toFixed(1)],
		['ms per page', (r) => r.cold.msPerPage.toFixed(2)],
		['bare Astro ms per page', (r) => r.bare.msPerPage.toFixed(2)],
		['× bare Astro', (r) => r.ratio.msPerPage.toFixed(2)],
		...(['check', 'sync', 'bundle', 'pages', 'images', 'search', 'other'] as const).map(
			(phase): [string, (r: SizeResult) => string] => [`  ${phase} (s): cold / rebuild / bare`, (r) => `${r.cold.phases[phase].toFixed(1)} / ${r.rebuild.phases[phase].toFixed(1)} / ${r.bare.phases[phase].toFixed(1)}`],
		),
		['peak RSS (MB)', (r) => String(r.cold.peakRssMb)],
		['bare peak RSS (MB)', (r) => String(r.bare.peakRssMb)],
		['one-story rebuild (s)', (r) => r.rebuild.seconds.toFixed(1)],
		['rebuild / cold', (r) => `${Math.round(r.rebuild.ofCold * 100)}%`],
		['files in dist/', (r) => `${r.dist.files}${r.dist.underHostLimit ? '' : ' (over 20,000!)'}`],
		['dist/ (MB)', (r) => r.dist.mb.toFixed(1)],
		['Pagefind index (MB)', (r) => r.dist.pagefindMb.toFixed(1)],
		['first search (KB)', (r) => (r.search ? r.search.kb.toFixed(1) : '–')],
		['first results (ms)', (r) => (r.search ? `${r.search.ms}${r.search.results ? '' : ' (none!)'}` : '–')],
		['library filter (KB)', (r) => (r.libraryFilter ? r.libraryFilter.kb.toFixed(1) : '–')],
		['filtered cards (ms)', (r) => (r.libraryFilter ? `${r.libraryFilter.ms}${r.libraryFilter.results ? '' : ' (none!)'}` : '–')],
	];
	const width = Math.max(...rows.map(([label]) => label.length));
	for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${results.map((r) => value(r).padStart(18)).join('')}`);
	if (results.length > 1) {
		const first = results[0];
		const last = results.at(-1)!;
		console.log(`\nms per page at ${last.items} ÷ at ${first.items}: ${(last.cold.msPerPage / first.cold.msPerPage).toFixed(2)}`);
	}
}

async function main(): Promise<number> {
	const { values } = parseArgs({ options: { entries: { type: 'string', default: '1000' }, json: { type: 'boolean', default: false }, 'skip-search': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } } });
	const sizes = values.entries.split(',').map((n) => Number(n.trim()));
	if (sizes.some((n) => !Number.isInteger(n) || n < 10)) {
		console.error('--entries expects whole numbers of at least 10, e.g. --entries 1000,5000,10000');
		return 1;
	}
	const work = path.join(tmpdir(), `credence-bench-${process.pid}`);
	const results: SizeResult[] = [];
	try {
		for (const n of sizes) results.push(await benchSize(n, work, { search: !values['skip-search'] }));
	} finally {
		if (!values.keep) rmSync(work, { recursive: true, force: true });
		else process.stderr.write(`kept ${work}\n`);
	}
	if (values.json) console.log(JSON.stringify({ machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, results }, null, 2));
	else printTable(results);
	return 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
