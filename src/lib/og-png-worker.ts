/**
 * A worker thread that draws Open Graph cards (og-png-workers.ts starts it): a message
 * `{ id, key }` is answered `{ id, png }` or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { ogCardPngOfKey } from './og-png.ts';

parentPort!.on('message', async ({ id, key }: { id: number; key: string }) => {
	try {
		parentPort!.postMessage({ id, png: await ogCardPngOfKey(key) });
	} catch (error) {
		parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
	}
});
