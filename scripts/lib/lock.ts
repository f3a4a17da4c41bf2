/**
 * Crash-safe exclusive locks for a file that concurrent commands read, modify and write (a round's
 * score sheet): `<file>.lock`, naming the process that holds it.
 *
 * A lock must never outlive its process. `kill -9`, a crash or a power cut skip the clean-up, so a
 * lock is judged by who wrote it, not by its age:
 * - it is written whole or not at all: the holder's details go to a temporary file first, which is
 *   then hard-linked to `<file>.lock` (a link, unlike a rename, fails when the lock exists). An
 *   empty or garbled lock is not one of ours being written; it is left over (from a version
 *   that created the file before writing it) and taken over (after EMPTY_LOCK_GRACE_MS, for
 *   the file systems without hard links, where a lock is created first and written after);
 * - it names the process id, the host, the boot and the process's start time: a lock from this
 *   host whose process is gone (ESRCH), or from an earlier boot, or whose id now belongs to a
 *   process started at another time (the id was reused), is stale and taken over;
 * - a lock from another host (a container sharing the folder) cannot be checked from here, so it
 *   counts as held while it is fresh: a holder refreshes its lock's time every `HEARTBEAT_MS` (a
 *   build holds one for minutes; a sheet's is held for milliseconds), and one from another host
 *   left untouched for `OTHER_HOST_STALE_MS` is stale.
 * Taking over says so on stderr. A live holder makes the command wait, then fail naming the lock
 * file and the process.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { terminalText } from '../../src/lib/terminal-text.ts';
import { CliError } from './cli.ts';
import { millisecondsSetting } from './env-setting.ts';

/** Who holds a lock, as its file says. */
export interface LockHolder {
	pid: number;
	host?: string;
	/** Linux's boot id (/proc/sys/kernel/random/boot_id), where there is one. */
	boot?: string;
	/** The process's start time in clock ticks after boot (/proc/<pid>/stat), where there is one. */
	started?: string;
	/** Unique to one taking of the lock, so a holder never removes a lock that is not its own. */
	token?: string;
}

/** What the system says about a process on this host: running since `started` (when known), or gone. */
export interface ProcessProbe {
	host: string;
	boot?: string;
	/** undefined: no such process; otherwise its start time ('' when the system does not say). */
	startOf: (pid: number) => string | undefined;
}

