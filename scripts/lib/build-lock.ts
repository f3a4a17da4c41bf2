/**
 * One `npm run build` at a time in a project. Astro writes files every build shares into the
 * project's `.astro/` folder: the content modules that content sync generates (which images each
 * entry imports) and, when the output folder is outside the project (a benchmark's, a test's, a
 * deploy script's `CREDENCE_OUT_DIR=/tmp/…`), its whole server bundle, `.astro/.prerender/`, which
 * it deletes when it ends. Two builds at once, even of two content folders into two output
 * folders, overwrite each other's: of two `astro build`s started a second apart (a 1,000-item
 * library and the sample), the second bundled the first's content modules and failed on an image
 * of content it did not have (LocalImageUsedWrongly). `astro build` run directly is not locked;
 * `npm run build` is. A second build now waits for the first to finish, saying so, and then
 * runs; the lock is scripts/lib/lock.ts's, so a build that crashed or was killed leaves none that
 * holds (its process is gone), and a build stopped by a signal releases it once Astro and the
 * check have exited (scripts/lib/stop-signals.ts).
 */
import path from 'node:path';
import { millisecondsSetting } from './env-setting.ts';
import type { LockWords } from './lock.ts';

/** The file the build locks (`<file>.lock` is the lock): beside Node's compile cache, outside `.astro/`, which Astro rewrites. */
export function buildLockFile(projectRoot: string): string {
	return path.join(projectRoot, 'node_modules/.cache/credence-build');
}

/**
 * How long a build waits for another in the same project: 20 minutes, about ten cold builds of a
 * 10,000-item library on two cores; `CREDENCE_BUILD_LOCK_WAIT_MS` (milliseconds) overrides it.
 */
export function buildLockWaitMs(): number {
	return millisecondsSetting('CREDENCE_BUILD_LOCK_WAIT_MS', 20 * 60_000, 0);
}

/** What a build says while it waits, and when it gives up; `shownOut` names its output folder. */
export function buildLockWords(shownOut: string): LockWords {
	return {
		waiting: (holder) => `waiting for the build already running in this project (${holder}) to finish: two builds at once overwrite each other's files in .astro/`,
		busy: (holder, lock) =>
			`✗ another build has been running in this project for too long (${holder}, lock file ${lock}), so this one did not start: nothing was built and ${shownOut} is unchanged. Run it again once that build has finished; if no build is running, delete the lock file`,
	};
}
