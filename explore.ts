import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_OPTIONS } from './test/serve.ts';

const child = spawn(process.execPath, ['scripts/edit.ts', '--port', '0', '--content', 'test/fixtures/site/content'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
const url: string = await new Promise((resolve) => { let out = ''; child.stdout.on('data', (d) => { out += d; const m = /http:\/\/127\.0\.0\.1:\d+\/admin\//.exec(out); if (m) resolve(m[0]); }); });
console.log(url);
const root = 'test/fixtures/site/content';
const files: Record<string, string> = {};
for (const f of readdirSync(root, { recursive: true, encoding: 'utf8' })) { const p = path.join(root, f); if (statSync(p).isFile()) files[`${root}/${f}`] = readFileSync(p).toString('base64'); }
const browser = await chromium.launch(CHROMIUM_OPTIONS);
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('request', (r) => { if (!r.url().startsWith(url.replace('/admin/', ''))) console.log('request:', r.url()); });
await page.addInitScript(() => {
	(window as any).showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
});
await page.goto(url);
await page.evaluate(async (files) => {
	const root = await navigator.storage.getDirectory();
	const repo = await root.getDirectoryHandle('repo', { create: true });
	await repo.getDirectoryHandle('.git', { create: true });
	for (const [name, b64] of Object.entries(files)) {
		const parts = name.split('/');
		let dir = repo;
		for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
		const handle = await dir.getFileHandle(parts.at(-1)!, { create: true });
		const w = await handle.createWritable();
		await w.write(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
		await w.close();
	}
}, files);
await page.waitForTimeout(3000);
await page.screenshot({ path: '/tmp/s1.png' });
console.log((await page.locator('body').innerText()).slice(0, 1000));
const btn = page.getByRole('button', { name: /local repository/i });
console.log('buttons', await page.getByRole('button').allInnerTexts());
if (await btn.count()) { await btn.click(); await page.waitForTimeout(4000); }
await page.getByRole('treeitem', { name: 'Stories', exact: true }).click();
await page.getByRole('button', { name: 'Create New Entry' }).first().click();
await page.locator('section.field[data-key-path="title"]').first().waitFor();
await page.waitForTimeout(2000);
console.log('BODY', await page.evaluate(() => [...document.querySelectorAll('section.field')].map((e) => e.getAttribute('data-key-path')).join(',')));
console.log('BODY', await page.evaluate(() => document.querySelector('section.field[data-key-path="body"]')?.outerHTML.slice(0, 4000)));
await browser.close(); child.kill();
