/**
 * `npm run weight -- [--dist dist] [--json] [--lighthouse]`
 *
 * Measures the built site (it builds nothing: run `npm run build` first) the way a first-time
 * visitor gets it: serves dist/ on the loopback, opens one URL per page template in Chromium with
 * an empty cache, waits until the network is idle without touching the page, and prints per
 * template the HTML+CSS bytes (gzip -9 of the document and its stylesheets), the JavaScript
 * loaded before any interaction (script files and inline scripts, raw and gzipped), everything
 * transferred, and requests to other hosts. Then checks the budgets (story: HTML+CSS ≤ 30 KB
 * gzipped and no JavaScript; video: no third-party request before play) and exits 1 if one fails.
 *
 * `--lighthouse` also runs Lighthouse (mobile defaults, simulated throttling) on the home page,
 * the library, a story and a video, and prints the four category scores.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_OPTIONS, serveStatic } from '../test/serve.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

interface Measurement {
	template: string;
	url: string;
	/** Document and stylesheets, each gzipped at level 9. */
	htmlCssGzip: number;
	/** Script files plus inline scripts that run, uncompressed. */
	jsBytes: number;
	jsGzip: number;
	/** Bytes on the wire for every response (compressed where the server compressed). */
	transferred: number;
	requests: number;
	thirdParty: string[];
}

interface Budget {
	what: string;
	ok: boolean;
	detail: string;
}

const KB = 1024;
const LIGHTHOUSE_TEMPLATES = ['home', 'library', 'story', 'video (YouTube)'];
const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** One URL per page template, picked from what the build wrote (the first item of each kind). */
export function templateUrls(dist: string): { template: string; url: string }[] {
	const pages = (dir: string) =>
		existsSync(path.join(dist, dir))
			? readdirSync(path.join(dist, dir), { withFileTypes: true })
					.filter((d) => d.isDirectory() && existsSync(path.join(dist, dir, d.name, 'index.html')))
					.map((d) => d.name)
					.sort()
			: [];
	const videoOfKind = (kind: string) => pages('videos').find((v) => readFileSync(path.join(dist, 'videos', v, 'index.html'), 'utf8').includes(`data-kind="${kind}"`));
	const program = pages('awards')[0];
	const entry = program ? pages(`awards/${program}/entries`)[0] : undefined;
	const candidates: [string, string | undefined][] = [
		['home', '/'],
		['library', '/stories/'],
		['story', pages('stories')[0] && `/stories/${pages('stories')[0]}/`],
		['videos', '/videos/'],
		['video (YouTube)', videoOfKind('youtube') && `/videos/${videoOfKind('youtube')}/`],
		['video (self-hosted)', videoOfKind('file') && `/videos/${videoOfKind('file')}/`],
		['customers', '/customers/'],
		['customer', pages('customers')[0] && `/customers/${pages('customers')[0]}/`],
		['awards', '/awards/'],
		['program', program && `/awards/${program}/`],
		['winners', program && `/awards/${program}/winners/`],
		['award entry', entry && `/awards/${program}/entries/${entry}/`],
		['search', '/search/'],
	];
	return candidates.filter((c): c is [string, string] => Boolean(c[1])).map(([template, url]) => ({ template, url }));
}

async function measure(browser: Browser, origin: string, template: string, url: string): Promise<Measurement> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const responses: import('playwright-core').Response[] = [];
	const requested: string[] = [];
	page.on('request', (request) => requested.push(request.url()));
	page.on('response', (response) => responses.push(response));
	await page.goto(`${origin}${url}`, { waitUntil: 'networkidle' });
	let htmlCssGzip = 0;
	let jsBytes = 0;
	let jsGzip = 0;
	let transferred = 0;
	for (const response of responses) {
		const type = response.request().resourceType();
		const body = await response.body().catch(() => undefined);
		const sizes = await response.request().sizes().catch(() => undefined);
		transferred += sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0;
		if (!body) continue;
		if (type === 'document' || type === 'stylesheet') htmlCssGzip += gzipSync(body, { level: 9 }).length;
		if (type === 'script') {
			jsBytes += body.length;
			jsGzip += gzipSync(body, { level: 9 }).length;
		}
	}
	// Inline scripts that run (not JSON-LD or templates) are JavaScript too.
	const inline = await page.evaluate(() =>
		[...document.scripts].filter((s) => !s.src && ['', 'module', 'text/javascript'].includes(s.type)).map((s) => s.textContent ?? ''),
	);
	for (const text of inline) {
		jsBytes += Buffer.byteLength(text);
		jsGzip += gzipSync(text, { level: 9 }).length;
	}
	const host = new URL(origin).host;
	const thirdParty = requested.filter((u) => !u.startsWith('data:') && new URL(u).host !== host);
	await context.close();
	return { template, url, htmlCssGzip, jsBytes, jsGzip, transferred, requests: requested.length, thirdParty };
}

