/**
 * The sample site as prospects get it, built once and opened in real Chromium: every page
 * template renders and passes axe (WCAG 2.2 AA and best practice) in light and dark mode, the
 * library's pages together list every item once (with or without JavaScript), a facet filters
 * the whole library through the search index with the choice in the URL, search finds a story by
 * a word of its body, the video facade makes no request to another host until play is pressed,
 * story pages carry no JavaScript, JSON-LD names every co-author, and every URL in the sitemap
 * answers.
 *
 * Two edits to a copy of the sample make that provable: a page size of 6 (the sample's few dozen
 * items would fit on one page of the default 48), and one placed award entry whose title is
 * markup, as an entrant might write it.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, editData, projectRoot, sampleContent } from '../helpers.ts';
import { builtSiteInChromium } from '../serve.ts';

const SITE_URL = 'https://evidence.tessellate.example';
const AXE = path.join(projectRoot, 'node_modules/axe-core/axe.min.js');

/** Cards per page of the library and the video list in this build. */
const PAGE_SIZE = 6;
/** The title of the placed entry `more-buses-on-the-road` in this build. */
const HOSTILE_TITLE = '<img src=x onerror=alert(1)> More buses on the road';

/** One URL per page template of the sample site. */
const TEMPLATES = {
	home: '/',
	library: '/stories/',
	'library, a later page': '/stories/page/2/',
	story: '/stories/feira-boa-perishables/',
	'story (anonymous customer)': '/stories/grid-operator-transformer-spares/',
	videos: '/videos/',
	'videos, a later page': '/videos/page/2/',
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

const sample = copyFixture(sampleContent);
editData(path.join(sample.dir, 'site.yaml'), (site) => (site.libraryPageSize = PAGE_SIZE));
editData(path.join(sample.dir, 'awards/cia-2026/entries/more-buses-on-the-road.md'), (entry) => (entry.title = HOSTILE_TITLE));
afterAll(sample.cleanup);

// The search index in two bundles (2026's pages; 2025's), as a large library's is in several
// (src/lib/search-bundles.ts): the library's filter and the search page are tested across bundles.
const site = builtSiteInChromium(sample.dir, { CREDENCE_SEARCH_BUNDLE_PAGES: '20' });
const { outDir } = site;

/**
 * Opens a page, failing on any console error or uncaught exception. `violations()` lists what the
 * page's Content-Security-Policy refused since it loaded (a listener added before any of the
 * page's own code runs). `bypassCSP` is for injecting the axe script, which the policy refuses.
 */
async function open(
	url: string,
	options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean; bypassCSP?: boolean } = {},
): Promise<{ page: Page; errors: string[]; requests: string[]; violations: () => Promise<string[]> }> {
	const context = await site.browser.newContext({ colorScheme: options.colorScheme ?? 'light', javaScriptEnabled: options.javaScriptEnabled ?? true, bypassCSP: options.bypassCSP ?? false });
	const page = await context.newPage();
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) => {
			seen.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
		});
	});
	const violations = () => page.evaluate(() => [...(window as unknown as { cspViolations: string[] }).cspViolations]);
	const errors: string[] = [];
	const requests: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' && !/404 \(Not Found\)/.test(message.text())) errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('request', (request) => requests.push(request.url()));
	// The browser may already be closing when the last test closes its page.
	page.on('close', () => void context.close().catch(() => {}));
	await page.goto(`${site.url}${url}`, { waitUntil: 'load' });
	return { page, errors, requests, violations };
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
			const { page } = await open(url, { colorScheme, bypassCSP: true });
			if (url.startsWith('/search/')) await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
			expect(await axeViolations(page)).toEqual([]);
			await page.close();
		},
		30_000,
	);
});

