/**
 * Every collection's schema, keyed by collection name. `src/content.config.ts` hands these to
 * Astro; the CLI validates with the very same functions.
 */
import type { z } from 'astro/zod';
import type { CollectionName } from '../lib/content/layout.ts';
import { entrySchema, judgeSchema, programSchema, winnersSchema } from './award.ts';
import type { SchemaContext } from './common.ts';
import { customerSchema } from './customer.ts';
import { personSchema } from './person.ts';
import { productSchema } from './product.ts';
import { siteSchema } from './site.ts';
import { storySchema } from './story.ts';
import { videoSchema } from './video.ts';

export const COLLECTION_SCHEMAS: Record<CollectionName, (context: SchemaContext) => z.ZodType> = {
	site: () => siteSchema,
	products: () => productSchema,
	customers: customerSchema,
	people: personSchema,
	stories: storySchema,
	videos: videoSchema,
	awardPrograms: () => programSchema,
	awardEntries: () => entrySchema,
	awardJudges: () => judgeSchema,
	awardWinners: () => winnersSchema,
};

/** Image fields per collection (paths into the data), checked for existence by the CLI. */
export const IMAGE_FIELDS: Partial<Record<CollectionName, string[][]>> = {
	customers: [['logo']],
	people: [['headshot']],
	stories: [['hero', 'src']],
	videos: [['poster', 'src']],
};
