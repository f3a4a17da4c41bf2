/**
 * The built fixture site in real Chromium: Pagefind's index answers a word from a story's body,
 * and the result leads to the story.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite } from '../build-helpers.ts';
import { fixtureContent } from '../helpers.ts';
import { CHROMIUM_OPTIONS, serveStatic } from '../serve.ts';

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
const outDir = mkdtempSync(path.join(tmpdir(), 'credence-e2e-'));

beforeAll(async () => {
	const build = await buildSite(fixtureContent, outDir);
	expect(build.code, build.output).toBe(0);
	site = await serveStatic(outDir);
	browser = await chromium.launch(CHROMIUM_OPTIONS);
}, 180_000);

afterAll(async () => {
	await browser?.close();
	await site?.close();
	rmSync(outDir, { recursive: true, force: true });
});

it('finds a story by a word of its body and opens it', async () => {
	const page = await browser.newPage();
	await page.goto(`${site.url}/search/`);
	await page.getByRole('searchbox').fill('zymurgical');
	const result = page.locator('pagefind-results a[href="/stories/quarry-forecasting/"]').first();
	await result.waitFor({ timeout: 15_000 });
	await result.click();
	await page.waitForURL(`${site.url}/stories/quarry-forecasting/`);
	await expect(page.locator('h1').textContent()).resolves.toBe('How Quarry Bank cut forecast error in half');
	await page.close();
}, 60_000);
