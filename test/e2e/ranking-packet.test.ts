/**
 * A ranking-round packet in real Chromium, from the CLI to the import: `awards packets --round
 * final` on a copy of the sample program, a judge ranks with the keyboard only (move buttons and
 * the rank picker), the order survives a reload, Export downloads the rankings sheet and
 * `awards import --round final` accepts it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RankingData } from '../../src/tools/ranking/data.ts';
import { projectRoot, runScript } from '../helpers.ts';
import { CHROMIUM_OPTIONS } from '../serve.ts';

const base = mkdtempSync(path.join(tmpdir(), 'credence-ranking-'));
const content = path.join(base, 'content');
const program = path.join(content, 'awards/cia-2026');
const out = path.join(base, 'packets');
const awards = (...args: string[]) => runScript('scripts/awards.ts', [...args, '--content', content]);
let browser: Browser;

beforeAll(async () => {
	cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
	// The finalists are published; the final round's rankings are still to come.
	rmSync(path.join(program, 'rankings'), { recursive: true, force: true });
	rmSync(path.join(program, 'results/final.json'), { force: true });
	browser = await chromium.launch(CHROMIUM_OPTIONS);
}, 60_000);

afterAll(async () => {
	await browser?.close();
	rmSync(base, { recursive: true, force: true });
});

/** The entry index of the finalist with focus (or -1). */
const focusedEntry = (page: Page) => page.evaluate(() => Number(document.activeElement?.closest('li')?.getAttribute('data-entry') ?? -1));
/** Category `ci`'s order on the page, as entry indices. */
const order = (page: Page, ci: number) => page.locator(`ol[data-category="${ci}"] > li`).evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-entry'))));

it('writes ranking packets, is ranked by keyboard, keeps the order, and exports a sheet import accepts', async () => {
	const written = await awards('packets', 'cia-2026', '--round', 'final', '--out', out, '--json');
	expect(written.code, written.out).toBe(0);
	const report = JSON.parse(written.out);
	expect(report.packets).toHaveLength(8);

	const context = await browser.newContext({ acceptDownloads: true });
	const page = await context.newPage();
	const requests: string[] = [];
	const errors: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(pathToFileURL(path.join(out, 'elena-varga.html')).href);
	const data = JSON.parse((await page.locator('#ranking-data').textContent())!) as RankingData;
	expect(data.categories.length).toBeGreaterThanOrEqual(2);
	// Blind: the packet names no entrant.
	expect(await page.content()).not.toMatch(/Bramblewood|Harbourline|Feira Boa/);

	// Category 1: the first finalist moved down twice with the keyboard; focus stays with it, and
	// at the bottom (Move down disabled) it goes to its Move up.
	const [a, b, c] = data.categories[0].entries;
	await page.locator(`li[data-entry="${a}"] [data-move="down"]`).focus();
	await page.keyboard.press('Enter');
	await expect.poll(() => order(page, 0)).toEqual([b, a, c]);
	await expect.poll(() => page.locator('#announce').textContent()).toContain('rank 2 of 3');
	expect(await focusedEntry(page)).toBe(a);
	await page.keyboard.press('Enter');
	await expect.poll(() => order(page, 0)).toEqual([b, c, a]);
	await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-move'))).toBe('up');
	expect(await focusedEntry(page)).toBe(a);

	// Category 2: the last finalist picked to rank 1 with the rank picker.
	const second = data.categories[1].entries;
	const last = second[second.length - 1];
	await page.locator(`select[data-rank="${last}"]`).selectOption('1');
	await expect.poll(() => order(page, 1)).toEqual([last, ...second.slice(0, -1)]);

	// Exporting before any category is confirmed is refused.
	await page.getByRole('button', { name: 'Export rankings (CSV)' }).click();
	await expect.poll(() => page.locator('#message').textContent()).toContain('Nothing to export yet');

	// Every category confirmed, with the keyboard.
	for (let ci = 0; ci < data.categories.length; ci++) {
		await page.locator(`[data-confirm="${ci}"]`).focus();
		await page.keyboard.press('Space');
	}
	await expect.poll(() => page.locator('#progress').textContent()).toBe(`${data.categories.length} of ${data.categories.length} categories ranked`);

	// A reload keeps the order and the confirmations.
	await page.reload();
	await expect.poll(() => order(page, 0)).toEqual([b, c, a]);
	await expect.poll(() => order(page, 1)).toEqual([last, ...second.slice(0, -1)]);
	await expect.poll(() => page.locator('#progress').textContent()).toBe(`${data.categories.length} of ${data.categories.length} categories ranked`);

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export rankings (CSV)' }).click()]);
	expect(download.suggestedFilename()).toBe('cia-2026-final-elena-varga.csv');
	const file = path.join(base, 'elena-varga.csv');
	await download.saveAs(file);
	const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as { judge: string; entry: string; rank: string }[];
	expect(rows.filter((r) => [a, b, c].map((i) => data.entries[i].id).includes(r.entry)).map((r) => [r.entry, r.rank])).toEqual([
		[data.entries[b].id, '1'],
		[data.entries[c].id, '2'],
		[data.entries[a].id, '3'],
	]);
	expect(rows.every((r) => r.judge === 'elena-varga')).toBe(true);

	const imported = await awards('import', 'cia-2026', '--round', 'final', file);
	expect(imported.code, imported.out).toBe(0);
	const sheet = parse(readFileSync(path.join(program, 'rankings/final.csv'), 'utf8'), { columns: true }) as { entry: string; rank: string }[];
	expect(sheet).toHaveLength(rows.length);

	expect(errors).toEqual([]);
	expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('blob:'))).toEqual([]);
	await context.close();
}, 120_000);
