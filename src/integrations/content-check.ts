/**
 * Runs the same content check as `npm run check` before Astro reads any content, and fails the
 * build (or dev server start) on any error. In a build it runs on a thread of its own
 * (content-check-worker.ts) while Astro sets up its bundler and loads the content configuration,
 * and the collections' loaders wait for its verdict before they read a file. Astro by itself only logs dangling references.
 * In dev, the check runs again whenever a file under the content folder changes, and logs its
 * report the same way: a page that fails on broken content then has its cause named in the
 * terminal (file, field, what was found) rather than only a stack trace. Under `npm run build`
 * the build checks in a process of its own while Astro starts, and this asks for its verdict,
 * which every collection's loader waits for before it reads a file (content-check-handoff.ts).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runCheck, type CheckResult } from '../lib/content/check.ts';
import { buildCacheDir, contentRoot } from '../lib/content/layout.ts';
import path from 'node:path';
import { formatDiagnostic } from '../lib/diagnostics.ts';
import { countOf } from '../lib/evidence.ts';
import { PublicationTimeError, publicationTime } from '../lib/publication.ts';
import { askForContentCheck, CONTENT_CHECKED_ENV, hasVerdictChannel, leaveContentCheck, loadersWaited } from './content-check-handoff.ts';
import type { CheckReport, CheckWork } from './content-check-worker.ts';

type Logger = Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error'>;

/** What the check is run with for one project, but the time: its content folder and its parse cache. */
export function contentCheckOptions(projectRoot: string): { projectRoot: string; contentDir: string; parseCacheFile: string } {
	// Files unchanged since the last run are not parsed again (they are validated again).
	const parseCacheFile = path.join(buildCacheDir(projectRoot), 'content-check', 'parses.v8');
	return { projectRoot, contentDir: contentRoot(projectRoot), parseCacheFile };
}

/** The check as the integration runs it, for one project. */
function checkProject(projectRoot: string): () => Promise<CheckResult> {
	return () => runCheck({ ...contentCheckOptions(projectRoot), now: publicationTime() });
}

/** The check on a worker thread (content-check-worker.ts); rejects if the thread fails. */
function checkOnThread(work: CheckWork): Promise<CheckReport> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(path.join(work.projectRoot, 'src/integrations/content-check-worker.ts'), { workerData: work });
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`its thread stopped with exit code ${code} before reporting`)));
	});
}

/** `1 error`, `3 errors`. */
const plural = (n: number, word: string) => countOf(n, word, `${word}s`);

/** Logs every diagnostic, warnings as warnings and errors as errors. */
function logDiagnostics(result: Pick<CheckResult, 'diagnostics'>, logger: Logger) {
	for (const d of result.diagnostics) {
		if (d.severity === 'warning') logger.warn(formatDiagnostic(d));
		else logger.error(formatDiagnostic(d));
	}
}

/** What the dev server's file watcher offers (chokidar's `on`/`off`, as Vite passes it). */
export interface ContentWatcher {
	on(event: 'all', listener: (event: string, file: string) => void): unknown;
	off(event: 'all', listener: (event: string, file: string) => void): unknown;
}

export interface ContentWatch {
	/** Resolves once no check is waiting or running (for tests). */
	idle(): Promise<void>;
	/** Stops watching. */
	close(): void;
}

/**
 * Runs `check` again `delayMs` after the last change under `contentDir` (a burst of saves, a
 * `git checkout`, gives one run), never two at once (a change during a run gives one more run
 * after it), and logs each run's diagnostics and outcome.
 */
