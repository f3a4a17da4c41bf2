/**
 * A build stopped part-way (Ctrl-C: SIGINT; a CI runner cancelling the job, `kill` or `timeout`:
 * SIGTERM; a closed terminal: SIGHUP) stops what it started with it. Without this, Node ends
 * `npm run build` at once on SIGTERM and SIGHUP, and Astro, the content check and any Pagefind
 * were left running on their own, writing into the staging folder for up to a minute, beside the
 * next build. Stopped, the build says so once, in words (not "astro build failed"), ends Astro and
 * the check (SIGTERM, then SIGKILL after `STOP_GRACE_MS`), and exits with 128 + the signal's
 * number, as a shell reports a process a signal ended; Pagefind's processes are killed as the
 * build's process exits (scripts/lib/pagefind-run.ts). The output folder keeps the last complete
 * build: only a build that finished is ever put in its place (scripts/lib/staged-output.ts). A
 * second signal stops waiting: everything is killed at once.
 */
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import type { HeldProcess } from './held-process.ts';

/** The signals that stop a build. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** How long Astro and the check have to exit once asked, before they are killed. */
export const STOP_GRACE_MS = 5000;

/** What a signal would stop now: the build's own processes, and where its output is, for the message. */
export interface StopPlan {
	/** The output folder as the user knows it (`dist`). */
	shownOut: string;
	/** The staging folder, where the stopped build's part stays until the next build empties it. */
	staging: string;
	/** Astro (held) and the check, when running; an entry may be undefined (not started yet). */
	processes: (HeldProcess | ChildProcess | undefined)[];
}

/** The exit code a shell gives a process `signal` ended: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export const signalExitCode = (signal: NodeJS.Signals): number => 128 + (constants.signals[signal] ?? 0);

/** Resolves once `child` has exited (at once if it has). */
function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** One of the build's processes being stopped: killed only while it has not exited (its id may be reused after). */
interface Ending {
	pid?: number;
	ended: boolean;
}

function killNow(endings: Ending[]): void {
	for (const ending of endings) {
		if (ending.ended || ending.pid === undefined) continue;
		try {
			process.kill(ending.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
}

export interface SignalStop {
	/** The signal that stopped the build, once one has. */
	readonly signal: NodeJS.Signals | undefined;
}

/**
 * Handles `STOP_SIGNALS` for the rest of the process: on the first, `plan()` says what to stop
 * (undefined: nothing, the build is already in place and the process exiting), the build says it
 * was stopped, and the process exits once those processes have; on a second, at once.
 */
export function stopOnSignals(plan: () => StopPlan | undefined): SignalStop {
	const state: { signal?: NodeJS.Signals; endings: Ending[] } = { endings: [] };
	const onSignal = (signal: NodeJS.Signals) => {
		if (state.signal) {
			killNow(state.endings);
			process.exit(signalExitCode(state.signal));
		}
		const stopping = plan();
		if (!stopping) return;
		state.signal = signal;
		// On a line of its own: Astro may have been stopped part-way through one of its lines.
		console.error(`\n✗ the build was stopped (${signal}) before it finished: ${stopping.shownOut} keeps the last complete build (this build's part is in ${stopping.staging}, which the next build empties)`);
		const ends = stopping.processes.flatMap((p) => {
			if (p === undefined) return [];
			const ending: Ending = { pid: p.pid, ended: false };
			state.endings.push(ending);
			const end = 'stop' in p ? p.stop() : (p.kill('SIGTERM'), exited(p));
			return [end.then(() => (ending.ended = true))];
		});
		const kill = setTimeout(() => killNow(state.endings), STOP_GRACE_MS);
		void Promise.allSettled(ends).then(() => {
			clearTimeout(kill);
			process.exit(signalExitCode(signal));
		});
	};
	for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
	return {
		get signal() {
			return state.signal;
		},
	};
}
