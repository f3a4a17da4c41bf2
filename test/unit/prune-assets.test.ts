import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneAssets, pruneUnreferencedImages, scanPagesInWorker } from '../../src/integrations/prune-assets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'credence-prune-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('removes emitted images no built file references, and keeps the rest', async () => {
	mkdirSync(path.join(dir, '_astro'));
	mkdirSync(path.join(dir, 'stories/a'), { recursive: true });
	for (const name of ['used.AbC.webp', 'in-css.x1.png', 'srcset.Q.avif', 'draft-hero.Z9.jpg', 'app.B2.js']) writeFileSync(path.join(dir, '_astro', name), '');
	writeFileSync(path.join(dir, 'stories/a/index.html'), '<img src="/_astro/used.AbC.webp" srcset="/_astro/srcset.Q.avif 640w, /_astro/used.AbC.webp 800w">');
	writeFileSync(path.join(dir, '_astro/site.css'), 'body{background:url(/_astro/in-css.x1.png)}');
	const removed = await pruneUnreferencedImages(dir);
	expect(removed).toEqual(['draft-hero.Z9.jpg']);
	expect(readdirSync(path.join(dir, '_astro')).sort()).toEqual(['app.B2.js', 'in-css.x1.png', 'site.css', 'srcset.Q.avif', 'used.AbC.webp']);
});

it("is not stopped by content's own text that looks like a malformed asset address", async () => {
	mkdirSync(path.join(dir, '_astro'), { recursive: true }); // the test before removed `dir`
	mkdirSync(path.join(dir, 'stories/b'), { recursive: true });
	for (const name of ['used.AbC.webp', 'unused.D4.jpg']) writeFileSync(path.join(dir, '_astro', name), '');
	// A story's text, as Markdown renders it: `%zz` is not percent-encoding, and decoding it throws.
	writeFileSync(path.join(dir, 'stories/b/index.html'), '<p>Our files moved from _astro/%zz to _astro/%E0%A4%A.</p><img src="/_astro/used.AbC.webp">');
	expect(await pruneUnreferencedImages(dir)).toEqual(['unused.D4.jpg']);
});

describe('the early scan of the pages (astro:build:generated)', () => {
	/** An output folder: a page naming one image, a stylesheet naming another, and three images. */
	function output() {
		mkdirSync(path.join(dir, '_astro'), { recursive: true });
		mkdirSync(path.join(dir, 'stories/a'), { recursive: true });
		for (const name of ['hero.A1.webp', 'in-css.B2.png', 'late.C3.png', 'unused.D4.jpg']) writeFileSync(path.join(dir, '_astro', name), '');
		writeFileSync(path.join(dir, 'stories/a/index.html'), '<img src="/_astro/hero.A1.webp">');
		writeFileSync(path.join(dir, '_astro/site.css'), 'body{background:url(/_astro/in-css.B2.png)}');
	}

	it('reads the pages in a worker thread: the pages and the names they reference', async () => {
		output();
		expect(await scanPagesInWorker(dir)).toEqual({ files: [path.join('stories', 'a', 'index.html')], referenced: ['hero.A1.webp'] });
	});

	it('runs from the pages being written to the end of the build, which reads every other text file and any page written since', async () => {
		output();
		const { hooks } = pruneAssets();
		const logged: string[] = [];
		const call = (name: string) => (hooks as unknown as Record<string, (options: unknown) => Promise<void> | void>)[name]({ dir: pathToFileURL(`${dir}/`), logger: { info: (line: string) => logged.push(line) } });
		await call('astro:build:generated');
		// Written after the pages, as the sitemap is: read at the end.
		mkdirSync(path.join(dir, 'later'));
		writeFileSync(path.join(dir, 'later/index.html'), '<img src="/_astro/late.C3.png">');
		await call('astro:build:done');
		expect(readdirSync(path.join(dir, '_astro')).sort()).toEqual(['hero.A1.webp', 'in-css.B2.png', 'late.C3.png', 'site.css']);
		expect(logged).toEqual(['removed 1 image no page uses']);
	});

	it('does not read again a page the scan read (the pages are final once written)', async () => {
		output();
		const page = path.join('stories', 'a', 'index.html');
		expect(await pruneUnreferencedImages(dir, { files: [page], referenced: [] })).toEqual(['hero.A1.webp', 'late.C3.png', 'unused.D4.jpg']);
	});

	it('reads every file at the end when the worker fails', async () => {
		output();
		const broken = path.join(dir, 'broken-worker.mjs');
		writeFileSync(broken, 'throw new Error("the scan failed")');
		expect(await scanPagesInWorker(dir, broken)).toBeUndefined();
		expect(await pruneUnreferencedImages(dir, undefined)).toEqual(['late.C3.png', 'unused.D4.jpg']);
	});
});

it('reads no page when the output has no image to prune, and scans the pages once written when it has', async () => {
	mkdirSync(path.join(dir, 'stories/a'), { recursive: true });
	writeFileSync(path.join(dir, 'stories/a/index.html'), '<p>No pictures.</p>');
	const scanned: string[] = [];
	const { hooks } = pruneAssets(async (outDir) => {
		scanned.push(outDir);
		return undefined;
	});
	const call = (name: string) => (hooks as unknown as Record<string, (options: unknown) => Promise<void> | void>)[name]({ dir: pathToFileURL(`${dir}/`), logger: { info: () => {} } });
	await call('astro:build:generated');
	await call('astro:build:done');
	expect(scanned).toEqual([]);
	mkdirSync(path.join(dir, '_astro'));
	writeFileSync(path.join(dir, '_astro/unused.D4.jpg'), '');
	await call('astro:build:generated');
	await call('astro:build:done');
	expect(scanned).toEqual([`${dir}/`]);
	expect(readdirSync(path.join(dir, '_astro'))).toEqual([]);
});
