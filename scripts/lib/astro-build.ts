/**
 * How the build starts Astro: `node --env-file=scripts/astro-build.env node_modules/astro/bin/astro.mjs build`,
 * so that the allocator settings in scripts/astro-build.env are in the environment before the
 * bundler's native module loads (mimalloc reads them once, when it starts). package.json's
 * build script spells the same command out; test/cli/astro-build.test.ts checks they agree.
 */
import path from 'node:path';

/** The environment file `astro build` starts with, relative to the project root. */
export const ASTRO_BUILD_ENV = 'scripts/astro-build.env';

/** Astro's command-line entry point, relative to the project root. */
export const ASTRO_BIN = 'node_modules/astro/bin/astro.mjs';

/** Node's arguments for `astro build` in `projectRoot` (relative paths when it is `''`). */
export function astroBuildArgs(projectRoot = ''): string[] {
	return [`--env-file=${path.join(projectRoot, ASTRO_BUILD_ENV)}`, path.join(projectRoot, ASTRO_BIN), 'build'];
}
