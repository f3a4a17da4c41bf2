/** Builds a site from a content folder into a temporary dist, and reads everything it wrote. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { previousDirFor, stagingDirFor } from '../scripts/lib/staged-output.ts';
import { afterAll } from 'vitest';
import { copyFixture, projectRoot, runScript } from './helpers.ts';

export interface BuildResult {
	code: number;
	output: string;
}

/**
 * Builds `contentDir` into `outDir` with `npm run build`'s own script (scripts/build.ts: the
 * content check, `astro build` and the search index into a staging folder beside `outDir`, then
 * the swap), with the clock pinned.
 */
export async function buildSite(contentDir: string, outDir: string, extraEnv: Record<string, string> = {}): Promise<BuildResult> {
	const result = await runScript(path.join(projectRoot, 'scripts/build.ts'), [], { CREDENCE_CONTENT_DIR: contentDir, CREDENCE_OUT_DIR: outDir, ...extraEnv });
	return { code: result.code, output: result.out };
}

/** Removes `outDir` and the folders the build keeps beside it (its staging folder, the builds it replaced). */
export function removeOutDir(outDir: string): void {
	for (const dir of [outDir, stagingDirFor(outDir), previousDirFor(outDir)]) rmSync(dir, { recursive: true, force: true });
}

export interface BuiltFile {
	/** Path relative to the output folder. */
	path: string;
	/** Contents as text; gzip-compressed files (the Pagefind index) are decompressed first. */
	text: string;
}

/** Every file under `outDir`, decompressed where gzip-compressed. */
export function readBuiltFiles(outDir: string): BuiltFile[] {
	return readdirSync(outDir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => {
			const absolute = path.join(entry.parentPath, entry.name);
			let bytes = readFileSync(absolute);
			if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
			return { path: path.relative(outDir, absolute).split(path.sep).join('/'), text: bytes.toString('utf8') };
		});
}

/** Files whose path or contents mention `needle` (case-insensitive). */
export function filesMentioning(files: BuiltFile[], needle: string): string[] {
	const lower = needle.toLowerCase();
	return files.filter((f) => f.path.toLowerCase().includes(lower) || f.text.toLowerCase().includes(lower)).map((f) => f.path);
}

/** A fresh copy of the fixture content and an empty output folder, both removed after the test file. */
export function fixtureSite(): { dir: string; outDir: string } {
	const { dir, cleanup } = copyFixture();
	const outDir = mkdtempSync(path.join(tmpdir(), 'credence-dist-'));
	afterAll(() => {
		cleanup();
		removeOutDir(outDir);
	});
	return { dir, outDir };
}
