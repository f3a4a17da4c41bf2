/**
 * What audits of the built sample found, held in place in real Chromium: the pages reflow at a
 * 320 px viewport (WCAG 1.4.10), the play button's focus ring stands out over any poster (1.4.11),
 * content keeps its distance from the header, a shared link naming an unknown facet value is
 * ignored, video pages work without JavaScript, the nav marks only the exact page as current, the
 * customer index lists exactly the customers that have a page with their pages' counts, under
 * their initials with a letter nav that lands on each letter in view, the 404
 * page names no canonical address, and no title passes 70 characters for the site's suffix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { initialOf } from '../../src/lib/alphabetical.ts';
import { copyFixture, sampleContent } from '../helpers.ts';
import { builtSiteInChromium } from '../serve.ts';

const sample = copyFixture(sampleContent);
afterAll(sample.cleanup);
const site = builtSiteInChromium(sample.dir);

async function open(url: string, options: { width?: number; height?: number; javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await site.browser.newContext({
		colorScheme: 'light',
		viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
		javaScriptEnabled: options.javaScriptEnabled ?? true,
	});
	const page = await context.newPage();
	page.on('close', () => void context.close().catch(() => {}));
	await page.goto(`${site.url}${url}`, { waitUntil: 'load' });
	return page;
}

const html = (file: string) => readFileSync(path.join(site.outDir, file), 'utf8');

/** Every page the build wrote, as its site path and HTML. */
function builtPages(): { url: string; text: string }[] {
	return readdirSync(site.outDir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => {
			const file = path.relative(site.outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
			return { url: `/${file.replace(/index\.html$/, '')}`, text: readFileSync(path.join(site.outDir, file), 'utf8') };
		});
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

describe('reflow (WCAG 1.4.10)', () => {
	const PAGES = [
		'/',
		'/stories/',
		'/stories/feira-boa-perishables/',
		'/stories/telvanta-networks-field-spares/',
		'/videos/',
		'/videos/feira-boa-fresh-morning/',
		'/customers/',
		'/customers/telvanta-networks/',
		'/awards/',
		'/awards/cia-2026/',
		'/awards/cia-2026/winners/',
		'/awards/cia-2026/entries/nurses-back-at-the-bedside/',
		'/search/?q=watermelon',
		'/no-such-page/',
	];

	it.each(PAGES)('%s does not scroll sideways at 320 px', async (url) => {
		const page = await open(url, { width: 320 });
		const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
		expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
		// The header's search button and the search page's are whole and on screen.
		for (const button of await page.locator('.site-search button, .search-form button').all()) {
			const box = (await button.boundingBox())!;
			expect(box.x + box.width).toBeLessThanOrEqual(innerWidth);
			await expect(button.evaluate((b) => b.scrollWidth <= b.clientWidth)).resolves.toBe(true);
		}
		await page.close();
	});

	it('wraps a search for a long URL at 375 px', async () => {
		const term = 'https://evidence.example/stories/averylongaddresspastedintothesearchboxwithnospacesorhyphensatall';
		const page = await open(`/search/?q=${encodeURIComponent(term)}`, { width: 375 });
		await expect.poll(() => page.locator('[data-search-summary]').textContent(), { timeout: 15_000 }).toContain(term);
		await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
		await page.close();
	});
});

describe('layout', () => {
	it('keeps content clear of the header, and the header search’s placeholder whole at 1440 px', async () => {
		const page = await open('/stories/', { width: 1440 });
		const gap = await page.evaluate(() => document.querySelector('main h1')!.getBoundingClientRect().top - document.querySelector('.site-header')!.getBoundingClientRect().bottom);
		expect(gap).toBeGreaterThanOrEqual(24);
		const fits = await page.locator('#site-search-q').evaluate((input: HTMLInputElement) => {
			const style = getComputedStyle(input);
			const context = document.createElement('canvas').getContext('2d')!;
			context.font = style.font;
			const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
			return context.measureText(input.placeholder).width <= room;
		});
		expect(fits).toBe(true);
		await page.close();
	});

	it('lands a letter of the customers’ A–Z on its heading, clear of the letters that stay in view', async () => {
		const page = await open('/customers/', { width: 1280, height: 600 });
		const last = page.locator('.az-nav a').last();
		const id = (await last.getAttribute('href'))!.slice(1);
		await last.click();
		await page.waitForFunction((id) => location.hash === `#${id}`, id);
		const { heading, nav, scrolled } = await page.evaluate((id) => ({
			heading: document.getElementById(id)!.getBoundingClientRect(),
			nav: document.querySelector('.az-nav')!.getBoundingClientRect(),
			scrolled: scrollY,
		}), id);
		expect(scrolled).toBeGreaterThan(0);
		// The nav stuck at the top, the heading just below it.
		expect(nav.top).toBe(0);
		expect(heading.top).toBeGreaterThanOrEqual(nav.bottom);
		expect(heading.bottom).toBeLessThan(600);
		await page.close();
	});

	it('draws the play button’s focus ring in white between black bands, visible over any poster', async () => {
		const page = await open('/videos/feira-boa-fresh-morning/');
		const button = page.locator('.player-play');
		await button.focus();
		await expect(button.evaluate((b) => b.matches(':focus-visible'))).resolves.toBe(true);
		const box = (await button.boundingBox())!;
		const y = Math.round(box.y + box.height / 2);
		const shot = await page.screenshot({ clip: { x: Math.round(box.x), y, width: 12, height: 1 } });
		const { data, info } = await sharp(shot).raw().toBuffer({ resolveWithObject: true });
		const pixel = (x: number) => [...data.subarray(x * info.channels, x * info.channels + 3)];
		// Band by band from the button's left edge: black, white, black (each 3 px).
		for (const x of [1, 7]) expect(Math.max(...pixel(x))).toBeLessThan(30);
		expect(Math.min(...pixel(4))).toBeGreaterThan(225);
		await page.close();
	});
});

describe('facets from a shared link', () => {
	const countText = (page: Page) => page.locator('[data-results-count]').textContent();
	const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('[data-library]')?.hasAttribute('aria-busy'));

	it('ignores a value the library does not offer', async () => {
		const plain = await open('/stories/');
		const all = await countText(plain);
		await plain.close();
		const page = await open('/stories/?industry=bogus');
		await page.waitForLoadState('networkidle');
		await settled(page);
		await expect(countText(page)).resolves.toBe(all);
		await expect(page.locator('[data-facet-chosen]').textContent()).resolves.toBe('');
		await expect(page.locator('[data-facets] input:checked').count()).resolves.toBe(0);
		await page.close();
	});

	it('keeps the known values of a choice and drops the rest', async () => {
		const retail = await open('/stories/?industry=retail');
		await expect.poll(() => countText(retail), { timeout: 15_000 }).toMatch(/ match$/);
		const expected = await countText(retail);
		await retail.close();
		const page = await open('/stories/?industry=retail,energy-utilities');
		await expect.poll(() => countText(page), { timeout: 15_000 }).toMatch(/ match$/);
		await page.waitForLoadState('networkidle');
		await settled(page);
		await expect(countText(page)).resolves.toBe(expected);
		await expect(page.locator('[data-facet-chosen]').textContent()).resolves.toBe('(1 chosen)');
		await expect(page.locator('[data-facets] input:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value))).resolves.toEqual(['retail']);
		await page.close();
	});

	it('on the search page, searches as if the unknown value were not there', async () => {
		const summary = async (url: string) => {
			const page = await open(url);
			await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
			await page.waitForLoadState('networkidle');
			const text = await page.locator('[data-search-summary]').textContent();
			const chosen = await page.locator('[data-facet-chosen]').textContent();
			await page.close();
			return { text, chosen };
		};
		const plain = await summary('/search/?q=watermelon');
		await expect(summary('/search/?q=watermelon&industry=bogus')).resolves.toEqual(plain);
	});
});

describe('video pages without JavaScript', () => {
	it('offer a link to the video on its host instead of a play button that cannot play, and chapters that lead there', async () => {
		const page = await open('/videos/feira-boa-fresh-morning/', { javaScriptEnabled: false });
		await expect(page.locator('.player-play').isVisible()).resolves.toBe(false);
		await expect(page.getByRole('button', { name: /^Play video/ }).count()).resolves.toBe(0);
		const watch = page.getByRole('link', { name: 'Watch on YouTube' });
		await expect(watch.isVisible()).resolves.toBe(true);
		await expect(watch.getAttribute('href')).resolves.toBe('https://www.youtube.com/watch?v=Fb3rEsh9Kq0');
		await expect(page.getByRole('link', { name: /The markdown list/ }).getAttribute('href')).resolves.toBe('https://www.youtube.com/watch?v=Fb3rEsh9Kq0&t=34s');
		await page.close();
	});

	it('open a self-hosted file at a chapter’s second', async () => {
		const page = await open('/videos/valle-alto-transit-in-30-seconds/', { javaScriptEnabled: false });
		await expect(page.locator('.player-play').isVisible()).resolves.toBe(false);
		await expect(page.getByRole('link', { name: /The change/ }).getAttribute('href')).resolves.toBe('/media/valle-alto-transit-in-30-seconds.mp4#t=12');
		await page.close();
	});

	it('with JavaScript, show the play button', async () => {
		const page = await open('/videos/feira-boa-fresh-morning/');
		await expect(page.getByRole('button', { name: /^Play video: / }).isVisible()).resolves.toBe(true);
		await page.close();
	});
});

describe('the main navigation', () => {
	it.each([
		['/stories/', 'Library', 'page'],
		['/stories/feira-boa-perishables/', 'Library', 'true'],
		['/videos/', 'Videos', 'page'],
		['/videos/feira-boa-fresh-morning/', 'Videos', 'true'],
		['/awards/cia-2026/', 'Awards', 'true'],
	])('on %s marks %s as %s', async (url, label, state) => {
		const page = await open(url);
		const marks = await page.locator('.site-nav a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('aria-current')]).filter(([, current]) => current));
		expect(marks).toEqual([[label, state]]);
		await page.close();
	});
});

describe('the built pages', () => {
	it('list exactly the customers that have a page, each with its page’s count', () => {
		const index = html('customers/index.html');
		const listed = [...index.matchAll(/<a href="\/customers\/([^/"]+)\/">[\s\S]*?<p class="card-meta">([^<]*)<\/p>/g)].map((m) => [m[1], m[2]]);
		const pages = readdirSync(path.join(site.outDir, 'customers'), { withFileTypes: true })
			.filter((e) => e.isDirectory())
			.map((e) => e.name)
			.sort();
		expect(listed.map(([id]) => id).sort()).toEqual(pages);
		expect(pages).toContain('saltmarsh-coffee');
		for (const [id, meta] of listed) {
			const cards = (html(`customers/${id}/index.html`).match(/data-evidence[\s>]/g) ?? []).length;
			expect(meta, id).toBe(`${cards} ${cards === 1 ? 'piece' : 'pieces'} of evidence`);
		}
		expect(listed.some(([, meta]) => meta === '1 piece of evidence')).toBe(true);
	});

	it('file the customers under their initials, A to Z, each letter linked from the nav', () => {
		const index = decode(html('customers/index.html'));
		const nav = /<nav class="az-nav"[\s\S]*?<\/nav>/.exec(index)![0];
		const linked = [...nav.matchAll(/<a href="#([^"]+)">([^<]+)</g)].map((m) => [m[1], m[2]]);
		const sections = [...index.matchAll(/<section class="az-group" aria-labelledby="([^"]+)"><h2 id="\1">([^<]+)<\/h2>([\s\S]*?)<\/section>/g)];
		// Every letter that has customers, once, in order, and nothing else.
		expect(linked).toEqual(sections.map((m) => [m[1], m[2]]));
		expect(sections.length).toBeGreaterThan(5);
		const names: string[] = [];
		for (const [, , letter, cards] of sections) {
			const inSection = [...cards.matchAll(/<h3 class="card-title"><a href="\/customers\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
			expect(inSection.length, letter).toBeGreaterThan(0);
			for (const name of inSection) expect(initialOf(name), name).toBe(letter);
			names.push(...inSection);
		}
		// Together the sections are the whole list, in its order.
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(names).toHaveLength(readdirSync(path.join(site.outDir, 'customers'), { withFileTypes: true }).filter((e) => e.isDirectory()).length);
	});

	it('link each category’s entries from the top of a program’s entries, with its count', () => {
		const page = decode(html('awards/cia-2026/index.html'));
		const nav = /<nav class="toc" aria-label="Entries by category">([\s\S]*?)<\/nav>/.exec(page)?.[1] ?? '';
		const linked = [...nav.matchAll(/<a href="#([^"]+)">([^<]+)<\/a> <span class="muted">· (\d+)<\/span>/g)].map((m) => [m[1], m[2], Number(m[3])]);
		const sections = [...page.matchAll(/<h3 id="(entries-[^"]+)">([^<]+) <span class="muted">· (\d+)<\/span><\/h3>/g)].map((m) => [m[1], m[2], Number(m[3])]);
		expect(sections.length).toBeGreaterThan(1);
		expect(linked).toEqual(sections);
	});

	it('give a customer page’s summary in the singular for one', () => {
		expect(decode(html('customers/saltmarsh-coffee/index.html'))).toMatch(/All evidence <span class="muted">\(1 award entry\)/);
	});

	it('give the 404 page no canonical address and keep it out of the index', () => {
		const page = html('404.html');
		expect(page).not.toMatch(/rel="canonical"/);
		expect(page).not.toMatch(/og:url/);
		expect(page).toContain('<meta name="robots" content="noindex">');
	});

	it('keep every title that carries the site’s name within 70 characters, and all titles unique', () => {
		const titles = builtPages().map(({ url, text }) => ({ url, title: decode(/<title>([^<]*)<\/title>/.exec(text)?.[1] ?? '') }));
		expect(titles.filter(({ title }) => title.includes(' · Tessellate Customer Evidence') && [...title].length > 70)).toEqual([]);
		const seen = new Map<string, string>();
		for (const { url, title } of titles) {
			expect(seen.get(title), `${url} and ${seen.get(title)} share “${title}”`).toBeUndefined();
			seen.set(title, url);
		}
	});
});
