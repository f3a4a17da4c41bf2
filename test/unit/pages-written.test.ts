/**
 * `npm run build` starts the search index once Astro has written every page, while Astro
 * finishes (scripts/build.ts): Astro says so on a pipe of its own, from the pages-written
 * integration's `astro:build:generated` hook (src/integrations/pages-written.ts), and the held
 * process hears it (scripts/lib/held-process.ts). Driven with a small Node process in Astro's
 * place that runs the integration's hook. A search bundle for which the build's memory leaves no
 * room waits for Astro to exit (`memoryWaitFor`, scripts/lib/search-index.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHeld } from '../../scripts/lib/held-process.ts';
import { processesNamed, processTree, treeRss } from '../../scripts/lib/process-memory.ts';
import { AstroFailedError, EARLY_INDEX_BUDGET_BYTES, EARLY_INDEX_MAX_PAGES, memoryWaitFor, PAGEFIND_BYTES_PER_PAGE, readBuildMemory, searchIndexSummary, waitForRoomBesideAstro, type BuildMemory } from '../../scripts/lib/search-index.ts';
import { PAGES_WRITTEN_FD_ENV, pagesWritten, pagesWrittenFd } from '../../src/integrations/pages-written.ts';
import type { SearchBundle } from '../../src/lib/search-bundles.ts';
import { projectRoot } from '../helpers.ts';

const integration = pathToFileURL(path.join(projectRoot, 'src/integrations/pages-written.ts')).href;

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'credence-pages-written-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A stand-in for Astro: runs the integration's hook (if `announce`), then waits until the file
 * `go` exists before it exits, so that the test sees the announcement arrive while it still runs.
 */
function standIn(announce: boolean): string[] {
	const go = JSON.stringify(path.join(dir, 'go'));
	const code = `import { existsSync } from 'node:fs';
import { pagesWritten } from '${integration}';
const logger = { warn: (message) => console.error(message) };
if (${announce}) await pagesWritten().hooks['astro:build:generated']({ logger });
while (!existsSync(${go})) await new Promise((resolve) => setTimeout(resolve, 20));`;
	return ['--input-type=module', '-e', code];
}

/** Keeps the stand-in's held output off the test's. */
function quiet() {
	const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
	const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
	return () => (out.mockRestore(), err.mockRestore());
}

