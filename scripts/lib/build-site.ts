/**
 * `npm run build`: checks the content, builds the site with Astro, indexes it with Pagefind, and
 * only then puts it in place as the output folder (`CREDENCE_OUT_DIR`, default `dist/`).
 *
 * - The content check (`npm run check` itself, in a process of its own) runs while Astro starts:
 *   Astro loads its code and configuration meanwhile, and its collections' loaders, the first to
 *   read the content folder, wait for the check's verdict (src/integrations/content-check-handoff.ts).
 *   What Astro prints is held until then. A content mistake ends the build with the check's report
 *   (file, field, what was found, what is valid) and exit 1: Astro is stopped before reading any
 *   entry, and nothing of its output is shown (no hook name, no stack trace). Astro's own check
 *   (src/integrations/content-check.ts, for `astro dev` and a direct `astro build`) does not run
 *   a second time. A check that crashes instead (a signal, or an exit with no report) is said to
 *   have crashed, with its exit code or signal, not reported as content errors "listed above".
 * - Astro and the search index write into a staging folder beside the output folder; when both
 *   succeeded it replaces the output folder with two renames (scripts/lib/staged-output.ts). A
 *   build that fails anywhere leaves the last complete build in place, untouched.
 * - The search index (scripts/lib/search-index.ts, in this process; Pagefind in its own) starts
 *   as soon as Astro says every page is written (src/integrations/pages-written.ts), while Astro
 *   still draws the Open Graph cards left, writes the sitemap and exits. It reads the pages and
 *   links the cached bundles meanwhile, and indexes a bundle at once when Astro's memory and the
 *   rest of the build's, read live from /proc, leave room for Pagefind's (about 0.45 MB a page)
 *   under 2 GB in all (`EARLY_INDEX_BUDGET_BYTES`); otherwise the bundle waits until they do, or
 *   for Astro to exit, so that a large library's build stays under the floor's peak. Two bundles
 *   are indexed at once where there are two cores, each by a Pagefind of its own, when the
 *   memory leaves room for both (scripts/lib/pagefind-run.ts).
 * - Once the search index is built, `_headers` is written for Netlify and Cloudflare Pages (it
 *   names Pagefind's files), and the build says how many files it has against the hosts' limit.
 * - One build at a time in a project: a second waits for the first to finish, as they would
 *   overwrite each other's files in `.astro/` (scripts/lib/build-lock.ts).
 * - A content check that has not finished after 10 minutes is stopped, and the build with it,
 *   saying so: Astro waits for its verdict, so a check that never ended held everything.
 * - A build stopped by a signal (Ctrl-C, a CI runner cancelling, `kill`) stops the check, Astro
 *   and Pagefind with it, says so once, and ends by the same signal; the output folder keeps the
 *   last complete build (scripts/lib/stop-signals.ts).
 * - `CREDENCE_NOW` that is not a date-time is reported in one line.
 * - A site address under an example domain (`url` in `content/site.yaml`, or `CREDENCE_SITE_URL`)
 *   is warned about: canonical links, the sitemap and Open Graph tags all carry it.
 * - The build, the check and the search index are TypeScript that Node strips of its types as it
 *   loads them: Node keeps the result in a compile cache between builds (`NODE_COMPILE_CACHE`, by
 *   default under `node_modules/.cache/`; scripts/build.ts turns it on before this module loads),
 *   checked against each file's source (0.4 s of CPU less for the check at 1,000 items, 0.1 s for
 *   the search index, 0.17 s less before this module starts Astro; docs/performance.md).
 *
 *   node scripts/build.ts (which loads this module with Node's compile cache on)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONTENT_CHECKED_ENV } from '../../src/integrations/content-check-handoff.ts';
import { displayPath } from '../../src/lib/content/display-path.ts';
import { buildCacheDir, contentRoot } from '../../src/lib/content/layout.ts';
import { PublicationTimeError, publicationTime } from '../../src/lib/publication.ts';
import { maxBundlePages } from '../../src/lib/search-bundles.ts';
import { exampleAddressWarning, siteUrl } from '../../src/lib/site-url.ts';
import { astroBuildArgs } from './astro-build.ts';
import { buildLockFile, buildLockWaitMs, buildLockWords } from './build-lock.ts';
import { CliError } from './cli.ts';
import { millisecondsSetting } from './env-setting.ts';
import { exitOf, startHeld, type HeldProcess, type ProcessExit } from './held-process.ts';
import { countFilesBesidePagefind, writeHostHeaders } from './host-headers.ts';
import { prepareLock } from './lock.ts';
import { AstroFailedError, buildSearchIndex, SearchIndexError, searchIndexSummary, waitForRoomBesideAstro } from './search-index.ts';
import { deletePreviousBuilds, publishStagedBuild, stagingDirFor } from './staged-output.ts';
import { stopOnSignals, stoppedMessage, type SignalStop } from './stop-signals.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Builds the search index of `site` (see above); resolves with whether it succeeded, having said why not. */
async function searchIndex(site: string, astroExited: Promise<unknown>, astroPid: number): Promise<boolean> {
	try {
		const result = await buildSearchIndex({
			outDir: site,
			cacheDir: buildCacheDir(projectRoot),
			maxBundlePages: maxBundlePages(),
			beforeIndexing: waitForRoomBesideAstro(astroExited, astroPid),
			astroExited,
			// Two bundles at once where there are two cores (scripts/lib/pagefind-run.ts).
			lanes: Math.min(2, os.availableParallelism()),
		});
		// Stopped by a signal while the index finished: the stop was said, and is the last word.
		if (!stopping?.signal) console.log(`[search-index] ${searchIndexSummary(result)}`);
		return true;
	} catch (error) {
		// Astro failed while the index was built: stopped, and Astro's failure is the one reported.
		// Stopped by a signal (Ctrl-C reaches Pagefind too): the stop was said already.
		if (error instanceof AstroFailedError || stopping?.signal) return false;
		// A mistake in the site (a page without its year) gets its message; anything else its stack.
		console.error(`search-index: ${error instanceof SearchIndexError ? error.message : error instanceof Error ? error.stack : error}`);
		return false;
	}
}

