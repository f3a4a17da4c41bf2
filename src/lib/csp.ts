/**
 * The Content-Security-Policy every page carries, as a `<meta http-equiv>` (it works on any
 * host, with no headers file). Even if a story, entry or feed text slipped markup past the
 * sanitiser (src/lib/story-html.ts) and the escaping, the browser would refuse to run it: scripts
 * come only from the site's own files or by the hash of the inline scripts Astro itself emits,
 * never `'unsafe-inline'`; styles likewise (no `style=` attributes anywhere); nothing may be
 * framed but the video players the site embeds, nothing posted elsewhere, no `<base>` honoured.
 *
 * Astro's `security.csp` (astro.config.mjs) writes the meta and adds the hashes of each page's
 * inline scripts and styles to `script-src` and `style-src`; this module is the policy's one
 * definition.
 */
import { VIMEO_EMBED_HOST, YOUTUBE_EMBED_HOST } from './video-embed.ts';

/** Directives beyond `script-src` and `style-src`, on every page. */
export const CSP_DIRECTIVES = [
	"default-src 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"form-action 'self'",
	// The facade player's iframe, once the visitor presses play (src/lib/video-embed.ts).
	`frame-src ${YOUTUBE_EMBED_HOST} ${VIMEO_EMBED_HOST}`,
	// Pagefind fetches its index and WebAssembly from the site.
	"connect-src 'self'",
	// data: for the inline favicon and images a story embeds as data.
	"img-src 'self' data:",
	// Self-hosted videos and their WebVTT captions.
	"media-src 'self'",
	"font-src 'self'",
] as const;

/**
 * `script-src` sources besides the hashes Astro adds: the site's own files, and WebAssembly
 * compilation, which Pagefind's search needs (`'wasm-unsafe-eval'` allows only that, not `eval`).
 */
export const CSP_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** `style-src` sources besides the hashes Astro adds: the site's own stylesheets. */
export const CSP_STYLE_SOURCES = ["'self'"] as const;

/** Astro's `security.csp` option for this policy. */
export const astroCsp = {
	algorithm: 'SHA-256' as const,
	directives: [...CSP_DIRECTIVES],
	scriptDirective: { resources: [...CSP_SCRIPT_SOURCES] },
	styleDirective: { resources: [...CSP_STYLE_SOURCES] },
};
