/**
 * The build refuses an MDX story that breaks the rule for stories by itself, not only through the
 * content check: the project's own Astro configuration, with the content-check integration taken
 * out, is given the audit's story, whose expression wrote a file when the page was rendered.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { fixtureSite } from '../build-helpers.ts';
import { projectRoot, runNode } from '../helpers.ts';

const { dir, outDir } = fixtureSite();
const markerDir = mkdtempSync(path.join(tmpdir(), 'credence-mdx-escape-'));
afterAll(() => rmSync(markerDir, { recursive: true, force: true }));

/** `astro build` with the project's configuration, less the content check (as if it had been skipped or fooled). */
function buildWithoutCheck(env: Record<string, string>) {
	const script = [
		"import { build } from 'astro';",
		`const { default: config } = await import(${JSON.stringify(pathToFileURL(path.join(projectRoot, 'astro.config.mjs')).href)});`,
		"const integrations = config.integrations.filter((integration) => integration.name !== 'credence:content-check');",
		`await build({ ...config, root: ${JSON.stringify(projectRoot)}, configFile: false, integrations });`,
	].join('\n');
	return runNode(['--input-type=module', '-e', script], env);
}

it('stops at the compile of a story with an expression, before it can run, naming the story and the line', async () => {
	const marker = path.join(markerDir, 'written-by-a-story');
	const story = path.join(dir, 'stories/quarry-forecasting.mdx');
	const source = readFileSync(story, 'utf8').replace(/\n*$/, '\n');
	const line = source.split('\n').length + 1;
	writeFileSync(story, `${source}\n{[].constructor.constructor("return process")().getBuiltinModule("fs").writeFileSync(${JSON.stringify(marker)}, "x")}\n`);
	const result = await buildWithoutCheck({ CREDENCE_CONTENT_DIR: dir, CREDENCE_OUT_DIR: outDir });
	expect(result.code, result.out).not.toBe(0);
	expect(existsSync(marker), 'the story’s code ran').toBe(false);
	expect(result.out).toContain(`quarry-forecasting.mdx:${line}:1`);
	expect(result.out).toMatch(/a JavaScript expression, which stories may not contain/);
}, 180_000);
