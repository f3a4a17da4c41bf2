/**
 * The sample site as prospects get it, built once and opened in real Chromium: every page
 * template renders and passes axe (WCAG 2.2 AA and best practice) in light and dark mode, the
 * library filters by facet with the choice in the URL (and lists everything without JavaScript),
 * search finds a story by a word of its body, the video facade makes no request to another host
 * until play is pressed, story pages carry no JavaScript, JSON-LD names every co-author, and
 * every URL in the sitemap answers.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers.ts';
import { builtSiteInChromium } from '../serve.ts';

const SITE_URL = 'https://evidence.tessellate.example';
const AXE = path.join(projectRoot, 'node_modules/axe-core/axe.min.js');

/** One URL per page template of the sample site. */
const TEMPLATES = {
	home: '/',
	library: '/stories/',
	story: '/stories/feira-boa-perishables/',
	'story (anonymous customer)': '/stories/grid-operator-transformer-spares/',
	videos: '/videos/',
	'video (YouTube)': '/videos/feira-boa-fresh-morning/',
	'video (self-hosted)': '/videos/valle-alto-transit-in-30-seconds/',
	customers: '/customers/',
	customer: '/customers/feira-boa/',
	awards: '/awards/',
	program: '/awards/cia-2026/',
	winners: '/awards/cia-2026/winners/',
	'award entry': '/awards/cia-2026/entries/nurses-back-at-the-bedside/',
	search: '/search/?q=watermelon',
	'not found': '/no-such-page/',
} as const;

const site = builtSiteInChromium(path.join(projectRoot, 'content'));
const { outDir } = site;

/** Opens a page, failing on any console error or uncaught exception. */
async function open(url: string, options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; errors: string[]; requests: string[] }> {
	const context = await site.browser.newContext({ colorScheme: options.colorScheme ?? 'light', javaScriptEnabled: options.javaScriptEnabled ?? true });
	const page = await context.newPage();
	const errors: string[] = [];
	const requests: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' && !/404 \(Not Found\)/.test(message.text())) errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('request', (request) => requests.push(request.url()));
	page.on('close', () => void context.close());
	await page.goto(`${site.url}${url}`, { waitUntil: 'load' });
	return { page, errors, requests };
}

async function axeViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ path: AXE });
	const violations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
		const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
		return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	});
	return violations;
}

const localHost = () => new URL(site.url).host;

describe('every page template', () => {
	it.each(Object.entries(TEMPLATES))('%s renders one h1 without errors', async (_, url) => {
		const { page, errors } = await open(url);
		if (url.startsWith('/search/')) await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
		await expect(page.locator('h1').count()).resolves.toBe(1);
		await expect(page.locator('main#main').count()).resolves.toBe(1);
		const ids = await page.locator('[id]').evaluateAll((all) => all.map((e) => e.id));
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});

	it.each(Object.entries(TEMPLATES).flatMap(([name, url]) => (['light', 'dark'] as const).map((scheme) => [name, scheme, url] as const)))(
		'%s has no axe violations in %s mode',
		async (_, colorScheme, url) => {
			const { page } = await open(url, { colorScheme });
			if (url.startsWith('/search/')) await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
			expect(await axeViolations(page)).toEqual([]);
			await page.close();
		},
		30_000,
	);
});

