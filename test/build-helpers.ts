/** Builds a site from a content folder into a temporary dist, and reads everything it wrote. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { astroBuildArgs } from '../scripts/lib/astro-build.ts';
import { afterAll } from 'vitest';
import { copyFixture, projectRoot, runNode, runScript } from './helpers.ts';

export interface BuildResult {
	code: number;
	output: string;
}

/** Builds `contentDir` into `outDir` as `npm run build` does (`astro build`, then the search index), with the clock pinned. */
export async function buildSite(contentDir: string, outDir: string, extraEnv: Record<string, string> = {}): Promise<BuildResult> {
	const env = { CREDENCE_CONTENT_DIR: contentDir, CREDENCE_OUT_DIR: outDir, ...extraEnv };
	const astro = await runNode(astroBuildArgs(projectRoot), env);
	if (astro.code !== 0) return { code: astro.code, output: astro.out };
	const search = await runScript(path.join(projectRoot, 'scripts/search-index.ts'), ['--site', outDir], env);
	return { code: search.code, output: astro.out + search.out };
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
		rmSync(outDir, { recursive: true, force: true });
	});
	return { dir, outDir };
}
