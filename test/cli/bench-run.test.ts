/**
 * `npm run bench` as a command: what it refuses before spending minutes on builds, and what it
 * leaves behind when it stops early.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { chromiumMissing, runFolders } from '../../scripts/bench.ts';
import { projectRoot, runScript } from '../helpers.ts';

it('says Chromium is missing before building anything, without a stack trace', async () => {
	expect(chromiumMissing('/usr/bin/env')).toBeUndefined();
	const run = await runScript('scripts/bench.ts', ['--entries', '10'], { CHROMIUM_PATH: '/nonexistent/chromium' });
	expect(run.code).toBe(1);
	expect(run.out).toContain('Chromium not found at /nonexistent/chromium');
	expect(run.out).toContain('--skip-search');
	expect(run.out).not.toContain('generating corpus');
	expect(run.out).not.toMatch(/\n\s+at /);
});

it('deletes its temporary folder when stopped with Ctrl-C in the middle of a build', async () => {
	const temp = mkdtempSync(path.join(tmpdir(), 'credence-bench-sigint-'));
	try {
		const child = spawn(process.execPath, ['scripts/bench.ts', '--entries', '10', '--skip-search'], { cwd: projectRoot, env: { ...process.env, TMPDIR: temp, NO_COLOR: '1' } });
		let err = '';
		child.stderr.on('data', (d) => {
			err += d;
			if (err.includes('cold build…') && !child.killed) setTimeout(() => child.kill('SIGINT'), 1500);
		});
		const code = await new Promise((resolve) => child.on('close', resolve));
		expect(code, err).toBe(130);
		expect(err).toContain('SIGINT: stopping');
		expect(err).not.toMatch(/failed \(/);
		expect(readdirSync(temp).filter((name) => name.startsWith('credence-bench-'))).toEqual([]);
	} finally {
		rmSync(temp, { recursive: true, force: true });
	}
}, 60_000);

it('measures a size given twice cold both times, each in its own folder', () => {
	expect(runFolders([10, 20, 10, 10])).toEqual(['n10', 'n20', 'n10-2', 'n10-3']);
});
