/**
 * The entry kit in real Chromium, from the CLI to intake: `awards kit` for a new program, opened
 * from file:// as an entrant would; the limits from program.yaml are counted as the entrant types,
 * the draft survives a reload, Export refuses an entry over its limits and then downloads the file
 * `awards intake` takes as an entry that passes `check`.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INTAKE_PROGRAM, scaffoldIntakeProgram } from '../fixtures/intake-program.ts';
import { projectRoot, runScript } from '../helpers.ts';
import { CHROMIUM_OPTIONS } from '../serve.ts';

const base = mkdtempSync(path.join(tmpdir(), 'credence-kit-'));
const content = path.join(base, 'content');
const out = path.join(base, 'kit');
const awards = (...args: string[]) => runScript('scripts/awards.ts', [...args, '--content', content]);
const HOSTILE = '<img src=x onerror=alert(1)></textarea><script>alert(2)</script>';
let browser: Browser;
let folder: string;

beforeAll(async () => {
	cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
	folder = scaffoldIntakeProgram(content);
	browser = await chromium.launch(CHROMIUM_OPTIONS);
}, 60_000);

afterAll(async () => {
	await browser?.close();
	rmSync(base, { recursive: true, force: true });
});

it('is filled in offline, keeps the draft across a reload, and exports a file intake takes', async () => {
	const written = await awards('kit', INTAKE_PROGRAM, '--out', out);
	expect(written.code, written.out).toBe(0);
	const context = await browser.newContext({ acceptDownloads: true });
	const page = await context.newPage();
	const requests: string[] = [];
	const errors: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('dialog', (d) => void d.dismiss());
	await page.goto(pathToFileURL(path.join(out, 'entry-kit.html')).href);

	// What judges look for and who may enter, from program.yaml.
	await expect(page.locator('h1').textContent()).resolves.toBe('2027 Customer Innovation Awards');
	await expect(page.getByText('Exceptional: what an entry at 5 shows.').count()).resolves.toBe(1);
	await expect(page.getByText('must have been a customer since 2025-06-30').count()).resolves.toBe(1);

	await page.getByLabel("Your organisation's id").fill('alder-finch-home');
	await page.getByLabel('Your own id').fill('maya-chen');
	await page.getByLabel('Since when has your organisation been a customer?').fill('2024-02-01');
	await page.getByRole('radio', { name: 'Yes' }).check();
	await page.getByRole('radio', { name: /Data & AI in Planning/ }).check();
	await page.getByLabel(/^Title/).fill(`Forecasts that learn from the shelf ${HOSTILE}`);
	await page.getByLabel(/^Summary/).fill('Store orders now follow a forecast that learns from shelf gaps.');
	const long = Array.from({ length: 61 }, (_, i) => `word${i}`).join(' ');
	await page.getByLabel(/^Narrative/).fill(long);
	await expect.poll(() => page.locator('#narrative-count').textContent()).toBe('61 of 60 words: 1 over the limit');
	await page.getByRole('checkbox', { name: 'Tessellate Forecast' }).check();
	await page.getByRole('button', { name: 'Add evidence' }).click();
	await page.getByLabel('Evidence 1: what it measures').fill('Shelf gaps');
	await page.getByLabel('The figure, with its baseline and period').fill('Down from 6% to 4% of facings.');
	await page.getByLabel('Where it can be checked (optional web address)').fill('https://audit.example/report');

	// Over the limit: Export says what to fix and downloads nothing.
	let downloads = 0;
	page.on('download', () => downloads++);
	await page.getByRole('button', { name: 'Export my entry' }).click();
	await expect.poll(() => page.locator('#message').textContent()).toContain('The narrative is 61 words; the limit is 60.');
	expect(downloads).toBe(0);

	// The draft survives a reload.
	await page.reload();
	await expect.poll(() => page.getByLabel(/^Narrative/).inputValue()).toBe(long);
	await expect.poll(() => page.getByLabel('Evidence 1: what it measures').inputValue()).toBe('Shelf gaps');
	await expect(page.getByRole('radio', { name: /Data & AI in Planning/ }).isChecked()).resolves.toBe(true);
	await expect(page.getByLabel(/^Title/).inputValue()).resolves.toBe(`Forecasts that learn from the shelf ${HOSTILE}`);
	// The entrant's text stays text.
	await expect(page.locator('img').count()).resolves.toBe(0);

	await page.getByLabel(/^Title/).fill('Forecasts that learn from the shelf');
	await page.getByLabel(/^Narrative/).fill('We replaced a weekly spreadsheet with a daily forecast.\n\n- Gaps on the shelf fell by a third');
	await expect.poll(() => page.locator('#narrative-count').textContent()).toBe('17 of 60 words');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my entry' }).click()]);
	expect(download.suggestedFilename()).toBe('kit-2027-entry-forecasts-that-learn-from-the-shelf.json');
	const file = path.join(base, 'entry.json');
	await download.saveAs(file);
	expect(JSON.parse(readFileSync(file, 'utf8')).entry.eligibility).toEqual({ customerSince: '2024-02-01', inProduction: true });

	const taken = await awards('intake', INTAKE_PROGRAM, file);
	expect(taken.code, taken.out).toBe(0);
	expect(existsSync(path.join(folder, 'entries/forecasts-that-learn-from-the-shelf.md'))).toBe(true);
	const checked = await runScript('scripts/check.ts', ['--content', content]);
	expect(checked.out).toMatch(/0 errors/);

	expect(errors).toEqual([]);
	expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('blob:'))).toEqual([]);
	await context.close();
}, 120_000);
