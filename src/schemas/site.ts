/** Site-wide settings: who the vendor is and how the site presents itself (`content/site.yaml`). */
import { z } from 'astro/zod';
import { DEFAULT_FEED_ITEMS } from '../lib/feed.ts';
import { DEFAULT_PAGE_SIZE } from '../lib/pagination.ts';
import { text, webUrl } from './common.ts';

export const siteSchema = z
	.object({
		/** Site title, shown in the header and in feeds. */
		title: text().describe('Site title.'),
		/** One-line description for feeds and search engines. */
		description: text().describe('One-line site description.'),
		/**
		 * The address the site is served from: canonical links, the sitemap, the RSS feed and Open
		 * Graph tags carry it. `CREDENCE_SITE_URL` overrides it for one build (src/lib/site-url.ts).
		 */
		url: webUrl('https://evidence.example.com').optional().describe('The public address of the site, like https://evidence.example.com.'),
		/** The vendor that publishes this evidence. */
		vendor: z
			.object({
				/** Vendor name, used in bylines and disclosures. */
				name: text().describe('Vendor name.'),
				/** Vendor home page. */
				website: webUrl().describe('Vendor home page.'),
			})
			.strict(),
		/** Days before an approval expires from which `check` warns. */
		approvalWarningDays: z.number().int().positive().default(30).describe('Warn this many days before an approval expires.'),
		/**
		 * What happens to an approved item whose published fields changed since the customer approved
		 * them: `withdraw` takes it off the site until approved again (an error in `check`); `warn`
		 * keeps it published and `check` warns.
		 */
		approvalChanges: z
			.enum(['withdraw', 'warn'], { error: 'expected withdraw (take an item changed since approval off the site) or warn (keep it, and warn)' })
			.default('withdraw')
			.describe('An item changed since approval: withdraw it from the site until approved again, or only warn.'),
		/**
		 * Cards per page in the evidence library (`/stories/`) and the video list (`/videos/`); later
		 * pages are `/stories/page/2/` and on. Large pages cost every visitor download and render time.
		 */
		libraryPageSize: z
			.number()
			.int({ error: 'expected a whole number of cards per page' })
			.min(1, { error: 'expected at least 1 card per page' })
			.max(500, { error: 'expected at most 500 cards per page (larger pages are slow to load)' })
			.default(DEFAULT_PAGE_SIZE)
			.describe('Cards per page in the evidence library and the video list.'),
		/**
		 * How many of the newest pieces of evidence the RSS feed (`/rss.xml`) carries. Readers poll
		 * the feed and keep what they saw, so it needs only the latest; every item made it megabytes.
		 */
		feedItems: z
			.number()
			.int({ error: 'expected a whole number of feed items' })
			.min(1, { error: 'expected at least 1 feed item' })
			.max(500, { error: 'expected at most 500 feed items (readers fetch the whole feed on every poll)' })
			.default(DEFAULT_FEED_ITEMS)
			.describe('Newest pieces of evidence in the RSS feed.'),
	})
	.strict();

export type SiteSettings = z.infer<typeof siteSchema>;