function budgets(measurements: Measurement[]): Budget[] {
	const out: Budget[] = [];
	const story = measurements.find((m) => m.template === 'story');
	if (story) {
		out.push({ what: 'story HTML+CSS ≤ 30 KB gzipped', ok: story.htmlCssGzip <= 30 * KB, detail: kb(story.htmlCssGzip) });
		out.push({ what: 'story JavaScript before interaction = 0', ok: story.jsBytes === 0, detail: `${story.jsBytes} B` });
	}
	for (const video of measurements.filter((m) => m.template.startsWith('video ('))) {
		out.push({ what: `${video.template}: no third-party request before play`, ok: video.thirdParty.length === 0, detail: `${video.thirdParty.length}` });
	}
	return out;
}

async function lighthouseScores(origin: string, measurements: Measurement[]) {
	const { default: lighthouse } = await import('lighthouse');
	const chromeLauncher = await import('chrome-launcher');
	const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_OPTIONS.executablePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
	const scores: { template: string; url: string; scores: Record<string, number>; belowFull: string[] }[] = [];
	try {
		for (const m of measurements.filter((x) => LIGHTHOUSE_TEMPLATES.includes(x.template))) {
			const result = await lighthouse(`${origin}${m.url}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...LIGHTHOUSE_CATEGORIES] });
			if (!result) throw new Error(`Lighthouse returned nothing for ${m.url}`);
			const { categories, audits } = result.lhr;
			// Weighted audits that cost points, to say why a score is below 100.
			const belowFull = LIGHTHOUSE_CATEGORIES.flatMap((c) => categories[c]?.auditRefs ?? [])
				.filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
				.map((ref) => `${ref.id}${audits[ref.id].displayValue ? ` (${audits[ref.id].displayValue})` : ''}`);
			scores.push({ template: m.template, url: m.url, scores: Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])), belowFull });
		}
	} finally {
		chrome.kill();
	}
	return scores;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

function table(rows: string[][]): string {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	return rows.map((r, ri) => r.map((cell, i) => (i === 0 || i === 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ') + (ri === 0 ? `\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : '')).join('\n');
}

async function main(): Promise<number> {
	const { values } = parseArgs({
		options: {
			dist: { type: 'string', default: process.env.CREDENCE_OUT_DIR ?? 'dist' },
			json: { type: 'boolean', default: false },
			lighthouse: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
	if (values.help) {
		console.log('Usage: npm run weight -- [--dist dist] [--json] [--lighthouse]\n\nMeasures each page template of the built site in Chromium: HTML+CSS gzipped, JavaScript before interaction, third-party requests; checks the budgets (exit 1 when one fails).');
		return 0;
	}
	const dist = path.resolve(projectRoot, values.dist);
	if (!existsSync(path.join(dist, 'index.html'))) {
		console.error(`no built site in ${dist}: run \`npm run build\` first`);
		return 2;
	}
	const site = await serveStatic(dist);
	const browser = await chromium.launch(CHROMIUM_OPTIONS);
	try {
		const measurements: Measurement[] = [];
		for (const { template, url } of templateUrls(dist)) measurements.push(await measure(browser, site.url, template, url));
		const checks = budgets(measurements);
		const lighthouse = values.lighthouse ? await lighthouseScores(site.url, measurements) : undefined;
		if (values.json) {
			console.log(JSON.stringify({ measurements, budgets: checks, lighthouse }, null, 2));
		} else {
			console.log(
				table([
					['template', 'URL', 'HTML+CSS gz', 'JS', 'JS gz', 'transferred', 'requests', '3rd-party'],
					...measurements.map((m) => [m.template, m.url, kb(m.htmlCssGzip), kb(m.jsBytes), kb(m.jsGzip), kb(m.transferred), String(m.requests), String(m.thirdParty.length)]),
				]),
			);
			console.log('\nBudgets');
			for (const b of checks) console.log(`  ${b.ok ? '✓' : '✗'} ${b.what}: ${b.detail}`);
			if (lighthouse) {
				console.log('\nLighthouse (mobile, simulated throttling)');
				console.log(table([['template', 'URL', ...LIGHTHOUSE_CATEGORIES], ...lighthouse.map((l) => [l.template, l.url, ...LIGHTHOUSE_CATEGORIES.map((c) => String(l.scores[c]))])]));
				for (const l of lighthouse.filter((x) => x.belowFull.length)) console.log(`  ${l.template} loses points on: ${l.belowFull.join(', ')}`);
			}
		}
		return checks.every((b) => b.ok) ? 0 : 1;
	} finally {
		await browser.close();
		await site.close();
	}
}

if (import.meta.main) process.exitCode = await main();
