/**
 * `npm run build` (scripts/build.ts) and a direct `astro build` as a user runs them, on mistakes
 * that are not crashes: a content error reads like `npm run check`'s report, and a CREDENCE_NOW
 * that is not a date-time is one line; neither shows Astro's hook framing or a stack trace.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { astroBuildArgs } from '../../scripts/lib/astro-build.ts';
import { copyFixture, editData, runNode, runScript } from '../helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture()));
afterEach(() => cleanup());

const NOISE = /astro:config:setup|unhandled error|Stack trace|\n\s+at .*:\d+:\d+/;
const build = (env: Record<string, string>) => runScript('scripts/build.ts', [], { CREDENCE_CONTENT_DIR: dir, CREDENCE_OUT_DIR: path.join(dir, '..', 'out'), ...env });
const astroBuild = (env: Record<string, string>) => runNode(astroBuildArgs(), { CREDENCE_CONTENT_DIR: dir, CREDENCE_OUT_DIR: path.join(dir, '..', 'out'), ...env });

describe('a mistake that is not a crash', () => {
	it('CREDENCE_NOW that is not a date-time: check and build say in one line what it holds and what would be valid', async () => {
		for (const result of [await build({ CREDENCE_NOW: 'garbage' }), await runScript('scripts/check.ts', ['--content', dir], { CREDENCE_NOW: 'garbage' })]) {
			expect(result.code).toBe(2);
			const lines = result.out.split('\n').filter((line) => line.trim() && !line.startsWith('>'));
			expect(lines).toEqual([expect.stringMatching(/^error: CREDENCE_NOW holds "garbage", which is not a date-time; expected an ISO 8601 date-time such as 2026-11-23T00:00:00Z/)]);
		}
	});

	it('CREDENCE_NOW that is not a date-time, in a direct astro build: one line, no hook framing', async () => {
		const result = await astroBuild({ CREDENCE_NOW: 'garbage' });
		expect(result.code).not.toBe(0);
		expect(result.out).toMatch(/CREDENCE_NOW holds "garbage", which is not a date-time/);
		expect(result.out).not.toMatch(NOISE);
	}, 60_000);

	it('a content error: the build reports it as npm run check does, before Astro starts, and so does a direct astro build', async () => {
		editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.authors = ['ada-quarry', 'nobody-at-all']));
		const check = await runScript('scripts/check.ts', ['--content', dir]);
		const reported = check.out.split('\n').filter((line) => line.startsWith('error'));
		expect(reported.length).toBeGreaterThan(0);
		for (const result of [await build({}), await astroBuild({})]) {
			expect(result.code, result.out).toBe(1);
			for (const line of reported) expect(result.out).toContain(line);
			expect(result.out).toMatch(/content check found 2 errors \(listed above\)/);
			expect(result.out).not.toMatch(/\[build\]|Building/); // Astro did not start
			expect(result.out).not.toMatch(NOISE);
		}
	}, 60_000);
});

describe('a check that crashes', () => {
	// The check process is made to crash as a stack overflow in the compiler did (SIGSEGV), or to stop without a report.
	const crashing = (how: string) => ({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=data:text/javascript,if(process.argv[1]?.endsWith('check.ts'))${how}`.trim() });
	for (const [how, said] of [
		[`process.kill(process.pid,'SIGSEGV')`, /the content check crashed: it was ended by SIGSEGV \(exit code 139\)/],
		[`process.exit(2)`, /the content check crashed: it stopped with exit code 2/],
	] as const) {
		it(`says so, with how it ended, not "found errors (listed above)": ${how}`, async () => {
			const result = await build(crashing(how));
			expect(result.code, result.out).not.toBe(0);
			expect(result.out).toMatch(said);
			expect(result.out).toMatch(/nothing was built/);
			expect(result.out).not.toMatch(/listed above/);
			expect(result.out).not.toMatch(/\[build\]|Building/); // Astro did not start
		}, 60_000);
	}
});
