/**
 * Astro's glob loader, parsing only the files that changed since the last build. The glob loader
 * reads every file and parses its YAML or front matter (`getEntryInfo`) before it looks at the
 * file's digest; when the digest is the one stored, it keeps the stored entry and throws the parse
 * away. In a rebuild that is every file but the edited ones: parsing them was about 0.2 s of a
 * 1,000-item rebuild's content sync (docs/performance.md). This wraps the loader's entry types so
 * that a file whose digest and path are the stored entry's is not parsed: its entry is kept as
 * the glob loader would keep it, without looking at what `getEntryInfo` gave.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';

/** What the glob loader reads a file through (an entry type of Astro's, per file extension). */
interface EntryType {
	getEntryInfo(input: EntryInfoInput): unknown;
}
interface EntryInfoInput {
	contents: string;
	fileUrl: URL;
}
/** The context Astro's content layer gives its loaders: the public one, and the entry types the glob loader uses. */
type GlobLoaderContext = LoaderContext & { entryTypes?: Map<string, EntryType> };

/** What `getEntryInfo` gives for a file that is kept as stored: nothing the glob loader reads on that path. */
const UNPARSED = Object.freeze({ data: Object.freeze({}), body: '' });

/**
 * `loader` (Astro's glob loader), with the files it would keep as stored left unparsed. `idOf`
 * gives a file's entry id from its absolute path, as the loader's `generateId` does (without the
 * data: ids here come from the path alone).
 */
export function parsingChangedFilesOnly(loader: Loader, idOf: (file: string) => string): Loader {
	return {
		...loader,
		load: (context: GlobLoaderContext) => {
			const { store, generateDigest } = context;
			if (!context.entryTypes) return loader.load(context);
			const unchanged = ({ contents, fileUrl }: EntryInfoInput) => {
				const stored = store.get(idOf(fileURLToPath(fileUrl)));
				// The glob loader's own test for keeping an entry (and it hashes the same contents).
				return Boolean(stored?.filePath) && stored!.digest === generateDigest(contents);
			};
			const entryTypes = new Map<string, EntryType>();
			for (const [extension, entryType] of context.entryTypes) {
				// A child of the entry type, so that everything else (render function, module types) is its own.
				const wrapped: EntryType = Object.create(entryType);
				wrapped.getEntryInfo = (input) => (unchanged(input) ? UNPARSED : entryType.getEntryInfo(input));
				entryTypes.set(extension, wrapped);
			}
			return loader.load({ ...context, entryTypes } as GlobLoaderContext);
		},
	};
}
