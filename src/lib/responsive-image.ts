/**
 * The widths a responsive image is drawn at. Astro's `<Image widths={…}>` offers each width in the
 * `srcset` (those wider than the picture become the picture's own width) and, unless told
 * otherwise, makes the `src` a further copy at the picture's full width: 1600 pixels for a
 * 1600-pixel hero whose `srcset` stops at 1280. A browser that reads `srcset` (every current
 * one) never fetches that copy, yet the build encoded it for every picture: a tenth of the image
 * transforms of a 1,000-item library and about a quarter of their CPU (the largest ones; see
 * docs/performance.md). `width` set to `fallbackWidth(…)` makes the `src` the widest copy the
 * `srcset` already offers.
 */

/** Widths of a story's hero and a video's poster across the page (`sizes` up to 69rem). */
export const HERO_WIDTHS = [640, 960, 1280] as const;

/** Widths of a picture on top of a card (`sizes` up to 23rem). */
export const CARD_WIDTHS = [400, 800] as const;

/**
 * The width of the `src` copy: the widest of `widths`, or the picture's own width when it is
 * narrower (Astro then offers that width in the `srcset`, and never enlarges a picture).
 */
export function fallbackWidth(widths: readonly number[], image: { width: number }): number {
	return Math.min(Math.max(...widths), image.width);
}
