/**
 * The last step of `npm run build` in the staging folder: `_headers` (src/lib/host-files.ts),
 * which needs the names of Pagefind's files, and the count of files the hosts will be sent.
 *
 * Counting a large site is a walk of every folder (10,700 of them at 10,000 items: 0.3 s read
 * synchronously, 0.6–1.0 s through the thread pool while earlier builds are deleted on it), and
 * it was the build's last step. Once Astro has exited only the search index writes into the
 * folder, and only under `pagefind/`, so `npm run build` counts everything else then
 * (`countFilesBesidePagefind`), while Pagefind indexes, and this step adds Pagefind's files.
 */
import { readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { fileCountReport, headersFile } from '../../src/lib/host-files.ts';

const PAGEFIND = 'pagefind';
const HEADERS = '_headers';

/** The files of a built site outside `pagefind/`, and whether `_headers` is among them. */
export interface FilesBesidePagefind {
	files: number;
	headers: boolean;
}

/** Counts the files of `siteDir` outside `pagefind/` (see above: nothing else changes once Astro has exited). */
export async function countFilesBesidePagefind(siteDir: string): Promise<FilesBesidePagefind> {
	const top = await readdir(siteDir, { withFileTypes: true });
	const nested = await Promise.all(
		top.filter((e) => e.isDirectory() && e.name !== PAGEFIND).map(async (e) => (await readdir(path.join(siteDir, e.name), { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).length),
	);
	return { files: top.filter((e) => e.isFile()).length + nested.reduce((sum, n) => sum + n, 0), headers: top.some((e) => e.isFile() && e.name === HEADERS) };
}

/**
 * Writes `<siteDir>/_headers`; returns the report of the folder's file count (the host files
 * included). `beside`, when given, is `countFilesBesidePagefind` of the same folder, made after
 * the last change outside `pagefind/`; without it the whole folder is walked.
 */
export async function writeHostHeaders(siteDir: string, beside?: Promise<FilesBesidePagefind>): Promise<ReturnType<typeof fileCountReport>> {
	const entries = (await readdir(siteDir, { withFileTypes: true })).map((e) => ({ name: e.name, directory: e.isDirectory() }));
	const pagefind = path.join(siteDir, PAGEFIND);
	const pagefindFiles = (await readdir(pagefind, { recursive: true, withFileTypes: true }).catch(() => []))
		.filter((e) => e.isFile())
		.map((e) => path.relative(pagefind, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
	const counted = await beside;
	await writeFileAtomic(path.join(siteDir, HEADERS), headersFile({ entries, pagefindFiles }));
	// Synchronous when walked here: it is the build's last step, and the thread pool may be busy deleting earlier builds.
	const files = counted ? counted.files + pagefindFiles.length + (counted.headers ? 0 : 1) : readdirSync(siteDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
	return fileCountReport(files);
}
