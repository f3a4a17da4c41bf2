import zlib from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ogCardDrawing } from '../../src/lib/og-image.ts';
import { BackgroundPng, encodeOpaquePng, mergeBands } from '../../src/lib/og-png-encoder.ts';
import { drawCard, ogCardPng } from '../../src/lib/og-png.ts';

/** The IDAT of a PNG with one, inflated: zlib checks the stream's Adler-32 and throws on a wrong one. */
function inflatedRows(png: Buffer): Buffer {
	let at = 8;
	const idat: Buffer[] = [];
	while (at < png.length) {
		const length = png.readUInt32BE(at);
		if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
		at += 12 + length;
	}
	return zlib.inflateSync(Buffer.concat(idat));
}

/** A picture's RGB, dropping alpha: what its PNG must decode to. */
function rgb(rgba: Uint8Array | Uint8ClampedArray): Buffer {
	const out = Buffer.alloc((rgba.length / 4) * 3);
	for (let p = 0; p < rgba.length / 4; p++) for (let c = 0; c < 3; c++) out[p * 3 + c] = rgba[p * 4 + c];
	return out;
}

/** A seeded generator, so that a failure can be run again. */
function random(seed: number): () => number {
	let s = seed;
	return () => {
		s = (Math.imul(s, 1103515245) + 12345) >>> 0;
		return s / 2 ** 32;
	};
}

describe('BackgroundPng', () => {
	const width = 37;
	const height = 40;
	/** Flat with a stripe and a bar, as a card's background is: rows repeat, and some differ. */
	const background = Buffer.alloc(width * height * 4);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const p = (y * width + x) * 4;
			const colour = x >= width - 3 ? [11, 87, 208] : y >= 10 && y < 12 && x >= 5 && x < 15 ? [138, 180, 248] : [11, 42, 107];
			background.set([...colour, 255], p);
		}
	}
	/** Rows `top` to `bottom` (excluded) of a picture this size: a band's pixels. */
	const rowsOf = (picture: Buffer, top: number, bottom: number) => picture.subarray(top * width * 4, bottom * width * 4);

	it('encodes the background with bands drawn over it to exactly the pixels encodeOpaquePng keeps, its Adler-32 right', async () => {
		const next = random(21);
		const base = new BackgroundPng(background, width, height);
		for (let round = 0; round < 60; round++) {
			// Bands anywhere, the first and last rows included, each ending in background or not.
			const bands = mergeBands(
				Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
					const top = Math.floor(next() * height);
					return { top, bottom: top + 1 + Math.floor(next() * 8) };
				}),
				height,
			);
			const picture = Buffer.from(background);
			for (const { top, bottom } of bands) {
				for (let y = top; y < bottom; y++) {
					// Some rows stay background, some repeat the row above, some get ink.
					const kind = next();
					if (kind < 0.3) continue;
					if (kind < 0.5 && y > top) picture.copy(picture, y * width * 4, (y - 1) * width * 4, y * width * 4);
					else for (let x = Math.floor(next() * width); x < width; x += 1 + Math.floor(next() * 6)) picture.set([Math.floor(next() * 256), 255, Math.floor(next() * 256), 255], (y * width + x) * 4);
				}
			}
			const png = await base.encode(bands.map((b) => ({ ...b, rgba: rowsOf(picture, b.top, b.bottom) })));
			const whole = await encodeOpaquePng(picture, width, height);
			expect(inflatedRows(png).equals(inflatedRows(whole)), JSON.stringify(bands)).toBe(true);
			expect((await sharp(png, { failOn: 'error' }).raw().toBuffer()).equals(rgb(picture))).toBe(true);
		}
	});

	it('keeps a band seen twice under the same key, and encodes it from that the next time without its pixels, byte for byte', async () => {
		const base = new BackgroundPng(background, width, height);
		const picture = Buffer.from(background);
		for (let x = 0; x < width; x += 3) picture.set([250, 240, 10, 255], (6 * width + x) * 4);
		const band = { top: 5, bottom: 8, rgba: rowsOf(picture, 5, 8) };
		const whole = await encodeOpaquePng(picture, width, height);
		const plain = await base.encode([band]);
		expect(base.keeps(5, 8, 'kicker')).toBe(false);
		expect((await base.encode([{ ...band, key: 'kicker' }])).equals(plain)).toBe(true);
		// Seen once: a title, which no other card has, is not kept.
		expect(base.keeps(5, 8, 'kicker')).toBe(false);
		expect((await base.encode([{ ...band, key: 'kicker' }])).equals(plain)).toBe(true);
		expect(base.keeps(5, 8, 'kicker')).toBe(true);
		// The same key on other rows is another band.
		expect(base.keeps(6, 9, 'kicker')).toBe(false);
		const kept = await base.encode([{ top: 5, bottom: 8, key: 'kicker' }]);
		expect(kept.equals(plain)).toBe(true);
		expect(inflatedRows(kept).equals(inflatedRows(whole))).toBe(true);
	});

	it('never drops a kept band, however many bands it sees once, and keeps no more past its limit', async () => {
		const base = new BackgroundPng(background, width, height, { seen: 1, kept: 2 });
		const plain = await new BackgroundPng(background, width, height).encode([{ top: 0, bottom: 3, rgba: rowsOf(background, 0, 3) }, { top: 5, bottom: 8, rgba: rowsOf(background, 5, 8) }]);
		await base.encode([{ top: 5, bottom: 8, key: 'site line', rgba: rowsOf(background, 5, 8) }]);
		await base.encode([{ top: 5, bottom: 8, key: 'site line', rgba: rowsOf(background, 5, 8) }]);
		expect(base.keeps(5, 8, 'site line')).toBe(true);
		// A card whose first band is new, when the bands seen once are at their limit, and whose
		// next band it was told is kept: that band is still there when the card is encoded.
		for (const title of ['title 1', 'title 2', 'title 3']) {
			expect((await base.encode([{ top: 0, bottom: 3, key: title, rgba: rowsOf(background, 0, 3) }, { top: 5, bottom: 8, key: 'site line' }])).equals(plain)).toBe(true);
		}
		// Past the limit of kept bands, a band seen twice is not kept.
		for (const key of ['byline', 'byline', 'kicker', 'kicker']) await base.encode([{ top: 0, bottom: 3, key, rgba: rowsOf(background, 0, 3) }]);
		expect(base.keeps(0, 3, 'byline')).toBe(true);
		expect(base.keeps(0, 3, 'kicker')).toBe(false);
		expect(base.keeps(5, 8, 'site line')).toBe(true);
	});

	it('refuses a band with neither pixels nor a kept encoding', async () => {
		const base = new BackgroundPng(background, width, height);
		await expect(base.encode([{ top: 5, bottom: 8 }])).rejects.toThrow(/no pixels/);
		await expect(base.encode([{ top: 5, bottom: 8, key: 'never drawn' }])).rejects.toThrow(/no pixels/);
	});

	it('encodes the background alone, with no band', async () => {
		const png = await new BackgroundPng(background, width, height).encode([]);
		expect((await sharp(png).raw().toBuffer()).equals(rgb(background))).toBe(true);
	});

	it('refuses bands out of order or of the wrong size', async () => {
		const base = new BackgroundPng(background, width, height);
		const band = (top: number, bottom: number) => ({ top, bottom, rgba: rowsOf(background, top, bottom) });
		await expect(base.encode([band(10, 12), band(4, 6)])).rejects.toThrow(/out of order/);
		await expect(base.encode([{ ...band(4, 6), rgba: background.subarray(0, 8) }])).rejects.toThrow(/wrong size/);
		await expect(base.encode([band(38, 41)])).rejects.toThrow(/outside/);
	});
});

