/**
 * `npm run build`: checks the content, builds the site with Astro, indexes it with Pagefind, and
 * only then puts it in place as the output folder (scripts/lib/build-site.ts says how).
 *
 * This entry only turns Node's compile cache on first: the build's own modules are TypeScript,
 * which Node strips of its types as it loads them, and with the cache their compiled code is
 * reused from the last build (the 0.23 s they took to load before the build could start the check
 * and Astro fell to 0.06 s). The cache is checked against each file's source, and the check,
 * Astro and the search index share it (`NODE_COMPILE_CACHE`, unless one is set already).
 *
 *   node scripts/build.ts
 */
import module from 'node:module';
import path from 'node:path';

process.env.NODE_COMPILE_CACHE ||= path.join(import.meta.dirname, '../node_modules/.cache/credence-node-compile');
module.enableCompileCache(process.env.NODE_COMPILE_CACHE);
await import('./lib/build-site.ts');
