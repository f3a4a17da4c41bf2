/**
 * A content loader for Markdown that must never become HTML: award entries, written by entrants
 * (from outside). Astro's glob loader renders every `.md` file while content syncs and keeps the
 * HTML in the data store, raw `<script>` and all, ready for any `render(entry)`; the site shows
 * entries only as escaped text blocks (lib/plaintext.ts). This loader keeps the frontmatter (as
 * the schema parses it) and the Markdown source, and renders nothing: there is no HTML of an
 * entry to leak, and a large program's sync skips thousands of renders.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { readFileSync } from 'node:fs';
import { glob } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '../lib/content/load.ts';

export interface PlainMarkdownOptions {
	/** Folder the pattern is relative to (absolute). */
	base: string;
	/** A glob of the files to load, relative to `base`. */
	pattern: string;
	/** The entry id of a file, from its path relative to `base` (forward slashes). */
	idFromPath: (relativePath: string) => string;
}

export function plainMarkdownLoader({ base, pattern, idFromPath }: PlainMarkdownOptions): Loader {
	return {
		name: 'credence:plain-markdown',
		load: async (context) => {
			const { store, watcher } = context;
			const relativeOf = (file: string) => path.relative(base, file).split(path.sep).join('/');
			const matches = (file: string) => {
				const relative = relativeOf(file);
				return !relative.startsWith('..') && path.matchesGlob(relative, pattern);
			};

			const seen = new Set<string>();
			for await (const relative of glob(pattern, { cwd: base })) {
				seen.add(await loadFile(context, path.join(base, relative), idFromPath(relative.split(path.sep).join('/'))));
			}
			for (const id of store.keys()) if (!seen.has(id)) store.delete(id);

			// `astro dev`: follow edits, new files and deletions.
			if (!watcher) return;
			watcher.add(base);
			const update = async (file: string) => {
				if (matches(file)) await loadFile(context, file, idFromPath(relativeOf(file)));
			};
			watcher.on('add', update);
			watcher.on('change', update);
			watcher.on('unlink', (file) => {
				if (matches(file)) store.delete(idFromPath(relativeOf(file)));
			});
		},
	};
}

/** Loads one file into the store (unless unchanged since the last sync); returns its id. */
async function loadFile({ store, parseData, generateDigest, config, logger }: LoaderContext, file: string, id: string): Promise<string> {
	const source = readFileSync(file, 'utf8');
	const digest = generateDigest(source);
	if (store.get(id)?.digest === digest) return id;
	const { data, body } = parseFrontmatter(source, file);
	// Frontmatter mistakes fail the content check, which runs before any build; in `astro dev` an
	// edit can still break a file: it leaves the site until it is readable again.
	if (data === undefined) {
		store.delete(id);
		logger.warn(`${file}: expected YAML frontmatter between two "---" lines; left out until fixed`);
		return id;
	}
	const filePath = path.relative(fileURLToPath(config.root), file).split(path.sep).join('/');
	store.set({ id, data: await parseData({ id, data: data as Record<string, unknown>, filePath: file }), body, filePath, digest });
	return id;
}
