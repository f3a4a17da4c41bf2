/**
 * `npm run edit` as a user runs it: `--print-config` prints the editor's config generated from
 * the schemas (YAML) and exits; a content folder outside the repository is refused with a
 * message saying why, and no stack trace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { fixtureContent, projectRoot, runScript } from '../helpers.ts';

describe('npm run edit', () => {
	it('prints the generated config with --print-config', async () => {
		const result = await runScript('scripts/edit.ts', ['--print-config', '--content', path.relative(projectRoot, fixtureContent)]);
		expect(result.code, result.out).toBe(0);
		const config = YAML.parse(result.out);
		expect(config.load_config_file).toBe(false);
		expect(config.collections.map((c: { name: string }) => c.name)).toEqual(['customers', 'people', 'products', 'stories', 'stories-mdx', 'videos', 'entries-demo-awards']);
		expect(config.collections[0].folder).toBe('test/fixtures/site/content/customers');
		expect(result.out).not.toMatch(/\/(judges|scores|rankings|assignments|results|feedback)\b/);
	});

	it('refuses a content folder outside the repository, saying why', async () => {
		const outside = mkdtempSync(path.join(tmpdir(), 'credence-outside-'));
		try {
			const result = await runScript('scripts/edit.ts', ['--print-config', '--content', outside]);
			expect(result.code).toBe(1);
			expect(result.out).toMatch(/^error: expected a content folder inside this repository/m);
			expect(result.out).not.toMatch(/\n\s+at .*:\d+:\d+/);
		} finally {
			rmSync(outside, { recursive: true, force: true });
		}
	});

	it('refuses a port that is not one', async () => {
		const result = await runScript('scripts/edit.ts', ['--port', 'eighty']);
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/expected --port to be a port number like 4322, found "eighty"/);
	});
});