describe('the announcement that the pages are written', () => {
	it('reaches the build while Astro is still running', async () => {
		const restore = quiet();
		try {
			const held = startHeld(standIn(true), { cwd: projectRoot, env: process.env });
			held.go();
			let exited = false;
			void held.done.then(() => (exited = true));
			expect(await held.pagesWritten).toBe(true);
			expect(exited).toBe(false);
			writeFileSync(path.join(dir, 'go'), '');
			expect((await held.done).code).toBe(0);
		} finally {
			restore();
		}
	}, 30_000);

	it("is made by the image service's first drawing (Astro draws images only once every page is written), and the image is drawn as sharp draws it", async () => {
		const restore = quiet();
		try {
			const service = JSON.stringify(pathToFileURL(path.join(projectRoot, 'src/lib/image-service.ts')).href);
			const go = JSON.stringify(path.join(dir, 'go'));
			const drawn = JSON.stringify(path.join(dir, 'drawn.webp'));
			const code = `import { existsSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
const { default: service } = await import(${service});
const png = await sharp({ create: { width: 4, height: 2, channels: 3, background: '#336699' } }).png().toBuffer();
const imageConfig = { service: { entrypoint: '', config: {} } };
const first = await service.transform(png, { src: 'a.png', width: 2, format: 'webp' }, imageConfig);
await service.transform(png, { src: 'a.png', width: 4, format: 'webp' }, imageConfig);
writeFileSync(${drawn}, first.data);
while (!existsSync(${go})) await new Promise((resolve) => setTimeout(resolve, 20));`;
			const held = startHeld(['--input-type=module', '-e', code], { cwd: projectRoot, env: process.env });
			held.go();
			// No astro:build:generated hook ran in this stand-in: the drawing announced it.
			expect(await held.pagesWritten).toBe(true);
			writeFileSync(path.join(dir, 'go'), '');
			expect((await held.done).code).toBe(0);
			const { default: sharp } = await import('sharp');
			expect(await sharp(readFileSync(path.join(dir, 'drawn.webp'))).metadata()).toMatchObject({ format: 'webp', width: 2, height: 1 });
		} finally {
			restore();
		}
	}, 30_000);

	it('is false when Astro ends without making it (it failed before its pages were written)', async () => {
		const restore = quiet();
		try {
			const held = startHeld(standIn(false), { cwd: projectRoot, env: process.env });
			held.go();
			writeFileSync(path.join(dir, 'go'), '');
			expect(await held.pagesWritten).toBe(false);
			expect((await held.done).code).toBe(0);
		} finally {
			restore();
		}
	}, 30_000);

	it('is not made by a direct astro build (no pipe named) and the hook does nothing then', async () => {
		expect(pagesWrittenFd({})).toBeUndefined();
		expect(pagesWrittenFd({ [PAGES_WRITTEN_FD_ENV]: '1' })).toBeUndefined(); // never stdout
		expect(pagesWrittenFd({ [PAGES_WRITTEN_FD_ENV]: '4' })).toBe(4);
		const previous = process.env[PAGES_WRITTEN_FD_ENV];
		delete process.env[PAGES_WRITTEN_FD_ENV];
		try {
			const warn = vi.fn();
			await (pagesWritten().hooks['astro:build:generated'] as (options: unknown) => unknown)({ logger: { warn } });
			expect(warn).not.toHaveBeenCalled();
		} finally {
			if (previous !== undefined) process.env[PAGES_WRITTEN_FD_ENV] = previous;
		}
	});
});

describe('searchIndexSummary', () => {
	const result = { indexed: 3, read: 4, bundles: [{ id: '2026', path: '/pagefind/', years: ['2026'], pages: 3 }], rebuilt: 1, seconds: 4.79 };

	it('says how much of its time the index waited for Astro to exit, which npm run bench does not count as indexing', () => {
		expect(searchIndexSummary({ ...result, waited: 4.3 })).toBe('indexed 3 of 4 pages in 4.79s, 4.30s of it waiting for Astro to exit: 1 bundle (2026: 3), 1 indexed, 0 unchanged');
		expect(searchIndexSummary({ ...result, waited: 0 })).toBe('indexed 3 of 4 pages in 4.79s: 1 bundle (2026: 3), 1 indexed, 0 unchanged');
	});
});

describe('a stray CREDENCE_PAGES_WRITTEN_FD', () => {
	it("is ignored when it names one of the process's own pipes (libuv's), which a line written into crashed Astro", async () => {
		// Every pipe of which the process holds both ends is its own: the build's is a socket, one end here.
		const script = path.join(dir, 'stray.mjs');
		writeFileSync(
			script,
			`import { fstatSync } from 'node:fs';
import { pagesWritten } from '${integration}';
process.on('SIGUSR2', () => {});
const inodes = new Map();
for (let fd = 3; fd < 64; fd++) {
	try {
		const stat = fstatSync(fd);
		if (stat.isFIFO()) inodes.set(fd, stat.ino);
	} catch {}
}
const own = [...inodes].filter(([fd, ino]) => [...inodes].some(([other, same]) => other !== fd && same === ino)).map(([fd]) => fd);
console.log('own pipes', own.length);
const warned = [];
for (const fd of own) {
	process.env.${PAGES_WRITTEN_FD_ENV} = String(fd);
	await pagesWritten().hooks['astro:build:generated']({ logger: { warn: (message) => warned.push(message) } });
}
setTimeout(() => console.log('alive, warned', warned.length), 100);
`,
		);
		const run = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) => {
			execFile(process.execPath, [script], { cwd: projectRoot, timeout: 60_000 }, (error, stdout) =>
				resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, signal: (error as { signal?: NodeJS.Signals } | null)?.signal ?? null, stdout }),
			);
		});
		const pipes = Number(/own pipes (\d+)/.exec(run.stdout)?.[1]);
		expect(pipes, run.stdout).toBeGreaterThan(0);
		expect(run, run.stdout).toMatchObject({ code: 0, signal: null });
		expect(run.stdout).toContain(`alive, warned ${pipes}`);
	});
});

