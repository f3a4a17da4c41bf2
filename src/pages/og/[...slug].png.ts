/**
 * Open Graph cards, rendered at build: one PNG per public story, video and award program, and one
 * for the site. Paths come from the query layer, so private items get no card.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { awardPrograms, customerById, getSite, ogCardScope, publicStories, publicVideos } from '../../data/content';
import { pageKey } from '../../data/cache-keys';
import { contentTypeLabel, customerDisplayName, customerIsNamed } from '../../lib/evidence';
import { ogCardSvg, type OgCard } from '../../lib/og-image';
import { ogCardPng } from '../../lib/og-png';

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
	// A card depends only on its text: its key is the card itself.
	return paths.map((p) => ({ ...p, cacheKey: pageKey(p.props.card) }));
}) satisfies GetStaticPaths;

/**
 * Rendered cards are kept between builds, keyed by the card's SVG: a rebuild re-encodes only the
 * cards whose text changed.
 */
const CARD_CACHE = path.resolve(process.env.CREDENCE_OG_CACHE ?? 'node_modules/.cache/credence-og');

/** Cards being rendered in this build, by hash: identical cards are rendered once. */
const rendering = new Map<string, Promise<Buffer>>();

async function renderCard(svg: string): Promise<Buffer> {
	const hash = createHash('sha256').update(svg).digest('hex');
	const cached = path.join(CARD_CACHE, `${hash}.png`);
	if (!rendering.has(hash)) {
		rendering.set(
			hash,
			readFile(cached).catch(async () => {
				const png = await ogCardPng(svg);
				await mkdir(CARD_CACHE, { recursive: true });
				const temporary = `${cached}.${process.pid}.${randomUUID()}`;
				await writeFile(temporary, png);
				await rename(temporary, cached);
				return png;
			}),
		);
	}
	return rendering.get(hash)!;
}

export const GET: APIRoute = async ({ props }) => {
	const png = await renderCard(ogCardSvg((props as { card: OgCard }).card));
	return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
