/**
 * The hosted editor is in the public build only when `site.yaml` turns it on. Off (the default),
 * the build has no `/admin/` and no editor code anywhere; on, `/admin/` has the page, the Sveltia
 * bundle and its fonts from the package, a config for the GitHub repository and branch named in
 * `site.yaml`, a policy of its own, and no private award folder in its config.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, filesMentioning, readBuiltFiles, removeOutDir } from '../build-helpers.ts';
import { copyFixture, editData } from '../helpers.ts';
import { afterAll } from 'vitest';

describe('editor off (the default)', () => {
	const { dir, cleanup } = copyFixture();
	const outDir = mkdtempSync(path.join(tmpdir(), 'credence-dist-'));
	beforeAll(async () => {
		const result = await buildSite(dir, outDir);
		expect(result.code, result.output).toBe(0);
	}, 240_000);
	afterAll(() => {
		cleanup();
		removeOutDir(outDir);
	});

	it('has no /admin/ and no editor code', () => {
		expect(existsSync(path.join(outDir, 'admin'))).toBe(false);
		expect(filesMentioning(readBuiltFiles(outDir), 'sveltia')).toEqual([]);
	});
});

describe('editor on in site.yaml', () => {
	const { dir, cleanup } = copyFixture();
	const outDir = mkdtempSync(path.join(tmpdir(), 'credence-dist-'));
	beforeAll(async () => {
		editData(path.join(dir, 'site.yaml'), (site) => (site.editor = { enabled: true, repository: 'tessellate/evidence', branch: 'publish' }));
		const result = await buildSite(dir, outDir);
		expect(result.code, result.output).toBe(0);
	}, 240_000);
	afterAll(() => {
		cleanup();
		removeOutDir(outDir);
	});

	it('publishes the editor at /admin/ with the bundle, its fonts and a config for the repository', () => {
		const page = readFileSync(path.join(outDir, 'admin/index.html'), 'utf8');
		expect(page).toContain('<script src="./sveltia-cms.js"></script>');
		expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self';[^"]*connect-src 'self' blob: data: https:\/\/api\.github\.com/);
		expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
		const bundle = readFileSync(path.join(outDir, 'admin/sveltia-cms.js'), 'utf8');
		expect(bundle).not.toContain('cdn.jsdelivr.net/fontsource');
		expect(existsSync(path.join(outDir, 'admin/fonts/material-symbols-outlined-latin-wght-normal.woff2'))).toBe(true);
		const start = readFileSync(path.join(outDir, 'admin/start.js'), 'utf8');
		const config = JSON.parse(start.replace(/^window\.CMS\.init\(\{ config: /, '').replace(/ \}\);\n$/, ''));
		expect(config.backend).toMatchObject({ name: 'github', repo: 'tessellate/evidence', branch: 'publish' });
		const folders: string[] = config.collections.map((c: { folder: string }) => c.folder);
		expect(folders).toContain('content/awards/demo-awards/entries');
		expect(folders.filter((folder) => /judges|scores|rankings|assignments|results|feedback/.test(folder))).toEqual([]);
	});

	it('leaves the pages of the site as they were: no editor code outside /admin/', () => {
		expect(filesMentioning(readBuiltFiles(outDir), 'sveltia').filter((file) => !file.startsWith('admin/'))).toEqual([]);
	});
});
