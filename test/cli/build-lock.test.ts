/**
 * One `npm run build` at a time in a project (scripts/lib/build-lock.ts): two at once overwrote
 * and deleted each other's files in `.astro/`. A second build waits for the first, starting
 * nothing meanwhile, then runs; one kept waiting too long stops, saying why, having built nothing.
 * The first build is stood in for by a process holding the project's build lock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLockFile } from '../../scripts/lib/build-lock.ts';
import { exitOf } from '../../scripts/lib/held-process.ts';
import { copyFixture, editData, NOW, projectRoot } from '../helpers.ts';
import { descendants } from '../process-tree.ts';

const lockFile = `${buildLockFile(projectRoot)}.lock`;

let dir: string;
let cleanup: () => void;
let holder: ChildProcess | undefined;
beforeEach(() => {
	({ dir, cleanup } = copyFixture());
	// A content error: the build, once it runs, ends in seconds with the check's report.
	editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.authors = ['ada-quarry', 'nobody-at-all']));
});
afterEach(async () => {
	// Released as a build that finished releases it, not left for the next test to take over.
	if (holder && holder.exitCode === null && holder.signalCode === null) {
		holder.stdin!.end();
		await exitOf(holder);
	}
	holder = undefined;
	cleanup();
});

/** A process holding the project's build lock, as a running build does, until its stdin closes. */
async function holdBuildLock(): Promise<ChildProcess> {
	const modules = ['lock.ts', 'build-lock.ts'].map((m) => JSON.stringify(pathToFileURL(path.join(projectRoot, 'scripts/lib', m)).href));
	const code = `import { prepareLock } from ${modules[0]};
import { buildLockFile, buildLockWords } from ${modules[1]};
const held = prepareLock(buildLockFile(${JSON.stringify(projectRoot)}), buildLockWords('dist'));
await held.acquire(0);
console.log('ready');
process.stdin.resume();
process.stdin.on('end', async () => { await held.release(); process.exit(0); });`;
	const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: projectRoot, stdio: ['pipe', 'pipe', 'inherit'] });
	await new Promise<void>((resolve, reject) => {
		child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
		child.on('exit', (exitCode) => reject(new Error(`the lock holder exited (${exitCode})`)));
	});
	return child;
}

/** `npm run build`'s script on the copied fixture, its output collected. */
function startBuild(extraEnv: Record<string, string>) {
	const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/build.ts')], {
		cwd: projectRoot,
		env: { ...process.env, CREDENCE_NOW: NOW.toISOString(), NO_COLOR: '1', CREDENCE_CONTENT_DIR: dir, CREDENCE_OUT_DIR: path.join(dir, '..', 'out'), ...extraEnv },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk));
	return { child, output: () => output, exit: exitOf(child) };
}

describe('a build while another runs in the same project', () => {
	it('waits for it, starting neither the check nor Astro meanwhile, then runs', async () => {
		holder = await holdBuildLock();
		const build = startBuild({ CREDENCE_BUILD_LOCK_WAIT_MS: '120000' });
		await expect.poll(build.output, { timeout: 30_000 }).toContain(`waiting for the build already running in this project (process ${holder.pid}) to finish`);
		// Waiting, it has started nothing: no check and no Astro that could meet the other build's files.
		expect(descendants(build.child.pid!)).toEqual([]);
		expect(build.child.exitCode).toBeNull();
		holder.stdin!.end();
		const exit = await build.exit;
		expect(exit.code, build.output()).toBe(1);
		expect(build.output()).toMatch(/content check found 2 errors \(listed above\): nothing was built/);
		expect(build.output()).not.toContain('took over the lock file');
		expect(existsSync(lockFile)).toBe(false);
	}, 90_000);

	it('gives up after the time allowed, saying which process holds the project and that nothing was built', async () => {
		holder = await holdBuildLock();
		const build = startBuild({ CREDENCE_BUILD_LOCK_WAIT_MS: '300' });
		const exit = await build.exit;
		expect(exit.code, build.output()).toBe(1);
		expect(build.output()).toContain(`✗ another build has been running in this project for too long (process ${holder.pid}, lock file ${lockFile}), so this one did not start: nothing was built and`);
		expect(build.output()).not.toMatch(/content check|Stack trace|\n\s+at .*:\d+:\d+/);
		// The other build's lock is left alone.
		expect(existsSync(lockFile)).toBe(true);
	}, 60_000);

	it('takes over the lock of a build that was killed, saying so', async () => {
		holder = await holdBuildLock();
		holder.kill('SIGKILL');
		await exitOf(holder);
		const build = startBuild({ CREDENCE_BUILD_LOCK_WAIT_MS: '120000' });
		const exit = await build.exit;
		expect(exit.code, build.output()).toBe(1);
		expect(build.output()).toMatch(/note: took over the lock file .*credence-build\.lock: process \d+ is no longer running/);
		expect(build.output()).toMatch(/content check found 2 errors/);
		expect(existsSync(lockFile)).toBe(false);
	}, 60_000);
});