const bundle = (pages: number): SearchBundle => ({ id: '2026', path: '/pagefind/', years: ['2026'], pages });
const MB = 1e6;
/** Pages whose reckoned need is exactly `bytes`. */
const pagesFor = (bytes: number) => Math.floor(bytes / PAGEFIND_BYTES_PER_PAGE);
/** Whether `waiting` has settled after the event loop has turned a few times. */
async function settled(waiting: Promise<unknown>): Promise<boolean> {
	let done = false;
	void waiting.then(
		() => (done = true),
		() => (done = true),
	);
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
	return done;
}

describe('memoryWaitFor', () => {
	const never = new Promise(() => {});

	it('lets a bundle be indexed beside Astro when Astro’s memory, the rest of the build’s and Pagefind’s reckoned need fit the budget', async () => {
		const memory: BuildMemory = { astro: 1400 * MB, others: 150 * MB };
		const room = EARLY_INDEX_BUDGET_BYTES - memory.astro - memory.others;
		const beforeIndexing = memoryWaitFor(never, { readMemory: () => memory });
		await expect(beforeIndexing(bundle(pagesFor(room)))).resolves.toBeUndefined();
		expect(await settled(beforeIndexing(bundle(pagesFor(room) + 1)))).toBe(false);
	});

	it('makes a bundle that does not fit wait until Astro’s memory falls, looking again while Astro runs', async () => {
		let memory: BuildMemory = { astro: 1800 * MB, others: 100 * MB };
		const beforeIndexing = memoryWaitFor(never, { readMemory: () => memory, pollMs: 5 });
		const waiting = beforeIndexing(bundle(1000));
		expect(await settled(waiting)).toBe(false);
		memory = { astro: 900 * MB, others: 100 * MB };
		await expect(waiting).resolves.toBeUndefined();
	});

	it('lets a bundle that never fits go once Astro has exited with code 0 (Pagefind then has the machine to itself)', async () => {
		let exit!: (value: { code: number }) => void;
		const astroExited = new Promise<{ code: number }>((resolve) => (exit = resolve));
		const waiting = memoryWaitFor(astroExited, { readMemory: () => ({ astro: 1800 * MB, others: 100 * MB }), pollMs: 60_000 })(bundle(3000));
		expect(await settled(waiting)).toBe(false);
		exit({ code: 0 });
		await expect(waiting).resolves.toBeUndefined();
	});

	it('falls back to EARLY_INDEX_MAX_PAGES when the memory cannot be read (no /proc)', async () => {
		const beforeIndexing = memoryWaitFor(never, { readMemory: () => undefined, pollMs: 5 });
		await expect(beforeIndexing(bundle(EARLY_INDEX_MAX_PAGES))).resolves.toBeUndefined();
		expect(await settled(beforeIndexing(bundle(EARLY_INDEX_MAX_PAGES + 1)))).toBe(false);
	});

	it('finds the build’s Pagefind indexers by their command name, among its descendants only', async () => {
		const child = execFile('sleep', ['60']);
		try {
			await expect.poll(() => processesNamed(process.pid, 'sleep')).toContain(child.pid);
			expect(processesNamed(process.pid, 'pagefind')).not.toContain(child.pid);
			expect(processesNamed(child.pid!, 'sleep')).toEqual([]);
		} finally {
			child.kill();
		}
	});

	it('reads Astro’s process apart from the rest of the build’s, from /proc', async () => {
		const child = execFile(process.execPath, ['-e', 'const keep = Buffer.alloc(64e6, 1); setTimeout(() => keep, 60_000)']);
		try {
			await expect.poll(() => treeRss(child.pid!) ?? 0, { timeout: 20_000 }).toBeGreaterThan(64 * MB);
			// This process's tree without the child's: the child's memory is Astro's, not counted twice.
			expect(treeRss(process.pid)! - treeRss(process.pid, [child.pid!])!).toBeGreaterThan(64 * MB);
			expect(treeRss(process.pid, [child.pid!])).toBeGreaterThanOrEqual(process.memoryUsage.rss() * 0.9);
			// A one-page bundle fits beside a 64 MB Astro.
			await expect(waitForRoomBesideAstro(never, child.pid!)(bundle(1))).resolves.toBeUndefined();
		} finally {
			child.kill();
		}
	}, 30_000);
});

