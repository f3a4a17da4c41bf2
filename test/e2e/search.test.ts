/**
 * The built fixture site in real Chromium: Pagefind's index answers a word from a story's body,
 * and the result leads to the story.
 */
import { expect, it } from 'vitest';
import { fixtureContent } from '../helpers.ts';
import { builtSiteInChromium } from '../serve.ts';

const site = builtSiteInChromium(fixtureContent);

it('finds a story by a word of its body and opens it', async () => {
	const page = await site.browser.newPage();
	await page.goto(`${site.url}/search/`);
	await page.getByRole('searchbox').fill('zymurgical');
	const result = page.locator('pagefind-results a[href="/stories/quarry-forecasting/"]').first();
	await result.waitFor({ timeout: 15_000 });
	await result.click();
	await page.waitForURL(`${site.url}/stories/quarry-forecasting/`);
	await expect(page.locator('h1').textContent()).resolves.toBe('How Quarry Bank cut forecast error in half');
	await page.close();
}, 60_000);

it('lists only the best matches of a common word and says how many there are', async () => {
	// The page lists 50 at most (a placeholder per match made a word found on every page of a
	// large library take seconds); a limit of 1 shows the same behaviour on the small fixture.
	const page = await site.browser.newPage();
	await page.goto(`${site.url}/search/`);
	await page.locator('pagefind-results').evaluate((results) => results.setAttribute('max-results', '1'));
	await page.getByRole('searchbox').fill('paying');
	const note = page.locator('[data-more-results]');
	await note.waitFor({ state: 'visible', timeout: 15_000 });
	const found = Number(/Showing the best 1 of (\d+) matches/.exec((await note.textContent()) ?? '')?.[1]);
	expect(found).toBeGreaterThan(1);
	await expect(page.locator('.search-result').count()).resolves.toBe(1);
	await expect(page.locator('pagefind-summary').textContent()).resolves.toContain(String(found));
	await page.close();
}, 60_000);
