/**
 * What `npm run build` does before the content check's verdict, now that Astro starts while the
 * check runs: nothing under the content folder may make Astro (its configuration, its
 * integrations) read outside it before the check has refused it, as nothing did when the check
 * passed before Astro started.
 */
import { constants, closeSync, existsSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { astroBuildArgs } from '../../scripts/lib/astro-build.ts';
import { copyFixture, editData, runNode, runScript } from '../helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture()));
afterEach(() => cleanup());

it('content/site.yaml linked out of the content folder: refused by the check, and not opened by Astro meanwhile', async () => {
	// A named pipe beside the content folder stands for a secret elsewhere on the machine: whoever
	// opens it to read is seen by the writer below, which can open it only once a reader has.
	const outside = path.join(dir, '..', 'outside');
	mkdirSync(outside);
	const pipe = path.join(outside, 'secrets.yaml');
	execFileSync('mkfifo', [pipe]);
	rmSync(path.join(dir, 'site.yaml'));
	execFileSync('ln', ['-s', pipe, path.join(dir, 'site.yaml')]);
	let openedBy = 0;
	const watch = setInterval(() => {
		let fd: number;
		try {
			fd = openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK);
		} catch {
			return; // ENXIO: nobody reads it
		}
		openedBy += 1;
		try {
			writeSync(fd, 'url: https://read-outside-content.example.com/\n');
		} finally {
			closeSync(fd);
		}
	}, 50);
	// The check made slow (15 s before it starts), as on a busy machine or a large library: Astro has long loaded its configuration when the verdict comes.
	const slowCheck = `${process.env.NODE_OPTIONS ?? ''} --import=data:text/javascript,if(process.argv[1]?.endsWith('check.ts'))Atomics.wait(new%20Int32Array(new%20SharedArrayBuffer(4)),0,0,15000)`.trim();
	const result = await runScript('scripts/build.ts', [], { CREDENCE_CONTENT_DIR: dir, CREDENCE_OUT_DIR: path.join(dir, '..', 'out'), CREDENCE_CACHE_DIR: path.join(dir, '..', 'cache'), NODE_OPTIONS: slowCheck });
	clearInterval(watch);
	expect(result.code, result.out).toBe(1);
	expect(result.out).toMatch(/site\.yaml\s+\(file\): expected an entry file inside the content folder .*found a symbolic link to .*outside\/secrets\.yaml/);
	expect(result.out).toMatch(/content check found 2 errors \(listed above\): nothing was built/);
	expect(openedBy, 'a process of the build opened the file site.yaml links to, outside the content folder').toBe(0);
}, 120_000);

it('a direct astro build with CREDENCE_CONTENT_CHECKED set but no build to hear the verdict from still checks the content', async () => {
	// The variable is npm run build's word that it checks the content itself and answers over Astro's
	// IPC channel. Left in a shell or a CI job's environment without that channel, it must not turn the check off.
	editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.authors = ['ada-quarry', 'nobody-at-all']));
	const out = path.join(dir, '..', 'out');
	const result = await runNode(astroBuildArgs(), { CREDENCE_CONTENT_DIR: dir, CREDENCE_OUT_DIR: out, CREDENCE_CACHE_DIR: path.join(dir, '..', 'cache'), CREDENCE_CONTENT_CHECKED: dir });
	expect(result.code, result.out).toBe(1);
	expect(result.out).toMatch(/content check found 2 errors \(listed above\)/);
	expect(result.out).not.toMatch(/content check passed/);
	expect(existsSync(path.join(out, 'index.html'))).toBe(false);
}, 180_000);