/** Reads a file of /proc, or undefined where there is none (not Linux, or no such process). */
function procText(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

/** Field 22 of /proc/<pid>/stat (the start time), read after the command name, which may hold spaces. */
function startTicks(pid: number | 'self'): string | undefined {
	const text = procText(`/proc/${pid}/stat`);
	return text?.slice(text.lastIndexOf(')') + 2).split(' ')[19];
}

/** Whether a process with this id exists (EPERM: it does, owned by someone else). */
function exists(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (cause) {
		return (cause as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** This host, asked through process.kill and (on Linux) /proc. */
export const systemProbe: ProcessProbe = {
	host: hostname(),
	boot: procText('/proc/sys/kernel/random/boot_id')?.trim() || undefined,
	startOf: (pid) => (exists(pid) ? (startTicks(pid) ?? '') : undefined),
};

/** The lock file's text for this process: JSON on one line (pid first, for people reading it). */
export function lockText(probe = systemProbe, pid = process.pid, token = randomBytes(8).toString('hex')): string {
	const holder: LockHolder = { pid, host: probe.host, boot: probe.boot, started: startTicks('self'), token };
	return `${JSON.stringify(holder)}\n`;
}

/** The holder a lock file names; undefined for an empty or garbled one. A bare process id (the older format) is read too. */
export function parseLockText(text: string): LockHolder | undefined {
	const trimmed = text.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed) > 0 ? { pid: Number(trimmed) } : undefined;
	try {
		const value = JSON.parse(trimmed) as Partial<LockHolder>;
		if (!Number.isSafeInteger(value.pid) || value.pid! <= 0) return undefined;
		const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
		return { pid: value.pid!, host: text(value.host), boot: text(value.boot), started: text(value.started), token: text(value.token) };
	} catch {
		return undefined;
	}
}

/** How long an empty lock may be one being written (on a file system without hard links) before it counts as left over. */
export const EMPTY_LOCK_GRACE_MS = 2000;

/** How often a holder refreshes its lock's modification time, so that another host can tell it is alive. */
export const HEARTBEAT_MS = 20_000;

/** How long a lock from another host may go unrefreshed before it counts as left over: six heartbeats missed. */
export const OTHER_HOST_STALE_MS = 6 * HEARTBEAT_MS;

/**
 * Why a lock is stale (its holder cannot be running), in words for the takeover note; undefined
 * while it may be held. Pure: everything about the system comes from `probe`; `ageMs` is how long
 * ago the lock file was last written.
 */
export function staleness(holder: LockHolder | undefined, probe: ProcessProbe, ageMs = Infinity): string | undefined {
	if (!holder) return ageMs < EMPTY_LOCK_GRACE_MS ? undefined : 'it is empty or garbled (left by a command that was stopped while taking it)';
	if (holder.host !== undefined && holder.host !== probe.host) {
		return ageMs > OTHER_HOST_STALE_MS ? `process ${holder.pid} on ${terminalText(holder.host)} has not refreshed it for ${Math.round(ageMs / 60_000)} minutes (it crashed or was stopped)` : undefined;
	}
	if (holder.boot && probe.boot && holder.boot !== probe.boot) return `process ${holder.pid} ran before the machine restarted`;
	const started = probe.startOf(holder.pid);
	if (started === undefined) return `process ${holder.pid} is no longer running (it crashed or was stopped)`;
	if (holder.started && started && holder.started !== started) return `process ${holder.pid} is no longer running (its id now belongs to another process)`;
	return undefined;
}

/** `process 123` (and its host when it is another one), for messages. */
const describeHolder = (holder: LockHolder | undefined, probe: ProcessProbe) =>
	holder ? `process ${holder.pid}${holder.host && holder.host !== probe.host ? ` on ${terminalText(holder.host)}` : ''}` : 'process unknown';

/**
 * Removes a stale lock, unless another command has replaced it since it was read (`seen`): the lock
 * is first renamed to a name of this process's own (only one command can rename a given file), then
 * checked; a fresh lock caught this way is linked back.
 */
async function takeOver(lock: string, seen: string): Promise<boolean> {
	const aside = `${lock}.${process.pid}.stale.tmp`;
	try {
		await rename(lock, aside);
	} catch {
		return false;
	}
	const moved = await readFile(aside, 'utf8').catch(() => undefined);
	if (moved !== seen) await link(aside, lock).catch(() => {});
	await unlink(aside).catch(() => {});
	return moved === seen;
}

/**
 * Removes what killed commands left beside the lock (`<file>.lock.<pid>.….tmp`, staged or set
 * aside), once their process is gone; called holding the lock.
 */
async function sweepLeftovers(lock: string, probe: ProcessProbe): Promise<void> {
	const prefix = `${path.basename(lock)}.`;
	const names = await readdir(path.dirname(lock)).catch(() => [] as string[]);
	for (const name of names) {
		if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
		const pid = Number(name.slice(prefix.length).split('.')[0]);
		if (pid > 0 && pid !== process.pid && probe.startOf(pid) === undefined) await unlink(path.join(path.dirname(lock), name)).catch(() => {});
	}
}

/** How a command says it waits for, or gives up on, a lock another live process holds. */
export interface LockWords {
	/** Said once, when the lock is found held and the command starts waiting (nothing by default). */
	waiting?: (holder: string, lock: string) => string;
	/** The failure once `waitMs` has passed; `holder` is "process 123" (and its host when another). */
	busy: (holder: string, lock: string) => string;
}

/** The words for a file that concurrent commands update (a round's score sheet): `withLock`'s. */
const sheetWords = (shown: string): LockWords => ({
	busy: (holder, lock) => `${shown} is being updated by another command (${holder}, lock file ${lock}); nothing was written. Run this again when it has finished (if no command is running, delete the lock file)`,
});

/**
 * A lock this process is taking or holds. `release` and `releaseSync` remove it only while it is
 * still this process's own (its file holds this process's token), so either may be called at any
 * moment: before `acquire` has returned (a build stopped by a signal while it takes the lock), or
 * twice. `releaseSync` is for a process about to end by a signal, which runs no `finally`.
 */
export interface Lock {
	/**
	 * Takes the lock. While another live process holds it, waits up to `waitMs`, then fails with
	 * `words.busy`; a stale lock (see the top of this file) is taken over at once, with a note on
	 * stderr. Held, its time is refreshed every `HEARTBEAT_MS` until it is released.
	 */
	acquire(waitMs: number): Promise<void>;
	release(): Promise<void>;
	releaseSync(): void;
}

/**
 * The lock on `file` (`<file>.lock`), not yet taken; `words` say what waiting for it means;
 * `heartbeatMs` is how often the held lock's time is refreshed (tests).
 */
export function prepareLock(file: string, words: LockWords, probe = systemProbe, heartbeatMs = HEARTBEAT_MS): Lock {
	const lock = `${file}.lock`;
	const mine = lockText(probe);
	let heartbeat: NodeJS.Timeout | undefined;
	let released = false;
	const stopHeartbeat = () => {
		released = true;
		clearInterval(heartbeat);
		heartbeat = undefined;
	};
	const isMine = () => {
		try {
			return readFileSync(lock, 'utf8') === mine;
		} catch {
			return false;
		}
	};
	/** Removes the lock if it is still this process's own: never one another command took over meanwhile. */
	const releaseSync = () => {
		stopHeartbeat();
		if (!isMine()) return;
		try {
			unlinkSync(lock);
		} catch {
			// gone already
		}
	};
	/** Dates the lock now, if it is still this process's own (another may have taken it over). */
	const refresh = async () => {
		if (released || !isMine()) return stopHeartbeat();
		const now = new Date();
		await utimes(lock, now, now).catch(() => {});
	};
	return {
		async acquire(waitMs: number) {
			const deadline = Date.now() + waitMs;
			await mkdir(path.dirname(file), { recursive: true });
			const staged = `${lock}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
			await writeFile(staged, mine);
			let saidWaiting = false;
			try {
				for (;;) {
					try {
						await link(staged, lock).catch(async (cause: NodeJS.ErrnoException) => {
							// A file system without hard links: created exclusively, then written (empty for a
							// moment, which is why an empty lock has EMPTY_LOCK_GRACE_MS before it is taken over).
							if (cause.code === 'EEXIST') throw cause;
							await writeFile(lock, mine, { flag: 'wx' });
						});
						break;
					} catch (cause) {
						if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
					}
					// null: there, but this user may not read it (another user's command): held, by someone unknown.
					const seen = await readFile(lock, 'utf8').catch((cause: NodeJS.ErrnoException) => (cause.code === 'ENOENT' ? undefined : null));
					if (seen === undefined) continue; // released this instant
					const holder = seen === null ? undefined : parseLockText(seen);
					const age = await stat(lock).then((info) => Date.now() - info.mtimeMs, () => Infinity);
					const stale = seen === null ? undefined : staleness(holder, probe, age);
					if (stale) {
						if (await takeOver(lock, seen!)) console.error(`note: took over the lock file ${lock}: ${stale}`);
						continue;
					}
					if (Date.now() >= deadline) throw new CliError(words.busy(describeHolder(holder, probe), lock));
					if (!saidWaiting && words.waiting) console.error(words.waiting(describeHolder(holder, probe), lock));
					saidWaiting = true;
					await new Promise((resolve) => setTimeout(resolve, 100));
				}
			} finally {
				await unlink(staged).catch(() => {});
			}
			// Dated now, not when the staged file was written before the wait: a lock taken after a
			// long wait would otherwise look unrefreshed to another host from its first moment.
			await refresh();
			// Refreshed so that another host sees a live holder, while it is still this process's own;
			// never keeps the process alive by itself.
			if (!released) {
				heartbeat = setInterval(() => void refresh(), heartbeatMs);
				heartbeat.unref();
			}
			await sweepLeftovers(lock, probe);
		},
		// One small file read and removed: the same synchronous steps serve a `finally` and a process
		// ending by a signal.
		release: async () => releaseSync(),
		releaseSync,
	};
}

/**
 * Runs `critical` holding an exclusive lock on `file` (`<file>.lock`), removed afterwards. While
 * another live process holds it, waits up to `waitMs` (default 5 s, or $CREDENCE_LOCK_WAIT_MS),
 * then fails naming the lock file and the holder; a stale lock (see the top of this file) is taken
 * over at once, with a note on stderr. For read-modify-write of a sheet that concurrent commands
 * update: read it inside `critical`, not before. `shown` names the file in messages.
 */
export async function withLock<T>(file: string, shown: string, critical: () => Promise<T>, waitMs = millisecondsSetting('CREDENCE_LOCK_WAIT_MS', 5000, 0), probe = systemProbe): Promise<T> {
	const held = prepareLock(file, sheetWords(shown), probe);
	await held.acquire(waitMs);
	try {
		return await critical();
	} finally {
		await held.release();
	}
}
