/**
 * The little of Markdown the docs tests read: fenced code blocks, links and heading anchors.
 * Links and headings inside code (fenced or inline) are not links or headings, so code is
 * blanked out before they are looked for.
 */

/** A fenced code block: its info string (`yaml title="content/site.yaml"`) and its text, final newline included. */
export interface CodeBlock {
	info: string;
	body: string;
	line: number;
}

/** An opening or closing fence, indented by up to three spaces (as inside a list item). */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Every fenced code block of `markdown`, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
	const blocks: CodeBlock[] = [];
	const lines = markdown.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const open = FENCE.exec(lines[i]);
		if (!open) continue;
		const start = i;
		const body: string[] = [];
		for (i++; i < lines.length && lines[i].trim() !== open[1]; i++) body.push(lines[i]);
		blocks.push({ info: open[2].trim(), body: body.length ? `${body.join('\n')}\n` : '', line: start + 1 });
	}
	return blocks;
}

/** `markdown` with fenced blocks and inline code replaced by blanks (line numbers kept). */
export function withoutCode(markdown: string): string {
	const lines = markdown.split('\n');
	let fence: string | undefined;
	return lines
		.map((line) => {
			const marker = FENCE.exec(line);
			if (fence) {
				if (marker && line.trim() === fence) fence = undefined;
				return '';
			}
			if (marker) {
				fence = marker[1];
				return '';
			}
			return line.replace(/(`+)[\s\S]*?\1/g, '');
		})
		.join('\n');
}

/** The targets of inline links and images (`[text](target)`, `![alt](target)`), code excluded. */
export function linkTargets(markdown: string): string[] {
	return [...withoutCode(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

/**
 * A heading's anchor as GitHub makes it (github-slugger's rule): lower case, characters other
 * than letters, marks, digits, connector punctuation, spaces and hyphens dropped, spaces to hyphens.
 */
export function slug(heading: string): string {
	return heading
		.replace(/`/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, '$1')
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

/** Every heading anchor of `markdown`; a repeated heading gets `-1`, `-2`, as on GitHub. */
export function anchors(markdown: string): Set<string> {
	const seen = new Map<string, number>();
	const out = new Set<string>();
	for (const match of withoutCodeKeepInline(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
		const base = slug(match[1]);
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		out.add(count ? `${base}-${count}` : base);
	}
	return out;
}

/** Fenced blocks blanked, inline code kept (a heading's code counts in its anchor). */
function withoutCodeKeepInline(markdown: string): string {
	let fence: string | undefined;
	return markdown
		.split('\n')
		.map((line) => {
			const marker = FENCE.exec(line);
			if (fence) {
				if (marker && line.trim() === fence) fence = undefined;
				return '';
			}
			if (marker) fence = marker[1];
			return marker ? '' : line;
		})
		.join('\n');
}

/**
 * The part of `markdown` under the heading `## title` (the heading itself included), up to the
 * next heading of the same or a higher level; undefined when there is no such heading.
 */
export function section(markdown: string, heading: string): string | undefined {
	const lines = markdown.split('\n');
	const level = /^#+/.exec(heading)![0].length;
	const start = lines.findIndex((line) => line.trim() === heading);
	if (start < 0) return undefined;
	let end = start + 1;
	for (; end < lines.length; end++) {
		const m = /^(#{1,6})\s/.exec(lines[end]);
		if (m && m[1].length <= level && !insideFence(lines, end)) break;
	}
	return lines.slice(start, end).join('\n');
}

function insideFence(lines: string[], index: number): boolean {
	let fence: string | undefined;
	for (let i = 0; i < index; i++) {
		const marker = FENCE.exec(lines[i]);
		if (!marker) continue;
		if (!fence) fence = marker[1];
		else if (lines[i].trim() === fence) fence = undefined;
	}
	return fence !== undefined;
}
