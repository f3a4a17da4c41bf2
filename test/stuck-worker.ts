/**
 * A card worker that gets stuck in a native call (a shell's `sleep`), as one stuck inside the
 * renderer would: `terminate()` cannot stop it. For the tests of what ends a process then.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from './helpers.ts';

/**
 * Writes the worker module into `dir`: it answers the card `warm-up` at once, and blocks in
 * native code on any other, its `sleep`'s process id in `pidFile` once it is blocked.
 */
export async function stuckWorker(dir: string): Promise<{ worker: string; pidFile: string }> {
	const pidFile = path.join(dir, 'sleep.pid');
	const worker = path.join(dir, 'stuck.mjs');
	const block = JSON.stringify(`echo $$ > '${pidFile}'; exec sleep 300`);
	await writeFile(
		worker,
		`import { execSync } from 'node:child_process';
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, key }) => {
	if (key === 'warm-up') parentPort.postMessage({ id, png: new TextEncoder().encode('warm') });
	else execSync(${block});
});
`,
	);
	return { worker, pidFile };
}

/** Runs the script `main` with Node until it ends, however it ends. */
export function runToEnd(main: string): Promise<{ signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = execFile(process.execPath, [main], { cwd: projectRoot }, (_error, stdout, stderr) => resolve({ signal: child.signalCode, stdout, stderr }));
	});
}

/** Ends the `sleep` a stuck worker left (its process outlives the test's). */
export async function killSleep(pidFile: string): Promise<void> {
	const sleeping = Number(await readFile(pidFile, 'utf8').catch(() => '0'));
	if (sleeping <= 0) return;
	try {
		process.kill(sleeping, 'SIGKILL');
	} catch {
		// ended already
	}
}
