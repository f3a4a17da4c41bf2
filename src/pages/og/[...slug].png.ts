/**
 * Open Graph cards: one PNG per public story, video and award program, and one for the site.
 * Paths come from the query layer, so private items get no card. In a build the route generates
 * no page itself: it registers the cards with the build's card renderer, which renders them in
 * the background while Astro renders the pages, and the og-cards integration writes them into
 * the output (src/lib/og-render.ts, src/integrations/og-cards.ts). The dev server serves them here.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import path from 'node:path';
import { awardPrograms, customerById, getSite, ogCardScope, publicStories, publicVideos } from '../../data/content';
import { contentTypeLabel, customerDisplayName, customerIsNamed } from '../../lib/evidence';
import { ogCardDrawing, type OgCard } from '../../lib/og-image';
import { ogCardKey, ogCardPngOfKey } from '../../lib/og-png';
import { buildCardDraw, buildCardRenderer, type CardRenderer } from '../../lib/og-render';

export const getStaticPaths = (async () => {
	const site = await getSite();
	const card = async (kicker: string, title: string, customerId: string) => ({ kicker, title, byline: customerDisplayName((await customerById(customerId)).data), site: site.title });
	const paths: { params: { slug: string }; props: { card: OgCard } }[] = [
		{ params: { slug: 'site' }, props: { card: { kicker: 'Customer evidence', title: site.description, byline: site.vendor.name, site: site.title } } },
	];
	if ((await ogCardScope()) === 'item') {
		for (const story of await publicStories()) {
			paths.push({ params: { slug: `stories/${story.id}` }, props: { card: await card('Co-authored story', story.data.title, story.data.customer) } });
		}
		for (const video of await publicVideos()) {
			paths.push({ params: { slug: `videos/${video.id}` }, props: { card: await card(`${contentTypeLabel('video')} testimonial`, video.data.title, video.data.customer) } });
		}
	} else {
		// One card per named customer with public stories or videos (see PER_ITEM_CARD_LIMIT).
		const customers = new Set([...(await publicStories()), ...(await publicVideos())].map((item) => item.data.customer));
		for (const id of [...customers].sort()) {
			const customer = await customerById(id);
			if (!customerIsNamed(customer.data)) continue;
			paths.push({ params: { slug: `customers/${id}` }, props: { card: { kicker: 'Customer evidence', title: customer.data.name, byline: `Stories and videos from ${customer.data.name}`, site: site.title } } });
		}
	}
	for (const program of await awardPrograms()) {
		paths.push({ params: { slug: `awards/${program.id}` }, props: { card: { kicker: 'Innovation awards · independent judges', title: program.data.name, site: site.title } } });
	}
	if (import.meta.env.DEV) return paths;
	// Astro asks every route for its paths before it generates any page: from here on the cards
	// are rendered beside the pages, and written into the output after them.
	const cards = renderer();
	for (const p of paths) cards.add(`og/${p.params.slug}.png`, ogCardKey(ogCardDrawing(p.props.card)));
	return [];
}) satisfies GetStaticPaths;

/**
 * Rendered cards are kept between builds, keyed by the card's drawing and renderer: a rebuild
 * draws only the cards whose text changed. A build draws them in worker threads (the og-cards
 * integration sets how); the dev server, in its own process.
 */
const renderer = (): CardRenderer => {
	const draw = buildCardDraw();
	// Two cards asked of the build's one worker at a time: it draws the next while Astro's busy
	// main thread gets round to writing the last, so the worker never waits for the main thread
	// (docs/performance.md, "Cards are drawn in worker threads"). In the process (dev), one at a time.
	return buildCardRenderer({ cacheDir: path.resolve(process.env.CREDENCE_OG_CACHE ?? 'node_modules/.cache/credence-og'), render: draw ?? ogCardPngOfKey, parallel: draw ? 2 : 1 })!;
};

export const GET: APIRoute = async ({ props }) => {
	const png = await renderer().png(ogCardKey(ogCardDrawing((props as { card: OgCard }).card)));
	return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
