/**
 * `npm run bench` as a command: what it refuses before spending minutes on builds, and what it
 * leaves behind when it stops early.
 */
import { expect, it } from 'vitest';
import { chromiumMissing } from '../../scripts/bench.ts';
import { runScript } from '../helpers.ts';

it('says Chromium is missing before building anything, without a stack trace', async () => {
	expect(chromiumMissing('/usr/bin/env')).toBeUndefined();
	const run = await runScript('scripts/bench.ts', ['--entries', '10'], { CHROMIUM_PATH: '/nonexistent/chromium' });
	expect(run.code).toBe(1);
	expect(run.out).toContain('Chromium not found at /nonexistent/chromium');
	expect(run.out).toContain('--skip-search');
	expect(run.out).not.toContain('generating corpus');
	expect(run.out).not.toMatch(/\n\s+at /);
});
