/**
 * A build that fails part-way leaves the last complete build in place: `npm run build` writes
 * into a staging folder and swaps it in only when Astro and the search index both succeeded
 * (scripts/build.ts, scripts/lib/staged-output.ts). Before, Astro emptied the output folder at
 * the start, and a build that stopped while rendering left half a site (no index.html, no
 * pagefind/).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { stagingDirFor } from '../../scripts/lib/staged-output.ts';
import { buildSite, fixtureSite, readBuiltFiles } from '../build-helpers.ts';
import { editData } from '../helpers.ts';

const { dir, outDir } = fixtureSite();
const scratch = mkdtempSync(path.join(tmpdir(), 'credence-failed-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('keeps the last complete build, whole, when a build fails while rendering pages', async () => {
	const env = { CREDENCE_CACHE_DIR: path.join(scratch, 'cache'), CREDENCE_OG_CACHE: path.join(scratch, 'og') };
	const first = await buildSite(dir, outDir, env);
	expect(first.code, first.output).toBe(0);
	const before = readBuiltFiles(outDir);
	expect(before.map((f) => f.path)).toContain('index.html');
	expect(before.some((f) => f.path.startsWith('pagefind/'))).toBe(true);

	// A new title needs a new Open Graph card, and the card cache is a file, not a folder: the
	// build fails while rendering, after other pages were written. (No content can do this.)
	editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.title = 'A title that needs a new card'));
	const cardCache = path.join(scratch, 'not-a-folder');
	writeFileSync(cardCache, '');
	const failed = await buildSite(dir, outDir, { ...env, CREDENCE_OG_CACHE: cardCache });
	expect(failed.code, failed.output).not.toBe(0);
	expect(failed.output).toMatch(/astro build failed \(see above\): .* keeps the last complete build/);
	// Rendering had started: the staging folder holds some pages of the failed build.
	expect(existsSync(stagingDirFor(outDir)), failed.output).toBe(true);

	expect(readBuiltFiles(outDir)).toEqual(before);
	expect(readFileSync(path.join(outDir, 'stories/quarry-forecasting/index.html'), 'utf8')).not.toContain('A title that needs a new card');

	// The next build that succeeds replaces it.
	const fixed = await buildSite(dir, outDir, env);
	expect(fixed.code, fixed.output).toBe(0);
	expect(readFileSync(path.join(outDir, 'stories/quarry-forecasting/index.html'), 'utf8')).toContain('A title that needs a new card');
	expect(existsSync(stagingDirFor(outDir))).toBe(false);
}, 400_000);
