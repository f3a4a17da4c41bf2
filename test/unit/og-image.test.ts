import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { ogCardDrawing, wrapText, xmlChars } from '../../src/lib/og-image.ts';
import { drawCard, OG_RENDERER, ogCardKey, ogCardPng } from '../../src/lib/og-png.ts';

describe('wrapText', () => {
	it('wraps at word boundaries within the width', () => {
		expect(wrapText('How Kestrel Grid planned maintenance around demand', 20, 4)).toEqual(['How Kestrel Grid', 'planned maintenance', 'around demand']);
	});

	it('ends an overflowing last line with an ellipsis', () => {
		const lines = wrapText('one two three four five six seven eight nine ten', 10, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1].endsWith('…')).toBe(true);
		expect(lines.every((l) => l.length <= 10)).toBe(true);
	});

	it('cuts a single overlong word', () => {
		expect(wrapText('Supercalifragilistic', 8, 2)).toEqual(['Superca…']);
	});

	it('cuts between graphemes, never inside an emoji, a flag or a letter and its accent', () => {
		// Each a pair of UTF-16 units: a cut at an odd length left half of one, drawn as U+FFFD.
		expect(wrapText('\u{1F680}'.repeat(10), 8, 2)).toEqual(['\u{1F680}'.repeat(3) + '…']);
		expect(wrapText('🇫🇷'.repeat(10), 10, 1)).toEqual(['🇫🇷'.repeat(2) + '…']);
		expect(wrapText('e\u0301'.repeat(10), 8, 1)).toEqual(['e\u0301'.repeat(3) + '…']);
		expect(wrapText('ab\u{1F680}\u{1F680}\u{1F680} cd', 7, 1)).toEqual(['ab\u{1F680}\u{1F680}…']);
	});
});

describe('ogCardDrawing', () => {
	it('carries every text as plain text, markup and all: the renderer draws strings, it parses nothing', () => {
		const drawing = ogCardDrawing({ kicker: 'Story', title: '<script>alert("x")</script> & more', byline: 'A & B', site: "O'Site" });
		expect(drawing.texts.map((t) => t.text)).toEqual(['Story', '<script>alert("x")</script>', '& more', 'A & B', "O'Site"]);
	});

	it('lays the card out as the SVG card did: kicker, title lines, byline under them, site in the footer', () => {
		const drawing = ogCardDrawing({ kicker: 'Co-authored story', title: 'How Harbourline Freight cut forecast error by 31% across 400 lanes in six months', byline: 'Harbourline Freight', site: 'Tessellate' });
		expect([drawing.width, drawing.height]).toEqual([1200, 630]);
		expect(drawing.texts.map(({ text, y, size, weight }) => [text, y, size, weight])).toEqual([
			['Co-authored story', 150, 30, 600],
			['How Harbourline Freight cut', 210, 62, 700],
			['forecast error by 31% across', 283, 62, 700],
			['400 lanes in six months', 356, 62, 700],
			['Harbourline Freight', 459, 34, 400],
			['Tessellate', 570, 28, 400],
		]);
		expect(drawing.fonts.slice(0, 2)).toEqual(['DejaVu Sans', 'Liberation Sans']);
	});

	it('drops characters XML forbids before wrapping (U+FFFE once failed the build), and the card still draws', async () => {
		const title = 'Forecasts\uFFFE that \uFFFFheld\u0000\u0008\u000B\u000C\u001F \uD800up\uDC00 \u{1F680}';
		const drawing = ogCardDrawing({ kicker: 'Story\u0001', title, byline: 'Quarry\uFFFE Bank', site: 'Site\uDBFF' });
		const texts = drawing.texts.map((t) => t.text);
		expect(texts.join('\n')).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Surrogate}(?<![\uD800-\uDBFF](?=[\uDC00-\uDFFF]))/u);
		expect(texts).toEqual(['Story', 'Forecasts that held up \u{1F680}', 'Quarry Bank', 'Site']);
		const png = await ogCardPng(drawing);
		expect((await sharp(png).metadata()).width).toBe(1200);
	});

	it('draws at most one line of the site title, however long (site.yaml is content, and Skia shapes all it is given)', () => {
		const drawing = ogCardDrawing({ kicker: 'Story', title: 'Title', site: '\u202Eא\u0301 '.repeat(1 << 18) });
		const site = drawing.texts.at(-1)!;
		expect(site.y).toBe(570);
		expect(site.text.length).toBeLessThanOrEqual(64);
		expect(site.text.endsWith('…')).toBe(true);
		expect(ogCardDrawing({ kicker: 'Story', title: 'Title', site: 'Tessellate Customer Evidence' }).texts.at(-1)!.text).toBe('Tessellate Customer Evidence');
	});

	it('leaves no half emoji where it cuts a title or byline (#21 dropped such halves only before wrapping)', () => {
		const emoji = '\u{1F680}'.repeat(60);
		const drawing = ogCardDrawing({ kicker: 'Story', title: `${emoji} ${emoji} ${emoji} ${emoji} ${emoji}`, byline: emoji, site: 'Site' });
		const texts = drawing.texts.map((t) => t.text);
		expect(texts.length).toBeGreaterThan(3);
		for (const text of texts) expect(text, JSON.stringify(text)).not.toMatch(/\p{Surrogate}/u);
	});
});

