/**
 * A build stopped part-way (scripts/lib/stop-signals.ts): SIGTERM sent to `npm run build`'s process
 * alone, as a CI runner cancelling a job, `kill` or `timeout` send it, or SIGINT. Every process
 * the build started (the check, Astro, Pagefind) ends with it, it says once that it was stopped,
 * exits with 128 + the signal's number, and the output folder keeps the last complete build.
 * Before, Node ended the build's process at once and left Astro and Pagefind running on their own.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf } from '../../scripts/lib/held-process.ts';
import { displayPath } from '../../src/lib/content/display-path.ts';
import { buildSite, fixtureSite, readBuiltFiles, type BuiltFile } from '../build-helpers.ts';
import { editData, NOW, projectRoot } from '../helpers.ts';

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

/** Every process under `root`, from /proc (its id and command line). */
function descendants(root: number): { pid: number; command: string }[] {
	const parents = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// ended meanwhile
		}
	}
	const found: { pid: number; command: string }[] = [];
	const walk = (pid: number) => {
		for (const [child, parent] of parents) {
			if (parent !== pid) continue;
			let command = '';
			try {
				command = readFileSync(`/proc/${child}/cmdline`, 'utf8').replaceAll('\0', ' ');
			} catch {
				// ended meanwhile
			}
			found.push({ pid: child, command });
			walk(child);
		}
	};
	walk(root);
	return found;
}

/** Whether process `pid` is still running (a zombie, ended but not yet reaped, is not). */
function running(pid: number): boolean {
	try {
		return !/^\S+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

/** Starts `npm run build`'s script on the fixture, its output collected. */
function startBuild(extraEnv: Record<string, string> = {}) {
	const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/build.ts')], {
		cwd: projectRoot,
		env: { ...process.env, CREDENCE_NOW: NOW.toISOString(), NO_COLOR: '1', CREDENCE_CONTENT_DIR: dir, CREDENCE_OUT_DIR: outDir, ...env, ...extraEnv },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk));
	return { child, output: () => output, exit: exitOf(child) };
}

describe('a build stopped by a signal', () => {
	it('stops the check and Astro with it, says so, exits 143 on SIGTERM, and keeps the last complete build', async () => {
		editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.title = 'A title the stopped build never publishes'));
		const build = startBuild();
		// Astro waits for the check's verdict before it reads the content: both are running.
		let started: { pid: number; command: string }[] = [];
		await expect
			.poll(() => {
				started = descendants(build.child.pid!);
				return ['scripts/check.ts', 'astro.mjs'].every((name) => started.some((p) => p.command.includes(name)));
			}, { timeout: 60_000 })
			.toBe(true);
		build.child.kill('SIGTERM');
		const exit = await build.exit;
		expect(exit, build.output()).toEqual({ code: 143, signal: null });
		expect(build.output()).toContain(`✗ the build was stopped (SIGTERM) before it finished: ${displayPath(projectRoot, outDir)} keeps the last complete build`);
		expect(build.output()).not.toMatch(/failed \(see above\)|content check crashed/);
		// Astro and the check were waited for: gone by the time the build exits.
		expect(started.filter((p) => running(p.pid))).toEqual([]);
		expect(readBuiltFiles(outDir)).toEqual(before);
	}, 120_000);

	it('kills a Pagefind that ignores SIGTERM as it exits, on SIGINT (exit 130), and keeps the last complete build', async () => {
		editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.title = 'Another title the stopped build never publishes'));
		rmSync(fakePid, { force: true });
		const build = startBuild({ PAGEFIND_EXTENDED_BINARY_PATH: fakePagefind });
		await expect.poll(() => existsSync(fakePid) && readFileSync(fakePid, 'utf8').trim() !== '', { timeout: 180_000 }).toBe(true);
		const pagefind = Number(readFileSync(fakePid, 'utf8'));
		const started = descendants(build.child.pid!);
		expect(started.map((p) => p.pid)).toContain(pagefind);
		build.child.kill('SIGINT');
		const exit = await build.exit;
		expect(exit, build.output()).toEqual({ code: 130, signal: null });
		expect(build.output()).toContain('✗ the build was stopped (SIGINT) before it finished');
		expect(build.output()).not.toMatch(/failed \(see above\)|search-index:/);
		// Killed (SIGKILL) as the build's process exited; reaped by whoever adopted it.
		await expect.poll(() => started.filter((p) => running(p.pid)), { timeout: 10_000 }).toEqual([]);
		expect(readBuiltFiles(outDir)).toEqual(before);
	}, 240_000);
});
