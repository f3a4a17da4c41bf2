/**
 * A loader that stores what another loader stores, less the parts of each entry's rendered
 * metadata no page reads. Astro's glob loader keeps, beside an entry's parsed `data`, its rendered
 * HTML with the Markdown processor's metadata, and that metadata carries the whole front matter
 * again (`rendered.metadata.frontmatter`) and the list of the body's headings
 * (`rendered.metadata.headings`). The site reads `data` and the HTML; both are read only by what
 * `render(entry)` returns beside `Content` (`remarkPluginFrontmatter`, `headings`), which no page
 * uses (Astro gives `{}` and `[]` when they are absent). The image paths stay: `render()` resolves
 * the body's images with them. Every byte of the data store is compiled by V8 as one string module
 * before the first page (docs/performance.md): at 10,000 items the front matter copy was about 7 MB
 * of it, the headings 1.4 MB. A page that wants a table of contents should take the headings back
 * out of `UNREAD_METADATA`.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { withoutFalseImageMarkers } from '../lib/image-marker-text.ts';

type Store = LoaderContext['store'];
type StoredEntry = Parameters<Store['set']>[0];

/** The rendered metadata no page reads, dropped as entries are stored. */
export const UNREAD_METADATA = ['frontmatter', 'headings'] as const;

/** `entry` as it is stored: the same, less the `UNREAD_METADATA` of `rendered.metadata`. */
export function withoutUnreadMetadata(entry: StoredEntry): StoredEntry {
	const metadata = entry.rendered?.metadata;
	if (!metadata || !UNREAD_METADATA.some((key) => key in metadata)) return entry;
	const kept: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(metadata)) if (!(UNREAD_METADATA as readonly string[]).includes(key)) kept[key] = value;
	return { ...entry, rendered: { ...entry.rendered!, metadata: kept } };
}

/**
 * `entry` with no false image marker in its rendered HTML (src/lib/image-marker-text.ts): done
 * here, on every story's finished HTML, Markdown and MDX alike, because this is where each is
 * stored, and the HTML as stored is what Astro's render() reads the markers from.
 */
export function withInertImageMarkerText(entry: StoredEntry): StoredEntry {
	const html = entry.rendered?.html;
	if (html === undefined) return entry;
	const inert = withoutFalseImageMarkers(html);
	return inert === html ? entry : { ...entry, rendered: { ...entry.rendered!, html: inert } };
}

/** `loader`, with every entry it stores passed through `withoutUnreadMetadata` and `withInertImageMarkerText`. */
export function withoutUnreadRenderedMetadata(loader: Loader): Loader {
	return {
		...loader,
		load: (context) => {
			const { store } = context;
			// The store's other methods are kept as they are (bound: the data store's own are closures).
			const lean = new Proxy(store, {
				get(target, property, receiver) {
					if (property === 'set') return (entry: StoredEntry) => target.set(withInertImageMarkerText(withoutUnreadMetadata(entry)));
					return Reflect.get(target, property, receiver);
				},
			});
			return loader.load({ ...context, store: lean });
		},
	};
}
