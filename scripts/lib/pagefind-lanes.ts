/**
 * Pagefind indexers the search index runs bundles on, several at once
 * (scripts/lib/search-index.ts). Pagefind's Node API drives one indexer process per Node module
 * instance, and that process takes one bundle at a time: two indexes created through it take as
 * long as one after the other. So each lane is a worker thread (pagefind-lane-worker.ts) with
 * Pagefind's API, and its indexer process, of its own. While it writes a bundle, Pagefind keeps
 * one to two cores busy, so two bundles indexed side by side on two cores took 8.3 s where one
 * after the other took 11.9 s (10,000-item corpus, two bundles of about 2,000 pages;
 * docs/performance.md).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** A bundle's pages to index (a folder of them, as `addDirectory` reads it) and where its index goes. */
export interface LaneJob {
	/** The folder of the bundle's pages. */
	source: string;
	/** How many pages Pagefind must find there. */
	pages: number;
	/** The folder to write the index into. */
	output: string;
}

/** What a lane answers: nothing when the bundle was indexed, or Pagefind's errors and the stage they came at. */
export interface LaneFailure {
	stage: 'start' | 'index the pages' | 'write the index';
	errors: string[];
}

/** A job's message to a lane, and the lane's answer. */
export type LaneRequest = { job: LaneJob } | { close: true };
export type LaneReply = { done: true; failure?: LaneFailure } | { crashed: string };

const WORKER = path.join(import.meta.dirname, 'pagefind-lane-worker.ts');

interface Lane {
	worker: Worker;
	busy: boolean;
	settle?: (reply: LaneReply) => void;
}

export class PagefindLanes {
	readonly size: number;
	readonly #lanes: Lane[] = [];

	/** At most `size` lanes, each started when first needed. */
	constructor(size: number) {
		this.size = Math.max(1, Math.floor(size));
	}

	/**
	 * Indexes `job` on a free lane (the caller runs at most `size` at once); resolves with Pagefind's
	 * failure, if any, once the index is written. Rejects if the lane itself fails.
	 */
	async index(job: LaneJob): Promise<LaneFailure | undefined> {
		const lane = this.#lanes.find((candidate) => !candidate.busy) ?? this.#start();
		lane.busy = true;
		try {
			const reply = await new Promise<LaneReply>((resolve) => {
				lane.settle = resolve;
				lane.worker.postMessage({ job } satisfies LaneRequest);
			});
			if ('crashed' in reply) throw new Error(`a Pagefind lane failed: ${reply.crashed}`);
			return reply.failure;
		} finally {
			lane.busy = false;
			lane.settle = undefined;
		}
	}

	/** Closes every lane's indexer and ends its thread. */
	async close(): Promise<void> {
		const lanes = this.#lanes.splice(0);
		await Promise.all(
			lanes.map(
				(lane) =>
					new Promise<void>((resolve) => {
						lane.worker.once('exit', () => resolve());
						lane.worker.postMessage({ close: true } satisfies LaneRequest);
					}),
			),
		);
	}

	#start(): Lane {
		if (this.#lanes.length >= this.size) throw new Error(`more than ${this.size} bundles asked to be indexed at once`);
		const lane: Lane = { worker: new Worker(WORKER), busy: false };
		const crashed = (why: string) => {
			const at = this.#lanes.indexOf(lane);
			if (at >= 0) this.#lanes.splice(at, 1);
			lane.settle?.({ crashed: why });
		};
		lane.worker.on('message', (reply: LaneReply) => lane.settle?.(reply));
		lane.worker.on('error', (error) => crashed(error.stack ?? String(error)));
		lane.worker.on('exit', (code) => crashed(`its thread stopped with exit code ${code}`));
		this.#lanes.push(lane);
		return lane;
	}
}