export function watchContent(options: { watcher: ContentWatcher; logger: Logger; contentDir: string; check: () => Promise<CheckResult>; delayMs?: number }): ContentWatch {
	const { watcher, logger, check } = options;
	const delayMs = options.delayMs ?? 150;
	const root = path.resolve(options.contentDir) + path.sep;
	let timer: NodeJS.Timeout | undefined;
	let running: Promise<void> | undefined;
	let again = false;
	let closed = false;
	let idleWaiters: (() => void)[] = [];

	const settle = () => {
		if (timer || running) return;
		const waiters = idleWaiters;
		idleWaiters = [];
		for (const resolve of waiters) resolve();
	};

	const run = async () => {
		const started = performance.now();
		try {
			const result = await check();
			logDiagnostics(result, logger);
			const seconds = ((performance.now() - started) / 1000).toFixed(2);
			if (result.errors > 0) {
				logger.error(`content check found ${plural(result.errors, 'error')} after a change (listed above): pages using that content fail until it is fixed; run \`npm run check\` for the same report`);
			} else {
				logger.info(`content check passed again after a change (${plural(result.warnings, 'warning')}) in ${seconds}s`);
			}
		} catch (cause) {
			logger.error(`content check could not run after a change: ${cause instanceof Error ? cause.message : String(cause)}`);
		}
	};

	const start = () => {
		timer = undefined;
		if (closed) return settle();
		if (running) {
			again = true;
			return;
		}
		running = run().finally(() => {
			running = undefined;
			if (again && !closed) {
				again = false;
				start();
			} else settle();
		});
	};

	const listener = (event: string, file: string) => {
		if (closed || !path.resolve(file).startsWith(root)) return;
		if (event !== 'add' && event !== 'change' && event !== 'unlink' && event !== 'addDir' && event !== 'unlinkDir') return;
		clearTimeout(timer);
		timer = setTimeout(start, delayMs);
	};
	watcher.on('all', listener);

	return {
		idle: () => new Promise<void>((resolve) => {
			idleWaiters.push(resolve);
			settle();
		}),
		close: () => {
			closed = true;
			watcher.off('all', listener);
			clearTimeout(timer);
			timer = undefined;
			settle();
		},
	};
}

export function contentCheck(): AstroIntegration {
	let projectRoot = '';
	let watch: ContentWatch | undefined;
	return {
		name: 'credence:content-check',
		hooks: {
			'astro:config:setup': async ({ config, command, logger }) => {
				projectRoot = fileURLToPath(config.root);
				// npm run build checks while Astro starts and answers over the IPC channel; the loaders wait
				// for its verdict (content-check-handoff.ts). The variable without a channel (left in a
				// shell or a CI job's environment) is nobody's verdict: Astro checks for itself.
				if (command === 'build' && process.env[CONTENT_CHECKED_ENV] === contentRoot(projectRoot) && hasVerdictChannel()) {
					// How long the loaders waited for it: what the check cost the build beyond Astro's setup (npm run bench's check phase).
					void askForContentCheck().then((passed) => passed && logger.info(`content check passed while Astro started (npm run build); it held Astro up for ${loadersWaited().toFixed(2)}s`));
					return;
				}
				const started = performance.now();
				if (command === 'build') {
					// A CREDENCE_NOW that is not a date-time: one line, not a crash of this hook.
					let now: Date;
					try {
						now = publicationTime();
					} catch (cause) {
						if (!(cause instanceof PublicationTimeError)) throw cause;
						logger.error(cause.message);
						process.exit(2);
					}
					// The check runs on a thread of its own while Astro sets up; the loaders wait for it.
					void leaveContentCheck(checkOnThread({ ...contentCheckOptions(projectRoot), now: now.toISOString() }).then(
						(result) => {
							logDiagnostics(result, logger);
							if (result.errors > 0) {
								// Thrown, Astro would frame it as a crash, with an empty stack trace.
								logger.error(`content check found ${plural(result.errors, 'error')} (listed above); run \`npm run check\` for the same report`);
								process.exit(1);
							}
							// The benchmark counts the wait as the check's phase (scripts/bench.ts): the rest overlapped Astro's setup.
							logger.info(`content check passed (${plural(result.warnings, 'warning')}) in ${((performance.now() - started) / 1000).toFixed(2)}s on a thread of its own, alongside Astro's setup; it held Astro up for ${loadersWaited().toFixed(2)}s`);
							return true;
						},
						(cause: unknown) => {
							logger.error(`the content check crashed: ${cause instanceof Error ? cause.message : String(cause)}; run \`npm run check\` to see it again`);
							process.exit(1);
						},
					));
					return;
				}
				// The dev server (and astro sync): checked before it starts, the error thrown to stop it.
				const result = await checkProject(projectRoot)();
				logDiagnostics(result, logger);
				if (result.errors > 0) {
					const summary = `content check found ${plural(result.errors, 'error')} (listed above); run \`npm run check\` for the same report`;
					const error = new Error(summary);
					error.stack = error.message; // a content mistake is not a crash: no stack trace
					throw error;
				}
				const seconds = ((performance.now() - started) / 1000).toFixed(2);
				logger.info(`content check passed (${plural(result.warnings, 'warning')}) in ${seconds}s`);
			},
			'astro:server:setup': ({ server, logger }) => {
				const contentDir = contentRoot(projectRoot);
				// The content folder may lie outside the project (CREDENCE_CONTENT_DIR): watch it either way.
				server.watcher.add(contentDir);
				watch = watchContent({ watcher: server.watcher, logger, contentDir, check: checkProject(projectRoot) });
			},
			'astro:server:done': () => {
				watch?.close();
				watch = undefined;
			},
		},
	};
}
