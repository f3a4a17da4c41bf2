/**
 * The Open Graph card (1200×630) of a story, video or award program, as a drawing (rectangles and
 * placed lines of text); the build draws it into a PNG (og-png.ts). Only text the page itself
 * shows goes in (the customer's display name, never a withheld one). Text is wrapped here, by an
 * estimate of glyph width, so that the drawing says exactly what the card shows.
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
 * `text` without the characters XML forbids: C0 controls other than tab, newline and carriage
 * return, U+FFFE, U+FFFF and lone surrogates. The card was SVG until #21, and a title holding one
 * made it invalid XML; the canvas draws them as boxes or nothing, so they are still dropped,
 * before wrapping, and take no room on a line. XML 1.0's Char is tab, newline, carriage return,
 * U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF; the `u` flag makes a lone surrogate one
 * code point, outside them all, and keeps a pair (an emoji) whole.
 */
export function xmlChars(text: string): string {
	return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest start of `text` of at most `max` UTF-16 code units that ends between two graphemes.
 * A plain `slice` can end inside a surrogate pair (an emoji), leaving half of it alone, which the
 * canvas draws as U+FFFD; or inside a cluster (a flag, a family emoji, a letter and its accents).
 */
export function cutText(text: string, max: number): string {
	let end = 0;
	for (const { index, segment } of graphemes.segment(text)) {
		if (index + segment.length > max) break;
		end = index + segment.length;
	}
	return text.slice(0, end);
}

/**
 * Greedy word wrap to at most `maxLines` lines of about `maxChars` characters; an overflowing last
 * line ends in an ellipsis, and a single overlong word is cut (between graphemes, `cutText`).
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
	const words = text.trim().split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	let i = 0;
	for (; i < words.length; i++) {
		const word = words[i].length > maxChars ? `${cutText(words[i], maxChars - 1)}…` : words[i];
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
		lines[lines.length - 1] = `${last.length + 1 > maxChars ? cutText(last, maxChars - 1).replace(/\s+\S*$/, '') : last}…`;
	}
	return lines;
}

/** A filled rectangle of the card, corners rounded by `radius`. */
export interface OgRect {
	x: number;
	y: number;
	width: number;
	height: number;
	radius?: number;
	fill: string;
}

/** A line of text of the card, drawn from `x` with its baseline at `y`; never wrapped by the renderer. */
export interface OgText {
	text: string;
	x: number;
	y: number;
	size: number;
	weight: 400 | 600 | 700;
	fill: string;
}

/** Everything a card shows, in drawing order: the renderer's whole input and its cache key. */
export interface OgDrawing {
	width: number;
	height: number;
	/** Font families in order of preference, as CSS names them. */
	fonts: string[];
	rects: OgRect[];
	texts: OgText[];
}

const FONTS = ['DejaVu Sans', 'Liberation Sans', 'Arial', 'Helvetica', 'sans-serif'];

/**
 * What the card draws: a flat background, a stripe, a small rounded bar, and its text as lines
 * already wrapped (by an estimate of glyph width) and placed. Text is plain strings, never
 * markup: the renderer draws them as they are. Flat colours: a gradient background took half of
 * each card's encoding time (every pixel shaded, and PNG compresses a gradient badly), for a
 * shade no platform's preview shows well anyway.
 */
export function ogCardDrawing(card: OgCard): OgDrawing {
	// Dropped before wrapping too, so characters that will not be drawn take no room on a line.
	const title = xmlChars(card.title);
	const titleSize = title.length > 90 ? 52 : 62;
	// Bold sans glyphs average a little under 0.6em; the text block is 1040px wide.
	const lines = wrapText(title, Math.floor(1040 / (titleSize * 0.58)), 4);
	const lineHeight = Math.round(titleSize * 1.18);
	const titleTop = 210;
	const byline = card.byline ? wrapText(xmlChars(card.byline), 48, 1)[0] : undefined;
	const texts: OgText[] = [
		{ text: xmlChars(card.kicker), x: 80, y: 150, size: 30, weight: 600, fill: '#c9dcff' },
		...lines.map((text, i): OgText => ({ text, x: 80, y: titleTop + i * lineHeight, size: titleSize, weight: 700, fill: '#ffffff' })),
	];
	if (byline) texts.push({ text: byline, x: 80, y: titleTop + lines.length * lineHeight + 30, size: 34, weight: 400, fill: '#e3ecff' });
	// One line, cut like the others: the site title is content too (site.yaml), on every card, and
	// Skia shaped all of a megabyte-long one for each card (3 s a card for right-to-left text).
	const site = wrapText(xmlChars(card.site), 64, 1)[0] ?? '';
	texts.push({ text: site, x: 80, y: 570, size: 28, weight: 400, fill: '#c9dcff' });
	return {
		width: OG_WIDTH,
		height: OG_HEIGHT,
		fonts: FONTS,
		rects: [
			{ x: 0, y: 0, width: OG_WIDTH, height: OG_HEIGHT, fill: '#0b2a6b' },
			{ x: OG_WIDTH - 24, y: 0, width: 24, height: OG_HEIGHT, fill: '#0b57d0' },
			{ x: 80, y: 96, width: 72, height: 8, radius: 4, fill: '#8ab4f8' },
		],
		texts: texts.filter((t) => t.text),
	};
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
