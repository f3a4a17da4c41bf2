/** Site-wide settings: who the vendor is and how the site presents itself (`content/site.yaml`). */
import { z } from 'astro/zod';
import { DEFAULT_FEED_ITEMS } from '../lib/feed.ts';
import { DEFAULT_PAGE_SIZE } from '../lib/pagination.ts';
import { text, webUrl } from './common.ts';

/** A GitHub repository, `owner/name`. */
const REPOSITORY_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/** The hosted editor: on or off, and the GitHub repository and branch it commits to. */
export const editorSettingsSchema = z
	.object({
		/** Publish the editor at `/admin/` with the site. */
		enabled: z.boolean({ error: 'expected true or false' }).default(false).describe('Publish the editor at /admin/ with the site.'),
		/** `owner/name` of the GitHub repository the editor commits to. */
		repository: z
			.string({ error: 'expected a GitHub repository like acme/customer-evidence' })
			.regex(REPOSITORY_RE, { error: 'expected a GitHub repository like acme/customer-evidence (owner/name)' })
			.optional()
			.describe('GitHub repository the editor commits to, owner/name.'),
		/** Branch the editor commits to. */
		branch: z.string({ error: 'expected a branch name' }).trim().min(1, { error: 'expected a branch name like main' }).default('main').describe('Branch the editor commits to.'),
		/** Address of the OAuth helper (e.g. a Cloudflare Worker running sveltia-cms-auth); without it, editors sign in with a personal access token. */
		authEndpoint: webUrl('https://auth.example.workers.dev').optional().describe('Address of the OAuth helper for signing in with GitHub.'),
	})
	.strict()
	.refine((editor) => !editor.enabled || editor.repository, {
		error: 'expected repository (owner/name on GitHub) when the editor is enabled: the hosted editor commits there',
		path: ['repository'],
	});

export type EditorSettings = z.infer<typeof editorSettingsSchema>;

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
		/**
		 * The hosted editor at `/admin/` (docs/editing.md). Off unless turned on: the public build has
		 * no `/admin/` and no editor code then. Local editing (`npm run edit`) needs none of this.
		 */
		editor: editorSettingsSchema.optional(),
	})
	.strict();

export type SiteSettings = z.infer<typeof siteSchema>;
