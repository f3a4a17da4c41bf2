/**
 * Content collections. Folder layout and ids come from `lib/content/layout.ts` and schemas from
 * `schemas/index.ts`, the same modules the CLI validates with. Award score sheets are deliberately
 * not a collection: they are private and never reach the site's data layer.
 */
import type { SchemaContext } from 'astro:content';
// Not from 'astro:content': that module is Astro's whole content runtime (getCollection, render,
// images), which Vite would transform module by module before content sync could start, on every
// build (0.4 s of a 1,000-item build's start; docs/performance.md).
import { defineCollection } from 'astro/content/config';
import { glob, type Loader } from 'astro/loaders';
import path from 'node:path';
import { awaitContentCheck } from './integrations/content-check-handoff.ts';
import { COLLECTION_LAYOUT, contentRoot, type CollectionName } from './lib/content/layout.ts';
import { parsingChangedFilesOnly } from './loaders/changed-files-parsed.ts';
import { renderingMdxAtSync } from './loaders/mdx-rendered-at-sync.ts';
import { plainMarkdownLoader } from './loaders/plain-markdown.ts';
import { renderedBy, rendererDigest } from './loaders/rendered-by.ts';
import { schemaBuiltOnce } from './loaders/schema-built-once.ts';
import { storeSavedAfterLoading } from './loaders/store-saved-after-loading.ts';
import { withoutUnreadRenderedMetadata } from './loaders/without-unread-metadata.ts';
import { entrySchema, judgeSchema, programSchema, winnersSchema } from './schemas/award.ts';
import { customerSchema } from './schemas/customer.ts';
import { personSchema } from './schemas/person.ts';
import { productSchema } from './schemas/product.ts';
import { siteSchema } from './schemas/site.ts';
import { storySchema } from './schemas/story.ts';
import { videoSchema } from './schemas/video.ts';

const root = contentRoot(process.cwd());

/**
 * A loader that reads nothing before the content check passed: `npm run build` checks while
 * Astro starts, and this is where Astro first reads the content folder
 * (src/integrations/content-check-handoff.ts). Astro's data store is not saved while it waits or
 * loads, only once every loader is done (loaders/store-saved-after-loading.ts).
 */
function afterContentCheck(inner: Loader): Loader {
	return storeSavedAfterLoading({
		...inner,
		load: async (context) => {
			await awaitContentCheck();
			return inner.load(context);
		},
	});
}

/** Astro's glob loader over one collection's folder, with the ids the CLI computes too. */
function loader(name: CollectionName) {
	const layout = COLLECTION_LAYOUT[name];
	const base = path.join(root, layout.base);
	const idOf = (file: string) => layout.idFromPath(path.relative(base, file).split(path.sep).join('/'));
	// Rendered entries are stored without the metadata no page reads, files unchanged since the
	// last build are not parsed again, and MDX stories are rendered to HTML as they sync, like
	// Markdown ones, rather than bundled as modules (see the modules).
	const files = glob({
		base,
		pattern: layout.pattern,
		generateId: ({ entry }) => layout.idFromPath(entry),
		// A story's Markdown is rendered while content syncs and only the HTML is used; keeping
		// the source too doubled the stories' share of the data store (tens of MB at 10k items).
		// Award entries keep theirs: they are shown as escaped text blocks, never as HTML.
		retainBody: name !== 'stories',
	});
	if (name !== 'stories') return afterContentCheck(withoutUnreadRenderedMetadata(parsingChangedFilesOnly(files, idOf)));
	// Stories are rendered again, all of them, when the code that renders them has changed (loaders/rendered-by.ts).
	return afterContentCheck(renderedBy(withoutUnreadRenderedMetadata(parsingChangedFilesOnly(renderingMdxAtSync(files), idOf)), rendererDigest(process.cwd())));
}

// Spelled out per collection (rather than looped over schemas/index.ts) so each keeps its own type.
// Schemas with images are built once per collection, not once per entry (loaders/schema-built-once.ts).
export const collections = {
	site: defineCollection({ loader: loader('site'), schema: siteSchema }),
	products: defineCollection({ loader: loader('products'), schema: productSchema }),
	customers: defineCollection({ loader: loader('customers'), schema: schemaBuiltOnce((context: SchemaContext) => customerSchema(context)) }),
	people: defineCollection({ loader: loader('people'), schema: schemaBuiltOnce((context: SchemaContext) => personSchema(context)) }),
	stories: defineCollection({ loader: loader('stories'), schema: schemaBuiltOnce((context: SchemaContext) => storySchema(context)) }),
	videos: defineCollection({ loader: loader('videos'), schema: schemaBuiltOnce((context: SchemaContext) => videoSchema(context)) }),
	awardPrograms: defineCollection({ loader: loader('awardPrograms'), schema: programSchema }),
	// Entrant-written: kept as Markdown source and shown as text, never rendered to HTML.
	awardEntries: defineCollection({ loader: afterContentCheck(plainMarkdownLoader({ ...COLLECTION_LAYOUT.awardEntries, base: path.join(root, COLLECTION_LAYOUT.awardEntries.base) })), schema: entrySchema }),
	awardJudges: defineCollection({ loader: loader('awardJudges'), schema: judgeSchema }),
	awardWinners: defineCollection({ loader: loader('awardWinners'), schema: winnersSchema }),
};
