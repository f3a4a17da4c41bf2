import { expect, it } from 'vitest';
import { feedItems } from '../../src/lib/feed.ts';

it('takes the head of a newest-first list, however long the list grows', () => {
	const library = Array.from({ length: 7100 }, (_, i) => i);
	expect(feedItems(library, 50)).toEqual(library.slice(0, 50));
	expect(feedItems([3, 2, 1], 50)).toEqual([3, 2, 1]);
	expect(feedItems([3, 2, 1], 0)).toEqual([]);
});
