/**
 * A build stopped part-way (Ctrl-C: SIGINT, to the build and everything it started; a CI runner
 * cancelling the job, `kill` or `timeout`: SIGTERM, often to the build's process alone; a closed
 * terminal: SIGHUP) stops what it started with it. Without this, Node ended `npm run build` at
 * once on SIGTERM and SIGHUP, and Astro, the content check and any Pagefind were left running on
 * their own, writing into the staging folder for up to a minute, beside the next build.
 *
 * Stopped, the build says so once, in words (not "astro build failed"); asks Astro and the check to
 * end (SIGTERM, then SIGKILL after `STOP_GRACE_MS`, each through its own process handle, so that
 * nothing is sent once it has exited and its id may belong to another process); kills any Pagefind
 * (scripts/lib/pagefind-run.ts); and then ends itself by the same signal, so that a shell running
 * `npm run build && deploy`, or a loop of builds, stops too (a process that exits normally after
 * Ctrl-C lets the shell go on). The output folder keeps the last complete build: only a build that
 * finished is ever put in its place (scripts/lib/staged-output.ts). A second signal stops waiting:
 * everything is killed at once.
 */
import type { ChildProcess } from 'node:child_process';
import { exitedOf, type HeldProcess } from './held-process.ts';
import { killRunningPagefinds } from './pagefind-run.ts';

/** The signals that stop a build. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** How long Astro and the check have to exit once asked, before they are killed. */
export const STOP_GRACE_MS = 5000;

/** What a signal would stop now, and what to say about it. */
export interface StopPlan {
	/** The line that says what was stopped and what is left (see `stoppedMessage`). */
	message(signal: NodeJS.Signals): string;
	/** Astro (held) and the check, when started; an entry may be undefined (not started yet). */
	processes: (HeldProcess | ChildProcess | undefined)[];
	/** Run once they have exited (or been killed), just before the process ends: the build's lock. */
	release?: () => void;
}

/** What the build says when a signal stops it: what the output folder holds now, and where this build's part is, if anywhere. */
export function stoppedMessage(signal: NodeJS.Signals, { shownOut, published, staged }: { shownOut: string; published: boolean; staged?: string }): string {
	const kept = published ? `${shownOut} keeps the last complete build` : `nothing was published to ${shownOut}`;
	const part = staged ? ` (this build's part is in ${staged}, which the next build empties)` : '';
	return `✗ the build was stopped (${signal}) before it finished: ${kept}${part}`;
}

/** One of the build's processes, as the stop handles it: asked to end, killed if it has not, waited for. */
interface Stopping {
	ask(): void;
	kill(): void;
	exited: Promise<void>;
}

function stopping(p: HeldProcess | ChildProcess): Stopping {
	if ('stop' in p) {
		return {
			ask: () => void p.stop(),
			kill: () => p.kill('SIGKILL'),
			exited: p.exited,
		};
	}
	// ChildProcess.kill sends nothing once the process has exited.
	return { ask: () => void p.kill('SIGTERM'), kill: () => void p.kill('SIGKILL'), exited: exitedOf(p) };
}

export interface SignalStop {
	/** The signal that stopped the build, once one has. */
	readonly signal: NodeJS.Signals | undefined;
}

/** Ends this process by `signal`, as if it had not been handled, `release` run first. */
function endBy(signal: NodeJS.Signals, release?: () => void): void {
	killRunningPagefinds();
	release?.();
	for (const name of STOP_SIGNALS) process.removeAllListeners(name);
	process.kill(process.pid, signal);
}

/**
 * Handles `STOP_SIGNALS` for the rest of the process: on the first, `plan()` says what to stop
 * (undefined: nothing, the build is already in place and the process exiting), the build says it
 * was stopped, and the process ends by the signal once those processes have exited; on a second,
 * at once.
 */
export function stopOnSignals(plan: () => StopPlan | undefined): SignalStop {
	const state: { signal?: NodeJS.Signals; stopping: Stopping[]; release?: () => void } = { stopping: [] };
	const onSignal = (signal: NodeJS.Signals) => {
		if (state.signal) {
			for (const p of state.stopping) p.kill();
			endBy(state.signal, state.release);
			return;
		}
		const planned = plan();
		if (!planned) return;
		state.signal = signal;
		// On a line of its own: Astro may have been stopped part-way through one of its lines. A
		// terminal that hung up (SIGHUP) may refuse it: the processes are stopped all the same.
		try {
			console.error(`\n${planned.message(signal)}`);
		} catch {
			// nowhere to say it
		}
		state.release = planned.release;
		state.stopping = planned.processes.flatMap((p) => (p ? [stopping(p)] : []));
		for (const p of state.stopping) p.ask();
		const kill = setTimeout(() => state.stopping.forEach((p) => p.kill()), STOP_GRACE_MS);
		void Promise.all(state.stopping.map((p) => p.exited)).then(() => {
			clearTimeout(kill);
			endBy(signal, state.release);
		});
	};
	for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
	return {
		get signal() {
			return state.signal;
		},
	};
}
