/**
 * Writes `_redirects` (src/lib/host-files.ts) from the addresses the pages hand over
 * (`retired-addresses.json`), deletes that hand-over file, and tells the sitemap which pages to
 * leave out: a tombstone (`noindex`) or a moved notice is no page to index. It must come before
 * the sitemap integration, whose filter runs in the same `astro:build:done` step after it.
 */
import type { AstroIntegration } from 'astro';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import writeFileAtomic from 'write-file-atomic';
import { parseRetired, redirectsFile, RETIRED_ADDRESSES_FILE } from '../lib/host-files.ts';

export function hostRedirects(): { integration: AstroIntegration; listed: (page: string) => boolean } {
	const retired = new Set<string>();
	const integration: AstroIntegration = {
		name: 'credence:host-redirects',
		hooks: {
			'astro:build:done': async ({ dir }) => {
				const outDir = fileURLToPath(dir);
				const handOver = path.join(outDir, RETIRED_ADDRESSES_FILE);
				const addresses = parseRetired(await readFile(handOver, 'utf8'));
				await writeFileAtomic(path.join(outDir, '_redirects'), redirectsFile(addresses));
				await rm(handOver);
				for (const { from } of addresses.moved) retired.add(from);
				for (const { url } of addresses.gone) retired.add(url);
			},
		},
	};
	/** For the sitemap's `filter`: false for a retired address (the sitemap passes full URLs). */
	const listed = (page: string) => !retired.has(new URL(page).pathname);
	return { integration, listed };
}
