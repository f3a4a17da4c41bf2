/**
 * Astro emits the original of every image a content entry references, even when no page uses it,
 * so the hero of a draft story would still ship under `/_astro/`. This deletes every emitted image
 * that no built file references, before the search index is built.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const IMAGE_RE = /\.(png|jpe?g|webp|avif|gif|svg)$/i;
const TEXT_RE = /\.(html|xml|css|js|mjs|json|vtt|txt|webmanifest)$/i;

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

/** Removes unreferenced images from `<outDir>/_astro`; returns the names removed. */
export async function pruneUnreferencedImages(outDir: string): Promise<string[]> {
	const assetsDir = path.join(outDir, '_astro');
	const images = (await readdir(assetsDir).catch(() => [] as string[])).filter((name) => IMAGE_RE.test(name));
	if (images.length === 0) return [];
	const referenced = new Set<string>();
	const files = await readdir(outDir, { recursive: true, withFileTypes: true });
	for (const entry of files) {
		if (!entry.isFile() || !TEXT_RE.test(entry.name)) continue;
		// Synchronous: one small file after another, and the build waits for this step anyway.
		const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
		for (const match of text.matchAll(/_astro\/([^"'()\s,?#\\]+)/g)) referenced.add(decodedName(match[1]));
	}
	const unused = images.filter((name) => !referenced.has(name));
	await Promise.all(unused.map((name) => rm(path.join(assetsDir, name))));
	return unused;
}

export function pruneAssets(): AstroIntegration {
	return {
		name: 'credence:prune-assets',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const removed = await pruneUnreferencedImages(fileURLToPath(dir));
				if (removed.length) logger.info(`removed ${removed.length} image${removed.length === 1 ? '' : 's'} no page uses`);
			},
		},
	};
}
