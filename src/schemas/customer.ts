/** A customer organisation (`content/customers/<id>.yaml`): the record evidence hangs on. */
import { z } from 'astro/zod';
import { ref, text, webUrl, withdrawalSchema, type SchemaContext } from './common.ts';
import { companySize, industry, region } from './taxonomy.ts';

/** What the customer lets us show about them. */
export const customerPermissionsSchema = z
	.object({
		/** May the customer's name be shown? If not, `anonymousLabel` stands in for it. */
		name: z.boolean().default(true).describe('Whether the customer name may be shown.'),
		/** May the logo be shown? */
		logo: z.boolean().default(true).describe('Whether the logo may be shown.'),
		/** May quotes from the customer's people be shown? */
		quotes: z.boolean().default(true).describe("Whether quotes from the customer's people may be shown."),
	})
	.strict();

export function customerSchema<Image extends z.ZodType>(context: SchemaContext<Image>) {
	return z
		.object({
			/** Display name of the organisation. */
			name: text().describe('Organisation name.'),
			/** Wording used instead of the name when the customer does not allow it to be shown. */
			anonymousLabel: text().optional().describe('Used instead of the name when the name may not be shown, e.g. "A European grid operator".'),
			/** Logo file, relative to this file. */
			logo: context.image().describe('Logo image, relative to this file.'),
			/** Industry facet. */
			industry: industry(),
			/** Region facet. */
			region: region(),
			/** Company-size facet. */
			size: companySize(),
			/** Customer's public website. */
			website: webUrl().describe("Customer's website."),
			/** Vendor products this customer uses. */
			products: z.array(ref('products')).default([]).describe('Products the customer uses.'),
			/** One or two sentences about the organisation. */
			about: text().describe('One or two sentences about the organisation.'),
			/** What the customer lets us show. */
			permissions: customerPermissionsSchema.default({ name: true, logo: true, quotes: true }),
			/** Withdrawn at the customer's request: every story and video about them becomes a tombstone, and their page goes. */
			withdrawn: withdrawalSchema.optional().describe("Withdrawn at the customer's request: every item about the customer becomes a tombstone and the customer leaves the site."),
		})
		.strict()
		.refine((c) => c.permissions.name || c.anonymousLabel, {
			message: 'expected anonymousLabel when permissions.name is false',
			path: ['anonymousLabel'],
		});
}

export type Customer = z.infer<ReturnType<typeof customerSchema>>;
