/**
 * The editor as a marketer uses it: `npm run edit`, then Sveltia's "Work with Local Repository"
 * in headless Chromium. The browser's origin-private file system stands in for the folder picker
 * (a copy of the fixture content, with a `.git` folder as a working copy has). A customer, a
 * person, a story with a metric and a quote, and a video with its captions are created through
 * the form; the files saved pass `npm run check` and read like hand-written ones. Nothing is fetched from anywhere but the
 * editor's own server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import YAML from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyFixture, fixtureContent, projectRoot, runScript } from '../helpers.ts';
import { CHROMIUM_OPTIONS } from '../serve.ts';

/** Where the content sits in the working copy the editor opens (as `--content` names it). */
const CONTENT = path.relative(projectRoot, fixtureContent).split(path.sep).join('/');

let server: ChildProcess;
let editorUrl: string;
let browser: Browser;
let page: Page;
const offOrigin: string[] = [];

/** Every file of the fixture content, base64, by path in the working copy. */
function fixtureFiles(): Record<string, string> {
	const files: Record<string, string> = {};
	for (const file of readdirSync(fixtureContent, { recursive: true, encoding: 'utf8' })) {
		const full = path.join(fixtureContent, file);
		if (statSync(full).isFile()) files[`${CONTENT}/${file.split(path.sep).join('/')}`] = readFileSync(full).toString('base64');
	}
	return files;
}

beforeAll(async () => {
	server = spawn(process.execPath, ['scripts/edit.ts', '--port', '0', '--content', CONTENT], { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
	editorUrl = await new Promise<string>((resolve, reject) => {
		let out = '';
		server.stdout!.on('data', (chunk) => {
			out += chunk;
			const url = /http:\/\/127\.0\.0\.1:\d+\/admin\//.exec(out);
			if (url) resolve(url[0]);
		});
		server.once('exit', (code) => reject(new Error(`npm run edit exited (${code}): ${out}`)));
	});
	browser = await chromium.launch(CHROMIUM_OPTIONS);
	page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
	const origin = new URL(editorUrl).origin;
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) offOrigin.push(url);
	});
	// The folder picker answers with a folder of the origin-private file system, filled below.
	await page.addInitScript(() => {
		(window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
			(await navigator.storage.getDirectory()).getDirectoryHandle('working-copy');
	});
	await page.goto(editorUrl);
	await page.evaluate(async (files) => {
		const repo = await (await navigator.storage.getDirectory()).getDirectoryHandle('working-copy', { create: true });
		await repo.getDirectoryHandle('.git', { create: true });
		for (const [name, base64] of Object.entries(files)) {
			const parts = name.split('/');
			let dir = repo;
			for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
			const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
			await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
			await writable.close();
		}
	}, fixtureFiles());
	await page.getByRole('button', { name: 'Work with Local Repository' }).click();
	await page.getByRole('treeitem', { name: 'Customers' }).waitFor();
}, 60_000);

afterAll(async () => {
	await browser?.close();
	server?.kill();
});

