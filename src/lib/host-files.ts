/**
 * The files static hosts read beside the site: `_redirects` and `_headers`, in the syntax Netlify
 * and Cloudflare Pages share (one rule per line; in `_headers` a path on its own line, then its
 * headers indented below it), and how many files the build has against the hosts' limit.
 *
 * The two hosts differ in what `_redirects` may say. Netlify answers any status, and serves a file
 * that exists at the address unless the rule is forced (`!`); Cloudflare Pages answers only 200,
 * 301, 302, 303, 307 and 308, always applies a rule even where a file exists, and ignores a line
 * it cannot read (such as `301!` or `410!`). So each rename has a forced line for Netlify followed
 * by a plain one for Cloudflare (the first rule that applies wins on both), and a withdrawn item's
 * `410!` line is Netlify's alone: on Cloudflare its tombstone is served with 200, marked `noindex`.
 */
import { CSP_DIRECTIVES } from './csp.ts';

/** What `_redirects` says: renamed items' earlier addresses, and withdrawn items' addresses. */
export interface RetiredAddresses {
	moved: { from: string; to: string }[];
	gone: { url: string; on: Date }[];
}

/** A year, the longest a cache keeps anything: for files whose name changes whenever their content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (pages, feeds, un-hashed scripts) is checked with the host on every use, so a deploy shows at once. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/** The files that name the host's rules, written into the output folder's root. */
export const HOST_FILES = ['_headers', '_redirects'] as const;

/**
 * The `_redirects` file: renames first (301), then withdrawn items (410 Gone, Netlify only).
 * Addresses are the site's own paths (ids are lower-case words and hyphens), so nothing needs quoting.
 */
export function redirectsFile({ moved, gone }: RetiredAddresses): string {
	const lines = [
		'# Written by the build (src/lib/host-files.ts) for Netlify and Cloudflare Pages; edits are lost on the next build.',
		'# Renamed items: each earlier address moves permanently (301) to the current one. The forced line (301!)',
		'# is for Netlify, which otherwise serves the static redirect page there; Cloudflare Pages ignores it and',
		'# applies the plain line below it.',
	];
	for (const { from, to } of moved) lines.push(`${from} ${to} 301!`, `${from} ${to} 301`);
	lines.push(
		"# Withdrawn at the customer's request: 410 Gone, with the tombstone page. Netlify only; Cloudflare Pages",
		'# ignores these lines and serves the tombstone (noindex) with 200.',
	);
	for (const { url } of gone) lines.push(`${url} ${url} 410!`);
	return `${lines.join('\n')}\n`;
}

/**
 * The Content-Security-Policy header: the directives of the pages' `<meta>` policy that do not
 * depend on a page's script and style hashes, plus `frame-ancestors 'none'`, which a `<meta>`
 * policy cannot carry. A browser enforces both policies, so the header leaves out `default-src`
 * (it would stand in for `script-src` and `style-src` and refuse the inline scripts and styles
 * each page's meta allows by hash); scripts and styles stay governed by the meta alone.
 */
export function cspHeader(): string {
	const hashFree = CSP_DIRECTIVES.filter((directive) => !directive.startsWith('default-src'));
	return [...hashFree, "frame-ancestors 'none'"].join('; ');
}

/** Headers on every response. */
export const SECURITY_HEADERS: Record<string, string> = {
	'Content-Security-Policy': cspHeader(),
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	// Features the site never uses; fullscreen and autoplay stay allowed for the embedded video players.
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
	// frame-ancestors for browsers that predate it.
	'X-Frame-Options': 'DENY',
};

/** What the output folder holds, as `_headers` needs it: its top-level entries and Pagefind's files. */
export interface OutputLayout {
	/** Names of the files and folders at the output folder's root. */
	entries: { name: string; directory: boolean }[];
	/** Every file under `pagefind/`, relative to it with forward slashes (`pagefind.js`, `fragment/en_6ab0a50.pf_fragment`, `2020-2022/pagefind-entry.json`). */
	pagefindFiles: string[];
}

