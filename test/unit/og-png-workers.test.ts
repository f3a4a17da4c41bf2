import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ogCardDrawing } from '../../src/lib/og-image.ts';
import { ogCardKey, ogCardPngOfKey } from '../../src/lib/og-png.ts';
import { CardWorkers } from '../../src/lib/og-png-workers.ts';
import { projectRoot } from '../helpers.ts';
import { killSleep, runToEnd, stuckWorker } from '../stuck-worker.ts';

const key = (title: string) => ogCardKey(ogCardDrawing({ kicker: 'Co-authored story', title, byline: 'Harbourline Freight', site: 'Tessellate' }));

let workers: CardWorkers | undefined;
const dirs: string[] = [];
afterEach(async () => {
	await workers?.close(10_000);
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A worker module answering each `{ id, key }` with `body`, an async function's body. */
function fakeWorker(body: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'credence-card-worker-'));
	dirs.push(dir);
	const file = path.join(dir, 'worker.mjs');
	writeFileSync(file, `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', async ({ id, key }) => {\n${body}\n});\n`);
	return file;
}

describe('CardWorkers', () => {
	it('draws in worker threads the very PNG the process draws, each card its own, several at once', async () => {
		workers = new CardWorkers(2);
		const keys = ['How Harbourline cut forecast error', 'مرحبا بالعالم', 'Ça résumé 🚀'].map(key);
		const drawn = await Promise.all(keys.map((k) => workers!.render(k)));
		for (const [i, k] of keys.entries()) expect(drawn[i]!.equals(await ogCardPngOfKey(k)), `card ${i}`).toBe(true);
	});

	it('rejects a card that fails to draw, and goes on drawing the others', async () => {
		workers = new CardWorkers(1);
		await expect(workers.render('not a card key')).rejects.toThrow(/JSON/);
		const png = await workers.render(key('Still drawn'));
		expect(png.equals(await ogCardPngOfKey(key('Still drawn')))).toBe(true);
	});

	it('fails a process that has nothing to do but wait for a card whose worker stopped, rather than letting it end with code 0', async () => {
		// Astro's command line is main().then(() => process.exit(0)): when the last cards are
		// awaited in astro:build:done and the worker drawing one stops, an unreferenced worker's
		// end went unheard, the event loop emptied, and Astro exited 0 with no cards written.
		const dir = mkdtempSync(path.join(tmpdir(), 'credence-card-worker-'));
		try {
			const worker = path.join(dir, 'stops.mjs');
			writeFileSync(worker, `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n`);
			const module = JSON.stringify(pathToFileURL(path.join(projectRoot, 'src/lib/og-png-workers.ts')).href);
			const code = `import { CardWorkers } from ${module};
const workers = new CardWorkers(1, { file: ${JSON.stringify(worker)} });
workers.render('a card').then(() => process.exit(0), (error) => { console.error(error.message); process.exit(1); });`;
			// A file, not --input-type: workers take their parent's Node options.
			const main = path.join(dir, 'main.mjs');
			writeFileSync(main, code);
			const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
				execFile(process.execPath, [main], { cwd: projectRoot, timeout: 60_000 }, (error, _stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }));
			});
			expect(run.stderr).toContain('the card worker stopped (exit code 3)');
			expect(run.code).toBe(1);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('stops a worker that takes longer than the time limit over a card, fails that card alone, and draws the rest', async () => {
		// A drawing that never ends held the build until CI's own limit cut it off, saying nothing.
		const worker = fakeWorker(`if (key === 'never ends') for (;;) {}\nparentPort.postMessage({ id, png: new TextEncoder().encode('png of ' + key) });`);
		// Two seconds: room for the fresh worker that draws the next card to start on a busy machine.
		workers = new CardWorkers(1, { file: worker, timeLimitMs: 2000 });
		const hung = workers.render('never ends');
		const next = workers.render('drawn after it');
		await expect(hung).rejects.toThrow('drawing it took more than 2 s (a card takes milliseconds)');
		expect((await next).toString()).toBe('png of drawn after it');
		expect(workers.size).toBe(1);
		// The abandoned worker has ended (its loop was JavaScript, which can be stopped): nothing is stuck.
		expect(await workers.close(10_000)).toBeUndefined();
	});

	it('times each card from when a worker takes it, not from when it was queued', async () => {
		const worker = fakeWorker(`if (key !== 'warm-up') await new Promise((resolve) => setTimeout(resolve, 250));\nparentPort.postMessage({ id, png: new TextEncoder().encode(key) });`);
		workers = new CardWorkers(1, { file: worker, timeLimitMs: 1200 });
		// Started first, so that no card's time includes the worker's start.
		await workers.render('warm-up');
		// Six cards for one worker: the last waits about 1.25 s for its turn, over the limit, and draws in 0.25.
		const drawn = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => workers!.render(k)));
		expect(drawn.map(String)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
	});

	it('kills the process as it exits when a card’s thread is stuck in native code, saying which card, rather than letting it hang', async () => {
		// A card abandoned at the limit, then the build failing another way (a page error) before
		// the cards are closed: Node would wait for the stuck thread as the process exits.
		const dir = mkdtempSync(path.join(tmpdir(), 'credence-card-worker-'));
		dirs.push(dir);
		const { worker, pidFile } = await stuckWorker(dir);
		const module = JSON.stringify(pathToFileURL(path.join(projectRoot, 'src/lib/og-png-workers.ts')).href);
		const main = path.join(dir, 'main.mjs');
		writeFileSync(
			main,
			`import { CardWorkers } from ${module};
const workers = new CardWorkers(1, { file: ${JSON.stringify(worker)}, timeLimitMs: 5000, name: (key) => 'the card "' + key + '"' });
await workers.render('warm-up');
await workers.render('stuck').catch((error) => console.error(error.message));
process.exit(1);
`,
		);
		try {
			const run = await runToEnd(main);
			expect(existsSync(pidFile)).toBe(true);
			expect(run.signal, run.stderr).toBe('SIGKILL');
			expect(run.stderr).toContain('drawing it took more than 5 s (a card takes milliseconds)');
			expect(run.stderr).toContain('✗ the card "stuck" took more than 5 s to draw, and the thread drawing it is stuck in the renderer and cannot be stopped, so the build ends here');
		} finally {
			await killSleep(pidFile);
		}
	}, 90_000);

	it('rejects the cards under way when it is closed', async () => {
		workers = new CardWorkers(1);
		const pending = workers.render(key('Never finished'));
		await workers.close(10_000);
		await expect(pending).rejects.toThrow(/stopped/);
	});
});

describe('CardWorkers.grow', () => {
	it('queues cards for its one worker until it may start more', async () => {
		workers = new CardWorkers(1);
		const keys = ['One', 'Two', 'Three'].map(key);
		await Promise.all(keys.map((k) => workers!.render(k)));
		expect(workers.size).toBe(1);
		workers.grow(2);
		const drawn = await Promise.all(keys.map((k) => workers!.render(k)));
		expect(workers.size).toBe(2);
		for (const [i, k] of keys.entries()) expect(drawn[i]!.equals(await ogCardPngOfKey(k))).toBe(true);
	});
});
