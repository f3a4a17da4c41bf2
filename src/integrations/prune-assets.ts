/**
 * Astro emits the original of every image a content entry references, even when no page uses it,
 * so the hero of a draft story would still ship under `/_astro/`. This deletes every emitted image
 * that no built file references, before the search index is built.
 *
 * Reading every page for the images it names took about 4 s of a 10,000-item build's tail on the
 * loaded machine, where the search index's large bundles wait for Astro to exit. The pages are
 * final once Astro calls `astro:build:generated` (nothing after it changes a page, as
 * pages-written.ts relies on too), so a worker thread reads them from then on
 * (prune-assets-scan.ts), beside the sitemap and Astro's own last steps, and `astro:build:done`
 * reads only what the worker did not: every other text file, and any page written since.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const IMAGE_RE = /\.(png|jpe?g|webp|avif|gif|svg)$/i;
const TEXT_RE = /\.(html|xml|css|js|mjs|json|vtt|txt|webmanifest)$/i;
const PAGE_RE = /\.html$/i;

/**
 * A referenced name as the file is called. Pages carry content's own text too, and a story that
 * merely mentions `_astro/%zz` (not valid percent-encoding) made `decodeURIComponent` throw and
 * the whole build fail on a URIError; such text names no emitted file, so it is kept as it is.
 */
function decodedName(name: string): string {
	try {
		return decodeURIComponent(name);
	} catch {
		return name;
	}
}

/** The text files under `outDir` (`pages` only: its HTML pages), relative to it. */
export async function textFiles(outDir: string, pages = false): Promise<string[]> {
	const files = await readdir(outDir, { recursive: true, withFileTypes: true });
	return files.filter((entry) => entry.isFile() && (pages ? PAGE_RE : TEXT_RE).test(entry.name)).map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)));
}

/** Adds to `referenced` the names under `_astro/` each of `files` (relative to `outDir`) mentions. */
export function addReferences(outDir: string, files: Iterable<string>, referenced: Set<string>): void {
	for (const file of files) {
		// Synchronous: one small file after another, and the build waits for this step anyway.
		const text = readFileSync(path.join(outDir, file), 'utf8');
		for (const match of text.matchAll(/_astro\/([^"'()\s,?#\\]+)/g)) referenced.add(decodedName(match[1]));
	}
}

/** The images under `<outDir>/_astro`, by name. */
function emittedImages(outDir: string): string[] {
	try {
		return readdirSync(path.join(outDir, '_astro')).filter((name) => IMAGE_RE.test(name));
	} catch {
		return [];
	}
}

/** What a scan of some files found: the files read (relative to the output folder) and the names they reference. */
export interface Scan {
	files: string[];
	referenced: string[];
}

/**
 * Removes unreferenced images from `<outDir>/_astro`; returns the names removed. `early`, when
 * given, is a scan of pages made since they were written: those pages are not read again.
 */
export async function pruneUnreferencedImages(outDir: string, early?: Scan): Promise<string[]> {
	const assetsDir = path.join(outDir, '_astro');
	const images = emittedImages(outDir);
	if (images.length === 0) return [];
	const referenced = new Set(early?.referenced);
	const scanned = new Set(early?.files.filter((file) => PAGE_RE.test(file)));
	addReferences(
		outDir,
		(await textFiles(outDir)).filter((file) => !scanned.has(file)),
		referenced,
	);
	const unused = images.filter((name) => !referenced.has(name));
	await Promise.all(unused.map((name) => rm(path.join(assetsDir, name))));
	return unused;
}

const SCAN_WORKER = fileURLToPath(new URL('./prune-assets-scan.ts', import.meta.url));

/** Scans `outDir`'s pages in a worker thread; undefined if the worker fails (every file is then read at the end). */
export function scanPagesInWorker(outDir: string, file = SCAN_WORKER): Promise<Scan | undefined> {
	return new Promise((resolve) => {
		const worker = new Worker(file, { workerData: { outDir } });
		worker.once('message', (scan: Scan) => resolve(scan));
		worker.once('error', () => resolve(undefined));
		worker.once('exit', () => resolve(undefined));
	});
}

/** The integration; `scan` reads the pages once written (a test may give another). */
export function pruneAssets(scan: (outDir: string) => Promise<Scan | undefined> = scanPagesInWorker): AstroIntegration {
	let early: Promise<Scan | undefined> | undefined;
	return {
		name: 'credence:prune-assets',
		hooks: {
			'astro:build:generated': ({ dir }) => {
				// Only if there are images to prune: otherwise the pages need not be read at all.
				const outDir = fileURLToPath(dir);
				if (emittedImages(outDir).length > 0) early = scan(outDir);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const removed = await pruneUnreferencedImages(fileURLToPath(dir), await early);
				early = undefined;
				if (removed.length) logger.info(`removed ${removed.length} image${removed.length === 1 ? '' : 's'} no page uses`);
			},
		},
	};
}