describe('the Content-Security-Policy', () => {
	/** The policy a page declares in its `<meta http-equiv>`, directive by directive. */
	async function declaredPolicy(page: Page): Promise<Map<string, string[]>> {
		const metas = await page.locator('meta[http-equiv="content-security-policy" i]').evaluateAll((all) => all.map((m) => m.getAttribute('content') ?? ''));
		expect(metas).toHaveLength(1);
		return new Map(metas[0].split(';').map((d) => d.trim()).filter(Boolean).map((d) => { const [name, ...sources] = d.split(/\s+/); return [name, sources]; }));
	}

	it.each(Object.entries(TEMPLATES))('%s declares a strict policy and breaks none of it', async (_, url) => {
		const { page, violations } = await open(url);
		if (url.startsWith('/search/')) await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
		await page.waitForLoadState('networkidle');
		const policy = await declaredPolicy(page);
		expect(policy.get('default-src')).toEqual(["'self'"]);
		expect(policy.get('object-src')).toEqual(["'none'"]);
		expect(policy.get('base-uri')).toEqual(["'none'"]);
		expect(policy.get('form-action')).toEqual(["'self'"]);
		expect(policy.get('frame-src')).toEqual(['https://www.youtube-nocookie.com', 'https://player.vimeo.com']);
		for (const directive of ['script-src', 'style-src']) {
			expect(policy.get(directive), directive).toContain("'self'");
			expect(policy.get(directive)!.filter((source) => /unsafe-inline|unsafe-eval|unsafe-hashes|\*|https?:|data:/.test(source) && source !== "'wasm-unsafe-eval'"), directive).toEqual([]);
		}
		expect([...policy.values()].flat()).not.toContain("'unsafe-inline'");
		// Nothing on the page is refused: the policy allows everything the site itself does.
		expect(await violations()).toEqual([]);
		await page.close();
	});

	it('is not broken by the library filter, search, video play or chapter seek', async () => {
		const library = await open('/stories/');
		await library.page.getByRole('checkbox', { name: /^Video\b/ }).check();
		// The first filtering loads Pagefind (a worker and its WebAssembly): over a second on a busy machine.
		await expect.poll(() => library.page.locator('[data-results-count]').textContent(), { timeout: 15_000 }).toMatch(/pieces of evidence match/);
		await library.page.waitForLoadState('networkidle');
		expect(await library.violations()).toEqual([]);
		expect(library.errors).toEqual([]);
		await library.page.close();

		const search = await open('/search/');
		await search.page.getByRole('searchbox').fill('Curitiba');
		await search.page.locator('.search-result a[href="/stories/feira-boa-perishables/"]').waitFor({ timeout: 15_000 });
		expect(await search.violations()).toEqual([]);
		expect(search.errors).toEqual([]);
		await search.page.close();

		const youtube = await open('/videos/feira-boa-fresh-morning/');
		await youtube.page.context().route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>player</title>' }));
		await youtube.page.getByRole('button', { name: /^Play video: / }).click();
		const frame = youtube.page.locator('.player iframe');
		await frame.waitFor();
		await youtube.page.getByRole('link', { name: /The markdown list/ }).click();
		await expect.poll(() => frame.getAttribute('src')).toContain('start=34');
		// The player's page loads in the frame: a refused frame-src would be reported here.
		await expect.poll(() => frame.evaluate((f) => (f as HTMLIFrameElement).contentWindow !== null)).toBe(true);
		await youtube.page.waitForLoadState('networkidle');
		expect(await youtube.violations()).toEqual([]);
		expect(youtube.errors).toEqual([]);
		await youtube.page.close();

		const file = await open('/videos/valle-alto-transit-in-30-seconds/');
		await file.page.getByRole('button', { name: /^Play video: / }).click();
		const video = file.page.locator('.player video');
		await file.page.getByRole('link', { name: /The change/ }).click();
		// Sought to the chapter at 12 s (and playing on from there).
		await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).currentTime), { timeout: 15_000 }).toBeGreaterThanOrEqual(12);
		// The captions track loaded (media-src): its cues are there.
		await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).textTracks[0]?.cues?.length ?? 0), { timeout: 15_000 }).toBeGreaterThan(0);
		expect(await file.violations()).toEqual([]);
		expect(file.errors).toEqual([]);
		await file.page.close();
	}, 60_000);
});

