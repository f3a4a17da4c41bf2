import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { clearOutDir, moveAsideAndDelete } from '../../src/integrations/clear-out-dir.ts';

let root: string;
let outDir: string;
let trashDir: string;
beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'credence-clear-'));
	outDir = path.join(root, 'dist');
	trashDir = path.join(root, 'cache', 'previous-output');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function lastBuild() {
	mkdirSync(path.join(outDir, 'stories/a'), { recursive: true });
	mkdirSync(path.join(outDir, '.git'));
	writeFileSync(path.join(outDir, 'index.html'), 'home');
	writeFileSync(path.join(outDir, 'stories/a/index.html'), 'a story');
	writeFileSync(path.join(outDir, '.git/HEAD'), 'ref: refs/heads/main');
}

it('empties the output folder at once, but for .git, and deletes the last build in the background', async () => {
	lastBuild();
	// What an interrupted build left behind is deleted too.
	mkdirSync(path.join(trashDir, 'interrupted'), { recursive: true });
	writeFileSync(path.join(trashDir, 'interrupted/index.html'), 'old');
	const deleting = moveAsideAndDelete(outDir, trashDir);
	expect(readdirSync(outDir)).toEqual(['.git']);
	await deleting;
	expect(existsSync(trashDir)).toBe(false);
	expect(readdirSync(path.join(outDir, '.git'))).toEqual(['HEAD']);
});

it('does nothing before a first build', async () => {
	await moveAsideAndDelete(outDir, trashDir);
	expect(existsSync(outDir)).toBe(false);
});

it('leaves the output folder to Astro when the last build cannot be moved', async () => {
	lastBuild();
	// The cache's folder cannot be made (a file is in the way): nothing moves, nothing is lost.
	mkdirSync(path.join(root, 'cache'));
	writeFileSync(trashDir, '');
	await moveAsideAndDelete(outDir, trashDir);
	expect(readdirSync(outDir).sort()).toEqual(['.git', 'index.html', 'stories']);
});

it('moves the last build aside when the build starts (after content sync) and waits for its deletion when it is done', async () => {
	lastBuild();
	const { hooks } = clearOutDir();
	const call = (name: string, options: unknown) => (hooks as unknown as Record<string, (options: unknown) => unknown>)[name](options);
	await call('astro:config:done', { config: { outDir: pathToFileURL(`${outDir}/`), cacheDir: pathToFileURL(`${path.join(root, 'cache')}/`) } });
	// Content sync has run; nothing is touched until the build starts.
	expect(readdirSync(outDir).sort()).toEqual(['.git', 'index.html', 'stories']);
	await call('astro:build:start', {});
	expect(readdirSync(outDir)).toEqual(['.git']);
	await call('astro:build:done', { logger: { warn: (message: string) => expect.fail(message) } });
	expect(existsSync(trashDir)).toBe(false);
});
