/**
 * Content collections. Folder layout and ids come from `lib/content/layout.ts` and schemas from
 * `schemas/index.ts`, the same modules the CLI validates with. Award score sheets are deliberately
 * not a collection: they are private and never reach the site's data layer.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { COLLECTION_LAYOUT, contentRoot, type CollectionName } from './lib/content/layout.ts';
import { COLLECTION_SCHEMAS } from './schemas/index.ts';

const root = contentRoot(process.cwd());

function collection(name: CollectionName) {
	const layout = COLLECTION_LAYOUT[name];
	return defineCollection({
		loader: glob({
			base: path.join(root, layout.base),
			pattern: layout.pattern,
			generateId: ({ entry }) => layout.idFromPath(entry),
		}),
		schema: ({ image }) => COLLECTION_SCHEMAS[name]({ image }),
	});
}

export const collections = {
	site: collection('site'),
	products: collection('products'),
	customers: collection('customers'),
	people: collection('people'),
	stories: collection('stories'),
	videos: collection('videos'),
	awardPrograms: collection('awardPrograms'),
	awardEntries: collection('awardEntries'),
	awardJudges: collection('awardJudges'),
};
