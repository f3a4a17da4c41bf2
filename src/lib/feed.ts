/**
 * What the RSS feed carries. A feed is polled by every subscriber's reader, often hourly, and
 * readers keep what they have seen, so it needs only the newest items: with every item it grew
 * with the library, to 4.3 MB (750 KB gzipped) for 7,100 items, fetched again on each poll.
 * The library and the sitemap list everything.
 */
import { escapeHtml } from './html-escape.ts';

/** Items in the feed unless `feedItems` in `content/site.yaml` says otherwise. */
export const DEFAULT_FEED_ITEMS = 50;

/** The items a feed of at most `limit` entries carries, from a list sorted newest first. */
export function feedItems<T>(newestFirst: readonly T[], limit: number): T[] {
	return newestFirst.slice(0, Math.max(0, limit));
}

/**
 * Content text as a feed carries it. Feed readers take an item's `<description>` (and often its
 * title) as HTML, so an entrant's summary `<img src=x onerror=…>`, only XML-escaped, arrives as
 * live markup. Text is HTML-escaped here first, then XML-escaped when the feed is written: a
 * reader shows the literal `<img …>` text. For every text a feed takes from content: titles,
 * descriptions, `dc:creator` names and categories.
 */
export function feedText(text: string): string {
	return escapeHtml(text);
}
