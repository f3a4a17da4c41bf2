/**
 * Open Graph cards drawn into PNG. Separate from og-image.ts, which pages import for card paths
 * without loading a renderer.
 *
 * The card is drawn with Skia (@napi-rs/canvas) rather than as SVG through sharp: libvips spent
 * about 10 ms of CPU on every 1200×630 card whatever it showed; Skia draws one and hands its
 * pixels over in 1.5–3 ms, and og-png-encoder.ts encodes it in 3–4 (docs/performance.md, "Open
 * Graph cards are drawn with Skia").
 * Text reaches the canvas only through fillText, as plain strings: nothing in a title is parsed
 * as markup, and nothing can make the renderer read a file or fetch a URL (the SVG it replaces
 * was escaped for librsvg, which does read files and URLs that markup names). Fonts are the
 * system's installed fonts, which @napi-rs/canvas finds in the system's font folders (DejaVu
 * Sans, then Liberation Sans), with Skia's fallback for scripts they lack; right-to-left text is shaped and ordered by Skia's bidi.
 */
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import canvasPackage from '@napi-rs/canvas/package.json' with { type: 'json' };
import type { OgDrawing } from './og-image.ts';
import { encodeOpaquePng } from './og-png-encoder.ts';

/**
 * What draws the cards, in each card's cache key (`ogCardKey`): another Skia, or another
 * encoder, draws other pixels, so it must not reuse cards an earlier renderer left.
 */
export const OG_RENDERER = `skia ${canvasPackage.version}, png rgb sub/up deflate 1`;

/** The key a card is cached under: its drawing and the renderer, everything its PNG depends on. */
export function ogCardKey(drawing: OgDrawing): string {
	return JSON.stringify({ renderer: OG_RENDERER, drawing });
}

// One canvas reused by every card of the size: a new 3 MB surface per card cost more than the
// drawing (page faults). Safe to share: a card is drawn and its pixels copied out in one
// synchronous step, before any other card can start.
let surface: Canvas | undefined;

/** The card's pixels, as RGBA rows, drawn on the shared canvas. */
export function drawCard(drawing: OgDrawing): Uint8ClampedArray {
	if (surface?.width !== drawing.width || surface.height !== drawing.height) surface = createCanvas(drawing.width, drawing.height);
	const ctx = surface.getContext('2d');
	ctx.reset();
	for (const r of drawing.rects) {
		ctx.fillStyle = r.fill;
		ctx.beginPath();
		if (r.radius) ctx.roundRect(r.x, r.y, r.width, r.height, r.radius);
		else ctx.rect(r.x, r.y, r.width, r.height);
		ctx.fill();
	}
	const families = drawing.fonts.map((f) => (/^[a-z-]+$/.test(f) ? f : `"${f}"`)).join(', ');
	ctx.direction = 'ltr';
	ctx.textAlign = 'left';
	ctx.textBaseline = 'alphabetic';
	for (const t of drawing.texts) {
		ctx.font = `${t.weight} ${t.size}px ${families}`;
		ctx.fillStyle = t.fill;
		ctx.fillText(t.text, t.x, t.y);
	}
	// A copy of the surface, RGBA. Not canvas.data(): each of its copies is memory fresh from the
	// system, and the page faults cost 4–7 ms of CPU a card against 0.8 ms for getImageData's.
	return ctx.getImageData(0, 0, drawing.width, drawing.height).data;
}

/** The card's PNG: opaque, three channels, lossless. */
export function ogCardPng(drawing: OgDrawing): Promise<Buffer> {
	return encodeOpaquePng(drawCard(drawing), drawing.width, drawing.height);
}

/** The PNG of the card whose key (`ogCardKey`) is given: the card renderer keeps only keys. */
export function ogCardPngOfKey(key: string): Promise<Buffer> {
	return ogCardPng((JSON.parse(key) as { drawing: OgDrawing }).drawing);
}
