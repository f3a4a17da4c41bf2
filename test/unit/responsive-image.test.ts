import { expect, it } from 'vitest';
import { CARD_WIDTHS, HERO_WIDTHS, fallbackWidth } from '../../src/lib/responsive-image.ts';

it('falls back to the widest copy offered, or to the picture itself when it is narrower', () => {
	expect(fallbackWidth(HERO_WIDTHS, { width: 1600 })).toBe(1280);
	expect(fallbackWidth(HERO_WIDTHS, { width: 1280 })).toBe(1280);
	expect(fallbackWidth(HERO_WIDTHS, { width: 800 })).toBe(800);
	expect(fallbackWidth(CARD_WIDTHS, { width: 1920 })).toBe(800);
});