describe('mergeBands', () => {
	it('clamps, sorts and merges bands that overlap or leave less than two rows between them', () => {
		expect(mergeBands([{ top: 30, bottom: 35.2 }, { top: -3.5, bottom: 4 }, { top: 5, bottom: 8 }, { top: 36, bottom: 50 }, { top: 20, bottom: 20 }], 40)).toEqual([
			{ top: 0, bottom: 8 },
			{ top: 30, bottom: 40 },
		]);
		expect(mergeBands([{ top: 0, bottom: 4 }, { top: 6, bottom: 8 }], 40)).toEqual([
			{ top: 0, bottom: 4 },
			{ top: 6, bottom: 8 },
		]);
	});
});

describe('ogCardPng drawn in bands', () => {
	it('keeps every pixel of the whole card, whatever the text reaches: stacked accents, tall scripts, emoji, right-to-left', async () => {
		const zalgo = `Z${'\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308'.repeat(8)}a${'\u0316\u0317\u0318\u0319\u031A'.repeat(10)} l${'\u0361\u035C'.repeat(6)}go`;
		const titles = [zalgo, 'ཀྵྐྑྒྒྷྔྕྖྗ྘ྙྚྛ ཀྵྐྑྒྒྷ', 'က္ကျွှ မြန်မာ', 'مرحبا بالعالم: قصة عميل', 'Launch day 🚀🎉 👨‍👩‍👧‍👦 🇫🇷', 'ÅÉÎÕÜ gjpqy ÇŞ ģ', 'A'];
		for (const title of titles) {
			for (const drawing of [
				ogCardDrawing({ kicker: `Ǻ ${zalgo}`, title, byline: zalgo, site: `ÇŞ ģ ${title}` }),
				ogCardDrawing({ kicker: 'Co-authored story', title: `${title} `.repeat(12), site: 'Tessellate' }),
			]) {
				const png = await ogCardPng(drawing);
				inflatedRows(png);
				expect((await sharp(png, { failOn: 'error' }).raw().toBuffer()).equals(rgb(drawCard(drawing))), title).toBe(true);
			}
		}
	});

	it('draws a card to the same bytes whether or not earlier cards shared its kicker, byline and site line', async () => {
		const card = (title: string) => ogCardDrawing({ kicker: 'Co-authored story', title, byline: 'Kererū Pharmacy', site: 'Tessellate evidence' });
		const first = await ogCardPng(card('A shared forecast cut stock-outs by a third'));
		// Other cards with the same kicker, byline and site line, on the same rows: their bands are kept.
		for (const title of ['Reorders in minutes, not days', 'Seasonal ranges without the guesswork', 'One more title']) await ogCardPng(card(title));
		const again = await ogCardPng(card('A shared forecast cut stock-outs by a third'));
		expect(again.equals(first)).toBe(true);
		const other = card('Twelve stores, one plan');
		expect((await sharp(await ogCardPng(other), { failOn: 'error' }).raw().toBuffer()).equals(rgb(drawCard(other)))).toBe(true);
	});
});
