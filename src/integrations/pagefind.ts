/**
 * Builds the Pagefind search index from the rendered site through Pagefind's Node API, and fails
 * the build on any indexing error (a site whose search silently broke is worse than no build).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { close, createIndex } from 'pagefind';

export function pagefind(): AstroIntegration {
	return {
		name: 'credence:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				const fail = (stage: string, errors: string[]) => {
					throw new Error(`Pagefind failed to ${stage}:\n${errors.join('\n')}`);
				};
				const started = performance.now();
				try {
					const { index, errors: createErrors } = await createIndex({});
					if (!index || createErrors.length) return fail('start', createErrors);
					const { errors: addErrors, page_count } = await index.addDirectory({ path: outDir });
					if (addErrors.length) return fail('index the site', addErrors);
					if (page_count === 0) return fail('index the site', ['no page has data-pagefind-body']);
					const { errors: writeErrors } = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
					if (writeErrors.length) return fail('write the index', writeErrors);
					// Pagefind reads every page but indexes only those with data-pagefind-body: one
					// fragment file each.
					const indexed = readdirSync(path.join(outDir, 'pagefind', 'fragment')).length;
					logger.info(`indexed ${indexed} of ${page_count} pages in ${((performance.now() - started) / 1000).toFixed(2)}s`);
				} finally {
					await close();
				}
			},
		},
	};
}
