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