/** Pagefind's folders whose every file is named by its content's hash, in the primary bundle and in each other year bundle. */
const PAGEFIND_HASHED_FOLDER = /^(.*?)(fragment|index|filter)\//;
/** Pagefind's metadata file carries its hash in its name (`pagefind.en_317ff8a9fc.pf_meta`); its scripts, entry file and WebAssembly do not. */
const PAGEFIND_HASHED_FILE = /(^|\/)pagefind\.[a-z-]+_[0-9a-f]{6,}\.pf_meta$/;

/** Cache rules for Pagefind: a folder rule per hashed folder of each bundle, a rule per other file. */
function pagefindRules(files: string[]): [path: string, cache: string][] {
	const folders = new Set<string>();
	const rules: [string, string][] = [];
	for (const file of [...files].sort()) {
		const hashedFolder = PAGEFIND_HASHED_FOLDER.exec(file);
		if (hashedFolder) folders.add(`/pagefind/${hashedFolder[1]}${hashedFolder[2]}/*`);
		else rules.push([`/pagefind/${file}`, PAGEFIND_HASHED_FILE.test(file) ? IMMUTABLE : REVALIDATE]);
	}
	return [...[...folders].map((folder): [string, string] => [folder, IMMUTABLE]), ...rules];
}

/**
 * The `_headers` file. Both hosts add up the headers of every rule that matches a path, and join
 * two values of one header with a comma, so each path gets its `Cache-Control` from exactly one
 * rule: Astro's assets and Pagefind's hashed files are cached for a year, and every other
 * top-level file or folder (and each of Pagefind's own files) is revalidated on every use.
 */
export function headersFile(layout: OutputLayout): string {
	const rules: [path: string, headers: Record<string, string>][] = [['/*', SECURITY_HEADERS]];
	rules.push(['/_astro/*', { 'Cache-Control': IMMUTABLE }]);
	for (const [path, cache] of pagefindRules(layout.pagefindFiles)) rules.push([path, { 'Cache-Control': cache }]);
	rules.push(['/', { 'Cache-Control': REVALIDATE }]);
	const own = new Set(['_astro', 'pagefind', ...HOST_FILES]);
	for (const { name, directory } of [...layout.entries].sort((a, b) => a.name.localeCompare(b.name))) {
		if (own.has(name)) continue;
		rules.push([directory ? `/${name}/*` : `/${name}`, { 'Cache-Control': REVALIDATE }]);
	}
	const lines = ['# Written by the build (src/lib/host-files.ts) for Netlify and Cloudflare Pages; edits are lost on the next build.'];
	for (const [path, headers] of rules) {
		lines.push(path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`));
	}
	return `${lines.join('\n')}\n`;
}

/** The most files Cloudflare Pages deploys (on its free plan) and a common limit elsewhere. */
export const HOST_FILE_LIMIT = 20_000;
/** From this share of the limit on, the build warns. */
const NEAR_LIMIT = 0.9;

/** The build's file count against the hosts' limit: a line to print, and whether it is a warning. */
export function fileCountReport(count: number, limit = HOST_FILE_LIMIT): { warn: boolean; message: string } {
	const shown = (n: number) => n.toLocaleString('en-US');
	const base = `${shown(count)} files (Cloudflare Pages deploys at most ${shown(limit)})`;
	if (count > limit) return { warn: true, message: `${base}: over the limit by ${shown(count - limit)}; Cloudflare Pages will refuse this deploy (see docs/deploy.md#file-limits)` };
	if (count >= limit * NEAR_LIMIT) return { warn: true, message: `${base}: within ${shown(limit - count)} of the limit (see docs/deploy.md#file-limits)` };
	return { warn: false, message: base };
}

/**
 * Where the pages hand the retired addresses to the build (`src/pages/retired-addresses.json.ts`):
 * the `hostRedirects` integration turns it into `_redirects` and deletes it.
 */
export const RETIRED_ADDRESSES_FILE = 'retired-addresses.json';

/** The retired addresses as the pages write them (dates as ISO strings). */
export function serializeRetired(addresses: RetiredAddresses): string {
	return JSON.stringify(addresses);
}

export function parseRetired(json: string): RetiredAddresses {
	const data = JSON.parse(json) as { moved: RetiredAddresses['moved']; gone: { url: string; on: string }[] };
	return { moved: data.moved, gone: data.gone.map((g) => ({ url: g.url, on: new Date(g.on) })) };
}
