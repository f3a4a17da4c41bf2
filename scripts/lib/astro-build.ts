/**
 * How the build starts Astro:
 * `node --env-file=scripts/astro-build.env --heap-growing-percent=50 node_modules/astro/bin/astro.mjs build`,
 * so that the allocator settings in scripts/astro-build.env are in the environment before the
 * bundler's native module loads (mimalloc reads them once, when it starts), and V8 starts with
 * the heap setting below (it is not one Node accepts in NODE_OPTIONS). package.json's build
 * script spells the same command out; test/cli/astro-build.test.ts checks they agree.
 */
import path from 'node:path';

/** The environment file `astro build` starts with, relative to the project root. */
export const ASTRO_BUILD_ENV = 'scripts/astro-build.env';

/** Astro's command-line entry point, relative to the project root. */
export const ASTRO_BIN = 'node_modules/astro/bin/astro.mjs';

/**
 * V8's options for the build. `--heap-growing-percent=50`: after a full collection, the heap may
 * grow to 1.5 times what survived it before the next one (V8 otherwise picks 1.1 to 4 times,
 * favouring speed). Bundling a large library makes hundreds of MB of short-lived garbage, and
 * with V8's own choice the heap sometimes reached 1.3 GB during bundling, and the build's peak
 * 2.05 GB at 10,000 items. With this it stayed under 650 MB, and the main thread's time spent
 * collecting did not measurably change; V8 marks more often on the other core, which may cost
 * some CPU time (docs/performance.md).
 */
export const ASTRO_V8_OPTIONS = ['--heap-growing-percent=50'];

/** Node's arguments for `astro build` in `projectRoot` (relative paths when it is `''`). */
export function astroBuildArgs(projectRoot = ''): string[] {
	return [`--env-file=${path.join(projectRoot, ASTRO_BUILD_ENV)}`, ...ASTRO_V8_OPTIONS, path.join(projectRoot, ASTRO_BIN), 'build'];
}
