/**
 * Open Graph cards drawn into PNG. Separate from og-image.ts, which pages import for card paths
 * without loading a renderer.
 *
 * The card is drawn with Skia (@napi-rs/canvas) rather than as SVG through sharp: libvips spent
 * about 10 ms of CPU on every 1200×630 card whatever it showed; with Skia and og-png-encoder.ts
 * a card costs 4–5 ms, its background drawn and encoded once per worker, and per card only its
 * lines of text that no earlier card drew alike (docs/performance.md, "Open Graph cards are drawn
 * with Skia", "A card's background is encoded once" and "A band of a card drawn alike").
 * Text reaches the canvas only through fillText, as plain strings: nothing in a title is parsed
 * as markup, and nothing can make the renderer read a file or fetch a URL (the SVG it replaces
 * was escaped for librsvg, which does read files and URLs that markup names). Fonts are the
 * system's installed fonts, which @napi-rs/canvas finds in the system's font folders (DejaVu
 * Sans, then Liberation Sans), with Skia's fallback for scripts they lack; right-to-left text is shaped and ordered by Skia's bidi.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import canvasPackage from '@napi-rs/canvas/package.json' with { type: 'json' };
import type { OgDrawing, OgRect, OgText } from './og-image.ts';
import { BackgroundPng, mergeBands, type Band } from './og-png-encoder.ts';

/**
 * What draws the cards, in each card's cache key (`ogCardKey`): another Skia, or another
 * encoder, draws other pixels, so it must not reuse cards an earlier renderer left.
 */
export const OG_RENDERER = `skia ${canvasPackage.version}, png rgb sub/up deflate 1, background deflated once`;

/** The key a card is cached under: its drawing and the renderer, everything its PNG depends on. */
export function ogCardKey(drawing: OgDrawing): string {
	return JSON.stringify({ renderer: OG_RENDERER, drawing });
}

// One canvas reused by every card of the size: a new 3 MB surface per card cost more than the
// drawing (page faults). Safe to share: a card is drawn and its pixels copied out in one
// synchronous step, before any other card can start.
let surface: Canvas | undefined;

function context(drawing: OgDrawing): SKRSContext2D {
	if (surface?.width !== drawing.width || surface.height !== drawing.height) surface = createCanvas(drawing.width, drawing.height);
	const ctx = surface.getContext('2d');
	ctx.reset();
	return ctx;
}

function drawRects(ctx: SKRSContext2D, rects: readonly OgRect[]): void {
	for (const r of rects) {
		ctx.fillStyle = r.fill;
		ctx.beginPath();
		if (r.radius) ctx.roundRect(r.x, r.y, r.width, r.height, r.radius);
		else ctx.rect(r.x, r.y, r.width, r.height);
		ctx.fill();
	}
}

/** Sets up `ctx` for the drawing's text and calls `each` with every line (or those of `texts`), its font set. */
function eachText(ctx: SKRSContext2D, drawing: OgDrawing, each: (t: OgText) => void, texts: readonly OgText[] = drawing.texts): void {
	const families = drawing.fonts.map((f) => (/^[a-z-]+$/.test(f) ? f : `"${f}"`)).join(', ');
	ctx.direction = 'ltr';
	ctx.textAlign = 'left';
	ctx.textBaseline = 'alphabetic';
	for (const t of texts) {
		ctx.font = `${t.weight} ${t.size}px ${families}`;
		ctx.fillStyle = t.fill;
		each(t);
	}
}

/** The card's pixels, as RGBA rows, drawn whole on the shared canvas (tests compare the PNG with it). */
export function drawCard(drawing: OgDrawing): Uint8ClampedArray {
	const ctx = context(drawing);
	drawRects(ctx, drawing.rects);
	eachText(ctx, drawing, (t) => ctx.fillText(t.text, t.x, t.y));
	// A copy of the surface, RGBA. Not canvas.data(): each of its copies is memory fresh from the
	// system, and the page faults cost 4–7 ms of CPU a card against 0.8 ms for getImageData's.
	return ctx.getImageData(0, 0, drawing.width, drawing.height).data;
}

/**
 * Rows a line's ink may reach beyond the box Skia measures for its glyphs: anti-aliasing
 * shades the pixel next to an edge, and a glyph's box is rounded to whole pixels.
 */
const INK_MARGIN = 2;

/** The backgrounds drawn and filtered so far, by their rectangles and size: one per card layout. */
const backgrounds = new Map<string, BackgroundPng>();

function background(drawing: OgDrawing): BackgroundPng {
	const key = JSON.stringify([drawing.width, drawing.height, drawing.rects]);
	let png = backgrounds.get(key);
	if (!png) {
		const ctx = context(drawing);
		drawRects(ctx, drawing.rects);
		png = new BackgroundPng(ctx.getImageData(0, 0, drawing.width, drawing.height).data, drawing.width, drawing.height);
		backgrounds.set(key, png);
	}
	return png;
}

/**
 * The card's PNG: opaque, three channels, lossless. The background is drawn, filtered and
 * deflated once (`BackgroundPng`); each card reads back and encodes only the bands of rows its
 * lines of text cover, as Skia measures their glyphs. Each band is drawn clipped to itself, with
 * only its own lines, so that its pixels depend on nothing else: the PNG is always exactly what
 * was drawn (a glyph reaching past its measured box, were there one, would be cut at its band's
 * edge rather than lost from the PNG alone), and a band drawn the same on an earlier card (the
 * kicker, the byline, the site's name, all alike from card to card) is taken from that card's
 * encoding without being drawn or read back again.
 */
export function ogCardPng(drawing: OgDrawing): Promise<Buffer> {
	const base = background(drawing);
	if (surface?.width !== drawing.width || surface.height !== drawing.height) surface = createCanvas(drawing.width, drawing.height);
	const ctx = surface.getContext('2d');
	const measured: { top: number; bottom: number; text: OgText }[] = [];
	eachText(ctx, drawing, (t) => {
		const m = ctx.measureText(t.text);
		measured.push({ top: t.y - m.actualBoundingBoxAscent - INK_MARGIN, bottom: t.y + m.actualBoundingBoxDescent + INK_MARGIN + 1, text: t });
	});
	const fonts = JSON.stringify(drawing.fonts);
	const bands: Band[] = mergeBands(measured, drawing.height).map((band) => {
		// The lines whose measured rows fall in this band (a band is the union of theirs).
		const texts = measured.filter((m) => m.top < band.bottom && m.bottom > band.top).map((m) => m.text);
		const key = `${fonts} ${JSON.stringify(texts)}`;
		if (base.keeps(band.top, band.bottom, key)) return { ...band, key };
		// Only the band is cleared and drawn (what an earlier card left outside it is never read):
		// the background's rectangles, then its lines.
		ctx.save();
		ctx.beginPath();
		ctx.rect(0, band.top, drawing.width, band.bottom - band.top);
		ctx.clip();
		ctx.clearRect(0, band.top, drawing.width, band.bottom - band.top);
		drawRects(ctx, drawing.rects);
		eachText(ctx, drawing, (t) => ctx.fillText(t.text, t.x, t.y), texts);
		const rgba = ctx.getImageData(0, band.top, drawing.width, band.bottom - band.top).data;
		ctx.restore();
		return { ...band, key, rgba };
	});
	return base.encode(bands);
}

/** The PNG of the card whose key (`ogCardKey`) is given: the card renderer keeps only keys. */
export function ogCardPngOfKey(key: string): Promise<Buffer> {
	return ogCardPng((JSON.parse(key) as { drawing: OgDrawing }).drawing);
}
