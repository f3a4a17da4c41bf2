/**
 * A search bundle's Pagefind process (scripts/lib/pagefind-run.ts) as the build sees it when
 * things go wrong: an indexer the system kills, and a build that fails elsewhere while bundles
 * are being indexed. A stand-in for Pagefind's executable (Pagefind's own
 * `PAGEFIND_EXTENDED_BINARY_PATH`) behaves as `FAKE_PAGEFIND` says.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPagefind, STOP_GRACE_MS } from '../../scripts/lib/pagefind-run.ts';
import { AstroFailedError, buildSearchIndex } from '../../scripts/lib/search-index.ts';

let dir: string;
const pidFile = () => path.join(dir, 'pagefind.pid');

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'credence-pagefind-run-'));
	const fake = path.join(dir, 'pagefind_extended');
	// --site <source> --output-path <output>
	writeFileSync(
		fake,
		`#!/bin/sh
echo $$ > "${path.join(dir, 'pagefind.pid')}"
echo $$ > "${dir}/pid-$(basename "$2")"
case "$FAKE_PAGEFIND" in
  killed) kill -9 $$ ;;
  hang) exec sleep 60 ;;
  deaf) trap '' TERM; exec sleep 60 ;;
  fail-2026) case "$2" in
    *2026*) while [ ! -f "${dir}/pid-2025.pages" ]; do sleep 0.05; done; echo "Error: cannot read the pages"; exit 1 ;;
    *) exec sleep 60 ;;
  esac ;;
  *) mkdir -p "$4" && printf '{"version":"1.6.0","languages":{"en":{"hash":"x","wasm":"en","page_count":%s}}}' "$FAKE_PAGES" > "$4/pagefind-entry.json" ;;
esac
`,
	);
	chmodSync(fake, 0o755);
	process.env.PAGEFIND_EXTENDED_BINARY_PATH = fake;
});

afterAll(() => {
	delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
	rmSync(dir, { recursive: true, force: true });
});

/** Whether process `pid` is still running. */
const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

describe('a bundle’s Pagefind process', () => {
	it('that the system kills (the out-of-memory killer) is a failure that says so, not a build that hangs', async () => {
		process.env.FAKE_PAGEFIND = 'killed';
		const run = runPagefind({ source: dir, pages: 1, output: path.join(dir, 'out-killed'), cwd: dir });
		const failure = await run.done;
		expect(failure?.stage).toBe('index the pages');
		expect(failure?.errors[0]).toBe('Pagefind was ended by SIGKILL (the system may have run out of memory)');
	});

	it('that wrote another number of pages than the bundle has is a failure', async () => {
		process.env.FAKE_PAGEFIND = 'ok';
		process.env.FAKE_PAGES = '2';
		expect(await runPagefind({ source: dir, pages: 3, output: path.join(dir, 'out-short'), cwd: dir }).done).toEqual({ stage: 'index the pages', errors: ['read 2 of 3 pages'] });
		expect(await runPagefind({ source: dir, pages: 2, output: path.join(dir, 'out-right'), cwd: dir }).done).toBeUndefined();
	});

	it('that does not end when stopped is killed', async () => {
		process.env.FAKE_PAGEFIND = 'deaf';
		rmSync(pidFile(), { force: true });
		const run = runPagefind({ source: dir, pages: 1, output: path.join(dir, 'out-deaf'), cwd: dir });
		await expect.poll(() => existsSync(pidFile())).toBe(true);
		run.stop();
		expect((await run.done)?.errors).toEqual(['stopped: the build failed elsewhere']);
		expect(alive(Number(readFileSync(pidFile(), 'utf8')))).toBe(false);
	}, STOP_GRACE_MS + 20_000);

	it('is stopped at once when Astro fails while it indexes, and the build hears of Astro’s failure, not of Pagefind', async () => {
		process.env.FAKE_PAGEFIND = 'hang';
		writeYears();
		rmSync(pidFile(), { force: true });
		const astroFailed = new Error('astro build failed (exit code 1)');
		const result = buildSearchIndex({
			outDir: site(),
			cacheDir: path.join(dir, 'cache'),
			maxBundlePages: 1,
			lanes: 2,
			// The first bundle goes; the second hears that Astro failed once the first one's Pagefind runs.
			beforeIndexing: async (_bundle, running) => {
				if (running.pages() === 0) return;
				await expect.poll(() => existsSync(pidFile())).toBe(true);
				throw astroFailed;
			},
		});
		await expect(result).rejects.toBe(astroFailed);
		const pid = Number(readFileSync(pidFile(), 'utf8'));
		expect(alive(pid)).toBe(false);
	}, 30_000);

	it('is stopped at once when Astro fails while every bundle is being indexed (none waiting to start)', async () => {
		process.env.FAKE_PAGEFIND = 'hang';
		writeYears();
		rmSync(pidFile(), { force: true });
		let exit!: (value: { code: number }) => void;
		const astroExited = new Promise<{ code: number }>((resolve) => (exit = resolve));
		const result = buildSearchIndex({ outDir: site(), cacheDir: path.join(dir, 'cache-astro'), maxBundlePages: 1, lanes: 2, astroExited });
		const pids = ['2025.pages', '2026.pages'].map((bundle) => path.join(dir, `pid-${bundle}`));
		for (const file of pids) rmSync(file, { force: true });
		await expect.poll(() => pids.every((file) => existsSync(file))).toBe(true);
		exit({ code: 1 });
		await expect(result).rejects.toBeInstanceOf(AstroFailedError);
		for (const file of pids) expect(alive(Number(readFileSync(file, 'utf8')))).toBe(false);
	}, 30_000);

	it('is stopped at once when another bundle fails, and that failure is the one reported', async () => {
		process.env.FAKE_PAGEFIND = 'fail-2026';
		writeYears();
		const hanging = path.join(dir, 'pid-2025.pages');
		rmSync(hanging, { force: true });
		const result = buildSearchIndex({ outDir: site(), cacheDir: path.join(dir, 'cache-other'), maxBundlePages: 1, lanes: 2 });
		await expect(result).rejects.toThrow(/Pagefind failed to index the pages \(bundle 2026\):\nPagefind stopped with exit code 1\nError: cannot read the pages/);
		// The 2025 bundle's Pagefind (the 2026 one fails once it has started) hung, and is gone.
		expect(alive(Number(readFileSync(hanging, 'utf8')))).toBe(false);
	}, 30_000);
});

const site = () => path.join(dir, 'site');
/** A site of one searchable page in 2025 and one in 2026: two bundles of one page. */
function writeYears() {
	const page = (year: string) => `<html lang="en"><body><main data-pagefind-body><p>Text</p><span data-pagefind-filter="year">${year}</span></main></body></html>`;
	for (const year of ['2025', '2026']) {
		mkdirSync(path.join(site(), year), { recursive: true });
		writeFileSync(path.join(site(), year, 'index.html'), page(year));
	}
}
