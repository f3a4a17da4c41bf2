/**
 * Where a facade player's real player comes from once the visitor presses play, and where it
 * starts. YouTube plays from its privacy-enhanced host (no cookies until playback), Vimeo with
 * do-not-track. Chapter links and deep links use a `#t=<seconds>` fragment.
 */

export const YOUTUBE_EMBED_HOST = 'https://www.youtube-nocookie.com';
export const VIMEO_EMBED_HOST = 'https://player.vimeo.com';

/** The embeddable player URL, autoplaying from `start` seconds (whole seconds: the players ignore fractions). */
export function embedUrl(kind: 'youtube' | 'vimeo', id: string, start = 0): string {
	const seconds = Math.max(0, Math.floor(start));
	const safeId = encodeURIComponent(id);
	if (kind === 'vimeo') return `${VIMEO_EMBED_HOST}/video/${safeId}?autoplay=1&dnt=1#t=${seconds}s`;
	return `${YOUTUBE_EMBED_HOST}/embed/${safeId}?autoplay=1&rel=0&start=${seconds}`;
}

/** Seconds from a `#t=65` fragment; 0 when absent or malformed. */
export function startFromHash(hash: string): number {
	const match = /^#t=(\d+(?:\.\d+)?)$/.exec(hash);
	return match ? Number(match[1]) : 0;
}

/** A video as it can be watched without our script: on its host's own page, or the file itself. */
export type WatchSource = { kind: 'youtube' | 'vimeo'; id: string } | { kind: 'file'; url: string };

/**
 * Where the video plays from `start` seconds without JavaScript: its page on YouTube or Vimeo, or
 * the self-hosted file with a media fragment (browsers start a file at `#t=`). The facade's
 * fallback link and the chapter links use it, so they work when the script does not run; with
 * the script, a chapter link seeks the page's own player instead.
 */
export function watchUrl(source: WatchSource, start = 0): string {
	const seconds = Math.max(0, Math.floor(start));
	if (source.kind === 'file') return seconds ? `${source.url}#t=${seconds}` : source.url;
	const id = encodeURIComponent(source.id);
	if (source.kind === 'vimeo') return `https://vimeo.com/${id}${seconds ? `#t=${seconds}s` : ''}`;
	return `https://www.youtube.com/watch?v=${id}${seconds ? `&t=${seconds}s` : ''}`;
}
