/**
 * The Open Graph card (1200×630) of a story, video or award program, as SVG; the build turns it
 * into PNG with sharp. Only text the page itself shows goes in (the customer's display name, never
 * a withheld one). Text is wrapped by an estimate of glyph width, since SVG does not wrap.
 */

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface OgCard {
	/** Small line above the title, e.g. "Co-authored story". */
	kicker: string;
	title: string;
	/** Line under the title, e.g. the customer's display name. */
	byline?: string;
	/** Site title, in the footer. */
	site: string;
}

/**
 * `text` without the characters XML forbids (a title holding U+FFFE, a control character or a
 * lone surrogate made the card invalid XML, and sharp failed the build on it). XML 1.0's Char is
 * tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF; the `u` flag
 * makes a lone surrogate one code point, outside them all, and keeps a pair (an emoji) whole.
 */
export function xmlChars(text: string): string {
	return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** Escapes text for SVG content and attribute values, dropping characters XML forbids (`xmlChars`). */
export function escapeXml(text: string): string {
	return xmlChars(text).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/**
 * Greedy word wrap to at most `maxLines` lines of about `maxChars` characters; an overflowing last
 * line ends in an ellipsis, and a single overlong word is cut.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
	const words = text.trim().split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	let i = 0;
	for (; i < words.length; i++) {
		const word = words[i].length > maxChars ? `${words[i].slice(0, maxChars - 1)}…` : words[i];
		const candidate = line ? `${line} ${word}` : word;
		if (candidate.length <= maxChars) {
			line = candidate;
			continue;
		}
		lines.push(line);
		line = word;
		if (lines.length === maxLines) break;
	}
	if (lines.length < maxLines && line) {
		lines.push(line);
		line = '';
	}
	const truncated = i < words.length || line !== '';
	if (truncated && lines.length) {
		const last = lines[lines.length - 1];
		lines[lines.length - 1] = `${last.length + 1 > maxChars ? last.slice(0, maxChars - 1).replace(/\s+\S*$/, '') : last}…`;
	}
	return lines;
}

/**
 * The card as SVG, opaque and in flat colours: a gradient background took half of each card's
 * encoding time (librsvg shades every pixel, and PNG compresses a gradient badly), so at 1,000
 * items the cards cost seconds of build for a shade no platform's preview shows well anyway.
 */
export function ogCardSvg(card: OgCard): string {
	// Dropped before wrapping too, so characters that will not be drawn take no room on a line.
	const title = xmlChars(card.title);
	const titleSize = title.length > 90 ? 52 : 62;
	// Bold sans glyphs average a little under 0.6em; the text block is 1040px wide.
	const lines = wrapText(title, Math.floor(1040 / (titleSize * 0.58)), 4);
	const lineHeight = Math.round(titleSize * 1.18);
	const titleTop = 210;
	const tspans = lines.map((l, i) => `<tspan x="80" y="${titleTop + i * lineHeight}">${escapeXml(l)}</tspan>`).join('');
	const bylineY = titleTop + lines.length * lineHeight + 30;
	const byline = card.byline ? wrapText(xmlChars(card.byline), 48, 1)[0] : undefined;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">
<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#0b2a6b"/>
<rect x="${OG_WIDTH - 24}" width="24" height="${OG_HEIGHT}" fill="#0b57d0"/>
<rect x="80" y="96" width="72" height="8" rx="4" fill="#8ab4f8"/>
<g font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif" fill="#ffffff">
<text x="80" y="150" font-size="30" font-weight="600" fill="#c9dcff">${escapeXml(card.kicker)}</text>
<text font-size="${titleSize}" font-weight="700">${tspans}</text>
${byline ? `<text x="80" y="${bylineY}" font-size="34" fill="#e3ecff">${escapeXml(byline)}</text>` : ''}
<text x="80" y="570" font-size="28" fill="#c9dcff">${escapeXml(card.site)}</text>
</g>
</svg>`;
}

/**
 * Up to this many public stories and videos, each gets its own card; beyond it, items share
 * their customer's card. Per-item cards cost a rasterisation and a file each: on a 10,000-item
 * library that is minutes of build and a third of a static host's 20,000-file limit.
 */
export const PER_ITEM_CARD_LIMIT = 2000;

export type CardScope = 'item' | 'customer';

export function cardScope(publicItems: number): CardScope {
	return publicItems <= PER_ITEM_CARD_LIMIT ? 'item' : 'customer';
}

/**
 * The card path of a story or video. A customer that withholds its name gets the site card:
 * its id must not appear in a URL.
 */
export function cardPath(scope: CardScope, kind: 'stories' | 'videos', id: string, customer: { id: string; named: boolean }): string {
	if (scope === 'item') return `/og/${kind}/${id}.png`;
	return customer.named ? `/og/customers/${customer.id}.png` : '/og/site.png';
}
