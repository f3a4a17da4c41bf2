/**
 * `_redirects` and `_headers` read the way Netlify and Cloudflare Pages read them, for tests: a
 * `#` line is a comment; a redirect is `from to [status]` separated by spaces; a headers rule is a
 * path on an unindented line followed by indented `Name: value` lines. A `*` in a path matches any
 * run of characters (slashes included).
 */

export interface RedirectRule {
	line: number;
	from: string;
	to: string;
	status: string;
}

export function parseRedirects(text: string): RedirectRule[] {
	return text.split('\n').flatMap((raw, i) => {
		const line = raw.trim();
		if (!line || line.startsWith('#')) return [];
		const fields = line.split(/\s+/);
		if (fields.length < 2 || fields.length > 3) throw new Error(`_redirects line ${i + 1}: expected "from to [status]", found "${raw}"`);
		return [{ line: i + 1, from: fields[0], to: fields[1], status: fields[2] ?? '301' }];
	});
}

/** Statuses Cloudflare Pages applies; it ignores any other line. */
export const CLOUDFLARE_STATUSES = new Set(['200', '301', '302', '303', '307', '308']);

/** What a host does at `path`: the first rule for it that the host accepts. */
export function redirectFor(rules: RedirectRule[], path: string, host: 'netlify' | 'cloudflare'): RedirectRule | undefined {
	return rules.find((r) => r.from === path && (host === 'netlify' ? /^\d{3}!?$/.test(r.status) : CLOUDFLARE_STATUSES.has(r.status)));
}

export interface HeadersRule {
	path: string;
	headers: [name: string, value: string][];
}

export function parseHeaders(text: string): HeadersRule[] {
	const rules: HeadersRule[] = [];
	text.split('\n').forEach((raw, i) => {
		if (!raw.trim() || raw.trim().startsWith('#')) return;
		if (!/^\s/.test(raw)) {
			if (!raw.startsWith('/')) throw new Error(`_headers line ${i + 1}: expected a path starting with /, found "${raw}"`);
			rules.push({ path: raw.trim(), headers: [] });
			return;
		}
		const header = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(raw);
		if (!header || rules.length === 0) throw new Error(`_headers line ${i + 1}: expected an indented "Name: value" under a path, found "${raw}"`);
		rules.at(-1)!.headers.push([header[1], header[2]]);
	});
	return rules;
}

const matcher = (pattern: string) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/** Every value the host sends for `name` at `path`: one per matching rule. */
export function headerValues(rules: HeadersRule[], path: string, name: string): string[] {
	return rules.filter((r) => matcher(r.path).test(path)).flatMap((r) => r.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v));
}

/** The address a built file is served at: a folder's `index.html` at the folder. */
export function servedAt(file: string): string {
	return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}
