/**
 * The Node process `npm run build` starts before the content check's verdict (Astro: see
 * src/integrations/content-check-handoff.ts). It runs while the check does, but what it prints is
 * held until the verdict: shown once the check passed, dropped if the check failed, so that a
 * content mistake reads as the check's report alone. It asks for the verdict over its IPC channel
 * when it is ready to read the content; the answer goes once it has asked and the check passed,
 * in whichever order the two happen.
 *
 * It is also given a pipe of its own to announce on (`PAGES_WRITTEN_FD_ENV`): Astro says there
 * when every page is written (src/integrations/pages-written.ts), and the build starts the search
 * index then, while Astro finishes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { AWAITING_CHECK, CHECK_PASSED } from '../../src/integrations/content-check-handoff.ts';
import { PAGES_WRITTEN, PAGES_WRITTEN_FD_ENV } from '../../src/integrations/pages-written.ts';

/** The announcing pipe's file descriptor in the process: after stdin, stdout, stderr and the IPC channel. */
const ANNOUNCE_FD = 4;

/** How a process ended: its exit code (128 + the signal's number when a signal ended it, as a shell reports it) and the signal. */
export interface ProcessExit {
	code: number;
	signal: NodeJS.Signals | null;
}

/** Resolves when `child` has ended, with how. */
export function exitOf(child: ChildProcess): Promise<ProcessExit> {
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 0), signal }));
	});
}

/** Whether `child` is still running (it has neither exited nor been ended by a signal). */
export const isRunning = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;

/** Resolves once `child` has exited (at once if it has), whatever still holds its pipes. */
export function exitedOf(child: ChildProcess): Promise<void> {
	return isRunning(child) ? new Promise((resolve) => child.once('exit', () => resolve())) : Promise.resolve();
}

export interface HeldProcess {
	/** The check passed: answer the process (now or when it asks) and show what it printed. */
	go(): void;
	/** The check failed: drop what it printed and end it. */
	stop(): Promise<ProcessExit>;
	/** Resolves when it has ended and its output is read (its pipes closed). */
	done: Promise<ProcessExit>;
	/** Resolves when the process itself has exited (its pipes may still be held by what it started). */
	exited: Promise<void>;
	/** Sends `signal` while the process runs; nothing once it has exited (its id may belong to another by then). */
	kill(signal: NodeJS.Signals): void;
	/** Resolves true once it announced that its pages are written, false if it ended (or closed the pipe) without. */
	pagesWritten: Promise<boolean>;
	/** Its process id: the build reads its memory (scripts/lib/search-index.ts). */
	pid: number;
}

/** Starts Node with `args` in `cwd`, its output held and an IPC channel to ask for the check's verdict on. */
export function startHeld(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): HeldProcess {
	const child = spawn(process.execPath, args, {
		...options,
		env: { ...options.env, [PAGES_WRITTEN_FD_ENV]: String(ANNOUNCE_FD) },
		stdio: ['inherit', 'pipe', 'pipe', 'ipc', 'pipe'],
	});
	const pagesWritten = new Promise<boolean>((resolve) => {
		const announcements = child.stdio[ANNOUNCE_FD] as NodeJS.ReadableStream;
		let heard = '';
		announcements.setEncoding('utf8');
		announcements.on('data', (chunk: string) => {
			heard += chunk;
			if (heard.split('\n').includes(PAGES_WRITTEN)) resolve(true);
		});
		announcements.on('close', () => resolve(false));
		announcements.on('error', () => resolve(false));
	});
	let held: [NodeJS.WriteStream, Buffer][] | undefined = [];
	const pass = (stream: NodeJS.WriteStream) => (chunk: Buffer) => (held ? held.push([stream, chunk]) : stream.write(chunk));
	child.stdout!.on('data', pass(process.stdout));
	child.stderr!.on('data', pass(process.stderr));
	const done = exitOf(child);
	const exited = exitedOf(child);
	let asked = false;
	let passed = false;
	const answer = () => {
		// A closed channel means the process ended already; its exit says why.
		if (asked && passed && child.connected) child.send(CHECK_PASSED, () => {});
	};
	child.on('message', (message) => {
		if (message !== AWAITING_CHECK) return;
		asked = true;
		answer();
	});
	return {
		go: () => {
			passed = true;
			answer();
			for (const [stream, chunk] of held ?? []) stream.write(chunk);
			held = undefined;
		},
		stop: () => {
			held = [];
			// Ended, not disconnected first: Node then never reports the process closed.
			if (isRunning(child)) child.kill();
			return done;
		},
		done,
		exited,
		kill: (signal) => {
			if (isRunning(child)) child.kill(signal);
		},
		pagesWritten,
		pid: child.pid!,
	};
}
