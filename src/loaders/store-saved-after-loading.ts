/**
 * The data store written once per content sync, after every loader, not whenever a loader pauses.
 *
 * Astro's data store saves itself half a second after its last change (`SAVE_DEBOUNCE_MS` in
 * astro/dist/content/mutable-data-store.js), and each save serializes the whole store with
 * `devalue`, reads the last file back and compares it: about 2 s of the main thread at 10,000
 * items (45 MB). Content sync changes the store first (Astro's own version and configuration
 * digests), then runs the loaders, and saves once more when they are done. Any half second
 * without a change in between starts a save of a store the loaders are still filling: while the
 * loaders wait for the content check's verdict, and in a rebuild, where the loaders read
 * thousands of unchanged files without changing the store. A profiled one-story rebuild at
 * 10,000 items serialized the store three times (docs/performance.md).
 *
 * While a loader runs, this keeps touching one key of the collection's meta store, so the
 * debounced save keeps being put off; the save that ends the sync (`waitUntilSaveComplete`)
 * writes the store as before. Touching it changes nothing else: the key is the same constant
 * each time. Were a save to start anyway (the event loop held up past the half second), it
 * would only cost its time: the store is written whole again at the end.
 */
import type { Loader } from 'astro/loaders';

/** Astro's delay before a change is saved (`SAVE_DEBOUNCE_MS`); the touches come well inside it. */
const ASTRO_SAVE_DELAY_MS = 500;

/** How often the store is touched while a loader runs. */
export const TOUCH_EVERY_MS = ASTRO_SAVE_DELAY_MS / 5;

/** The meta key touched (a constant value, so the saved store stays the same from build to build). */
export const SAVE_DEFERRED_KEY = 'credence:save-after-sync';

/** `loader`, with Astro's debounced save of the data store put off while it loads. */
export function storeSavedAfterLoading(loader: Loader): Loader {
	return {
		...loader,
		load: async (context) => {
			const touch = () => context.meta.set(SAVE_DEFERRED_KEY, 'yes');
			touch();
			const timer = setInterval(touch, TOUCH_EVERY_MS);
			try {
				return await loader.load(context);
			} finally {
				clearInterval(timer);
			}
		},
	};
}
