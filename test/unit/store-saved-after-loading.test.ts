/** Astro's data store is saved once a sync's loaders are done, not while one waits or reads unchanged files. */
import type { Loader, LoaderContext } from 'astro/loaders';
import * as devalue from 'devalue';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';
import { SAVE_DEFERRED_KEY, storeSavedAfterLoading } from '../../src/loaders/store-saved-after-loading.ts';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'credence-store-saved-'));
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
	rmSync(dir, { recursive: true, force: true });
});

/** A loader that waits `ms` (as a loader waits for the check's verdict, or reads thousands of unchanged files), then stores one entry. */
const slowLoader = (ms: number): Loader => ({
	name: 'slow',
	load: async ({ store }) => {
		await new Promise((resolve) => setTimeout(resolve, ms));
		store.set({ id: 'a', data: { title: 'A' }, digest: 'a1' });
	},
});

/** Runs one content sync as Astro's does (meta keys set, the loader, then the final save) and counts the store's writes. */
async function sync(loader: Loader): Promise<{ writes: number; file: string }> {
	const file = path.join(dir, 'data-store.json');
	const store = await MutableDataStore.fromFile(pathToFileURL(file));
	let writes = 0;
	store.onFileWritten(() => writes++);
	// What Astro's content layer sets before it runs the loaders (content-layer.js, #doSync).
	store.metaStore().set('astro-version', '7');
	const context = { collection: 'stories', store: store.scopedStore('stories'), meta: store.metaStore('stories') } as unknown as LoaderContext;
	const loading = loader.load(context);
	await vi.advanceTimersByTimeAsync(3_000);
	await loading;
	const saved = store.waitUntilSaveComplete();
	await vi.runAllTimersAsync();
	await saved;
	return { writes, file };
}

it('saves a store that is already saved whenever a loader pauses for half a second (what this prevents)', async () => {
	expect((await sync(slowLoader(2_000))).writes).toBe(2);
});

it('saves the store once, after the loaders, when each is wrapped', async () => {
	const { writes, file } = await sync(storeSavedAfterLoading(slowLoader(2_000)));
	expect(writes).toBe(1);
	// Everything the loader stored is in the file, and the key that put the saves off is a constant.
	const saved = devalue.parse(readFileSync(file, 'utf8')) as Map<string, Map<string, unknown>>;
	expect(saved.get('stories')?.get('a')).toMatchObject({ id: 'a', data: { title: 'A' } });
	expect(saved.get('meta:stories')?.get(SAVE_DEFERRED_KEY)).toBe('yes');
});

it('stops touching the store once the loader is done, and when it fails', async () => {
	const file = path.join(dir, 'data-store.json');
	const store = await MutableDataStore.fromFile(pathToFileURL(file));
	const meta = store.metaStore('stories');
	const set = vi.spyOn(meta, 'set');
	const failing: Loader = { name: 'failing', load: async () => Promise.reject(new Error('broken')) };
	await expect(storeSavedAfterLoading(failing).load({ meta, store: store.scopedStore('stories') } as unknown as LoaderContext)).rejects.toThrow('broken');
	const touched = set.mock.calls.length;
	await vi.advanceTimersByTimeAsync(2_000);
	expect(set.mock.calls.length).toBe(touched);
	expect(vi.getTimerCount()).toBeLessThanOrEqual(1); // at most Astro's own pending save
	const saved = store.waitUntilSaveComplete();
	await vi.runAllTimersAsync();
	await saved;
});