describe('xmlChars', () => {
	it('keeps every XML Char: tab, newline, carriage return, text, U+FFFD and characters beyond U+FFFF', () => {
		const kept = 'a\tb\nc\rd é 中 \uD7FF\uE000\uFFFD \u{10000}\u{1F680}\u{10FFFF}';
		expect(xmlChars(kept)).toBe(kept);
	});

	it('drops C0 controls other than tab, newline and carriage return, U+FFFE, U+FFFF and lone surrogates', () => {
		expect(xmlChars('\u0000\u0001\u0008\u000B\u000C\u000E\u001Fa\uFFFEb\uFFFFc')).toBe('abc');
		expect(xmlChars('x\uD800y\uDC00z\uDBFF')).toBe('xyz');
		// A pair cut by wrapping's slice leaves its high half alone.
		expect(xmlChars('\u{1F680}'.slice(0, 1))).toBe('');
	});
});

describe('ogCardPng', () => {
	const card = { kicker: 'Co-authored story', title: 'How Harbourline Freight cut forecast error by 31% across 400 lanes in six months of planning', byline: 'Harbourline Freight', site: 'Tessellate Customer Evidence' };

	it('encodes an opaque 1200×630 card in three channels, well under the 107 KB a gradient card with alpha took', async () => {
		const png = await ogCardPng(ogCardDrawing(card));
		const meta = await sharp(png).metadata();
		expect([meta.format, meta.width, meta.height, meta.channels, meta.hasAlpha]).toEqual(['png', 1200, 630, 3, false]);
		expect(png.length).toBeLessThan(80 * 1024);
	});

	it('keeps every pixel of the drawn card (its compression is lossless: no palette, no JPEG)', async () => {
		const drawing = ogCardDrawing({ ...card, title: 'How Harbourline Freight cut forecast error by 31% across 400 lanes' });
		const rgba = drawCard(drawing);
		const drawn = Buffer.alloc(1200 * 630 * 3);
		for (let p = 0; p < 1200 * 630; p++) rgba.subarray(p * 4, p * 4 + 3).forEach((v, c) => (drawn[p * 3 + c] = v));
		const encoded = await sharp(await ogCardPng(drawing)).raw().toBuffer();
		expect(encoded.equals(drawn)).toBe(true);
	});

	it('draws the background, the stripe, the bar and the text in their colours', async () => {
		const { data } = await sharp(await ogCardPng(ogCardDrawing(card))).raw().toBuffer({ resolveWithObject: true });
		const at = (x: number, y: number) => `#${[...data.subarray((y * 1200 + x) * 3, (y * 1200 + x) * 3 + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
		expect(at(10, 10)).toBe('#0b2a6b');
		expect(at(1190, 300)).toBe('#0b57d0');
		expect(at(110, 100)).toBe('#8ab4f8');
		// The title's glyphs: white pixels in its first line's band, none beyond the text block.
		const white = (x0: number, x1: number, y0: number, y1: number) => {
			let n = 0;
			for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (at(x, y) === '#ffffff') n++;
			return n;
		};
		expect(white(80, 1120, 160, 215)).toBeGreaterThan(1000);
		expect(white(0, 70, 0, 630)).toBe(0);
	});

	it('draws markup in a title as its characters', async () => {
		const pixels = async (title: string) => sharp(await ogCardPng(ogCardDrawing({ ...card, title }))).raw().toBuffer();
		const marked = await pixels('<b>Freight</b> <image href="file:///etc/passwd"/>');
		const plain = await pixels('Freight');
		expect(marked.equals(plain)).toBe(false);
		// The characters after "Freight" are drawn: the line is ink well past where "Freight" ends.
		const ink = (data: Buffer) => {
			let right = 0;
			for (let y = 160; y < 215; y++) for (let x = 80; x < 1176; x++) if (data[(y * 1200 + x) * 3] > 200) right = Math.max(right, x);
			return right;
		};
		expect(ink(marked)).toBeGreaterThan(ink(plain) + 300);
	});

	it('draws right-to-left, accented, CJK and emoji titles without failing, each with ink on the title line', async () => {
		for (const title of ['مرحبا بالعالم: قصة عميل', 'שלום עולם', 'Ça résumé naïve Ærø', '客户案例 お客様の声', 'Launch day 🚀🎉']) {
			const data = await sharp(await ogCardPng(ogCardDrawing({ ...card, title }))).raw().toBuffer();
			let inked = 0;
			for (let y = 160; y < 215; y++) for (let x = 80; x < 1176; x++) if (data[(y * 1200 + x) * 3] > 200) inked++;
			expect(inked, title).toBeGreaterThan(100);
		}
	});
});

describe('ogCardKey', () => {
	it('covers everything the card shows, and the renderer that draws it', () => {
		const base = { kicker: 'Story', title: 'A title', byline: 'A customer', site: 'Site' };
		const key = ogCardKey(ogCardDrawing(base));
		expect(key).toContain(OG_RENDERER);
		for (const change of [{ kicker: 'Video' }, { title: 'B title' }, { byline: 'B customer' }, { byline: undefined }, { site: 'Other' }]) {
			expect(ogCardKey(ogCardDrawing({ ...base, ...change })), JSON.stringify(change)).not.toBe(key);
		}
		expect(ogCardKey(ogCardDrawing({ ...base }))).toBe(key);
	});
});
