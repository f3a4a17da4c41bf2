import { expect, it } from 'vitest';
import { feedItems, feedText } from '../../src/lib/feed.ts';

it('takes the head of a newest-first list, however long the list grows', () => {
	const library = Array.from({ length: 7100 }, (_, i) => i);
	expect(feedItems(library, 50)).toEqual(library.slice(0, 50));
	expect(feedItems([3, 2, 1], 50)).toEqual([3, 2, 1]);
	expect(feedItems([3, 2, 1], 0)).toEqual([]);
});

it('HTML-escapes content text, so a reader taking it as HTML shows the markup as text', () => {
	expect(feedText('<img src=x onerror="alert(1)"> & \'more\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;more&#39;');
	expect(feedText('Plain title')).toBe('Plain title');
});
