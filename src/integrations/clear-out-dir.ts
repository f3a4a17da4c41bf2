/**
 * Astro empties the output folder just before it bundles, deleting what is there file by file on
 * the main thread: 20,000 files and 2–3 s of a 10,000-item rebuild. This moves it aside first,
 * one rename per top-level entry, into a folder of the build's cache, and deletes it there in the
 * background while Astro bundles; Astro then finds the output folder empty. When a rename cannot
 * be done (the cache on another file system), Astro deletes what is left as before.
 *
 * Under `npm run build` Astro's output folder is the staging folder (scripts/lib/staged-output.ts),
 * which holds at most what a failed build left; the last complete build, beside it, is not
 * touched. A direct `astro build` writes into the output folder itself and empties it first.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What stays in the output folder from one build to the next (a deploy repository's history), as Astro keeps it. */
export const OUTPUT_KEEPS: readonly string[] = ['.git'];

/**
 * Moves every entry of `outDir` (but `.git`) into a new folder under `trashDir`, then deletes
 * everything under `trashDir`, including what an interrupted build left there. Resolves when the
 * deletion is done; the moves are done when it returns.
 */
export function moveAsideAndDelete(outDir: string, trashDir: string): Promise<void> {
	let names: string[];
	try {
		names = readdirSync(outDir).filter((name) => !OUTPUT_KEEPS.includes(name));
	} catch {
		names = []; // no earlier build
	}
	if (names.length > 0) {
		const batch = path.join(trashDir, `${process.pid}-${Date.now()}`);
		try {
			mkdirSync(batch, { recursive: true });
			for (const name of names) renameSync(path.join(outDir, name), path.join(batch, name));
		} catch {
			// Another file system, or a name in use: Astro empties the folder itself.
		}
	}
	return rm(trashDir, { recursive: true, force: true, maxRetries: 3 });
}

export function clearOutDir(): AstroIntegration {
	let outDir = '';
	let trashDir = '';
	let deleting: Promise<void> | undefined;
	return {
		name: 'credence:clear-out-dir',
		hooks: {
			'astro:config:done': ({ config }) => {
				outDir = fileURLToPath(config.outDir);
				trashDir = path.join(fileURLToPath(config.cacheDir), 'previous-output');
			},
			// After content sync (a sync that fails leaves the last build in place, as Astro does),
			// just before Astro empties the folder.
			'astro:build:start': () => {
				deleting = moveAsideAndDelete(outDir, trashDir);
			},
			'astro:build:done': async ({ logger }) => {
				await deleting?.catch((error: unknown) => logger.warn(`could not delete the previous build from ${trashDir}: ${error}`));
			},
		},
	};
}