describe('memoryWaitFor with bundles being indexed meanwhile (two lanes)', () => {
	it('counts the running bundles as reckoned while they have grown less, and as Pagefind holds once it holds more', async () => {
		const exited = Promise.resolve({ code: 0 });
		let pagefind = 0;
		const others = 100 * MB;
		const beforeIndexing = memoryWaitFor(exited, { readMemory: () => ({ astro: 0, others, pagefind }), pollMs: 5 });
		await exited;
		const room = EARLY_INDEX_BUDGET_BYTES - others;
		// Half the room reckoned for the running bundle: the other half is this one's.
		let runningPages = pagesFor(room / 2);
		const running = { pages: () => runningPages };
		await expect(beforeIndexing(bundle(pagesFor(room / 2)), running)).resolves.toBeUndefined();
		const tooLarge = beforeIndexing(bundle(pagesFor(room / 2) + 2), running);
		expect(await settled(tooLarge)).toBe(false);
		// Pagefind's processes hold more than reckoned (what an allocator keeps): that counts.
		pagefind = room * 0.75;
		const besideLargeIndexer = beforeIndexing(bundle(pagesFor(room / 2)), running);
		expect(await settled(besideLargeIndexer)).toBe(false);
		// The running bundle is done: both go.
		runningPages = 0;
		pagefind = 0;
		await expect(Promise.all([tooLarge, besideLargeIndexer])).resolves.toBeDefined();
	});

	it('makes a bundle that does not fit beside the running ones wait for them once Astro has exited, and go when it would be indexed alone', async () => {
		const exited = Promise.resolve({ code: 0 });
		let pages = 4000;
		const running = { pages: () => pages };
		const waiting = memoryWaitFor(exited, { readMemory: () => ({ astro: 0, others: 100 * MB }), pollMs: 5 })(bundle(3000), running);
		expect(await settled(waiting)).toBe(false);
		pages = 0;
		await expect(waiting).resolves.toBeUndefined();
	});

	it('lets a bundle go beside a running one while Astro runs only if all three fit', async () => {
		let exit!: (value: { code: number }) => void;
		const astroExited = new Promise<{ code: number }>((resolve) => (exit = resolve));
		const memory = { astro: 1000 * MB, others: 100 * MB };
		const room = EARLY_INDEX_BUDGET_BYTES - memory.astro - memory.others;
		const beforeIndexing = memoryWaitFor(astroExited, { readMemory: () => memory, pollMs: 5 });
		await expect(beforeIndexing(bundle(pagesFor(room / 2)), { pages: () => pagesFor(room / 2) })).resolves.toBeUndefined();
		let runningPages = pagesFor(room / 2) + 10;
		const waiting = beforeIndexing(bundle(pagesFor(room / 2)), { pages: () => runningPages });
		expect(await settled(waiting)).toBe(false);
		exit({ code: 0 });
		runningPages = 0;
		await expect(waiting).resolves.toBeUndefined();
	});

	it('without /proc, once Astro has exited, lets bundles go side by side as their reckoned need fits the budget', async () => {
		const exited = Promise.resolve({ code: 0 });
		await exited;
		const beforeIndexing = memoryWaitFor(exited, { readMemory: () => undefined, pollMs: 5 });
		const half = pagesFor(EARLY_INDEX_BUDGET_BYTES / 2);
		await expect(beforeIndexing(bundle(half), { pages: () => half })).resolves.toBeUndefined();
		let runningPages = half + 10;
		const waiting = beforeIndexing(bundle(half), { pages: () => runningPages });
		expect(await settled(waiting)).toBe(false);
		runningPages = 0;
		await expect(waiting).resolves.toBeUndefined();
	});

	it('reads Pagefind’s indexers apart from the rest of the build, so that they are not counted twice', async () => {
		const child = execFile(process.execPath, ['-e', 'const keep = Buffer.alloc(64e6, 1); setTimeout(() => keep, 60_000)']);
		try {
			await expect.poll(() => treeRss(child.pid!) ?? 0, { timeout: 20_000 }).toBeGreaterThan(64 * MB);
			// The child stands for an indexer (found by name in a build: processesNamed, above).
			const memory = readBuildMemory(-1, processTree(), [child.pid!])!;
			expect(memory.pagefind).toBeGreaterThan(64 * MB);
			expect(memory.others).toBeLessThanOrEqual(treeRss(process.pid)! - 64 * MB);
			expect(memory.astro).toBe(0);
		} finally {
			child.kill();
		}
	}, 30_000);
});