/** Every file under the content folder of the working copy, as text, by path inside the content folder. */
async function savedFiles(): Promise<Record<string, string>> {
	return page.evaluate(async (content) => {
		let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('working-copy');
		for (const part of content.split('/')) dir = await dir.getDirectoryHandle(part);
		const out: Record<string, string> = {};
		const walk = async (handle: FileSystemDirectoryHandle, at: string) => {
			for await (const [name, child] of (handle as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
				if (child.kind === 'directory') await walk(child as FileSystemDirectoryHandle, `${at}${name}/`);
				else out[`${at}${name}`] = btoa(String.fromCharCode(...new Uint8Array(await (await (child as FileSystemFileHandle).getFile()).arrayBuffer())));
			}
		};
		await walk(dir, '');
		return out;
	}, CONTENT);
}

/** The saved content folder passes check, as the build would run it. */
async function expectCheckPasses(saved: Record<string, string>) {
	const { dir, cleanup } = copyFixture();
	try {
		for (const [file, base64] of Object.entries(saved)) {
			mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
			writeFileSync(path.join(dir, file), Buffer.from(base64, 'base64'));
		}
		const result = await runScript('scripts/check.ts', ['--content', dir]);
		expect(result.out).toMatch(/0 errors/);
		expect(result.code, result.out).toBe(0);
	} finally {
		cleanup();
	}
}

/** A field of the open form, by its path in the entry (`hero.src`, `metrics.0.label`). */
const field = (keyPath: string): Locator => page.locator(`#first-pane-body section.field[data-key-path="${keyPath}"]`).first();

/** What was typed into the open form, to be found there again when it is saved. */
let typed: [string, string][] = [];
const input = (keyPath: string) => field(keyPath).locator('input[type="text"], input[type="number"], input[type="url"], textarea').first();

/** Scrolls the form until the field is there: the form renders its fields as they are scrolled to. */
async function reveal(keyPath: string) {
	await expect
		.poll(async () => {
			if (await field(keyPath).count()) return 1;
			await page.locator('#first-pane-body').hover();
			await page.mouse.wheel(0, 600);
			return field(keyPath).count();
		})
		.toBe(1);
}

async function type(keyPath: string, value: string) {
	await reveal(keyPath);
	await input(keyPath).fill(value);
	typed.push([keyPath, value]);
}

/** Picks `option` in a select or relation field. */
async function choose(keyPath: string, option: string | RegExp) {
	await reveal(keyPath);
	const at = field(keyPath);
	// Short lists are radio buttons (one) or checkboxes (several); longer ones a list to filter.
	for (const role of ['radio', 'checkbox'] as const) {
		const choice = at.getByRole(role, { name: option });
		if (await choice.count()) {
			await choice.first().click();
			return;
		}
	}
	await at.getByRole('combobox').first().click();
	const filter = page.getByRole('searchbox', { name: 'Filter Options' });
	if (typeof option === 'string' && (await filter.count())) await filter.fill(option);
	await page.getByRole('option', { name: option }).first().click();
}

async function openNew(collection: string, firstField: string) {
	await page.getByRole('treeitem', { name: collection, exact: true }).click();
	await page.getByRole('button', { name: 'Create New Entry' }).first().click();
	// The form is ready when the editor announces it (a field can show before the new draft is set up).
	await page.getByRole('status').filter({ hasText: new RegExp(`creating a new entry in the .{1,3}${collection}.{1,3} collection`) }).waitFor();
	await field(firstField).waitFor();
}

/** Saves the open form, and waits until the collection lists the new entry under `title`. */
async function save(title: string) {
	// A new form can set up its draft again just after it shows, dropping what was typed first:
	// whatever is missing is typed again, until the form holds all of it.
	await expect
		.poll(async () => {
			const missing: string[] = [];
			for (const [keyPath, value] of typed) {
				if ((await input(keyPath).inputValue()) === value) continue;
				missing.push(keyPath);
				await input(keyPath).fill(value);
			}
			return missing;
		})
		.toEqual([]);
	typed = [];
	// The preview follows the entry as the editor holds it: once it shows the title, the form's input has landed.
	await expect.poll(() => page.getByRole('document', { name: 'Content Preview' }).innerText()).toContain(title);
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	// Saved and back at the list, or the form says what it refuses (shown, should the test fail).
	const refused = () => page.locator('#first-pane-body section.field:has([aria-invalid="true"])').allInnerTexts();
	await expect
		.poll(async () => ((await page.getByRole('status').filter({ hasText: /now viewing the/ }).count()) ? [] : (await refused()).length ? await refused() : ['saving']))
		.toEqual([]);
	await page.getByRole('row', { name: title }).waitFor();
}

it('lists no private award file: judges, scores and results are not collections of the editor', async () => {
	const collections = await page.getByRole('treeitem').allInnerTexts();
	expect(collections.join('\n')).toContain('Entries: Fixture Innovation Awards');
	expect(collections.join('\n')).not.toMatch(/judge|score|ranking|assignment|result|feedback|winner/i);
});

it('creates a customer, a person and a story whose files pass check and read like hand-written ones', async () => {
	const image = path.join(fixtureContent, 'assets/logo.svg');
	const photo = path.join(fixtureContent, 'assets/hero.jpg');

	await openNew('Customers', 'name');
	await type('name', 'Larch Valley Dairy');
	await field('logo').locator('input[type="file"]').first().setInputFiles(image);
	await choose('industry', 'Manufacturing');
	await choose('region', 'Europe, Middle East & Africa');
	await choose('size', 'Mid-market (201–2,000)');
	await type('website', 'https://larch-valley.example');
	await type('about', 'A dairy co-operative in the fixture world.');
	await save('Larch Valley Dairy');

	await openNew('People', 'name');
	await type('name', 'Lena Larch');
	await type('title', 'Head of Supply');
	await choose('role', 'customer');
	await choose('customer', 'Larch Valley Dairy');
	await save('Lena Larch');

	await openNew('Stories', 'title');
	await type('title', 'Milk runs planned from one forecast');
	await type('summary', 'Larch Valley Dairy plans collection runs from the Tessellate forecast.');
	await choose('customer', 'Larch Valley Dairy');
	await choose('authors', 'Lena Larch');
	await choose('authors', 'Vera Vendor');
	await field('publishedOn').locator('input').first().fill('2026-11-01');
	await field('metrics').getByRole('button', { name: /Add/ }).click();
	await type('metrics.0.label', 'Collection runs per week');
	await type('metrics.0.value', '38');
	await type('metrics.0.baseline', '45');
	await choose('metrics.0.better', 'lower');
	await type('metrics.0.period', 'Q3 2026 against Q3 2025');
	await type('metrics.0.method', 'Runs logged by the fleet system.');
	await field('metrics.0.measuredOn').locator('input').first().fill('2026-10-01');
	await field('quotes').getByRole('button', { name: /Add/ }).click();
	await type('quotes.0.text', 'We plan the week in an hour now.');
	await choose('quotes.0.person', 'Lena Larch');
	await field('hero.src').locator('input[type="file"]').first().setInputFiles(photo);
	await type('hero.alt', 'A milk tanker on a country road');
	await type('disclosure', 'Larch Valley Dairy is a paying customer of Tessellate.');
	await reveal('body');
	await field('body').locator('[contenteditable]:not([contenteditable="false"]), textarea').first().fill('We used to plan collection runs by hand.');
	await save('Milk runs planned from one forecast');

	const saved = await savedFiles();
	const text = (file: string) => Buffer.from(saved[file] ?? '', 'base64').toString('utf8');
	const customer = text('customers/larch-valley-dairy.yaml');
	const person = text('people/lena-larch.yaml');
	const story = text('stories/milk-runs-planned-from-one-forecast.md');
	expect(Object.keys(saved).filter((file) => !(`${CONTENT}/${file}` in fixtureFiles())).sort(), Object.keys(saved).join('\n')).toEqual(
		expect.arrayContaining(['customers/larch-valley-dairy.yaml', 'people/lena-larch.yaml', 'stories/milk-runs-planned-from-one-forecast.md']),
	);

	// Hand-written style: plain YAML, relative image paths, ids (file names) for references.
	expect(YAML.parse(customer)).toMatchObject({ name: 'Larch Valley Dairy', logo: '../assets/logos/logo.svg', industry: 'manufacturing', region: 'emea', size: 'mid-market' });
	expect(customer).not.toMatch(/^\s*\w+: ''$/m);
	expect(YAML.parse(person)).toMatchObject({ name: 'Lena Larch', role: 'customer', customer: 'larch-valley-dairy' });
	expect(story).toMatch(/^---\n/);
	const front = YAML.parse(story.split('\n---\n')[0].replace(/^---\n/, ''));
	expect(front).toMatchObject({
		customer: 'larch-valley-dairy',
		authors: ['lena-larch', 'vera-vendor'],
		hero: { src: '../assets/heroes/hero.jpg', alt: 'A milk tanker on a country road' },
		metrics: [{ label: 'Collection runs per week', value: 38, baseline: 45, better: 'lower' }],
		quotes: [{ text: 'We plan the week in an hour now.', person: 'lena-larch' }],
	});
	expect(String(front.publishedOn)).toMatch(/^2026-11-01/);
	expect(story).toContain('We used to plan collection runs by hand.');

	await expectCheckPasses(saved);
	expect(offOrigin).toEqual([]);
}, 120_000);

it('creates a video with its captions file beside it, and check passes', async () => {
	const scratch = mkdtempSync(path.join(tmpdir(), 'credence-editor-upload-'));
	const captions = path.join(scratch, 'larch-valley-tour.vtt');
	// Captions of its own: the editor stores an upload identical to a file it has once, under that file's name.
	writeFileSync(captions, 'WEBVTT\n\n00:00.000 --> 00:08.000\n<v Lena Larch>We leave the depot at five.\n\n00:08.000 --> 00:19.000\n<v Lena Larch>The forecast tells us which farms to visit first.\n');
	await openNew('Videos', 'title');
	await type('title', 'A morning on the milk run');
	await type('summary', 'Lena Larch rides along on a collection run planned from the forecast.');
	await choose('customer', 'Larch Valley Dairy');
	await choose('speakers', 'Lena Larch');
	await field('publishedOn').locator('input').first().fill('2026-11-02');
	await field('source').getByRole('button', { name: /Add/ }).click();
	await page.getByRole('menuitem', { name: /YouTube/i }).click();
	await type('source.id', 'dQw4w9WgXcQ');
	await reveal('poster.src');
	await field('poster.src').locator('input[type="file"]').first().setInputFiles(path.join(fixtureContent, 'assets/poster.jpg'));
	await type('poster.alt', 'A tanker at a farm gate at dawn');
	await type('duration', '0:20');
	await reveal('captions');
	await field('captions').locator('input[type="file"]').first().setInputFiles(captions);
	await type('disclosure', 'Larch Valley Dairy is a paying customer of Tessellate.');
	await save('A morning on the milk run');
	rmSync(scratch, { recursive: true, force: true });

	const saved = await savedFiles();
	const video = YAML.parse(Buffer.from(saved['videos/a-morning-on-the-milk-run.yaml'] ?? '', 'base64').toString('utf8'));
	expect(video).toMatchObject({ customer: 'larch-valley-dairy', speakers: ['lena-larch'], source: { kind: 'youtube', id: 'dQw4w9WgXcQ' }, poster: { src: '../assets/posters/poster.jpg' }, captions: './larch-valley-tour.vtt' });
	expect(saved['videos/larch-valley-tour.vtt']).toBeDefined();
	await expectCheckPasses(saved);
}, 120_000);
