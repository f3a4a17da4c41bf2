/**
 * The content check of a direct `astro build`, on a thread of its own (src/integrations/content-check.ts):
 * it runs while Astro sets up its bundler and loads the content configuration, and the loaders
 * wait for its verdict before they read a file (content-check-handoff.ts). Posts the counts and
 * the diagnostics, which the integration logs as it always has.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runCheck } from '../lib/content/check.ts';
import type { Diagnostic } from '../lib/diagnostics.ts';

/** What the integration hands the thread. */
export interface CheckWork {
	projectRoot: string;
	contentDir: string;
	parseCacheFile: string;
	/** The publication instant, as an ISO date-time. */
	now: string;
}

/** What the thread posts back. */
export interface CheckReport {
	errors: number;
	warnings: number;
	diagnostics: Diagnostic[];
}

if (parentPort) {
	const work = workerData as CheckWork;
	const result = await runCheck({ ...work, now: new Date(work.now) });
	parentPort.postMessage({ errors: result.errors, warnings: result.warnings, diagnostics: result.diagnostics } satisfies CheckReport);
}
