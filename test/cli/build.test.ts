/**
 * `npm run build` (scripts/build.ts) and a direct `astro build` as a user runs them, on mistakes
 * that are not crashes: a content error reads like `npm run check`'s report, and a CREDENCE_NOW
 * that is not a date-time is one line; neither shows Astro's hook framing or a stack trace.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { astroBuildArgs } from '../../scripts/lib/astro-build.ts';
import { displayPath } from '../../src/lib/content/display-path.ts';
import { copyFixture, editData, projectRoot, runNode, runScript } from '../helpers.ts';

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
			expect(result.out).not.toMatch(/\[build\]|Building/); // nothing of Astro's is shown
			expect(result.out).not.toMatch(NOISE);
		}
	}, 60_000);

	it('a content error in a direct astro build, whose check runs on a thread of its own while Astro sets up: no loader reads an entry', async () => {
		editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.authors = ['ada-quarry', 'nobody-at-all']));
		const cache = path.join(dir, '..', 'cache');
		// The check's thread made slow (15 s before it starts), so that Astro has long reached its loaders when the errors come.
		const slowThread = `${process.env.NODE_OPTIONS ?? ''} --import=data:text/javascript,import{isMainThread}from'node:worker_threads';if(!isMainThread)Atomics.wait(new%20Int32Array(new%20SharedArrayBuffer(4)),0,0,15000)`.trim();
		const result = await astroBuild({ CREDENCE_CACHE_DIR: cache, NODE_OPTIONS: slowThread });
		expect(result.code, result.out).toBe(1);
		expect(result.out).toMatch(/content check found 2 errors \(listed above\)/);
		expect(result.out).not.toMatch(/\[build\]|Building/);
		expect(result.out).not.toMatch(NOISE);
		const store = path.join(cache, 'data-store.json');
		expect(existsSync(store) ? readFileSync(store, 'utf8') : '').not.toMatch(/quarry-forecasting|ada-quarry/);
	}, 90_000);

	it('a content error found while Astro starts: Astro is stopped before content sync reads an entry, and the last build stays', async () => {
		editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.authors = ['ada-quarry', 'nobody-at-all']));
		const out = path.join(dir, '..', 'out');
		mkdirSync(out);
		writeFileSync(path.join(out, 'index.html'), 'the last build');
		const cache = path.join(dir, '..', 'cache');
		// The check made slow (15 s before it starts), so that Astro has long reached content sync's door when the errors come.
		const slowCheck = `${process.env.NODE_OPTIONS ?? ''} --import=data:text/javascript,if(process.argv[1]?.endsWith('check.ts'))Atomics.wait(new%20Int32Array(new%20SharedArrayBuffer(4)),0,0,15000)`.trim();
		const result = await build({ CREDENCE_CACHE_DIR: cache, NODE_OPTIONS: slowCheck });
		expect(result.code, result.out).toBe(1);
		expect(result.out).toMatch(/content check found 2 errors \(listed above\): nothing was built/);
		expect(result.out).not.toMatch(/\[build\]|Building|\[content\]/);
		expect(result.out).not.toMatch(NOISE);
		// Astro may have recorded its configuration in its data store, but no loader read an entry into it.
		const store = path.join(cache, 'data-store.json');
		expect(existsSync(store) ? readFileSync(store, 'utf8') : '').not.toMatch(/quarry-forecasting|ada-quarry/);
		expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the last build');
	}, 90_000);
});

describe('a check that never finishes', () => {
	it('is stopped at the time limit, with Astro, saying so and building nothing, instead of holding the build until CI gives up', async () => {
		// The check made to hang for good (a rule that loops forever on some text would do the same).
		const hang = `${process.env.NODE_OPTIONS ?? ''} --import=data:text/javascript,if(process.argv[1]?.endsWith('check.ts'))Atomics.wait(new%20Int32Array(new%20SharedArrayBuffer(4)),0,0)`.trim();
		const out = path.join(dir, '..', 'out');
		mkdirSync(out);
		writeFileSync(path.join(out, 'index.html'), 'the last build');
		const started = Date.now();
		const result = await build({ NODE_OPTIONS: hang, CREDENCE_CHECK_TIME_LIMIT_MS: '3000' });
		expect(result.code, result.out).toBe(1);
		expect(result.out).toContain(`✗ the content check had not finished after 3 s (it takes seconds even for 10,000 items), so the build stopped it: nothing was built and ${displayPath(projectRoot, out)} is unchanged`);
		expect(result.out).not.toMatch(/crashed|listed above|\[build\]|Building/);
		expect(result.out).not.toMatch(NOISE);
		expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the last build');
		// Stopped at the limit, not whenever something else gave up.
		expect(Date.now() - started).toBeLessThan(30_000);
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
