/**
 * A build stopped part-way (scripts/lib/stop-signals.ts): SIGTERM or SIGINT sent to `npm run
 * build`'s process alone (a CI runner cancelling a job, `kill`, `timeout`), or SIGINT to all its
 * processes at once (Ctrl-C in a terminal). Every process the build started (the check, Astro,
 * Pagefind) ends with it, it says once that it was stopped and nothing else, ends by the same
 * signal (so that `npm run build && deploy` stops too), and the output folder keeps the last
 * complete build. Before, Node ended the build's process at once and left Astro and Pagefind
 * running on their own.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf } from '../../scripts/lib/held-process.ts';
import { displayPath } from '../../src/lib/content/display-path.ts';
import { buildSite, fixtureSite, readBuiltFiles, type BuiltFile } from '../build-helpers.ts';
import { editData, NOW, projectRoot } from '../helpers.ts';
import { descendants } from '../process-tree.ts';
import { buildLockFile } from '../../scripts/lib/build-lock.ts';

const { dir, outDir } = fixtureSite();
const scratch = mkdtempSync(path.join(tmpdir(), 'credence-stopped-build-'));
const env = { CREDENCE_CACHE_DIR: path.join(scratch, 'cache'), CREDENCE_OG_CACHE: path.join(scratch, 'og') };
// A stand-in for Pagefind (Pagefind's own PAGEFIND_EXTENDED_BINARY_PATH) that says it started,
// then indexes for a minute and ignores SIGTERM.
const fakePagefind = path.join(scratch, 'pagefind_extended');
const fakePid = path.join(scratch, 'pagefind.pid');
let before: BuiltFile[];

beforeAll(async () => {
	writeFileSync(fakePagefind, `#!/bin/sh\necho $$ > "${fakePid}"\ntrap '' TERM\nexec sleep 60\n`);
	chmodSync(fakePagefind, 0o755);
	const first = await buildSite(dir, outDir, env);
	expect(first.code, first.output).toBe(0);
	before = readBuiltFiles(outDir);
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Whether process `pid` is still running (a zombie, ended but not yet reaped, is not). */
function running(pid: number): boolean {
	try {
		return !/^\S+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

/** Starts `npm run build`'s script on the fixture, its output collected (`group`: in a process group of its own, as a terminal runs it). */
function startBuild(extraEnv: Record<string, string> = {}, group = false) {
	const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/build.ts')], {
		cwd: projectRoot,
		env: { ...process.env, CREDENCE_NOW: NOW.toISOString(), NO_COLOR: '1', CREDENCE_CONTENT_DIR: dir, CREDENCE_OUT_DIR: outDir, ...env, ...extraEnv },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: group,
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk));
	return { child, output: () => output, exit: exitOf(child) };
}

const stoppedLine = (signal: string) => `✗ the build was stopped (${signal}) before it finished: ${displayPath(projectRoot, outDir)} keeps the last complete build`;
/** What a stopped build must not say: a failure of its own steps, or the search index's. */
const NOISE = /failed \(see above\)|content check crashed|content check found|search-index|built the site/;

/**
 * What every stopped build must show: ended by `signal` (as a shell must see it to stop
 * `npm run build && deploy`), said so and nothing else, every process it had started (`started`)
 * gone, and the last complete build in place.
 */
async function expectStopped(build: ReturnType<typeof startBuild>, signal: NodeJS.Signals, started: { pid: number }[]) {
	const exit = await build.exit;
	expect(exit, build.output()).toEqual({ code: 128 + constants.signals[signal], signal });
	expect(build.output()).toContain(stoppedLine(signal));
	expect(build.output()).not.toMatch(NOISE);
	// Astro and the check are waited for; Pagefind is killed as the build ends, and reaped by whoever adopts it.
	await expect.poll(() => started.filter((p) => running(p.pid)), { timeout: 10_000 }).toEqual([]);
	expect(readBuiltFiles(outDir)).toEqual(before);
	// The project's build lock released once they had exited: the next build neither waits nor takes it over.
	expect(existsSync(`${buildLockFile(projectRoot)}.lock`)).toBe(false);
}

describe('a build stopped by a signal', () => {
	it('stops Astro (and the check, if still running) with it, says so, ends by SIGTERM, and keeps the last complete build', async () => {
		editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.title = 'A title the stopped build never publishes'));
		const build = startBuild();
		// Astro cannot finish before the check has passed and the pages are built: seconds, not milliseconds.
		let started: { pid: number; command: string }[] = [];
		await expect
			.poll(() => {
				started = descendants(build.child.pid!);
				return started.some((p) => p.command.includes('astro.mjs'));
			}, { timeout: 60_000 })
			.toBe(true);
		build.child.kill('SIGTERM');
		await expectStopped(build, 'SIGTERM', started);
	}, 120_000);

	it('kills a Pagefind that ignores SIGTERM, on SIGINT to the build alone, and keeps the last complete build', async () => {
		editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.title = 'Another title the stopped build never publishes'));
		rmSync(fakePid, { force: true });
		const build = startBuild({ PAGEFIND_EXTENDED_BINARY_PATH: fakePagefind });
		await expect.poll(() => existsSync(fakePid) && readFileSync(fakePid, 'utf8').trim() !== '', { timeout: 180_000 }).toBe(true);
		const pagefind = Number(readFileSync(fakePid, 'utf8'));
		const started = descendants(build.child.pid!);
		expect(started.map((p) => p.pid)).toContain(pagefind);
		build.child.kill('SIGINT');
		await expectStopped(build, 'SIGINT', started);
	}, 240_000);

	it('stops as a terminal’s Ctrl-C stops it (SIGINT to every process of the build at once), saying only that it was stopped', async () => {
		editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.title = 'A third title the stopped build never publishes'));
		rmSync(fakePid, { force: true });
		// The stand-in Pagefind holds the build open until the signal, whenever it comes.
		const build = startBuild({ PAGEFIND_EXTENDED_BINARY_PATH: fakePagefind }, true);
		await expect.poll(() => build.output().includes('generating static routes'), { timeout: 180_000 }).toBe(true);
		const started = descendants(build.child.pid!);
		process.kill(-build.child.pid!, 'SIGINT');
		await expectStopped(build, 'SIGINT', started);
	}, 240_000);
});