describe('memoryWaitFor once Astro has exited', () => {
	/** A build whose memory leaves room for a bundle of at most EARLY_INDEX_MAX_PAGES pages. */
	const readMemory = (): BuildMemory => ({ astro: EARLY_INDEX_BUDGET_BYTES - EARLY_INDEX_MAX_PAGES * PAGEFIND_BYTES_PER_PAGE, others: 0 });
	const waitUnlessItFits = (astroExited: Promise<unknown>) => memoryWaitFor(astroExited, { readMemory, pollMs: 60_000 });

	it('lets a bundle that fits be indexed while Astro runs', async () => {
		const astroExited = new Promise(() => {}); // never, here
		await expect(waitUnlessItFits(astroExited)(bundle(EARLY_INDEX_MAX_PAGES))).resolves.toBeUndefined();
	});

	it('makes a bundle that does not fit wait until Astro has exited, so that Pagefind’s memory never comes on top of Astro’s', async () => {
		let exit!: () => void;
		const astroExited = new Promise<void>((resolve) => (exit = resolve));
		let indexed = false;
		const waiting = waitUnlessItFits(astroExited)(bundle(EARLY_INDEX_MAX_PAGES + 1)).then(() => (indexed = true));
		await new Promise((resolve) => setImmediate(resolve));
		expect(indexed).toBe(false);
		exit();
		await waiting;
		expect(indexed).toBe(true);
	});

	it('lets a bundle that does not fit go once Astro has exited with code 0', async () => {
		await expect(waitUnlessItFits(Promise.resolve({ code: 0 }))(bundle(EARLY_INDEX_MAX_PAGES + 1))).resolves.toBeUndefined();
	});

	it('stops the search index once Astro has failed after its pages were written: no bundle is indexed after, small or large', async () => {
		const astroExited = Promise.resolve({ code: 1 });
		const beforeIndexing = waitUnlessItFits(astroExited);
		await astroExited;
		await expect(beforeIndexing(bundle(10))).rejects.toBeInstanceOf(AstroFailedError);
		await expect(beforeIndexing(bundle(EARLY_INDEX_MAX_PAGES + 1))).rejects.toThrow(/astro build failed \(exit code 1\)/);
	});

	it('does not index a large bundle that waited for Astro when Astro then fails', async () => {
		let exit!: (value: { code: number }) => void;
		const astroExited = new Promise<{ code: number }>((resolve) => (exit = resolve));
		const waiting = waitUnlessItFits(astroExited)(bundle(EARLY_INDEX_MAX_PAGES + 1));
		exit({ code: 1 });
		await expect(waiting).rejects.toBeInstanceOf(AstroFailedError);
	});
});
