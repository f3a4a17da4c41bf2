/**
 * No story's HTML holds a false image marker (src/lib/image-marker-text.ts): whatever a story
 * body spells `__ASTRO_IMAGE_="…"` with, in text or in an attribute, Astro's own pattern finds
 * only the markers of real images in the finished HTML, and the document a browser reads is the
 * same. Stories are compiled as the build compiles them: Markdown with the allow-list, MDX by
 * renderMdxStory; the entry as stored goes through the loader's store (withInertImageMarkerText).
 */
import type { Nodes } from 'hast';
import { htmlToHast, markdownToHtml, type MarkdownToHtmlResult } from 'satteri';
import { describe, expect, it } from 'vitest';
import { withoutFalseImageMarkers } from '../../src/lib/image-marker-text.ts';
import { renderMdxStory } from '../../src/lib/mdx-story-html.ts';
import { storyHtmlPlugin } from '../../src/lib/story-html.ts';
import { withInertImageMarkerText } from '../../src/loaders/without-unread-metadata.ts';

/** Astro's pattern for a body image's marker, as render() applies it (astro/dist/content/runtime.js). */
const ASTRO_MARKER = /__ASTRO_IMAGE_="([^"]+)"/g;

/** What render() would read from each marker it finds: it throws "Failed to parse image reference" on any that is not JSON. */
const markerValues = (html: string) => [...html.matchAll(ASTRO_MARKER)].map((m) => JSON.parse(m[1]!.replace(/&(?:#x22|quot);/g, '"').replace(/&(?:amp|#x26|#38);/g, '&')) as unknown);

const markdown = (source: string) => (markdownToHtml(source, { hastPlugins: [storyHtmlPlugin] }) as MarkdownToHtmlResult).html;
const mdx = (body: string) => renderMdxStory(`---\ntitle: A\n---\n\n${body}\n`, {}).html;

/** The document a browser builds from `html` (text, attribute values decoded), without positions. */
function parsed(html: string): unknown {
	const strip = (node: Nodes): unknown => {
		const { position: _position, ...rest } = node as Nodes & { position?: unknown };
		return 'children' in node ? { ...rest, children: node.children.map((child) => strip(child as Nodes)) } : rest;
	};
	return strip(htmlToHast(html, { fragment: true }) as Nodes);
}

const SPELLINGS: Record<string, string> = {
	'a code span': 'An image is marked `__ASTRO_IMAGE_="chart"` until drawn.',
	'a code block': '```html\n<img __ASTRO_IMAGE_="{}">\n```',
	'character references': 'Spelt &#95;&#95;&#65;STRO&#95;IMAGE&#95;&#61;&#34;y&#34; out.',
	'backslash escapes': '\\_\\_ASTRO_IMAGE\\_=\\"\\{\\}\\"',
	'comments the allow-list drops': '\\_\\_AST<!---->RO\\_IMA<!---->GE\\_="x"',
	'elements the allow-list drops': '\\_\\_AST<foo></foo>RO\\_IMA<foo></foo>GE\\_="x"',
	'raw HTML': '<p><code>__ASTRO_IMAGE_="x"</code> and <kbd>"quoted"</kbd></p>',
	'JSON-looking text': '`__ASTRO_IMAGE_="{"src":"../assets/chart.png"}"`',
	'a link title': '[a](/x "__ASTRO_IMAGE_=") and [b](/y)',
	'an attribute in raw HTML': '<abbr title="__ASTRO_IMAGE_=">KPI</abbr> and <abbr title="x">y</abbr>',
};

describe('a story that spells the image marker', () => {
	for (const [how, body] of Object.entries(SPELLINGS)) {
		for (const [format, compile] of [['Markdown', markdown], ['MDX', mdx]] as const) {
			// MDX has no HTML comments: the compiler refuses the story (the check reports it).
			if (format === 'MDX' && body.includes('<!--')) {
				it(`is refused by the MDX compiler: ${how} (${format})`, () => expect(() => compile(body)).toThrow(/Unexpected character `!`/));
				continue;
			}
			it(`leaves Astro no false marker, the same document: ${how} (${format})`, () => {
				const before = compile(body);
				const after = withoutFalseImageMarkers(before);
				expect(markerValues(after)).toEqual([]);
				expect(parsed(after)).toEqual(parsed(before));
			});
		}
	}

	it('keeps the markers of real images, in an MDX story whose text spells one too', () => {
		const html = mdx('Marked `__ASTRO_IMAGE_="chart"` here, [titled](/x "__ASTRO_IMAGE_=").\n\n![A chart](../assets/chart.png)\n\n![A chart](../assets/chart.png "again")');
		expect(() => markerValues(html)).toThrow(); // what stopped the build
		const after = withoutFalseImageMarkers(html);
		expect(markerValues(after)).toEqual([
			{ alt: 'A chart', src: '../assets/chart.png', index: 0 },
			{ alt: 'A chart', title: 'again', src: '../assets/chart.png', index: 1 },
		]);
		expect(parsed(after)).toEqual(parsed(html));
	});

	it('is applied to each story as it is stored, and leaves other entries as they are', () => {
		const entry = { id: 'a', data: {}, rendered: { html: '<p>__ASTRO_IMAGE_="x"</p>', metadata: { imagePaths: ['../assets/chart.png'] } } };
		expect(withInertImageMarkerText(entry).rendered!.html).toBe('<p>__ASTRO_IMAGE_&#61;"x"</p>');
		const plain = { id: 'b', data: {}, rendered: { html: '<p>Plain "text".</p>' } };
		expect(withInertImageMarkerText(plain)).toBe(plain);
		const data = { id: 'c', data: { title: '__ASTRO_IMAGE_="x"' } };
		expect(withInertImageMarkerText(data)).toBe(data);
	});
});

it('finds a false marker in every spelling above without it (the cases can fail)', () => {
	for (const [how, body] of Object.entries(SPELLINGS)) expect(markdown(body).match(ASTRO_MARKER), how).not.toBeNull();
});
