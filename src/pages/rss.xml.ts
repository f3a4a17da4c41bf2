/**
 * RSS 2.0 feed of the newest public pieces of evidence (the head of the list the library shows,
 * `feedItems` of them: see src/lib/feed.ts). RSS's
 * `<author>` must be an email address, so a story's co-authors are credited with Dublin Core's
 * `dc:creator` (named as on the story's page: someone of a customer that withholds its name by
 * title), and the feed names its own address with `atom:link rel="self"`. Every text from content
 * is HTML-escaped before it is written (`feedText`): readers take it as HTML.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { allEvidence, creditedPerson, getSite, publicStories } from '../data/content';
import { contentTypeLabel } from '../lib/evidence';
import { feedItems, feedText } from '../lib/feed';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = async (context) => {
	const site = await getSite();
	const items = feedItems(await allEvidence(), site.feedItems);
	const stories = new Map((await publicStories()).map((s) => [s.id, s]));
	const self = new URL('rss.xml', context.site!).href;
	return rss({
		title: feedText(site.title),
		description: feedText(site.description),
		site: context.site!,
		xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
		customData: `<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
		items: await Promise.all(
			items.map(async (item) => {
				const story = item.type === 'story' ? stories.get(item.id) : undefined;
				const authors = story ? await Promise.all(story.data.authors.map(creditedPerson)) : [];
				const creators = authors.map(({ person, credit }) => (credit.identified ? person.data.name : `${credit.name}, ${item.customerName}`));
				return {
					title: feedText(item.title),
					description: feedText(item.summary),
					link: item.url,
					pubDate: item.date,
					categories: [contentTypeLabel(item.type), item.facets.industry].map(feedText),
					customData: creators.map((name) => `<dc:creator>${escapeXml(feedText(name))}</dc:creator>`).join('') || undefined,
				};
			}),
		),
	});
};
