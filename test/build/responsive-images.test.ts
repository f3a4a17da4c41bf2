/**
 * Responsive pictures offer the widths their `srcset` names and nothing more: the `src` every
 * browser falls back to is one of those copies, not a further one at the picture's full width
 * that no current browser fetches (src/lib/responsive-image.ts). Pictures wider than the widest
 * copy show it: a 1600-pixel hero, a 1920-pixel poster, each also on a featured card.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { buildSite, fixtureSite, readBuiltFiles } from '../build-helpers.ts';
import { editData } from '../helpers.ts';

const { dir, outDir } = fixtureSite();

/** Every `<img>` with a `srcset` of widths in the page: its `src`, each width's file, its size attributes. */
function responsiveImages(html: string) {
	return [...html.matchAll(/<img\b[^>]*>/g)]
		.map((m) => m[0])
		.filter((tag) => / srcset="[^"]* \d+w[,"]/.test(tag))
		.map((tag) => {
			const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
			const srcset = attr('srcset')!.split(', ').map((candidate) => {
				const [url, descriptor] = candidate.split(' ');
				return { url, width: Number.parseInt(descriptor, 10) };
			});
			return { className: attr('class'), src: attr('src'), srcset, width: Number(attr('width')), height: Number(attr('height')) };
		});
}

it('makes the src one of the srcset copies, and no copy the srcsets do not offer', async () => {
	await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 30, g: 90, b: 160 } } }).jpeg().toFile(path.join(dir, 'assets/hero.jpg'));
	await sharp({ create: { width: 1920, height: 1080, channels: 3, background: { r: 120, g: 40, b: 140 } } }).jpeg().toFile(path.join(dir, 'assets/poster.jpg'));
	editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.featured = true));
	editData(path.join(dir, 'videos/grid-operations.yaml'), (d) => (d.featured = true));
	const built = await buildSite(dir, outDir);
	expect(built.code, built.output).toBe(0);

	const page = (route: string) => responsiveImages(readFileSync(path.join(outDir, route, 'index.html'), 'utf8'));
	const hero = page('stories/quarry-forecasting').find((img) => img.className === 'hero')!;
	const poster = page('videos/grid-operations').find((img) => img.className === 'player-poster')!;
	const cards = page('').filter((img) => img.className === 'card-image');
	expect(hero.srcset.map((c) => c.width)).toEqual([640, 960, 1280]);
	expect(poster.srcset.map((c) => c.width)).toEqual([640, 960, 1280]);
	expect(cards).toHaveLength(2);
	for (const card of cards) expect(card.srcset.map((c) => c.width)).toEqual([400, 800]);

	for (const img of [hero, poster, ...cards]) {
		// The fallback is the widest copy offered, drawn at the picture's proportions.
		expect(img.src).toBe(img.srcset.at(-1)!.url);
		expect(img.width / img.height).toBeCloseTo(16 / 9, 2);
		for (const candidate of img.srcset) expect((await sharp(path.join(outDir, candidate.url)).metadata()).width).toBe(candidate.width);
	}
	// No picture was encoded that no srcset of any page offers (headshots' 1x and 2x included).
	const offered = new Set<string>();
	for (const file of readBuiltFiles(outDir).filter((f) => f.path.endsWith('.html'))) {
		for (const m of file.text.matchAll(/ srcset="([^"]*)"/g)) for (const candidate of m[1].split(', ')) offered.add(candidate.split(' ')[0]);
	}
	const encoded = readdirSync(path.join(outDir, '_astro')).filter((name) => name.endsWith('.webp'));
	expect(encoded.length).toBeGreaterThan(0);
	expect(encoded.filter((name) => !offered.has(`/_astro/${name}`))).toEqual([]);
}, 240_000);
