/**
 * `npm run check -- --format github`: each problem as a GitHub Actions annotation on the line of
 * the field that caused it, and content that tries to smuggle its own workflow command in a value
 * stays inside the one annotation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/lib/content/load.ts';
import { copyFixture, editData, projectRoot, runScript } from '../helpers.ts';

const check = (contentDir: string, ...args: string[]) => runScript('scripts/check.ts', ['--content', contentDir, ...args]);

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture()));
afterEach(() => cleanup());

const story = () => path.join(dir, 'stories/quarry-forecasting.mdx');

describe('npm run check -- --format github', () => {
	it('annotates the line and column of the field in the file', async () => {
		editData(story(), (d) => (d.authors = ['jon-doe', 'vera-vendor']));
		const result = await check(dir, '--format', 'github');
		expect(result.code).toBe(1);
		const file = displayPath(projectRoot, story()).replaceAll(':', '%3A').replaceAll(',', '%2C');
		// Where editData's YAML put the unknown id: its line (1-based, the opening --- is line 1) and column.
		const lines = readFileSync(story(), 'utf8').split('\n');
		const line = lines.findIndex((l) => l.includes('jon-doe')) + 1;
		const col = lines[line - 1]!.indexOf('jon-doe') + 1;
		const annotation = result.out.split('\n').find((l) => l.startsWith(`::error file=${file},`) && l.includes('authors[0]'));
		expect(annotation, result.out).toBe(
			`::error file=${file},line=${line},col=${col},title=content check%3A authors[0]::expected the id of an existing entry in people, found "jon-doe" (known ids include "aca-demic", "ana-lyst", "hal-grid", "vera-vendor", "ada-quarry")`,
		);
		expect(result.out).toMatch(/✗ checked \d+ entries/);
	});

	it('keeps a hostile value inside its annotation: no line of output is a command the content wrote', async () => {
		editData(story(), (d) => (d.customer = 'nope\n::add-mask::leak\r\n::set-env name=NODE_OPTIONS::--require=/tmp/x'));
		const result = await check(dir, '--format', 'github');
		expect(result.code).toBe(1);
		const commands = result.out.split(/\r\n|\r|\n/).filter((l) => l.startsWith('::'));
		expect(commands.length, result.out).toBeGreaterThan(0);
		for (const line of commands) expect(line).toMatch(/^::(error|warning) file=/);
		expect(result.out).toContain('found "nope\\n::add-mask::leak\\r\\n::set-env');
	});

	it('refuses an unknown format, saying which exist', async () => {
		const result = await check(dir, '--format', 'gitlab');
		expect(result.code).not.toBe(0);
		expect(result.out).toMatch(/--format takes text, json, github, found "gitlab"/);
	});
});
