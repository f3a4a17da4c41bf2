/**
 * A failed build never leaves a half-written output folder. `npm run build` (scripts/build.ts)
 * builds into a staging folder beside the output folder (`dist/` → `.dist.building/`), Astro
 * first and the search index after it, and only when both succeeded swaps it into place with two
 * renames: the last complete build moves aside into `.dist.previous/`, the new one takes its
 * name. Until then `dist/` holds the last complete build, untouched; a failed build's half is
 * left in the staging folder, which the next build empties first (src/integrations/clear-out-dir.ts).
 *
 * Renames are cheap (a copy of 20,000 files is not), and both folders sit beside the output
 * folder so that they are on its file system. The build moved aside is deleted by the next
 * build, in the background while Astro works (`deletePreviousBuilds`), as the last build was
 * deleted before: no build waits for 20,000 files to be deleted.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { OUTPUT_KEEPS } from '../../src/integrations/clear-out-dir.ts';


/** `dist` → `.dist.building`, beside it: where the build writes until it has succeeded. */
export function stagingDirFor(outDir: string): string {
	return path.join(path.dirname(outDir), `.${path.basename(outDir)}.building`);
}

/** `dist` → `.dist.previous`, beside it: where complete builds go when a newer one replaces them. */
export function previousDirFor(outDir: string): string {
	return path.join(path.dirname(outDir), `.${path.basename(outDir)}.previous`);
}

/** Deletes the builds that newer ones replaced (see `publishStagedBuild`); resolves when done. */
export function deletePreviousBuilds(outDir: string): Promise<void> {
	return rm(previousDirFor(outDir), { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Puts the complete build in `stagingDir` in place as `outDir`: what `outDir` keeps between
 * builds (`.git`) moves into the new build, the last build moves into `previousDirFor(outDir)`,
 * and `stagingDir` is renamed `outDir`. Call only after every step of the build succeeded.
 */
export function publishStagedBuild(stagingDir: string, outDir: string): void {
	let movedAside: string | undefined;
	if (existsSync(outDir)) {
		for (const name of OUTPUT_KEEPS) {
			if (existsSync(path.join(outDir, name)) && !existsSync(path.join(stagingDir, name))) renameSync(path.join(outDir, name), path.join(stagingDir, name));
		}
		if (readdirSync(outDir).length === 0) rmdirSync(outDir);
		else {
			const previous = previousDirFor(outDir);
			mkdirSync(previous, { recursive: true });
			movedAside = path.join(previous, `${process.pid}-${Date.now()}`);
			renameSync(outDir, movedAside);
		}
	}
	mkdirSync(path.dirname(outDir), { recursive: true });
	try {
		renameSync(stagingDir, outDir);
	} catch (cause) {
		if (movedAside) renameSync(movedAside, outDir); // the last build goes back rather than leave no site
		throw cause;
	}
}
