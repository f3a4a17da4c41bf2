import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { escapeXml, ogCardSvg, wrapText, xmlChars } from '../../src/lib/og-image.ts';
import { ogCardPng } from '../../src/lib/og-png.ts';

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
});

describe('ogCardSvg', () => {
	it('escapes every text it carries', () => {
		const svg = ogCardSvg({ kicker: 'Story', title: '<script>alert("x")</script> & more', byline: 'A & B', site: "O'Site" });
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(svg).toContain('&amp; more');
		expect(svg).toContain('A &amp; B');
		expect(svg).toContain('O&apos;Site');
	});

	it('escapes XML specials', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
	});

	it('drops characters XML forbids, so sharp can draw any title (U+FFFE failed the build: "PCDATA invalid Char value 65534")', async () => {
		const title = 'Forecasts\uFFFE that \uFFFFheld\u0000\u0008\u000B\u000C\u001F \uD800up\uDC00 \u{1F680}';
		const svg = ogCardSvg({ kicker: 'Story\u0001', title, byline: 'Quarry\uFFFE Bank', site: 'Site\uDBFF' });
		expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Surrogate}(?<![\uD800-\uDBFF](?=[\uDC00-\uDFFF]))/u);
		expect(svg).toContain('Forecasts that held up \u{1F680}');
		const png = await sharp(Buffer.from(svg)).png().toBuffer();
		expect((await sharp(png).metadata()).width).toBe(1200);
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
	it('encodes an opaque 1200×630 card in three channels, well under the 107 KB a gradient card with alpha took', async () => {
		const svg = ogCardSvg({ kicker: 'Co-authored story', title: 'How Harbourline Freight cut forecast error by 31% across 400 lanes in six months of planning', byline: 'Harbourline Freight', site: 'Tessellate Customer Evidence' });
		const png = await ogCardPng(svg);
		const meta = await sharp(png).metadata();
		expect([meta.format, meta.width, meta.height, meta.channels, meta.hasAlpha]).toEqual(['png', 1200, 630, 3, false]);
		expect(png.length).toBeLessThan(80 * 1024);
	});

	it('keeps every pixel of the rasterised card (its compression is lossless: no palette, no JPEG)', async () => {
		const svg = ogCardSvg({ kicker: 'Co-authored story', title: 'How Harbourline Freight cut forecast error by 31% across 400 lanes', byline: 'Harbourline Freight', site: 'Tessellate Customer Evidence' });
		const drawn = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
		const encoded = await sharp(await ogCardPng(svg)).raw().toBuffer();
		expect(encoded.equals(drawn)).toBe(true);
	});
});
