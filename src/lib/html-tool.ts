/**
 * Self-contained HTML tools: one HTML file a person opens from disk (a judge packet; later the
 * entry kit, approval proofs and results report), holding its own script and style and fetching
 * nothing. The browser code lives as TypeScript and CSS under `src/tools/<tool>/`, type-checked
 * and unit-tested like the rest; this module bundles the script with esbuild into one classic
 * script, inlines it and the stylesheet, and allows exactly those two by their sha256 in the
 * page's Content-Security-Policy. No `unsafe-inline`, `default-src 'none'` and no connections:
 * even a slip in escaping the page's content could neither run a script nor make the reader's
 * browser contact anyone.
 *
 * The page's data goes in a `<script type="application/json">` block (`jsonForScript`), which the
 * policy does not need to allow: browsers never run it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { escapeHtml } from './html-escape.ts';

export { escapeHtml };

/** A tool's browser code, ready to inline. */
export interface ToolAssets {
	/** The bundled script: one classic script (an IIFE), ES2020. */
	script: string;
	/** The stylesheet. */
	style: string;
}

/** Where a tool's code lives: its script's entry module and its stylesheet. */
export interface ToolSources {
	script: URL;
	/** Its stylesheet, or stylesheets concatenated in order (a tool that extends another's look lists that one's first). */
	style: URL | readonly URL[];
}

/** The project root: the bundles' comments name files relative to it, so a tool's bytes (and hashes) do not depend on the working directory. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Bundles per process: writing packets for fifty judges bundles once. */
const bundles = new Map<string, ToolAssets>();

/** Text that would end the element it is inlined in, or open a comment there. */
const ENDS_ELEMENT = { script: /<\/script|<!--/i, style: /<\/style/i };

/**
 * The tool's script bundled by esbuild (its imports included, TypeScript stripped) and its
 * stylesheet as written. Cached per process. Throws if either could close the element it is
 * inlined in, which would let text after it be read as markup.
 */
export function toolAssets(sources: ToolSources): ToolAssets {
	const styles = Array.isArray(sources.style) ? sources.style : [sources.style as URL];
	const key = [sources.script, ...styles].map((url) => url.href).join('\n');
	const cached = bundles.get(key);
	if (cached) return cached;
	const result = buildSync({
		entryPoints: [fileURLToPath(sources.script)],
		absWorkingDir: PROJECT_ROOT,
		bundle: true,
		write: false,
		format: 'iife',
		target: 'es2020',
		platform: 'browser',
		logLevel: 'silent',
	});
	const script = result.outputFiles[0].text;
	const style = styles.map((url) => readFileSync(url, 'utf8')).join('\n');
	if (ENDS_ELEMENT.script.test(script)) throw new Error(`toolAssets: the bundle of ${sources.script.pathname} contains "</script" or "<!--", which would end its element`);
	if (ENDS_ELEMENT.style.test(style)) throw new Error(`toolAssets: ${styles.map((url) => url.pathname).join(' + ')} contains "</style", which would end its element`);
	const assets = { script, style };
	bundles.set(key, assets);
	return assets;
}

/** A CSP source allowing exactly this inline text. */
export function sha256Source(text: string): string {
	return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The tool's Content-Security-Policy: nothing by default, its own script and style by hash, no
 * connections, forms or base URL; `extra` directives (such as `img-src data:`) are added at the end.
 */
export function toolCsp(assets: ToolAssets, extra: readonly string[] = []): string {
	return [
		"default-src 'none'",
		`script-src ${sha256Source(assets.script)}`,
		`style-src ${sha256Source(assets.style)}`,
		"connect-src 'none'",
		"form-action 'none'",
		"base-uri 'none'",
		...extra,
	].join('; ');
}


/**
 * JSON safe inside a `<script>` element: no `<` (so no `</script>` or `<!--`), no `>` or `&`, and
 * no U+2028/U+2029 line separators, all written as JSON unicode escapes.
 */
export function jsonForScript(value: unknown): string {
	return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One self-contained HTML tool page. */
export interface HtmlToolPage {
	/** The document title (plain text; escaped here). */
	title: string;
	/** The body's markup, escaped by the caller. */
	body: string;
	/** The tool's script and stylesheet. */
	sources: ToolSources;
	/** The data the script reads, and the id of the JSON block holding it. */
	data: { id: string; value: unknown };
	/** CSP directives beyond the defaults of `toolCsp`. */
	csp?: readonly string[];
	/** The page's language; English by default. */
	lang?: string;
}

/**
 * Renders a self-contained HTML tool: inline style and script allowed by hash, the data as JSON,
 * nothing fetched. Private by default: not indexed, no referrer, no favicon request.
 */
export function renderHtmlTool(page: HtmlToolPage): string {
	const assets = toolAssets(page.sources);
	const csp = toolCsp(assets, ['img-src data:', ...(page.csp ?? [])]);
	return `<!doctype html>
<html lang="${escapeHtml(page.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(page.title)}</title>
<link rel="icon" href="data:,">
<style>${assets.style}</style>
</head>
<body>
${page.body}
<script type="application/json" id="${escapeHtml(page.data.id)}">${jsonForScript(page.data.value)}</script>
<script>${assets.script}</script>
</body>
</html>
`;
}
