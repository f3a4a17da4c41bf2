/**
 * Draft preview in the dev server: `astro dev` on a copy of the fixture with a draft story and an
 * embargoed one, and an award entry whose approval lapsed, shows them all, each page with a
 * banner saying why it is not public and when it would be, and marks them in the customer's and
 * the program's lists; the published story has no banner, and the dev server serves its Open
 * Graph card.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFixture, editData, NOW, projectRoot } from '../helpers.ts';

let server: ChildProcess | undefined;
let base: string;
let cleanup: () => void;
let log = '';

async function freePort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as AddressInfo;
	await new Promise((resolve) => probe.close(resolve));
	return port;
}

/**
 * The environment without vitest's own variables: with VITEST set, Vite serves nothing but 404s,
 * and vitest's DEV=1 (a string, where Vite's DEV is `true`) would make the page code think it is
 * not in dev mode.
 */
function devServerEnv(): NodeJS.ProcessEnv {
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST.*|TEST|DEV|PROD|SSR|MODE|BASE_URL)$/.test(key)));
	return { ...env, NODE_ENV: 'development' };
}

async function page(url: string): Promise<{ status: number; html: string }> {
	const response = await fetch(new URL(url, base));
	return { status: response.status, html: await response.text() };
}

beforeAll(async () => {
	const fixture = copyFixture();
	cleanup = fixture.cleanup;
	const stories = path.join(fixture.dir, 'stories');
	for (const [name, edit] of [
		['quarry-draft', (d: any) => ((d.draft = true), (d.title = 'Draft probe story'))],
		['quarry-embargoed', (d: any) => ((d.publishAt = '2027-01-12T10:00:00Z'), (d.title = 'Embargoed probe story'))],
	] as const) {
		copyFileSync(path.join(stories, 'quarry-forecasting.mdx'), path.join(stories, `${name}.mdx`));
		editData(path.join(stories, `${name}.mdx`), edit);
	}
	const entries = path.join(fixture.dir, 'awards/demo-awards/entries');
	copyFileSync(path.join(entries, 'quarry-planning.md'), path.join(entries, 'lapsed-plan.md'));
	editData(path.join(entries, 'lapsed-plan.md'), (d) => ((d.title = 'Lapsed probe entry'), (d.approval.expiresOn = '2026-10-31')));
	const port = await freePort();
	server = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: projectRoot,
		env: { ...devServerEnv(), CREDENCE_CONTENT_DIR: fixture.dir, CREDENCE_NOW: NOW.toISOString(), NO_COLOR: '1' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	server.stdout!.on('data', (chunk) => (log += chunk));
	server.stderr!.on('data', (chunk) => (log += chunk));
	// Astro moves to the next port when this one was taken meanwhile: the address is the one it prints.
	await vi.waitFor(() => expect(log, log).toMatch(/http:\/\/127\.0\.0\.1:\d+\//), { timeout: 120_000, interval: 100 });
	base = /http:\/\/127\.0\.0\.1:\d+/.exec(log)![0];
	await vi.waitFor(async () => expect((await fetch(base)).status, log).toBe(200), { timeout: 120_000, interval: 250 });
}, 150_000);

afterAll(() => {
	server?.kill();
	cleanup?.();
});

describe('npm run dev', () => {
	it("shows a draft's page with a banner saying why it is not public and what would make it public", async () => {
		const { status, html } = await page('/stories/quarry-draft/');
		expect(status, log).toBe(200);
		expect(html).toContain('Draft probe story');
		expect(html).toMatch(/<aside class="preview-banner"[^>]*data-preview-state="draft"/);
		expect(html).toContain('Draft — not public.');
		expect(html).toContain('It becomes public when draft: true is removed');
	}, 120_000);

	it("shows an embargoed story's page with the embargo's date and time", async () => {
		const { status, html } = await page('/stories/quarry-embargoed/');
		expect(status, log).toBe(200);
		expect(html).toContain('Embargoed until 12 Jan 2027 10:00 UTC — not public.');
	}, 120_000);

	it("serves a published story's Open Graph card from the card route (a build writes them beside the pages instead)", async () => {
		const response = await fetch(new URL('/og/stories/quarry-forecasting.png', base));
		expect(response.status, log).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/png');
		const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
	}, 120_000);

	it('shows no banner on a published story', async () => {
		const { status, html } = await page('/stories/quarry-forecasting/');
		expect(status, log).toBe(200);
		expect(html).not.toContain('preview-banner');
	}, 120_000);

	it("marks the unpublished stories' cards on the customer's page", async () => {
		const { status, html } = await page('/customers/quarry-bank/');
		expect(status, log).toBe(200);
		expect(html).toMatch(/class="badge badge-unpublished"[^>]*>Draft — not public<\/strong>/);
		expect(html).toMatch(/class="badge badge-unpublished"[^>]*>Embargoed — not public<\/strong>/);
		expect(html.match(/badge-unpublished/g)).toHaveLength(2);
	}, 120_000);

	it("shows a lapsed award entry's page with when its approval lapsed, and marks it in the program's list", async () => {
		const entry = await page('/awards/demo-awards/entries/lapsed-plan/');
		expect(entry.status, log).toBe(200);
		expect(entry.html).toContain('Lapsed probe entry');
		expect(entry.html).toContain('Approval lapsed on 31 Oct 2026 — no longer public.');
		const program = await page('/awards/demo-awards/');
		expect(program.status, log).toBe(200);
		expect(program.html).toMatch(/Lapsed probe entry[\s\S]*?>Approval lapsed — not public<\/strong>/);
		expect(program.html.match(/badge-unpublished/g)).toHaveLength(1);
	}, 120_000);
});
