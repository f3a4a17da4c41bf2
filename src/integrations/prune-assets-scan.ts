/**
 * A worker thread that reads the built pages for the images they name (prune-assets.ts starts it
 * once Astro has written them) and posts the pages it read and the names it found.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { addReferences, textFiles, type Scan } from './prune-assets.ts';

const { outDir } = workerData as { outDir: string };
const files = await textFiles(outDir, true);
const referenced = new Set<string>();
addReferences(outDir, files, referenced);
parentPort!.postMessage({ files, referenced: [...referenced] } satisfies Scan);
