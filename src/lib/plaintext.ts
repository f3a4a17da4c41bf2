/**
 * Text that comes from outside (award entries are written by entrants) is shown as text, never
 * as HTML: this reads the few Markdown shapes an entrant uses (headings, paragraphs, lists) into
 * plain blocks, and the page renders them with Astro's escaping. Raw HTML stays visible as text.
 */

export type TextBlock =
	| { kind: 'heading'; text: string }
	| { kind: 'paragraph'; text: string }
	| { kind: 'list'; items: string[] };

/** Drops inline Markdown markers, keeping the words: `**bold**` → bold, `[text](url)` → text. */
export function stripInlineMarkdown(text: string): string {
	return text
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/(^|[\s(])([*_])(\S(?:.*?\S)?)\2(?=[\s).,;:!?]|$)/g, '$1$3')
		.replace(/`([^`]+)`/g, '$1')
		.replace(/\s+/g, ' ')
		.trim();
}

export function markdownToTextBlocks(markdown: string): TextBlock[] {
	const blocks: TextBlock[] = [];
	for (const chunk of markdown.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
		const lines = chunk.split('\n').filter((l) => l.trim() !== '');
		if (lines.length === 0) continue;
		const heading = /^#{1,6}\s+(.*)$/.exec(lines[0].trim());
		if (heading && lines.length === 1) {
			blocks.push({ kind: 'heading', text: stripInlineMarkdown(heading[1]) });
		} else if (lines.every((l) => /^\s*(?:[-*+]|\d+[.)])\s+/.test(l))) {
			blocks.push({ kind: 'list', items: lines.map((l) => stripInlineMarkdown(l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''))) });
		} else {
			blocks.push({ kind: 'paragraph', text: stripInlineMarkdown(lines.join(' ')) });
		}
	}
	return blocks;
}
