/**
 * Crash-safe sheet locks: a command killed with SIGKILL while it holds a sheet's lock, or while it
 * is taking it, never leaves a lock that blocks the next import; a live holder is named.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLockText, prepareLock } from '../../scripts/lib/lock.ts';
import { copyFixture, projectRoot, runScript } from '../helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture()));
afterEach(() => cleanup());

const sheet = () => path.join(dir, 'awards/demo-awards/scores/round-1.csv');
const lock = () => `${sheet()}.lock`;
const importFile = () => {
	const file = path.join(dir, '..', 'scores.csv');
	writeFileSync(file, 'judge,entry,criterion,score,comment\naca-demic,quarry-planning,impact,4,Strong\naca-demic,quarry-planning,originality,3,\n');
	return file;
};
/** The import, waiting for no live holder: a lock it does not take over makes it fail at once. */
const importScores = () => runScript('scripts/awards.ts', ['import', 'demo-awards', importFile(), '--replace', '--content', dir], { CREDENCE_LOCK_WAIT_MS: '0' });

/** A real process running `body` (ESM, with `withLock` and `file` in scope); resolves once it prints "ready". */
function child(body: string): Promise<ReturnType<typeof spawn>> {
	const lockModule = path.join(projectRoot, 'scripts/lib/lock.ts');
	const code = `import { withLock } from ${JSON.stringify(lockModule)};\nconst file = ${JSON.stringify(sheet())};\n${body}`;
	const process_ = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
	return new Promise((resolve, reject) => {
		process_.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('ready')) resolve(process_);
		});
		process_.on('exit', (code) => reject(new Error(`child exited (${code}) before it was ready`)));
	});
}
const killed = (process_: ReturnType<typeof spawn>) =>
	new Promise<void>((resolve) => {
		if (process_.exitCode !== null || process_.signalCode !== null) throw new Error(`child ended by itself (${process_.exitCode ?? process_.signalCode})`);
		process_.on('exit', () => resolve());
		process_.kill('SIGKILL');
	});

describe('sheet locks', () => {
	it('a lock left by a process killed with SIGKILL while holding it is taken over at once, saying so', async () => {
		const holder = await child(`await withLock(file, 'the sheet', async () => { console.log('ready'); await new Promise(() => setInterval(() => {}, 1000)); });`);
		await killed(holder);
		expect(parseLockText(readFileSync(lock(), 'utf8'))?.pid).toBe(holder.pid);
		const result = await importScores();
		expect(result.code, result.out).toBe(0);
		expect(result.out).toMatch(new RegExp(`note: took over the lock file .*round-1\\.csv\\.lock: process ${holder.pid} is no longer running`));
		expect(readFileSync(sheet(), 'utf8')).toContain('aca-demic,quarry-planning,impact,4,Strong');
		expect(existsSync(lock())).toBe(false);
	}, 120_000);

	it('an empty lock file (a command killed while taking it) is taken over, not waited for', async () => {
		writeFileSync(lock(), '');
		const aMinuteAgo = new Date(Date.now() - 60_000);
		utimesSync(lock(), aMinuteAgo, aMinuteAgo);
		const result = await importScores();
		expect(result.code, result.out).toBe(0);
		expect(result.out).toMatch(/note: took over the lock file .*round-1\.csv\.lock: it is empty or garbled/);
		expect(existsSync(lock())).toBe(false);
	}, 120_000);

	it('killed at any moment of taking and releasing, a command leaves no lock or a whole one', async () => {
		const pids: number[] = [];
		for (let trial = 0; trial < 6; trial++) {
			const busy = await child(`console.log('ready');\nfor (;;) await withLock(file, 'the sheet', async () => {});`);
			pids.push(busy.pid!);
			await new Promise((resolve) => setTimeout(resolve, 20 + trial * 15));
			await killed(busy);
			// Whole, naming a killed command (this one, or an earlier one if this one was killed before it took the lock).
			if (existsSync(lock())) expect(pids).toContain(parseLockText(readFileSync(lock(), 'utf8'))?.pid);
		}
		const result = await importScores();
		expect(result.code, result.out).toBe(0);
		// Nothing left beside the sheet: no lock, and no file a killed command staged.
		expect(readdirSync(path.dirname(sheet()))).toEqual(['round-1.csv']);
	}, 120_000);

	it('a live holder makes the command fail naming the lock file and the process', async () => {
		const holder = await child(`await withLock(file, 'the sheet', async () => { console.log('ready'); await new Promise(() => setInterval(() => {}, 1000)); });`);
		try {
			const result = await importScores();
			expect(result.code).toBe(1);
			expect(result.out).toMatch(new RegExp(`round-1\\.csv is being updated by another command \\(process ${holder.pid}, lock file .*round-1\\.csv\\.lock\\); nothing was written`));
		} finally {
			await killed(holder);
		}
	}, 120_000);
});

describe('a lock held for long (a build)', () => {
	it('has its time refreshed while held, so that another host sees a live holder', async () => {
		const held = prepareLock(sheet(), { busy: () => 'busy' }, undefined, 50);
		await held.acquire(0);
		try {
			const long = new Date(Date.now() - 10 * 60_000);
			utimesSync(lock(), long, long);
			await expect.poll(() => Date.now() - statSync(lock()).mtimeMs, { timeout: 10_000 }).toBeLessThan(60_000);
		} finally {
			await held.release();
		}
		expect(existsSync(lock())).toBe(false);
	});

	it('is dated when it is taken, not when its holder began to wait for it', async () => {
		// A lock taken after a long wait carried the time the wait began, and looked to another host
		// as if its holder had died: taken over at once, two builds in one project.
		const first = prepareLock(sheet(), { busy: () => 'busy' });
		await first.acquire(0);
		const second = prepareLock(sheet(), { busy: () => 'busy' });
		const taking = second.acquire(60_000);
		// The second waits, its details staged beside the lock: dated ten minutes ago, as after a long wait.
		const staged = () => readdirSync(path.dirname(lock())).find((name) => name.startsWith(`${path.basename(lock())}.${process.pid}.`) && name.endsWith('.tmp'));
		await expect.poll(staged, { timeout: 10_000 }).toBeDefined();
		const long = new Date(Date.now() - 10 * 60_000);
		utimesSync(path.join(path.dirname(lock()), staged()!), long, long);
		await first.release();
		await taking;
		try {
			expect(Date.now() - statSync(lock()).mtimeMs).toBeLessThan(60_000);
		} finally {
			await second.release();
		}
	});

	it('is released by releaseSync whether taken or not, and only while it is its own', async () => {
		const mine = prepareLock(sheet(), { busy: () => 'busy' });
		mine.releaseSync(); // not taken: nothing to do
		await mine.acquire(0);
		const theirs = prepareLock(sheet(), { busy: () => 'held by the first' });
		await expect(theirs.acquire(0)).rejects.toThrow('held by the first');
		// Stopped by a signal before it had the lock: another's lock stays.
		theirs.releaseSync();
		expect(parseLockText(readFileSync(lock(), 'utf8'))?.pid).toBe(process.pid);
		mine.releaseSync();
		expect(existsSync(lock())).toBe(false);
		mine.releaseSync(); // twice: nothing left to do
	});
});