describe('the evidence library', () => {
	const cardTypes = (page: Page) => page.locator('[data-evidence]:visible').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.type));

	it('filters by a facet and keeps the choice in the URL', async () => {
		const { page } = await open('/stories/');
		const total = await page.locator('[data-evidence]').count();
		await page.getByRole('checkbox', { name: /^Video\b/ }).check();
		await expect.poll(() => page.url()).toContain('?type=video');
		const types = await cardTypes(page);
		expect(types.length).toBeGreaterThan(0);
		expect(types.length).toBeLessThan(total);
		expect(new Set(types)).toEqual(new Set(['video']));
		await expect(page.locator('[data-results-count]').textContent()).resolves.toBe(`${types.length} of ${total} pieces of evidence match`);
		await page.close();
	});

	it('opens a shared filtered view with its boxes ticked', async () => {
		const { page } = await open('/stories/?industry=energy&type=story&type=award-winner');
		const cards = page.locator('[data-evidence]:visible');
		const industries = await cards.evaluateAll((all) => all.map((c) => (c as HTMLElement).dataset.industry));
		expect(industries.length).toBeGreaterThan(0);
		expect(new Set(industries)).toEqual(new Set(['energy']));
		expect(new Set(await cardTypes(page)).size).toBeGreaterThan(0);
		for (const type of await cardTypes(page)) expect(['story', 'award-winner']).toContain(type);
		await expect(page.getByRole('checkbox', { name: /^Energy & utilities/ }).isChecked()).resolves.toBe(true);
		await page.close();
	});

	it('keeps the filters folded on a phone, so the results come first', async () => {
		const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(`${site.url}/stories/?type=video`);
		await expect(page.locator('[data-facet-panel]').getAttribute('open')).resolves.toBeNull();
		await expect(page.locator('[data-facet-chosen]').textContent()).resolves.toBe('(1 chosen)');
		await context.close();
	});

	it('lists every item without JavaScript, and hides the filters that would need it', async () => {
		const withScript = await open('/stories/');
		const total = await withScript.page.locator('[data-evidence]').count();
		await withScript.page.close();
		const { page } = await open('/stories/?type=video', { javaScriptEnabled: false });
		await expect(page.locator('[data-evidence]:visible').count()).resolves.toBe(total);
		await expect(page.locator('.facets').isVisible()).resolves.toBe(false);
		await page.close();
	});
});

describe('search', () => {
	it('finds a story by a word of its body and opens it', async () => {
		const { page } = await open('/search/');
		await page.getByRole('searchbox').fill('Curitiba');
		const result = page.locator('.search-result a[href="/stories/feira-boa-perishables/"]');
		await result.waitFor({ timeout: 15_000 });
		await expect.poll(() => page.url()).toContain('?q=Curitiba');
		await result.click();
		await page.waitForURL(`${site.url}/stories/feira-boa-perishables/`);
		await expect(page.locator('h1').textContent()).resolves.toBe('Fresh shelves, less shrink across 340 stores');
		await page.close();
	});

	it('answers a ?q= deep link, showing each result with its type and customer', async () => {
		const { page } = await open('/search/?q=watermelon');
		const story = page.locator('.search-result', { has: page.locator('a[href="/stories/feira-boa-perishables/"]') });
		await story.waitFor({ timeout: 15_000 });
		await expect(story.locator('.search-result-meta').textContent()).resolves.toMatch(/Story\s+Feira Boa Supermercados/);
		await expect(page.getByRole('searchbox').inputValue()).resolves.toBe('watermelon');
		await page.close();
	});
});

