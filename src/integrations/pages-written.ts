/**
 * Tells `npm run build` (scripts/build.ts) that every HTML page is written, so that it can start
 * the search index while Astro finishes: `astro:build:generated` comes after the pages and the
 * optimized images, before `astro:build:done`, where the Open Graph cards still left are drawn,
 * the sitemap is written and unused images are pruned. Nothing after this hook changes a page.
 * In a build that draws images, the announcement comes earlier, from the image service's first
 * drawing (src/lib/image-service.ts): Astro draws the optimized images only once every page is
 * written, and drawing them changes no page.
 *
 * The build gives Astro a pipe of its own for this (its file descriptor in `PAGES_WRITTEN_FD_ENV`)
 * rather than the IPC channel, which the content check's handoff closes once the check has
 * passed (src/integrations/content-check-handoff.ts). A direct `astro build` has no such pipe,
 * and the integration does nothing.
 */
import type { AstroIntegration } from 'astro';
import { fstatSync, writeSync } from 'node:fs';

/** Set by `npm run build` to the file descriptor Astro announces the written pages on. */
export const PAGES_WRITTEN_FD_ENV = 'CREDENCE_PAGES_WRITTEN_FD';

/** The line Astro writes on that descriptor once every page is written. */
export const PAGES_WRITTEN = 'credence:pages-written';

/** The announcing descriptor `env` names, if any. */
export function pagesWrittenFd(env: Record<string, string | undefined> = process.env): number | undefined {
	const fd = Number(env[PAGES_WRITTEN_FD_ENV]);
	return Number.isInteger(fd) && fd > 2 ? fd : undefined;
}

/** Whether `fd` is an open socket. */
function isSocket(fd: number): boolean {
	try {
		return fstatSync(fd).isSocket();
	} catch {
		return false;
	}
}

/** Set once the announcement is made in this process (the hook and the image service are two copies of this module). */
const ANNOUNCED = Symbol.for('credence.pages-written.announced');

/**
 * Tells the build, once per process, that every page is written, if `npm run build` gave Astro the
 * pipe for it; `warn` hears why the announcement could not be made.
 */
export function announcePagesWritten(warn: (message: string) => void): void {
	const shared = globalThis as { [ANNOUNCED]?: boolean };
	if (shared[ANNOUNCED]) return;
	const fd = pagesWrittenFd();
	if (fd === undefined) return;
	// The build's pipe is a socket (Node's 'pipe' stdio is a socket pair). A number left in
	// the environment of any other Astro names one of the process's own descriptors, such as
	// libuv's wake-up pipes, and a line written into those crashed Astro (SIGSEGV).
	if (!isSocket(fd)) {
		warn(`${PAGES_WRITTEN_FD_ENV}=${fd} is not the pipe npm run build gives Astro: ignored`);
		return;
	}
	try {
		writeSync(fd, `${PAGES_WRITTEN}\n`);
		shared[ANNOUNCED] = true;
	} catch (error) {
		// The build then starts the search index once Astro has exited, as it would anyway.
		warn(`could not tell the build the pages are written: ${error}`);
	}
}

export function pagesWritten(): AstroIntegration {
	return {
		name: 'credence:pages-written',
		hooks: {
			'astro:build:generated': ({ logger }) => announcePagesWritten((message) => logger.warn(message)),
		},
	};
}
