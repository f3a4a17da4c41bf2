/**
 * An approval proof in real Chromium, opened from file:// as a customer's reviewer would, with
 * every network request refused: it shows the story, fetches nothing, and its form exports an
 * approval file that `npm run approval -- record` accepts, writing the approval (with its digest)
 * into the story, after which `check` finds the story approved and unchanged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyFixture, NOW, runScript } from '../helpers.ts';
import { CHROMIUM_OPTIONS } from '../serve.ts';

const content = copyFixture();
const story = path.join(content.dir, 'stories/quarry-forecasting.mdx');
const proofFile = path.join(content.dir, '..', 'quarry-proof.html');
let browser: Browser;

beforeAll(async () => {
	const made = await runScript('scripts/approval.ts', ['proof', 'quarry-forecasting', '--out', proofFile, '--content', content.dir]);
	expect(made.out).toContain('wrote the proof');
	expect(made.code).toBe(0);
	browser = await chromium.launch(CHROMIUM_OPTIONS);
}, 60_000);

afterAll(async () => {
	await browser?.close();
	content.cleanup();
});

it('opens offline, approves, exports, and record accepts the export', async () => {
	const context = await browser.newContext({ acceptDownloads: true });
	const requests: string[] = [];
	const errors: string[] = [];
	// Offline: anything but the proof file itself (and the download's in-memory blob) is refused.
	await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
	const page = await context.newPage();
	page.on('request', (request) => requests.push(request.url()));
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	// The reviewer's clock is the tests' pinned now, so `record` (pinned too) sees a decision of today.
	await page.clock.setFixedTime(NOW);
	const url = pathToFileURL(proofFile).href;
	await page.goto(url);

	await expect.poll(() => page.locator('h1').textContent()).toBe('How Quarry Bank cut forecast error in half');
	await expect.poll(() => page.getByText('We finally plan from one number.').count()).toBe(1);
	await expect.poll(() => page.locator('.metrics li').count()).toBe(1);

	// Exporting before deciding says what is missing and downloads nothing.
	await page.getByRole('button', { name: 'Export my decision' }).click();
	await expect.poll(() => page.locator('#export-message').textContent()).toContain('choose who you are');

	await page.getByLabel('Who you are').selectOption('ada-quarry');
	await expect.poll(() => page.getByLabel('Your name').inputValue()).not.toBe('');
	await page.getByLabel('Your job title').fill('Head of Planning');
	await page.getByLabel('Approve for publication as shown').check();
	await page.getByLabel('Approval ends on (optional)').fill('2028-06-30');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my decision' }).click()]);
	expect(download.suggestedFilename()).toBe('approval-story-quarry-forecasting.json');
	const exported = path.join(content.dir, '..', download.suggestedFilename());
	await download.saveAs(exported);
	await expect.poll(() => page.locator('#export-message').textContent()).toContain('Exported');

	expect(requests.filter((r) => !r.startsWith('blob:'))).toEqual([url]);
	expect(errors).toEqual([]);
	await context.close();

	const body = readFileSync(story, 'utf8').split(/^---$/m)[2];
	const recorded = await runScript('scripts/approval.ts', ['record', exported, '--content', content.dir]);
	expect(recorded.out).toContain('approved by');
	expect(recorded.code).toBe(0);
	const after = readFileSync(story, 'utf8');
	expect(after).toMatch(/approval:\n {2}approvedBy: ada-quarry\n {2}approvedOn: 2026-11-23\n {2}expiresOn: 2028-06-30\n {2}digest:\n {4}title: [0-9a-f]{64}/);
	// The body is kept byte for byte; only the approval block changed.
	expect(after.split(/^---$/m)[2]).toBe(body);

	const checked = await runScript('scripts/check.ts', ['--content', content.dir]);
	expect(checked.code).toBe(0);
	expect(checked.out).not.toContain('approval.digest');
}, 90_000);

it('asks a reviewer who declines to say why, then exports a decline that record keeps private', async () => {
	const context = await browser.newContext({ acceptDownloads: true });
	await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
	const page = await context.newPage();
	await page.clock.setFixedTime(NOW);
	await page.goto(pathToFileURL(proofFile).href);
	await page.getByLabel('Who you are').selectOption('ada-quarry');
	await page.getByLabel('Your job title').fill('Head of Planning');
	await page.getByLabel('Decline: do not publish').check();
	let downloads = 0;
	page.on('download', () => downloads++);
	await page.getByRole('button', { name: 'Export my decision' }).click();
	await expect.poll(() => page.locator('#export-message').textContent()).toContain('say in the comments what should change, or why you decline');
	expect(downloads).toBe(0);
	await page.getByLabel('Comments', { exact: true }).fill('We have not signed off the 1,200 SKU figure.');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my decision' }).click()]);
	const exported = path.join(content.dir, '..', 'declined.json');
	await download.saveAs(exported);
	await context.close();

	const recorded = await runScript('scripts/approval.ts', ['record', exported, '--content', content.dir]);
	expect(recorded.out).toContain('declined by');
	expect(recorded.code).toBe(0);
	const checked = await runScript('scripts/check.ts', ['--content', content.dir]);
	expect(checked.out).toContain('review: ada-quarry declined publication on 2026-11-23: "We have not signed off the 1,200 SKU figure."');
}, 90_000);
