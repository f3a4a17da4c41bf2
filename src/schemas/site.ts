/** Site-wide settings: who the vendor is and how the site presents itself (`content/site.yaml`). */
import { z } from 'astro/zod';
import { text } from './common.ts';

export const siteSchema = z
	.object({
		/** Site title, shown in the header and in feeds. */
		title: text().describe('Site title.'),
		/** One-line description for feeds and search engines. */
		description: text().describe('One-line site description.'),
		/** The vendor that publishes this evidence. */
		vendor: z
			.object({
				/** Vendor name, used in bylines and disclosures. */
				name: text().describe('Vendor name.'),
				/** Vendor home page. */
				website: z.url({ error: 'expected an absolute URL' }).describe('Vendor home page.'),
			})
			.strict(),
		/** Days before an approval expires from which `check` warns. */
		approvalWarningDays: z.number().int().positive().default(30).describe('Warn this many days before an approval expires.'),
	})
	.strict();

export type SiteSettings = z.infer<typeof siteSchema>;
