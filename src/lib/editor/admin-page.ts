/**
 * The files of the editor's page (`/admin/`): the HTML, the Sveltia CMS bundle from
 * `node_modules` (never a CDN), and two small scripts that start it with the generated config.
 * The same files are served by `npm run edit` and written by the build when `site.yaml` turns the
 * hosted editor on, so both run one page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { escapeHtml } from '../html-escape.ts';

/** Where the editor lives on the site. */
export const ADMIN_PATH = 'admin';

/** File name of the Sveltia bundle beside the page. */
export const BUNDLE_FILE = 'sveltia-cms.js';

/** The Sveltia CMS bundle (one self-contained script) as installed. */
export function sveltiaBundlePath(): string {
	const require = createRequire(import.meta.url);
	const entry = require.resolve('@sveltia/cms');
	return path.join(path.dirname(entry), '..', 'dist', BUNDLE_FILE);
}

/**
 * The page's content security policy. Scripts come only from the page's own folder (no inline
 * script, no eval); the editor talks only to its own origin and, when hosted, GitHub's API and the
 * sign-in helper. Sveltia adds style elements and shows images from blobs as it edits.
 */
export function adminPolicy(connect: string[] = []): string {
	return [
		"default-src 'none'",
		"script-src 'self'",
		"style-src 'self' 'unsafe-inline'",
		// Signed-in editors' GitHub avatars, when hosted; harmless locally (the page fetches none).
		`img-src 'self' blob: data:${connect.length ? ' https://avatars.githubusercontent.com' : ''}`,
		"media-src 'self' blob:",
		"font-src 'self' data:",
		`connect-src 'self' blob: data:${connect.map((origin) => ` ${origin}`).join('')}`,
		"worker-src 'self' blob:",
		"frame-src 'self' blob:",
		"manifest-src 'self'",
		"base-uri 'none'",
		"form-action 'none'",
		"object-src 'none'",
	].join('; ');
}

/** The origins a hosted editor must reach: GitHub's API and, if set, the OAuth helper. */
export function hostedOrigins(authEndpoint?: string): string[] {
	const origins = ['https://api.github.com'];
	if (authEndpoint) origins.push(new URL(authEndpoint).origin);
	return origins;
}

/** The page: no inline script, so the policy needs no hashes. */
function adminHtml(title: string, policy: string): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>${escapeHtml(title)}</title>
<script src="./manual-init.js"></script>
<script src="./${BUNDLE_FILE}"></script>
<script src="./start.js"></script>
</head>
<body></body>
</html>
`;
}

/** Fonts the bundle's stylesheet names on a CDN: `…/fontsource/fonts/<family>[:vf]@<version>/<subset>.woff2`. */
const CDN_FONT = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[0-9.]+\/([a-z0-9-]+)\.woff2/g;

/**
 * The bundle with its fonts served from beside the page. Sveltia's single-file build names its
 * three fonts on a CDN; the package ships the same files (for bundlers) in `npm/assets/`, so the
 * page points at copies of those instead and fetches nothing from elsewhere.
 */
function localFonts(bundle: string): { bundle: string; fonts: Map<string, Buffer> } {
	const assets = path.join(path.dirname(sveltiaBundlePath()), '..', 'npm', 'assets');
	const shipped = existsSync(assets) ? readdirSync(assets) : [];
	const fonts = new Map<string, Buffer>();
	const rewritten = bundle.replace(CDN_FONT, (url, family: string, subset: string) => {
		const file = shipped.find((name) => name.startsWith(`${family}-${subset}-`) && name.endsWith('.woff2'));
		if (!file) return url;
		const local = `fonts/${family}-${subset}.woff2`;
		fonts.set(local, readFileSync(path.join(assets, file)));
		return `./${local}`;
	});
	return { bundle: rewritten, fonts };
}

/** Every file of the editor's page, by name relative to its folder (`index.html`, `fonts/…`). */
export function adminFiles({ config, title, connect }: { config: Record<string, unknown>; title: string; connect?: string[] }): Map<string, string | Buffer> {
	const { bundle, fonts } = localFonts(readFileSync(sveltiaBundlePath(), 'utf8'));
	return new Map<string, string | Buffer>([
		['index.html', adminHtml(title, adminPolicy(connect))],
		// Sveltia starts itself from a config file unless told to wait; the config is generated instead.
		['manual-init.js', 'window.CMS_MANUAL_INIT = true;\n'],
		// JSON is a JavaScript expression: the config is data here, whatever text content put in it.
		['start.js', `window.CMS.init({ config: ${JSON.stringify(config)} });\n`],
		[BUNDLE_FILE, bundle],
		...fonts,
	]);
}
