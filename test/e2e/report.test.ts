/**
 * The results report opened from disk in Chromium, offline: it shows its charts, its one control
 * works, and its Content-Security-Policy refuses nothing it needs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runScript } from '../helpers.ts';
import { CHROMIUM_OPTIONS } from '../serve.ts';

const base = mkdtempSync(path.join(tmpdir(), 'credence-report-e2e-'));
const file = path.join(base, 'report.html');
let browser: Browser;

beforeAll(async () => {
	const run = await runScript('scripts/awards.ts', ['report', 'cia-2026', '--out', file]);
	expect(run.code, run.out).toBe(0);
	browser = await chromium.launch(CHROMIUM_OPTIONS);
}, 60_000);
afterAll(async () => {
	await browser?.close();
	rmSync(base, { recursive: true, force: true });
});

it('opens offline with no policy violation, and shows one category when asked', async () => {
	const context = await browser.newContext({ offline: true });
	const page = await context.newPage();
	const requests: string[] = [];
	page.on('request', (request) => {
		if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) requests.push(request.url());
	});
	await page.addInitScript(() => {
		(window as unknown as { violations: string[] }).violations = [];
		document.addEventListener('securitypolicyviolation', (event) => (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`));
	});
	await page.goto(pathToFileURL(file).href);
	const sections = page.locator('section.category');
	await expect.poll(() => sections.count()).toBe(4);
	await expect.poll(() => page.locator('section.category svg.chart').count()).toBe(4);
	await page.selectOption('#category-filter', 'sustainable-supply-chains');
	await expect.poll(() => page.locator('section.category:visible').count()).toBe(1);
	await expect(page.locator('section.category:visible h2').textContent()).resolves.toBe('Sustainable Supply Chains');
	await page.selectOption('#category-filter', '');
	await expect.poll(() => page.locator('section.category:visible').count()).toBe(4);
	expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
	expect(requests).toEqual([]);
	await context.close();
});
