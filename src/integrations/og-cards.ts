/**
 * Writes the build's Open Graph cards into the output once the pages are generated. The card
 * route (src/pages/og/[...slug].png.ts) registers them with the build's card renderer when Astro
 * asks it for its paths, and they are rendered in the background while Astro renders the pages
 * (src/lib/og-render.ts), drawn in worker threads (src/lib/og-png-workers.ts). A card that fails
 * to render fails the build, so nothing is published.
 */
import type { AstroIntegration } from 'astro';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { CardWorkers, type CardWorkersOptions } from '../lib/og-png-workers.ts';
import { buildCardRenderer, forgetBuildCardRenderer, setBuildCardDraw } from '../lib/og-render.ts';

/**
 * How long the build waits for the card workers to end once the cards are written or have
 * failed. A worker stopped at the time limit while stuck in the native renderer never ends, and
 * Node waits for every worker's thread before a process exits, so Astro's process would hang
 * until CI's own limit: it is killed instead, once the failure is said.
 */
export const STUCK_WORKER_GRACE_MS = 5000;

export interface OgCardsOptions {
	/** The card workers' module and time limit (tests). */
	workers?: Pick<CardWorkersOptions, 'file' | 'timeLimitMs'>;
}

/** A card named by its file in the site, as the build's renderer registered it. */
function cardName(key: string): string {
	const files = buildCardRenderer()?.filesOf(key) ?? [];
	return files.length ? files.map((file) => `the Open Graph card ${file}`).join(', ') : 'an Open Graph card';
}

export function ogCards(options: OgCardsOptions = {}): AstroIntegration {
	const startWorkers = (max: number) => new CardWorkers(max, { ...options.workers, name: cardName });
	let workers: CardWorkers | undefined;
	return {
		name: 'credence:og-cards',
		hooks: {
			// Before Astro asks the card route for its paths: a build started by Astro's API in a
			// process that built before starts with no cards.
			'astro:build:start': () => {
				forgetBuildCardRenderer();
				// Cards are drawn in a worker thread while Astro renders the pages, leaving a core to
				// Astro's main thread, and on every core once the pages are done (og-png-workers.ts).
				workers = startWorkers(1);
				const draw = workers;
				setBuildCardDraw((key) => draw.render(key));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const cards = buildCardRenderer();
				try {
					if (!cards) return;
					const started = performance.now();
					workers?.grow(os.availableParallelism());
					await cards.publish(fileURLToPath(dir));
					// The seconds the build waited for cards after the pages: what the background did not finish.
					const waited = ((performance.now() - started) / 1000).toFixed(2);
					logger.info(`${cards.files.length} Open Graph card${cards.files.length === 1 ? '' : 's'} written in ${waited}s`);
				} finally {
					setBuildCardDraw(undefined);
					const stuck = await workers?.close(STUCK_WORKER_GRACE_MS);
					workers = undefined;
					if (stuck) {
						logger.error(stuck);
						process.kill(process.pid, 'SIGKILL');
					}
				}
			},
		},
	};
}