/**
 * How long the content check may run before the build stops it: 10 minutes, about 250 times what
 * it takes for 10,000 items on two cores (2.3 s), so that only a check that will never finish
 * reaches it; `CREDENCE_CHECK_TIME_LIMIT_MS` (milliseconds) changes it.
 */
function checkTimeLimitMs(): number {
	return millisecondsSetting('CREDENCE_CHECK_TIME_LIMIT_MS', 10 * 60_000, 1);
}

/** What the build says of a check it stopped at its time limit: the content is the likely cause, and where to look. */
function checkOverTimeMessage(limitMs: number, shownOut: string): string {
	const limit = limitMs >= 60_000 ? `${Math.round(limitMs / 60_000)} minute${limitMs >= 90_000 ? 's' : ''}` : `${Math.round(limitMs / 100) / 10} s`;
	return `✗ the content check had not finished after ${limit} (it takes seconds even for 10,000 items), so the build stopped it: nothing was built and ${shownOut} is unchanged. Something keeps it from finishing, most likely in the content: look first at the files this change touched, and report it with that change (CREDENCE_CHECK_TIME_LIMIT_MS allows a larger library more time)`;
}

/** Runs Node with `args` in the project, its output on ours (and, with `capture`, kept: `out`). */
async function runNode(args: string[], env: NodeJS.ProcessEnv, capture = false, started?: (child: ChildProcess) => void): Promise<ProcessExit & { out: string }> {
	const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: ['inherit', capture ? 'pipe' : 'inherit', 'inherit'] });
	started?.(child);
	let out = '';
	child.stdout?.on('data', (chunk: Buffer) => {
		out += chunk.toString();
		process.stdout.write(chunk);
	});
	return { ...(await exitOf(child)), out };
}

/** Set once the new build is in place: a signal after that stops nothing (the process is exiting). */
let published = false;
/** Signals that stop the build part-way; once one has, the handler exits, not main's caller. */
let stopping: SignalStop | undefined;
/** What main returns once a signal has stopped the build (its exit code is the handler's). */
const STOPPED = -1;