describe('the evidence library', () => {
	/** A card as the tests compare it: where it links, its facet ids and its date. */
	type Card = { href: string; type: string; industry: string; date: string };
	const cardsIn = (page: Page, list: '[data-page-cards]' | '[data-filtered-cards]') =>
		page.locator(`${list} [data-evidence]`).evaluateAll((cards) =>
			cards.map((card) => ({
				href: card.querySelector('.card-title a')!.getAttribute('href')!,
				type: (card as HTMLElement).dataset.type!,
				industry: (card as HTMLElement).dataset.industry!,
				date: card.querySelector('time')!.getAttribute('datetime')!,
			})),
		) as Promise<Card[]>;
	const pageCards = (page: Page) => cardsIn(page, '[data-page-cards]');
	const filteredCards = (page: Page) => cardsIn(page, '[data-filtered-cards]');
	const hrefs = (cards: Card[]) => cards.map((c) => c.href);
	const newestFirst = (cards: Card[]) => cards.every((card, i) => i === 0 || cards[i - 1].date >= card.date);

	/** Every page of a paged list without JavaScript, from its first page along each Next link. */
	async function crawl(first: string): Promise<{ path: string; cards: Card[] }[]> {
		const { page } = await open(first, { javaScriptEnabled: false });
		const pages: { path: string; cards: Card[] }[] = [];
		for (;;) {
			pages.push({ path: new URL(page.url()).pathname, cards: await pageCards(page) });
			const next = page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Next page' });
			if (!(await next.count())) break;
			await next.click();
			await page.waitForLoadState('load');
		}
		await page.close();
		return pages;
	}
	let libraryCrawl: ReturnType<typeof crawl> | undefined;
	const libraryPages = () => (libraryCrawl ??= crawl('/stories/'));
	const everyItem = async () => (await libraryPages()).flatMap((p) => p.cards);

	/** The pages the search index covers (data-pagefind-body): the library's filter lists from them, so they must be exactly the library. */
	const searchablePages = () =>
		readdirSync(outDir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile() && entry.name === 'index.html' && readFileSync(path.join(entry.parentPath, entry.name), 'utf8').includes('data-pagefind-body'))
			.map((entry) => `/${path.relative(outDir, entry.parentPath).split(path.sep).join('/')}/`);

	/** Presses "Show N more" until every match is listed. */
	/** Presses "Show more" until every match is listed, and checks the matches are `expected`, newest first. */
	async function expectEveryMatch(page: Page, expected: Card[]): Promise<void> {
		const more = page.getByRole('button', { name: /^Show \d+ more$/ });
		while (await more.isVisible()) {
			const listed = (await filteredCards(page)).length;
			await more.click();
			await expect.poll(async () => (await filteredCards(page)).length).toBeGreaterThan(listed);
		}
		const shown = await filteredCards(page);
		expect(hrefs(shown).toSorted()).toEqual(hrefs(expected).toSorted());
		expect(newestFirst(shown)).toBe(true);
	}

	/** Each option of a facet with the count it shows. */
	const optionCounts = (page: Page, facet: string) =>
		page.locator(`input[name="${facet}"]`).evaluateAll((boxes) =>
			Object.fromEntries(boxes.map((box) => [(box as HTMLInputElement).value, Number(box.parentElement!.querySelector('[data-facet-count]')!.firstChild!.textContent)])),
		) as Promise<Record<string, number>>;
	const countBy = (cards: Card[], key: 'type' | 'industry', options: Record<string, number>) => Object.fromEntries(Object.keys(options).map((id) => [id, cards.filter((c) => c[key] === id).length]));

	const resultsCount = (page: Page) => page.locator('[data-results-count]').textContent();

	it(`splits the library into pages of ${PAGE_SIZE} that together list every searchable item once, newest first`, async () => {
		const pages = await libraryPages();
		const items = await everyItem();
		const searchable = searchablePages();
		expect(pages.length).toBeGreaterThan(2);
		expect(pages.length).toBe(Math.ceil(searchable.length / PAGE_SIZE));
		expect(pages.map((p) => p.path)).toEqual(pages.map((_, i) => (i === 0 ? '/stories/' : `/stories/page/${i + 1}/`)));
		for (const p of pages.slice(0, -1)) expect(p.cards).toHaveLength(PAGE_SIZE);
		expect(hrefs(pages[1].cards).filter((href) => hrefs(pages[0].cards).includes(href))).toEqual([]);
		expect(new Set(hrefs(items)).size).toBe(items.length);
		expect(hrefs(items).toSorted()).toEqual(searchable.toSorted());
		expect(newestFirst(items)).toBe(true);
	});

	it('links its pages with an accessible pagination nav, rel=prev/next, and a title and canonical address per page', async () => {
		const count = (await libraryPages()).length;
		const total = (await everyItem()).length;
		const { page } = await open('/stories/page/2/');
		const nav = page.getByRole('navigation', { name: 'Pagination' });
		await expect(nav.locator('[aria-current="page"]').textContent()).resolves.toBe('Page 2');
		await expect(nav.getByRole('link', { name: 'Previous page' }).getAttribute('href')).resolves.toBe('/stories/');
		await expect(nav.getByRole('link', { name: 'Next page' }).getAttribute('href')).resolves.toBe('/stories/page/3/');
		await expect(page.locator('link[rel="prev"]').getAttribute('href')).resolves.toBe('/stories/');
		await expect(page.locator('link[rel="next"]').getAttribute('href')).resolves.toBe('/stories/page/3/');
		await expect(page.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(`${SITE_URL}/stories/page/2/`);
		await expect(page.locator('h1').innerText()).resolves.toBe(`Evidence library, page 2 of ${count}`);
		expect(await page.title()).toMatch(new RegExp(`^Evidence library, page 2 of ${count} · `));
		await expect(resultsCount(page)).resolves.toBe(`Showing ${PAGE_SIZE + 1}–${2 * PAGE_SIZE} of ${total} pieces of evidence`);
		await page.goto(`${site.url}/stories/`);
		await expect(nav.getByRole('link', { name: 'Previous page' }).count()).resolves.toBe(0);
		await expect(page.locator('link[rel="prev"]').count()).resolves.toBe(0);
		// The first, the current and its neighbour, the last; a gap for the pages between.
		await expect(nav.getByRole('link', { name: /^Page \d+$/ }).allTextContents()).resolves.toEqual(['Page 1', 'Page 2', `Page ${count}`]);
		await expect(nav.locator('.pagination-gap').count()).resolves.toBe(1);
		await expect(page.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(`${SITE_URL}/stories/`);
		await page.goto(`${site.url}/stories/page/${count}/`);
		await expect(nav.getByRole('link', { name: 'Next page' }).count()).resolves.toBe(0);
		// Page 1 has one address.
		expect((await fetch(`${site.url}/stories/page/1/`)).status).toBe(404);
		await page.close();
	});

	it('pages the video list the same way', async () => {
		const pages = await crawl('/videos/');
		const videos = searchablePages().filter((url) => url.startsWith('/videos/'));
		expect(pages.length).toBeGreaterThan(1);
		expect(pages.map((p) => p.path)).toEqual(pages.map((_, i) => (i === 0 ? '/videos/' : `/videos/page/${i + 1}/`)));
		expect(pages.flatMap((p) => hrefs(p.cards)).toSorted()).toEqual(videos.toSorted());
		for (const p of pages.slice(0, -1)) expect(p.cards).toHaveLength(PAGE_SIZE);
	});

	it('shows a filtered address as its first page and pagination without JavaScript, and hides the filters that need it', async () => {
		const [first] = await libraryPages();
		const { page } = await open('/stories/?type=video', { javaScriptEnabled: false });
		expect(hrefs(await pageCards(page))).toEqual(hrefs(first.cards));
		await expect(page.getByRole('navigation', { name: 'Pagination' }).isVisible()).resolves.toBe(true);
		await expect(page.locator('.facets').isVisible()).resolves.toBe(false);
		await page.close();
	});

	it('filters the whole library, not only the page: matches from every page, newest first, a page of cards at a time', async () => {
		const items = await everyItem();
		const videos = items.filter((c) => c.type === 'video');
		const [first] = await libraryPages();
		// What makes this test mean something: videos beyond page 1, more than one page of them.
		expect(videos.filter((v) => !hrefs(first.cards).includes(v.href)).length).toBeGreaterThan(0);
		expect(videos.length).toBeGreaterThan(PAGE_SIZE);
		const { page, errors } = await open('/stories/');
		await page.getByRole('checkbox', { name: /^Video\b/ }).check();
		await expect.poll(() => page.url()).toBe(`${site.url}/stories/?type=video`);
		await expect.poll(() => resultsCount(page)).toBe(`${videos.length} of ${items.length} pieces of evidence match`);
		await expect.poll(async () => (await filteredCards(page)).length).toBe(PAGE_SIZE);
		await expect(page.locator('[data-page-cards]').isVisible()).resolves.toBe(false);
		await expect(page.getByRole('navigation', { name: 'Pagination' }).isVisible()).resolves.toBe(false);
		await page.getByRole('button', { name: /^Show \d+ more$/ }).click();
		await expect.poll(async () => (await filteredCards(page)).length).toBeGreaterThan(PAGE_SIZE);
		// Keyboard and screen-reader users land on the first card that was added.
		await expect(page.evaluate(() => document.activeElement?.closest('[data-evidence]') === document.querySelectorAll('[data-filtered-cards] [data-evidence]')[6])).resolves.toBe(true);
		await expectEveryMatch(page, videos);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('lists the matches of every bundle of the search index in one newest-first order', async () => {
		const stories = (await everyItem()).filter((c) => c.type === 'story');
		// What makes this test mean something: stories in both bundles (2026; 2025). A sorted
		// Pagefind search ranks results within their bundle, so merged naively they interleave.
		expect(new Set(stories.map((c) => c.date.slice(0, 4)))).toEqual(new Set(['2025', '2026']));
		const { page, errors } = await open('/stories/?type=story');
		await expect.poll(() => resultsCount(page)).toMatch(new RegExp(`^${stories.length} of`));
		await expectEveryMatch(page, stories);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('counts each option over the choices in the other facets', async () => {
		const items = await everyItem();
		const videos = items.filter((c) => c.type === 'video');
		const { page } = await open('/stories/');
		const allTypes = await optionCounts(page, 'type');
		expect(allTypes).toEqual(countBy(items, 'type', allTypes));
		await page.getByRole('checkbox', { name: /^Video\b/ }).check();
		await expect.poll(() => resultsCount(page)).toMatch(/match$/);
		// The cards come first; the counts once every filter's data is in.
		await page.locator('form[data-facets]:not([data-uncounted])').waitFor({ timeout: 15_000 });
		// Ticking another type would add its items, so the types keep their whole-library counts.
		await expect(optionCounts(page, 'type')).resolves.toEqual(allTypes);
		const industries = await optionCounts(page, 'industry');
		expect(industries).toEqual(countBy(videos, 'industry', industries));
		await page.getByRole('checkbox', { name: /^Video\b/ }).uncheck();
		await expect.poll(() => optionCounts(page, 'industry')).toEqual(countBy(items, 'industry', industries));
		await page.close();
	});

	it('opens a shared filtered view with its boxes ticked', async () => {
		const expected = (await everyItem()).filter((c) => c.industry === 'energy' && ['story', 'award-winner'].includes(c.type));
		expect(expected.length).toBeGreaterThan(0);
		const { page } = await open('/stories/?industry=energy&type=story&type=award-winner');
		await expect.poll(() => resultsCount(page)).toMatch(new RegExp(`^${expected.length} of \\d+ pieces of evidence match$`));
		await expectEveryMatch(page, expected);
		await expect(page.getByRole('checkbox', { name: /^Energy & utilities/ }).isChecked()).resolves.toBe(true);
		await expect(page.getByRole('checkbox', { name: /^Award winner/ }).isChecked()).resolves.toBe(true);
		await page.close();
	});

	it('keeps each choice in the history: back and forward restore it', async () => {
		const items = await everyItem();
		const videos = items.filter((c) => c.type === 'video');
		const retailVideos = videos.filter((c) => c.industry === 'retail');
		expect(retailVideos.length).toBeGreaterThan(0);
		const { page } = await open('/stories/');
		const firstPage = await pageCards(page);
		const video = page.getByRole('checkbox', { name: /^Video\b/ });
		const retail = page.getByRole('checkbox', { name: /^Retail & e-commerce/ });
		await video.check();
		await expect.poll(() => resultsCount(page)).toBe(`${videos.length} of ${items.length} pieces of evidence match`);
		await retail.check();
		await expect.poll(() => page.url()).toBe(`${site.url}/stories/?type=video&industry=retail`);
		await expect.poll(() => resultsCount(page)).toBe(`${retailVideos.length} of ${items.length} pieces of evidence match`);
		expect(hrefs(await filteredCards(page)).toSorted()).toEqual(hrefs(retailVideos).toSorted());

		await page.goBack();
		await expect.poll(() => page.url()).toBe(`${site.url}/stories/?type=video`);
		await expect.poll(() => resultsCount(page)).toBe(`${videos.length} of ${items.length} pieces of evidence match`);
		await expect(retail.isChecked()).resolves.toBe(false);
		await expect(video.isChecked()).resolves.toBe(true);

		await page.goBack();
		await expect.poll(() => page.url()).toBe(`${site.url}/stories/`);
		await expect.poll(() => resultsCount(page)).toBe(`Showing 1–${PAGE_SIZE} of ${items.length} pieces of evidence`);
		await expect(video.isChecked()).resolves.toBe(false);
		await expect(page.locator('[data-page-cards]').isVisible()).resolves.toBe(true);
		await expect(page.locator('[data-filtered-cards]').isVisible()).resolves.toBe(false);
		expect(await pageCards(page)).toEqual(firstPage);

		await page.goForward();
		await expect.poll(() => page.url()).toBe(`${site.url}/stories/?type=video`);
		await expect.poll(() => resultsCount(page)).toBe(`${videos.length} of ${items.length} pieces of evidence match`);
		await page.close();
	});

	it('applies a filter in the address of a later page, and clearing it returns to the first page', async () => {
		const items = await everyItem();
		const videos = items.filter((c) => c.type === 'video');
		const [first] = await libraryPages();
		const { page } = await open('/stories/page/3/?type=video');
		await expect.poll(() => resultsCount(page)).toBe(`${videos.length} of ${items.length} pieces of evidence match`);
		// The matches come from the whole library, so the view is no longer "page 3".
		await expect(page.locator('h1').innerText()).resolves.toBe('Evidence library');
		expect(await page.title()).toMatch(/^Evidence library · /);
		await expectEveryMatch(page, videos);
		await page.getByRole('link', { name: 'Clear filters' }).click();
		await page.waitForURL(`${site.url}/stories/`);
		await expect.poll(() => pageCards(page)).toEqual(first.cards);
		await expect(page.getByRole('checkbox', { name: /^Video\b/ }).isChecked()).resolves.toBe(false);
		await page.close();
	});

	it('draws a card from the search index just as the server draws it', async () => {
		const { page } = await open('/stories/?type=story&type=video');
		await expect.poll(async () => (await filteredCards(page)).length).toBe(PAGE_SIZE);
		const shapes = await page.evaluate(() => {
			const shape = (card: Element) => ({
				className: card.className,
				data: { ...(card as HTMLElement).dataset },
				text: card.textContent,
				elements: [...card.querySelectorAll('*')].map((e) => `${e.tagName}.${e.className}`),
				logo: ['src', 'srcset', 'width', 'height', 'alt'].map((name) => card.querySelector('img')?.getAttribute(name)),
				datetime: card.querySelector('time')?.getAttribute('datetime'),
			});
			const href = (card: Element) => card.querySelector('.card-title a')!.getAttribute('href');
			const server = new Map([...document.querySelectorAll('[data-page-cards] [data-evidence]')].map((card) => [href(card), shape(card)]));
			return [...document.querySelectorAll('[data-filtered-cards] [data-evidence]')].flatMap((card) => (server.has(href(card)) ? [{ drawn: shape(card), server: server.get(href(card)) }] : []));
		});
		// Stories and videos on the first page, some with a logo, a metric or a quote.
		expect(shapes.length).toBeGreaterThan(2);
		for (const { drawn, server } of shapes) expect(drawn).toEqual(server);
		await page.close();
	});

	it('shows entrant-written markup in a card drawn from the index as text', async () => {
		const { page, errors } = await open('/stories/');
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await page.goto(`${site.url}/stories/?type=award-entry&industry=public-sector`);
		const title = page.locator('[data-filtered-cards] .card-title a', { hasText: 'More buses on the road' });
		await title.waitFor({ timeout: 15_000 });
		await expect(title.textContent()).resolves.toBe(HOSTILE_TITLE);
		await expect(page.locator('[data-filtered-cards] img:not(.card-logo)').count()).resolves.toBe(0);
		expect(dialogs).toEqual([]);
		expect(errors).toEqual([]);
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
});

describe('a program page', () => {
	it('never breaks a word of the rubric tables mid-word, on a desktop or a phone', async () => {
		for (const width of [1280, 390]) {
			const context = await site.browser.newContext({ viewport: { width, height: 900 } });
			const page = await context.newPage();
			await page.goto(`${site.url}/awards/cia-2026/`);
			// Every word of every cell: a word drawn on two lines has two client rects. A line may
			// end after a hyphen ("Co-/designed"), as in print: the parts between hyphens are checked.
			const broken = await page.evaluate(() => {
				const found: string[] = [];
				for (const cell of document.querySelectorAll('table.levels th, table.levels td')) {
					const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
					for (let node = walker.nextNode(); node; node = walker.nextNode()) {
						const text = node.textContent ?? '';
						for (const match of text.matchAll(/[^\s-]+/g)) {
							const range = document.createRange();
							range.setStart(node, match.index!);
							range.setEnd(node, match.index! + match[0].length);
							const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
							if (lines.size > 1) found.push(match[0]);
						}
					}
				}
				return found;
			});
			expect(broken, `words broken at ${width} px`).toEqual([]);
			await context.close();
		}
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

	it('finds evidence in every bundle of the index, not only the primary one', async () => {
		const { page } = await open('/search/');
		const bundles = JSON.parse((await page.locator('[data-search]').getAttribute('data-search-bundles')) ?? '[]') as { path: string; years: string[] }[];
		expect(bundles.map((b) => b.path)).toEqual(['/pagefind/', '/pagefind/2025/']);
		// A word only the 2025 story has: its fragment is in the merged bundle.
		await page.getByRole('searchbox').fill('respiratory');
		await page.locator('.search-result a[href="/stories/kereru-pharmacy-shared-forecast/"]').waitFor({ timeout: 15_000 });
		await page.close();
	});

	it('lists ten results at a time, best first, and "Show more" lists the next ones', async () => {
		const { page } = await open('/search/?q=forecast');
		await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
		const found = Number(/^(\d+) results for “forecast”$/.exec((await page.locator('[data-search-summary]').textContent()) ?? '')?.[1]);
		expect(found).toBeGreaterThan(20);
		await expect(page.locator('.search-result').count()).resolves.toBe(10);
		await page.getByRole('button', { name: 'Show 10 more' }).click();
		await expect.poll(() => page.locator('.search-result').count()).toBe(20);
		// Keyboard users continue at the first result added.
		await expect(page.evaluate(() => document.activeElement?.closest('.search-result') === document.querySelectorAll('.search-result')[10])).resolves.toBe(true);
		const hrefs = await page.locator('.search-result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
		expect(new Set(hrefs).size).toBe(20);
		await page.close();
	});

	it('narrows words by the library’s facets, keeps both in the address and counts the options for the results', async () => {
		const { page } = await open('/search/?q=forecast&type=video');
		const videoCount = page.locator('.facet-option', { has: page.locator('input[name="type"][value="video"]') }).locator('[data-facet-count]');
		await page.locator('[data-search-summary]', { hasText: 'results' }).waitFor({ timeout: 15_000 });
		// A choice in the address fetches the counts at once.
		await videoCount.waitFor({ state: 'visible', timeout: 15_000 });
		const found = Number(/^(\d+) results? for “forecast” in the chosen facets$/.exec((await page.locator('[data-search-summary]').textContent()) ?? '')?.[1]);
		expect(found).toBeGreaterThan(0);
		await expect(page.getByRole('checkbox', { name: /^Video/ }).isChecked()).resolves.toBe(true);
		await expect(videoCount.evaluate((count) => Number(count.firstChild?.textContent))).resolves.toBe(found);
		for (const badge of await page.locator('.search-result .badge').allTextContents()) expect(badge).toBe('Video');
		// Ticking stories too adds them: the count beside "Story" said how many.
		const storyCount = await page.locator('.facet-option', { has: page.locator('input[name="type"][value="story"]') }).locator('[data-facet-count]').evaluate((count) => Number(count.firstChild?.textContent));
		expect(storyCount).toBeGreaterThan(0);
		await page.getByRole('checkbox', { name: /^Story/ }).check();
		await expect.poll(() => page.locator('[data-search-summary]').textContent()).toContain(`${found + storyCount} results`);
		expect(new URL(page.url()).search).toBe('?q=forecast&type=story&type=video');
		await page.goBack();
		await expect.poll(() => page.locator('[data-search-summary]').textContent()).toMatch(new RegExp(`^${found} results?`));
		await expect(page.getByRole('checkbox', { name: /^Story/ }).isChecked()).resolves.toBe(false);
		await page.close();
	});

	it('with facets and no words lists what the library lists for the same choice', async () => {
		const { page: library } = await open('/stories/?industry=retail');
		const inLibrary = Number(/^(\d+) of/.exec((await library.locator('[data-results-count]', { hasText: /match/ }).textContent({ timeout: 15_000 })) ?? '')?.[1]);
		expect(inLibrary).toBeGreaterThan(0);
		const { page } = await open('/search/?industry=retail');
		await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
		await expect(page.locator('[data-search-summary]').textContent()).resolves.toBe(`${inLibrary} ${inLibrary === 1 ? 'result' : 'results'} in the chosen facets`);
		await library.close();
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

describe('the customer fact box', () => {
	it.each([
		['a story', TEMPLATES.story],
		['a video', TEMPLATES['video (YouTube)']],
		['an award entry', TEMPLATES['award entry']],
	])('beside %s links to all the evidence from its customer, which lists it', async (_, url) => {
		const { page } = await open(url);
		const link = page.locator('.fact-box a', { hasText: /^All evidence from / });
		await expect(link.count()).resolves.toBe(1);
		const customerName = /^All evidence from (.*)$/.exec((await link.textContent())!)![1];
		await page.goto(`${site.url}${await link.getAttribute('href')}`);
		await expect(page.locator('h1').textContent()).resolves.toBe(customerName);
		await expect(page.locator(`main a[href="${url}"]`).count()).resolves.toBeGreaterThan(0);
		await page.close();
	});

	it('beside an anonymous customer’s story links to no page about them', async () => {
		const { page } = await open(TEMPLATES['story (anonymous customer)']);
		await expect(page.locator('.fact-box h2').textContent()).resolves.toBe('About A European grid operator');
		await expect(page.locator('.fact-box a').count()).resolves.toBe(0);
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
