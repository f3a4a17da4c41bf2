/** RSS feed of every public piece of evidence (the same list the library shows). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { allEvidence, getSite } from '../data/content';
import { contentTypeLabel } from '../lib/evidence';

export const GET: APIRoute = async (context) => {
	const site = await getSite();
	const items = await allEvidence();
	return rss({
		title: site.title,
		description: site.description,
		site: context.site!,
		items: items.map((item) => ({
			title: item.title,
			description: item.summary,
			link: item.url,
			pubDate: item.date,
			categories: [contentTypeLabel(item.type), item.facets.industry],
			author: item.customerName,
		})),
	});
};
