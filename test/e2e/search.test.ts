/**
 * The search page on a built fixture site in real Chromium: Pagefind's index answers a word from
 * a story's body and the result leads to the story; entrant text that looks like markup shows as
 * text; the first search fetches no filter data, which comes when the visitor reaches for the
 * facets, and then the counts are those of the results.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { copyFixture } from '../helpers.ts';
import { builtSiteInChromium } from '../serve.ts';

// A second story whose title tries to be markup; the word "zanzibarite" is only in it.
const content = copyFixture();
const stories = path.join(content.dir, 'stories');
const HOSTILE_TITLE = `Zanzibarite <img src=x onerror="document.title='pwned'"> <script>document.title='pwned'</script> plan`;
writeFileSync(
	path.join(stories, 'hostile-plan.mdx'),
	readFileSync(path.join(stories, 'quarry-forecasting.mdx'), 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(HOSTILE_TITLE)}`),
);
afterAll(() => content.cleanup());

const site = builtSiteInChromium(content.dir);

it('finds a story by a word of its body and opens it', async () => {
	const page = await site.browser.newPage();
	await page.goto(`${site.url}/search/`);
	await page.getByRole('searchbox', { name: 'Search words' }).fill('zymurgical');
	const result = page.locator('.search-result a[href="/stories/quarry-forecasting/"]');
	await result.waitFor({ timeout: 15_000 });
	await expect.poll(() => page.url()).toContain('?q=zymurgical');
	await expect(page.locator('[data-search-summary]').textContent()).resolves.toBe('2 results for “zymurgical”');
	await result.click();
	await page.waitForURL(`${site.url}/stories/quarry-forecasting/`);
	await expect(page.locator('h1').textContent()).resolves.toBe('How Quarry Bank cut forecast error in half');
	await page.close();
}, 60_000);

it('shows entrant text that looks like markup as text, in the title and the excerpt', async () => {
	const page = await site.browser.newPage();
	await page.goto(`${site.url}/search/?q=zanzibarite`);
	const result = page.locator('.search-result', { has: page.locator('a[href="/stories/hostile-plan/"]') });
	await result.waitFor({ timeout: 15_000 });
	await expect(result.locator('.search-result-title').textContent()).resolves.toBe(HOSTILE_TITLE);
	await expect(result.locator('.search-result-excerpt').textContent()).resolves.toContain(`<img src=x onerror="document.title='pwned'">`);
	await expect(result.locator('.search-result-excerpt mark').first().textContent()).resolves.toBe('Zanzibarite');
	await expect(page.locator('.search-results img, .search-results script').count()).resolves.toBe(0);
	await expect(page.title()).resolves.not.toBe('pwned');
	await page.close();
}, 60_000);

it('fetches no filter data for a search, and counts the facets for the results once the visitor reaches for them', async () => {
	const page = await site.browser.newPage();
	const before = site.sent().length;
	await page.goto(`${site.url}/search/?q=zymurgical`);
	await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
	await page.waitForLoadState('networkidle');
	const fetched = () => site.sent().slice(before).map((response) => response.path);
	expect(fetched().some((file) => file.startsWith('/pagefind/') && file.includes('.pf_index'))).toBe(true);
	expect(fetched().filter((file) => file.includes('/filter/'))).toEqual([]);
	// The whole library's counts would mislead beside the results: hidden until recounted.
	const storyCount = page.locator('.facet-option', { has: page.locator('input[name="type"][value="story"]') }).locator('[data-facet-count]');
	await expect(storyCount.isVisible()).resolves.toBe(false);
	await page.locator('.facets').hover();
	await storyCount.waitFor({ state: 'visible', timeout: 15_000 });
	expect(fetched().some((file) => file.includes('/filter/'))).toBe(true);
	// Both results are stories.
	await expect(storyCount.evaluate((count) => count.firstChild?.textContent)).resolves.toBe('2');
	await page.close();
}, 60_000);
