import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';

export const collections = {
	pages: defineCollection({
		loader: glob({ base: process.env.BARE_CONTENT_DIR ?? './content', pattern: '*.md' }),
		schema: z.object({ title: z.string() }),
	}),
};