async function main(): Promise<number> {
	publicationTime(); // a CREDENCE_NOW that is not a date-time ends the build here, in one line
	const contentDir = contentRoot(projectRoot);
	const outDir = path.resolve(projectRoot, process.env.CREDENCE_OUT_DIR ?? 'dist');
	const shownOut = displayPath(projectRoot, outDir);
	// NODE_COMPILE_CACHE is set (scripts/build.ts): the check, Astro and the search index share it.
	const env = { ...process.env };
	const staging = stagingDirFor(outDir);

	// Stopped by a signal (Ctrl-C, a CI runner cancelling): Astro and the check are stopped with the
	// build, which ends once they have (scripts/lib/stop-signals.ts); main only returns early.
	// Listened for before anything starts, so that nothing started is left running.
	let astroStarted: HeldProcess | undefined;
	let checking: ChildProcess | undefined;
	let building = false;
	// Prepared before the signal handlers, so that a stop at any moment of taking it releases it.
	const lock = prepareLock(buildLockFile(projectRoot), buildLockWords(shownOut));
	const stop = (stopping = stopOnSignals(() =>
		published
			? undefined
			: {
					message: (signal) => stoppedMessage(signal, { shownOut, published: existsSync(outDir), staged: building && existsSync(staging) ? displayPath(projectRoot, staging) : undefined }),
					processes: [astroStarted, checking],
					// Released once they have exited: a build started meanwhile would meet them in .astro/.
					release: () => lock.releaseSync(),
				},
	));
	// One build at a time in a project (scripts/lib/build-lock.ts): a second waits for the first.
	await lock.acquire(buildLockWaitMs());
	if (stop.signal) return STOPPED;
	try {
		return await buildHoldingLock();
	} finally {
		// Stopped by a signal: released by the stop, once Astro and the check have exited.
		if (!stop.signal) await lock.release();
	}

	async function buildHoldingLock(): Promise<number> {
		// The check runs in a process of its own, as `npm run check` (its report is that one's), while
		// Astro starts in another and waits for its verdict before reading the content: the check has
		// ended, and handed back its memory, before Astro's grows with the content.
		const astro = (astroStarted = startHeld(astroBuildArgs(projectRoot), { cwd: projectRoot, env: { ...env, CREDENCE_OUT_DIR: staging, [CONTENT_CHECKED_ENV]: contentDir } }));
		// Astro waits for the check's verdict, so a check that never ends would hold the whole build
		// until CI's own limit: it is stopped after `checkTimeLimitMs` (see there).
		let overTime = false;
		const limit = checkTimeLimitMs();
		const check = await runNode([path.join(projectRoot, 'scripts/check.ts'), '--content', contentDir, '--cache'], env, true, (child) => {
			checking = child;
			const timer = setTimeout(() => {
				overTime = true;
				child.kill('SIGKILL');
			}, limit);
			child.once('exit', () => clearTimeout(timer));
		});
		if (stop.signal) return STOPPED;
		if (check.code !== 0) {
			await astro.stop();
			if (stop.signal) return STOPPED;
			// Its report ends with its summary line; without one, the check itself failed (its own message, if any, is above).
			const errors = /: (\d+ errors?), \d+ warnings?\s*$/.exec(check.out)?.[1];
			if (overTime) console.error(checkOverTimeMessage(limit, shownOut));
			else if (check.code === 1 && errors) console.log(`✗ content check found ${errors} (listed above): nothing was built and ${shownOut} is unchanged`);
			else {
				const how = check.signal ? `was ended by ${check.signal} (exit code ${check.code})` : `stopped with exit code ${check.code}`;
				console.error(
					`✗ the content check crashed: it ${how} before reporting on the content (its own output, if any, is above), so nothing was built and ${shownOut} is unchanged; run \`npm run check\` to see it again, and report it with the content change that caused it`,
				);
			}
			return overTime ? 1 : check.code;
		}

		// Every address the site publishes would carry an example domain: said before the long part.
		const addressWarning = exampleAddressWarning(siteUrl(contentDir));
		if (addressWarning) console.warn(addressWarning);

		// The builds that earlier ones replaced are deleted while Astro works.
		const deleting = deletePreviousBuilds(outDir).catch((error: unknown) => console.warn(`could not delete an earlier build beside ${shownOut}: ${error}`));
		const failed = (step: string, code: number) => {
			// Stopped by a signal: said once, by stopOnSignals.
			if (stop.signal) return STOPPED;
			console.error(`✗ ${step} failed (see above): ${shownOut} keeps the last complete build; this build's part is in ${displayPath(projectRoot, staging)}`);
			return code || 1;
		};
		astro.go();
		building = true;
		// The search index starts once the pages are written, or once Astro has exited if it never
		// said so (then only if Astro succeeded).
		const searching = Promise.race([astro.pagesWritten, astro.done.then(() => false)]).then(async (pagesWritten) => {
			if (!pagesWritten && (await astro.done).code !== 0) return false;
			return searchIndex(staging, astro.done, astro.pid);
		});
		const built = await astro.done;
		// Astro has exited: the site's files outside pagefind/ are final, and counted while Pagefind works.
		const besidePagefind = built.code === 0 ? countFilesBesidePagefind(staging) : undefined;
		besidePagefind?.catch(() => {}); // a failure is the search's or Astro's to report; the count is awaited below
		const searched = await searching;
		if (built.code !== 0) return failed('astro build', built.code);
		if (!searched) return failed('the search index', 1);
		const count = await writeHostHeaders(staging, besidePagefind);
		await deleting;
		if (stop.signal) return STOPPED;
		(count.warn ? console.warn : console.log)(`${count.warn ? '!' : '✓'} ${count.message}`);
		publishStagedBuild(staging, outDir);
		published = true;
		console.log(`✓ built the site into ${shownOut}`);
		return 0;
	}
}

main().then(
	(code) => {
		if (!stopping?.signal) process.exit(code);
	},
	(cause: unknown) => {
		if (stopping?.signal) return;
		if (cause instanceof PublicationTimeError) {
			console.error(`error: ${cause.message}`);
			process.exit(2);
		}
		// Another build held the project too long (scripts/lib/build-lock.ts): its message says all.
		if (cause instanceof CliError) {
			console.error(cause.message);
			process.exit(cause.code);
		}
		console.error(`build failed: ${cause instanceof Error ? cause.stack : String(cause)}`);
		process.exit(1);
	},
);