describe('the video facade', () => {
	it('makes no request to another host until play, then plays from youtube-nocookie', async () => {
		const { page, requests } = await open('/videos/feira-boa-fresh-morning/');
		await page.waitForLoadState('networkidle');
		const thirdParty = () => requests.filter((url) => !url.startsWith('data:') && new URL(url).host !== localHost());
		expect(thirdParty()).toEqual([]);
		await expect(page.locator('iframe').count()).resolves.toBe(0);
		// No network here: answer the player's host with a stub so the swap can be observed.
		await page.context().route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>player</title>' }));
		await page.getByRole('button', { name: /^Play video: / }).click();
		const iframe = page.locator('.player iframe');
		await expect(iframe.getAttribute('src')).resolves.toBe('https://www.youtube-nocookie.com/embed/Fb3rEsh9Kq0?autoplay=1&rel=0&start=0');
		await expect(page.locator('.player-play').count()).resolves.toBe(0);
		expect(thirdParty().every((url) => url.startsWith('https://www.youtube-nocookie.com/'))).toBe(true);
		await page.getByRole('link', { name: /The markdown list/ }).click();
		await expect.poll(() => iframe.getAttribute('src')).toContain('start=34');
		expect(page.url()).toMatch(/#t=34$/);
		await page.close();
	});

	it('plays a self-hosted file in <video> with captions, and chapter links seek it', async () => {
		const { page, requests } = await open('/videos/valle-alto-transit-in-30-seconds/');
		await expect(page.locator('video').count()).resolves.toBe(0);
		await page.getByRole('button', { name: /^Play video: / }).click();
		const video = page.locator('.player video');
		await expect(video.getAttribute('src')).resolves.toBe('/media/valle-alto-transit-in-30-seconds.mp4');
		await expect(page.locator('.player video track[kind="captions"]').getAttribute('src')).resolves.toBe('/videos/valle-alto-transit-in-30-seconds/captions.vtt');
		await page.getByRole('link', { name: /The change/ }).click();
		await expect.poll(() => video.evaluate((v) => Math.round((v as HTMLVideoElement).currentTime))).toBe(12);
		expect(requests.every((url) => url.startsWith('data:') || new URL(url).host === localHost())).toBe(true);
		await page.close();
	});
});

describe('story pages', () => {
	it('load no JavaScript at all', async () => {
		const { page, requests } = await open('/stories/feira-boa-perishables/');
		await page.waitForLoadState('networkidle');
		expect(requests.filter((url) => /\.m?js(\?|$)/.test(url))).toEqual([]);
		const scripts = await page.locator('script').evaluateAll((all) => all.map((s) => s.getAttribute('type')));
		expect(scripts).toEqual(['application/ld+json']);
		await page.close();
	});

	it('name every co-author in Article JSON-LD, the anonymous ones by title only', async () => {
		const article = (file: string) => {
			const html = readFileSync(path.join(outDir, file), 'utf8');
			return JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]);
		};
		const named = article('stories/feira-boa-perishables/index.html');
		expect(named['@type']).toBe('Article');
		expect(named.author.map((a: { name: string }) => a.name)).toEqual(['Beatriz Nogueira', 'Rodrigo Almeida', 'Daniel Ferreira']);
		expect(named.author[2].worksFor.name).toBe('Tessellate');
		const anonymous = article('stories/grid-operator-transformer-spares/index.html');
		expect(anonymous.author).toHaveLength(2);
		expect(anonymous.author[0]).toMatchObject({ name: 'Head of Asset Logistics', worksFor: { name: 'A European grid operator' } });
		expect(JSON.stringify(anonymous)).not.toMatch(/Kestrel|Lindqvist/);
		const video = article('videos/feira-boa-fresh-morning/index.html');
		expect(video['@type']).toBe('VideoObject');
		expect(video.hasPart).toHaveLength(5);
		expect(video.hasPart[1]).toMatchObject({ '@type': 'Clip', name: 'The markdown list', startOffset: 34, endOffset: 65 });
	});

	it('have a 1200×630 Open Graph image', async () => {
		const html = readFileSync(path.join(outDir, 'stories/feira-boa-perishables/index.html'), 'utf8');
		const image = /<meta property="og:image" content="([^"]+)"/.exec(html)![1];
		expect(image).toBe(`${SITE_URL}/og/stories/feira-boa-perishables.png`);
		const meta = await sharp(path.join(outDir, 'og/stories/feira-boa-perishables.png')).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
	});
});

describe('the sitemap', () => {
	it('lists only URLs that answer', async () => {
		const sitemap = readFileSync(path.join(outDir, 'sitemap-0.xml'), 'utf8');
		const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
		expect(urls.length).toBeGreaterThan(50);
		expect(urls).toContain(`${SITE_URL}/awards/cia-2026/winners/`);
		for (const url of urls) {
			const response = await fetch(url.replace(SITE_URL, site.url));
			expect(response.status, url).toBe(200);
		}
	});
});

describe('the page-weight script', () => {
	it('measures every template and holds the budgets: story ≤ 30 KB HTML+CSS gzipped with no JavaScript, no third party before play', async () => {
		const { stdout } = await promisify(execFile)(process.execPath, [path.join(projectRoot, 'scripts/page-weight.ts'), '--dist', outDir, '--json']);
		const report = JSON.parse(stdout) as { measurements: { template: string; htmlCssGzip: number; jsBytes: number; thirdParty: string[] }[]; budgets: { ok: boolean }[] };
		expect(report.measurements.map((m) => m.template)).toEqual(expect.arrayContaining(['home', 'library', 'story', 'video (YouTube)', 'video (self-hosted)', 'winners', 'search']));
		const story = report.measurements.find((m) => m.template === 'story')!;
		expect(story.jsBytes).toBe(0);
		expect(story.htmlCssGzip).toBeLessThanOrEqual(30 * 1024);
		expect(report.measurements.every((m) => m.thirdParty.length === 0)).toBe(true);
		expect(report.budgets.every((b) => b.ok)).toBe(true);
	}, 60_000);
});
