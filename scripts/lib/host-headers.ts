/**
 * The last step of `npm run build` in the staging folder: `_headers` (src/lib/host-files.ts),
 * which needs the names of Pagefind's files, and the count of files the hosts will be sent.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { fileCountReport, headersFile } from '../../src/lib/host-files.ts';

/** Writes `<siteDir>/_headers`; returns the report of the folder's file count (the host files included). */
export async function writeHostHeaders(siteDir: string): Promise<ReturnType<typeof fileCountReport>> {
	const entries = (await readdir(siteDir, { withFileTypes: true })).map((e) => ({ name: e.name, directory: e.isDirectory() }));
	const pagefind = path.join(siteDir, 'pagefind');
	const pagefindFiles = (await readdir(pagefind, { recursive: true, withFileTypes: true }).catch(() => []))
		.filter((e) => e.isFile())
		.map((e) => path.relative(pagefind, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
	await writeFileAtomic(path.join(siteDir, '_headers'), headersFile({ entries, pagefindFiles }));
	const files = (await readdir(siteDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
	return fileCountReport(files);
}
