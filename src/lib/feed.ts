/**
 * What the RSS feed carries. A feed is polled by every subscriber's reader, often hourly, and
 * readers keep what they have seen, so it needs only the newest items: with every item it grew
 * with the library, to 4.3 MB (750 KB gzipped) for 7,100 items, fetched again on each poll.
 * The library and the sitemap list everything.
 */

/** Items in the feed unless `feedItems` in `content/site.yaml` says otherwise. */
export const DEFAULT_FEED_ITEMS = 50;

/** The items a feed of at most `limit` entries carries, from a list sorted newest first. */
export function feedItems<T>(newestFirst: readonly T[], limit: number): T[] {
	return newestFirst.slice(0, Math.max(0, limit));
}
