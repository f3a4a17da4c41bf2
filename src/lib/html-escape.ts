/**
 * Text made safe for HTML element content and quoted attribute values. Pure and dependency-free:
 * the self-contained HTML tools (html-tool.ts, run by the CLI) and the RSS feed (feed.ts, bundled
 * into the site's build) share it.
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` with `& < > " '` written as character references. */
export function escapeHtml(text: string): string {
	return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
