import { expect, it } from 'vitest';
import { cardPath, cardScope, PER_ITEM_CARD_LIMIT } from '../../src/lib/og-image.ts';

it('gives each item its own card up to the limit, then its customer’s', () => {
	expect(cardScope(PER_ITEM_CARD_LIMIT)).toBe('item');
	expect(cardScope(PER_ITEM_CARD_LIMIT + 1)).toBe('customer');
	expect(cardPath('item', 'stories', 'acme-story', { id: 'acme', named: true })).toBe('/og/stories/acme-story.png');
	expect(cardPath('customer', 'videos', 'acme-video', { id: 'acme', named: true })).toBe('/og/customers/acme.png');
});

it('never puts a customer that withholds its name in a card URL', () => {
	expect(cardPath('customer', 'stories', 'grid-story', { id: 'hidden-grid', named: false })).toBe('/og/site.png');
});
