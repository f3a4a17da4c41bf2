/** The vendor's products, referenced by customers and evidence; a facet in the library. */
import { z } from 'astro/zod';
import { text, webUrl } from './common.ts';

export const productSchema = z
	.object({
		/** Product name as customers know it. */
		name: text().describe('Product name.'),
		/** One sentence on what the product does. */
		summary: text().describe('One sentence on what the product does.'),
		/** Product page on the vendor site. */
		url: webUrl('https://example.com/product').optional().describe('Product page.'),
	})
	.strict();

export type Product = z.infer<typeof productSchema>;
