/**
 * A story's text can never pass for one of Astro's image markers.
 *
 * Astro's image plugin marks each image of a story body `<img __ASTRO_IMAGE_="{…}">`, and
 * `render()` finds the marks with a pattern over the whole HTML (`__ASTRO_IMAGE_="…"`), text
 * included, then reads each as JSON. The compiler writes quotes in text as they are, so a story
 * with a body image whose text showed the marker (a code sample: `` `__ASTRO_IMAGE_="x"` ``, or the
 * same spelt with character references) stopped the whole build with "Failed to parse image
 * reference". Every Markdown and MDX story passes through this Sätteri plugin after the allow-list
 * (astro.config.mjs, src/lib/mdx-story-html.ts): in a document that could spell the marker, each
 * text node holding a quote is written with its quotes as `&quot;` (the same text on the page, in
 * the search index and when copied), which the pattern never matches, since a marker's own value
 * never holds a raw quote either. A document that names neither `ASTRO` nor `IMAGE` and has no
 * numeric character reference cannot spell the marker (no named reference stands for a capital
 * letter), and is not visited at all.
 */
import type { HastPluginDefinition, PluginFactoryContext } from 'satteri';
import { escapeHtml } from './html-escape.ts';

/** What a story's source must hold to spell `__ASTRO_IMAGE_` in its text. */
const COULD_SPELL_MARKER = /ASTRO|IMAGE|&#/;

/** The Sätteri hast plugin (a factory: Sätteri calls it once per document). */
export function imageMarkerTextPlugin({ source }: PluginFactoryContext): HastPluginDefinition {
	if (!COULD_SPELL_MARKER.test(source)) return { name: 'credence-image-marker-text' };
	return {
		name: 'credence-image-marker-text',
		text(node, ctx) {
			if (!node.value.includes('"')) return;
			// Raw, after the allow-list: nothing in it but the text, escaped.
			ctx.replaceNode(node, { type: 'raw', value: escapeHtml(node.value) });
		},
	};
}
