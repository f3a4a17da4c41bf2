/**
 * A co-authored thought-leadership piece (`content/stories/<id>.md`, or `.mdx` when it needs components): written by the customer
 * together with the vendor, with measured results and pull quotes.
 */
import { z } from 'astro/zod';
import { addressFields, imageWithAlt, isoDate, publicationFields, ref, text, topics, type SchemaContext } from './common.ts';

/** A measured result: what changed, from what, over which period, measured how. */
export const metricSchema = z
	.object({
		/** What was measured, e.g. "Forecast error (MAPE)". */
		label: text().describe('What was measured.'),
		/** The value after the change. */
		value: z.number({ error: 'expected a number' }).describe('Value after the change.'),
		/** Unit of value and baseline, e.g. "%", "hours", "USD". */
		unit: z.string().default('').describe('Unit shared by value and baseline.'),
		/** The value before the change, measured the same way. */
		baseline: z.number({ error: 'expected a number' }).describe('Value before the change.'),
		/** Whether a higher or a lower value is the improvement. */
		better: z.enum(['higher', 'lower'], { error: 'expected higher or lower' }).describe('Which direction is an improvement.'),
		/** The period compared, e.g. "FY2025 vs FY2024". */
		period: text().describe('The period compared.'),
		/** How the figure was measured, shown as a footnote. */
		method: text().describe('How it was measured.'),
		/** When the measurement was taken. */
		measuredOn: isoDate().describe('Day the figure was measured.'),
	})
	.strict();

/** A pull quote with the person who said it. */
export const quoteSchema = z
	.object({
		/** The words, verbatim. */
		text: text().describe('The quote, verbatim.'),
		/** Who said it. */
		person: ref('people'),
	})
	.strict();

export function storySchema<Image extends z.ZodType>(context: SchemaContext<Image>) {
	return z
		.object({
			/** Headline. */
			title: text().describe('Headline.'),
			/** One or two sentences for cards, feeds and search results. */
			summary: text().describe('Summary for cards and feeds.'),
			/** The customer this piece is about. */
			customer: ref('customers'),
			/** Co-authors: at least one from the customer and one from the vendor (checked across files). */
			authors: z.array(ref('people')).min(2, { error: 'expected at least two authors: one from the customer and one from the vendor' }).describe('Co-authors, customer and vendor.'),
			/** Publication date shown on the page. */
			publishedOn: isoDate().describe('Date shown as the publication date.'),
			/** Topic tags. */
			topics: topics(),
			/** Vendor products the piece is about. */
			products: z.array(ref('products')).default([]).describe('Products the piece is about.'),
			/** Measured results; the first is the headline metric. */
			metrics: z.array(metricSchema).default([]).describe('Measured results, headline first.'),
			/** Pull quotes. */
			quotes: z.array(quoteSchema).default([]).describe('Pull quotes.'),
			/** Hero image. */
			hero: imageWithAlt(context),
			/** The material connection between customer and vendor (required: readers must know it). */
			disclosure: text().describe('Material connection between customer and vendor, e.g. "Acme is a paying customer of Tessellate."'),
			/** Show on the home page. */
			featured: z.boolean().default(false).describe('Feature on the home page.'),
			...publicationFields,
			...addressFields,
		})
		.strict();
}

export type Story = z.infer<ReturnType<typeof storySchema>>;
export type Metric = z.infer<typeof metricSchema>;
