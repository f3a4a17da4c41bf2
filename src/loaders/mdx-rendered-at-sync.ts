/**
 * Astro's glob loader, with MDX stories rendered to HTML while content syncs, as Markdown stories
 * are, instead of being stored as "render later" entries that each become a JavaScript module in
 * the bundle (src/lib/mdx-story-html.ts says why that is safe and what it saves). The `.mdx` entry
 * type is given a render function; everything else about it (reading the front matter, the types
 * it declares) stays @astrojs/mdx's.
 *
 * A story that breaks the MDX rule stops content sync, and with it the build, naming the file and
 * the line: the glob loader only logs a render function's error and stores the entry without its
 * HTML, so the failure is kept here, the entry is not stored (a later build renders it again
 * rather than keep an empty body), and the load throws once the loader is done.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderMdxStory, type RenderedStory } from '../lib/mdx-story-html.ts';

/** What the glob loader gives a render function. */
interface RenderInput {
	id: string;
	data: Record<string, unknown>;
	body?: string;
	filePath?: string;
	digest?: string;
}
type RenderFunction = (entry: RenderInput) => Promise<RenderedStory>;
/** An entry type as the glob loader reads it (Astro's, per file extension). */
interface EntryType {
	getRenderFunction?: (config: unknown) => Promise<RenderFunction>;
}
type GlobLoaderContext = LoaderContext & { entryTypes?: Map<string, EntryType> };
type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

/** A story the render refused, named by its file and the place in it (`file:line:column: …`, as the MDX compiler's errors read). */
export class MdxStoryRenderError extends Error {
	constructor(failures: ReadonlyMap<string, unknown>, root: string) {
		const lines = [...failures].map(([file, error]) => `${path.relative(root, file) || file}:${error instanceof Error ? error.message : String(error)}`);
		super(lines.length === 1 ? lines[0] : `${lines.length} MDX stories could not be rendered:\n${lines.join('\n')}`);
		this.name = 'MdxStoryRenderError';
	}
}

/** Renders one MDX story from its file (front matter included, so lines are the file's). */
export const renderMdxStoryFile: RenderFunction = async (entry) => {
	if (!entry.filePath) throw new Error(`expected the file of MDX story ${entry.id}, found none`);
	const source = await readFile(entry.filePath, 'utf8');
	return renderMdxStory(source, entry.data, pathToFileURL(entry.filePath));
};

/** `loader` (Astro's glob loader), with `.mdx` entries rendered by `renderMdxStoryFile` as they sync. */
export function renderingMdxAtSync(loader: Loader, render: RenderFunction = renderMdxStoryFile): Loader {
	return {
		...loader,
		load: async (context: GlobLoaderContext) => {
			const mdx = context.entryTypes?.get('.mdx');
			if (!mdx) return loader.load(context);
			const root = fileURLToPath(context.config.root);
			const failures = new Map<string, unknown>();
			// A child of @astrojs/mdx's entry type, so that everything else (front matter, module types) is its own.
			const rendered: EntryType = Object.create(mdx);
			rendered.getRenderFunction = async () => async (entry) => {
				try {
					const html = await render(entry);
					// The dev server renders a story again when its file changes: once mended, it is stored again.
					if (entry.filePath) failures.delete(path.resolve(entry.filePath));
					return html;
				} catch (error) {
					if (entry.filePath) failures.set(path.resolve(entry.filePath), error);
					throw error;
				}
			};
			const { store } = context;
			const failed = (entry: StoredEntry) => entry.filePath !== undefined && failures.has(path.resolve(root, entry.filePath));
			const guarded = new Proxy(store, {
				get(target, property, receiver) {
					if (property === 'set') {
						return (entry: StoredEntry) => {
							if (!failed(entry)) return target.set(entry);
							target.delete(entry.id);
							return false;
						};
					}
					return Reflect.get(target, property, receiver);
				},
			});
			const entryTypes = new Map(context.entryTypes);
			entryTypes.set('.mdx', rendered);
			await loader.load({ ...context, store: guarded, entryTypes } as GlobLoaderContext);
			if (failures.size) throw new MdxStoryRenderError(failures, root);
		},
	};
}
