/**
 * A loader that stores what another loader stores, less the second copy of each entry's front
 * matter. Astro's glob loader keeps, beside an entry's parsed `data`, its rendered HTML with the
 * Markdown processor's metadata, and that metadata carries the whole front matter again
 * (`rendered.metadata.frontmatter`). The site reads `data`; the copy is read only by
 * `render(entry)`'s `remarkPluginFrontmatter`, which nothing here uses (Astro gives `{}` when it is
 * absent). At 10,000 items the copy was about 7 MB of the data store that Astro compiles as one
 * string module before the first page (docs/performance.md).
 */
import type { Loader, LoaderContext } from 'astro/loaders';

type Store = LoaderContext['store'];
type StoredEntry = Parameters<Store['set']>[0];

/** `entry` as it is stored: the same, less `rendered.metadata.frontmatter`. */
export function withoutFrontmatterCopy(entry: StoredEntry): StoredEntry {
	const metadata = entry.rendered?.metadata;
	if (!metadata || !('frontmatter' in metadata)) return entry;
	const { frontmatter: _copy, ...rest } = metadata;
	return { ...entry, rendered: { ...entry.rendered!, metadata: rest } };
}

/** `loader`, with every entry it stores passed through `withoutFrontmatterCopy`. */
export function withoutRenderedFrontmatter(loader: Loader): Loader {
	return {
		...loader,
		load: (context) => {
			const { store } = context;
			// The store's other methods are kept as they are (bound: the data store's own are closures).
			const lean = new Proxy(store, {
				get(target, property, receiver) {
					if (property === 'set') return (entry: StoredEntry) => target.set(withoutFrontmatterCopy(entry));
					return Reflect.get(target, property, receiver);
				},
			});
			return loader.load({ ...context, store: lean });
		},
	};
}
