/**
 * No story text can pass for Astro's image marker (src/lib/image-marker-text.ts): wherever a
 * document could spell `__ASTRO_IMAGE_="…"` in its text, Astro's own pattern finds nothing in the
 * HTML, and the text a reader sees is unchanged; any other document is left byte for byte.
 */
import type { Nodes } from 'hast';
import { htmlToHast, markdownToHtml, type MarkdownToHtmlResult } from 'satteri';
import { describe, expect, it } from 'vitest';
import { imageMarkerTextPlugin } from '../../src/lib/image-marker-text.ts';
import { renderMdxStory } from '../../src/lib/mdx-story-html.ts';
import { storyHtmlPlugin } from '../../src/lib/story-html.ts';

/** Astro's pattern for a body image's marker, as render() applies it (astro/dist/content/runtime.js). */
const ASTRO_MARKER = /__ASTRO_IMAGE_="([^"]+)"/g;

/** As the build compiles a Markdown story (astro.config.mjs), with or without the plugin. */
const render = (markdown: string, plugin = true) => (markdownToHtml(markdown, { hastPlugins: plugin ? [storyHtmlPlugin, imageMarkerTextPlugin] : [storyHtmlPlugin] }) as MarkdownToHtmlResult).html;

/** The text a reader sees (every text node, in order). */
function textOf(node: Nodes): string {
	if (node.type === 'text') return node.value;
	return 'children' in node ? node.children.map((child) => textOf(child as Nodes)).join('') : '';
}
const shownText = (html: string) => textOf(htmlToHast(html, { fragment: true }) as Nodes);

const SPELLINGS = {
	'a code span': 'An image is marked `__ASTRO_IMAGE_="chart"` until drawn.',
	'a code block': '```html\n<img __ASTRO_IMAGE_="{}">\n```',
	'character references': 'Spelt &#95;&#95;&#65;STRO&#95;IMAGE&#95;&#61;&#34;y&#34; out.',
	'raw HTML': '<p><code>__ASTRO_IMAGE_="x"</code> and <kbd>"quoted"</kbd></p>',
	'backslash escapes (no curly quotes)': '\\_\\_ASTRO_IMAGE\\_=\\"{}\\"',
};

describe('a story whose text spells the image marker', () => {
	for (const [how, markdown] of Object.entries(SPELLINGS)) {
		it(`gives Astro no marker to find, the same text shown: ${how}`, () => {
			const before = render(markdown, false);
			const after = render(markdown);
			expect(before.match(ASTRO_MARKER) ?? [], 'the sample spells the marker without the plugin').not.toEqual([]);
			expect(after.match(ASTRO_MARKER)).toBeNull();
			expect(shownText(after)).toBe(shownText(before));
		});
	}

	it('in an MDX story too, whose body image keeps its marker', () => {
		const { html } = renderMdxStory('---\ntitle: A\n---\n\nMarked `__ASTRO_IMAGE_="chart"` here.\n\n![A chart](../assets/chart.png)\n', {});
		const markers = [...html.matchAll(ASTRO_MARKER)].map((m) => m[1]!);
		// Only the image's own, which reads as JSON once its attribute escapes are undone (as render() does).
		expect(markers).toHaveLength(1);
		expect(JSON.parse(markers[0]!.replaceAll('&quot;', '"'))).toMatchObject({ alt: 'A chart', src: '../assets/chart.png' });
		expect(html).toContain('<code>__ASTRO_IMAGE_=&quot;chart&quot;</code>');
	});
});

it('leaves a story that cannot spell the marker as it was, byte for byte', () => {
	const markdown = '## Results\n\nOrders "rose" by 12% -- see `code "here"`.\n\n<kbd>"Ctrl"</kbd> &amp; more.\n';
	expect(render(markdown)).toBe(render(markdown, false));
	expect(render(markdown)).toContain('<code>code "here"</code>');
});
