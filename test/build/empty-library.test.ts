/**
 * A site with nothing public yet (every item a draft, say, or the last approval lapsed) still
 * builds: the daily build must take the lapsed item down, not fail and leave it up.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildSite, filesMentioning, fixtureSite, readBuiltFiles } from '../build-helpers.ts';
import { editData } from '../helpers.ts';

const { dir, outDir } = fixtureSite();

it('builds with nothing public to list or search, and the last public item is gone', async () => {
	expect((await buildSite(dir, outDir)).code).toBe(0);
	expect(existsSync(path.join(outDir, 'stories/quarry-forecasting/index.html'))).toBe(true);
	for (const file of ['stories/quarry-forecasting.mdx', 'videos/grid-operations.yaml', 'awards/demo-awards/entries/quarry-planning.md']) {
		editData(path.join(dir, file), (d) => (d.draft = true));
	}
	const result = await buildSite(dir, outDir);
	expect(result.code, result.output).toBe(0);
	expect(result.output).toContain('[search-index] no public evidence to search yet');
	expect(existsSync(path.join(outDir, 'pagefind'))).toBe(false);
	expect(readFileSync(path.join(outDir, 'search/index.html'), 'utf8')).toContain('data-search-bundles="[]"');
	expect(existsSync(path.join(outDir, 'stories/quarry-forecasting'))).toBe(false);
	expect(filesMentioning(readBuiltFiles(outDir), 'quarry-forecasting')).toEqual([]);
}, 240_000);
