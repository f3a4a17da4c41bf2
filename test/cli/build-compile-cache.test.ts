/**
 * `npm run build` loads its own TypeScript modules with Node's compile cache on (scripts/build.ts),
 * and hands the same cache to the check, Astro and the search index.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Says, as the build exits, where Node's compile cache was (empty when it was off), and what the environment named. */
const report = `data:text/javascript,${encodeURIComponent(
	"import module from 'node:module'; process.on('exit', () => process.stderr.write('\\ncache=' + (module.getCompileCacheDir() ?? '') + ' env=' + (process.env.NODE_COMPILE_CACHE ?? '') + '\\n'));",
)}`;

async function cacheOfBuild(env: NodeJS.ProcessEnv): Promise<{ cache: string; env: string }> {
	// A CREDENCE_NOW that is not a date-time ends the build once its modules are loaded, before anything else.
	const run = promisify(execFile)(process.execPath, ['--import', report, 'scripts/build.ts'], { cwd: projectRoot, env: { ...env, CREDENCE_NOW: 'not a date' } });
	const error = (await run.then(() => undefined, (e: { code: number; stderr: string }) => e))!;
	expect(error.code).toBe(2);
	const [, cache, named] = /cache=(.*) env=(.*)/.exec(error.stderr)!;
	return { cache, env: named };
}

describe('npm run build', () => {
	it("loads its modules with Node's compile cache on, under node_modules/.cache unless NODE_COMPILE_CACHE says where", async () => {
		const { NODE_COMPILE_CACHE: _, ...withoutCache } = process.env;
		const fallback = path.join(projectRoot, 'node_modules/.cache/credence-node-compile');
		const byDefault = await cacheOfBuild(withoutCache);
		expect(byDefault.env).toBe(fallback);
		expect(byDefault.cache.startsWith(fallback)).toBe(true);
		const chosen = mkdtempSync(path.join(os.tmpdir(), 'compile-cache-'));
		try {
			const named = await cacheOfBuild({ ...withoutCache, NODE_COMPILE_CACHE: chosen });
			expect(named.env).toBe(chosen);
			expect(named.cache.startsWith(chosen)).toBe(true);
		} finally {
			rmSync(chosen, { recursive: true, force: true });
		}
	}, 30_000);
});
