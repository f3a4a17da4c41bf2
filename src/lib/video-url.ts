/**
 * The YouTube or Vimeo video a pasted web address points at: people copy the address from the
 * browser, while a video file names only the id. Used to tell them the id (never to accept the
 * address: the site builds the player's address itself, on a privacy-enhanced host).
 */

export interface HostedVideo {
	kind: 'youtube' | 'vimeo';
	id: string;
}

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);

/**
 * `https://www.youtube.com/watch?v=Fb3rEsh9Kq0`, `https://youtu.be/Fb3rEsh9Kq0?t=5`,
 * `…/embed/<id>`, `…/shorts/<id>`, `https://vimeo.com/123456`, `https://player.vimeo.com/video/123456`
 * → kind and id; undefined for anything else.
 */
export function videoIdFromUrl(text: string): HostedVideo | undefined {
	let url: URL;
	try {
		url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text.trim()) ? text.trim() : `https://${text.trim()}`);
	} catch {
		return undefined;
	}
	const host = url.hostname.toLowerCase();
	const segments = url.pathname.split('/').filter(Boolean);
	if (host === 'youtu.be') return youtube(segments[0]);
	if (YOUTUBE_HOSTS.has(host)) {
		if (segments[0] === 'watch') return youtube(url.searchParams.get('v') ?? undefined);
		if (['embed', 'shorts', 'live', 'v'].includes(segments[0] ?? '')) return youtube(segments[1]);
		return undefined;
	}
	if (VIMEO_HOSTS.has(host)) {
		const id = segments.find((s) => /^\d+$/.test(s));
		return id ? { kind: 'vimeo', id } : undefined;
	}
	return undefined;
}

const youtube = (id: string | undefined): HostedVideo | undefined => (id && /^[A-Za-z0-9_-]{11}$/.test(id) ? { kind: 'youtube', id } : undefined);
