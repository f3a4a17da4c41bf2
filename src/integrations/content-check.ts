/**
 * Runs the same content check as `npm run check` before Astro loads anything, and fails the
 * build (or dev server start) on any error. Astro by itself only logs dangling references.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../lib/content/check.ts';
import { buildCacheDir, contentRoot } from '../lib/content/layout.ts';
import path from 'node:path';
import { formatDiagnostic } from '../lib/diagnostics.ts';
import { publicationTime } from '../lib/publication.ts';

export function contentCheck(): AstroIntegration {
	return {
		name: 'credence:content-check',
		hooks: {
			'astro:config:setup': async ({ config, logger }) => {
				const projectRoot = fileURLToPath(config.root);
				const started = performance.now();
				// Files unchanged since the last build are not parsed again (they are validated again).
				const parseCacheFile = path.join(buildCacheDir(projectRoot), 'content-check', 'parses.v8');
				const result = await runCheck({ projectRoot, contentDir: contentRoot(projectRoot), now: publicationTime(), parseCacheFile });
				for (const d of result.diagnostics) {
					if (d.severity === 'warning') logger.warn(formatDiagnostic(d));
					else logger.error(formatDiagnostic(d));
				}
				if (result.errors > 0) {
					const error = new Error(`content check found ${result.errors} error${result.errors === 1 ? '' : 's'} (listed above); run \`npm run check\` for the same report`);
					error.stack = error.message; // a content mistake is not a crash: no stack trace
					throw error;
				}
				const seconds = ((performance.now() - started) / 1000).toFixed(2);
				logger.info(`content check passed (${result.warnings} warning${result.warnings === 1 ? '' : 's'}) in ${seconds}s`);
			},
		},
	};
}
