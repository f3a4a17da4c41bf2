/**
 * One lane of the search index (pagefind-lanes.ts): a worker thread whose own copy of Pagefind's
 * Node API starts an indexer process of its own for each bundle, one bundle at a time.
 */
import { parentPort } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';
import type { LaneFailure, LaneJob, LaneReply, LaneRequest } from './pagefind-lanes.ts';

/** Indexes the pages in `job.source` into `job.output`; Pagefind's failure, if any. */
async function indexBundle({ source, pages, output }: LaneJob): Promise<LaneFailure | undefined> {
	const { index, errors: createErrors } = await createIndex({});
	if (!index || createErrors.length) return { stage: 'start', errors: createErrors };
	try {
		const { errors: addErrors, page_count } = await index.addDirectory({ path: source });
		if (addErrors.length) return { stage: 'index the pages', errors: addErrors };
		if (page_count !== pages) return { stage: 'index the pages', errors: [`read ${page_count} of ${pages} pages`] };
		const { errors: writeErrors } = await index.writeFiles({ outputPath: output });
		if (writeErrors.length) return { stage: 'write the index', errors: writeErrors };
		return undefined;
	} finally {
		// Pagefind's indexer keeps most of a bundle's memory after deleting it (about 700 of 850 MB
		// for 2,083 pages: its allocator does not hand it back), so each bundle gets a process of its
		// own, which hands back everything as it exits.
		await index.deleteIndex();
		await close();
	}
}

parentPort!.on('message', async (request: LaneRequest) => {
	if ('close' in request) {
		await close();
		parentPort!.close();
		return;
	}
	let reply: LaneReply;
	try {
		reply = { done: true, failure: await indexBundle(request.job) };
	} catch (error) {
		reply = { crashed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
	}
	parentPort!.postMessage(reply);
});
