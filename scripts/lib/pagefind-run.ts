/**
 * One bundle of the search index indexed by a Pagefind process of its own: Pagefind's command
 * line on the folder of the bundle's pages (scripts/lib/search-index.ts), several at once.
 *
 * Pagefind's Node API drives one indexer process per copy of its module, and that process takes
 * one bundle at a time: two indexes created through it took as long as one after the other. Its
 * command line writes the same files, byte for byte, as the API's `addDirectory` and `writeFiles`
 * (compared on the 1,000-item corpus's 700 pages), and as a process of its own per bundle it
 * gives the build what the API does not:
 * - two bundles really indexed at once: while it writes a bundle Pagefind keeps one to two cores
 *   busy, so two bundles of about 2,000 pages took 8.3 s side by side where one after the other
 *   took 11.9 s (docs/performance.md);
 * - an exit code and a signal: an indexer that dies (the kernel's out-of-memory killer) is a
 *   failure the build reports, where the API's promise never settled and the build hung;
 * - memory handed back with each bundle: the API's indexer kept 713 of 855 MB after deleting a
 *   2,083-page index (its allocator does not return it), which counted against the next bundle;
 * - a way to stop it at once when the build fails elsewhere.
 *
 * It runs in the search index's cache folder, which holds no configuration file, and without the
 * build's `PAGEFIND_*` variables, so that only the arguments here shape the index (which
 * executable runs is found as Pagefind's API finds it, `PAGEFIND_EXTENDED_BINARY_PATH` included).
 * A run still going when the build's process exits is ended with it; one that ignores being
 * stopped is killed `STOP_GRACE_MS` later.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exitOf, isRunning, type ProcessExit } from './held-process.ts';

/** Why a bundle was not indexed: the stage, and what Pagefind (or the system) said. */
export interface PagefindFailure {
	stage: 'start' | 'index the pages' | 'write the index';
	errors: string[];
}

/** A running Pagefind: `done` settles with its failure, if any; `stop` ends it (then `done` says it was stopped). */
export interface PagefindRun {
	done: Promise<PagefindFailure | undefined>;
	stop(): void;
	/** Settles once Pagefind's process is spawned (or the run has ended without one). */
	started: Promise<void>;
}

/** How long a stopped Pagefind has to exit before it is killed. */
export const STOP_GRACE_MS = 5000;

/** Every Pagefind this process has started and that has not exited: ended when the process exits. */
const live = new Set<ChildProcess>();
let endedOnExit = false;
function endWithThisProcess(child: ChildProcess): void {
	live.add(child);
	child.once('close', () => live.delete(child));
	if (endedOnExit) return;
	endedOnExit = true;
	process.once('exit', killRunningPagefinds);
}

/** Set once this process is ending: no Pagefind is started after that. */
let ending = false;

/** Kills every Pagefind this process started that is still running, and starts no other: as it exits, or is stopped by a signal (scripts/lib/stop-signals.ts). */
export function killRunningPagefinds(): void {
	ending = true;
	for (const running of live) running.kill('SIGKILL');
}

/** Where Pagefind's executable is, found as Pagefind's own Node API finds it (its `resolveBinaryPath`). */
let executable: Promise<string> | undefined;
function pagefindExecutable(): Promise<string> {
	executable ??= (async () => {
		const api = fileURLToPath(import.meta.resolve('pagefind'));
		const { resolveBinaryPath } = (await import(pathToFileURL(path.join(path.dirname(api), 'resolveBinary.js')).href)) as { resolveBinaryPath: (names: string[]) => string };
		return resolveBinaryPath(['pagefind_extended', 'pagefind']);
	})();
	return executable;
}

/** The pages Pagefind wrote into `output`, by its entry file (one count per language). */
function pagesIndexed(output: string): number | undefined {
	try {
		const entry = JSON.parse(readFileSync(path.join(output, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { page_count?: number }> };
		return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
	} catch {
		return undefined;
	}
}

/** The last lines of what Pagefind printed, for a failure's message. */
const tail = (text: string) => text.trim().split('\n').slice(-12);

/** Indexes the pages in `source` (a folder of the bundle's pages; `pages` of them) into `output`, run in `cwd`. */
export function runPagefind({ source, pages, output, cwd }: { source: string; pages: number; output: string; cwd: string }): PagefindRun {
	let stopped = false;
	let stopChild: (() => void) | undefined;
	let spawned: () => void = () => {};
	const started = new Promise<void>((resolve) => (spawned = resolve));
	const done = (async (): Promise<PagefindFailure | undefined> => {
		let file: string;
		try {
			file = await pagefindExecutable();
		} catch (error) {
			return { stage: 'start', errors: [error instanceof Error ? error.message : String(error)] };
		}
		if (stopped || ending) return { stage: 'start', errors: ['stopped before it started'] };
		const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toUpperCase().startsWith('PAGEFIND_')));
		const child = spawn(file, ['--site', source, '--output-path', output], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
		endWithThisProcess(child);
		spawned();
		stopChild = () => {
			child.kill('SIGTERM');
			setTimeout(() => isRunning(child) && child.kill('SIGKILL'), STOP_GRACE_MS).unref();
		};
		let printed = '';
		child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
		let exit: ProcessExit;
		try {
			exit = await exitOf(child);
		} catch (error) {
			return { stage: 'start', errors: [error instanceof Error ? error.message : String(error)] };
		}
		if (stopped) return { stage: 'index the pages', errors: ['stopped: the build failed elsewhere'] };
		if (exit.signal) return { stage: 'index the pages', errors: [`Pagefind was ended by ${exit.signal}${exit.signal === 'SIGKILL' ? ' (the system may have run out of memory)' : ''}`, ...tail(printed)] };
		if (exit.code !== 0) return { stage: 'index the pages', errors: [`Pagefind stopped with exit code ${exit.code}`, ...tail(printed)] };
		const written = pagesIndexed(output);
		if (written === undefined) return { stage: 'write the index', errors: [`no pagefind-entry.json in ${output}`, ...tail(printed)] };
		if (written !== pages) return { stage: 'index the pages', errors: [`read ${written} of ${pages} pages`] };
		return undefined;
	})();
	done.then(spawned, spawned);
	return {
		done,
		started,
		stop: () => {
			stopped = true;
			stopChild?.();
		},
	};
}
