/**
 * A story's HTML can never hold a false image marker.
 *
 * Astro's image plugin marks each image of a story body `<img __ASTRO_IMAGE_="{…}">`, and
 * `render()` finds the marks with a pattern over the whole HTML (`__ASTRO_IMAGE_="…"`), text and
 * attribute values included, then reads each as JSON. The compilers write quotes in text as they
 * are, and an attribute value is closed by a quote, so a story with a body image whose text or a
 * link's title ended in the marker's name (a code sample: `` `__ASTRO_IMAGE_="x"` ``, the same
 * spelt with character references or split by a comment, or `[a](/x "__ASTRO_IMAGE_=")`) stopped
 * the whole build with "Failed to parse image reference".
 *
 * This works on the finished HTML, where the marker is spelt whatever the source did. A real
 * marker's value is JSON, whose quotes the serialiser writes `&quot;`, so it always begins
 * `{&quot;`; nothing content writes can: the serialisers write every `&` of text and attribute
 * values as `&amp;`. Any other `__ASTRO_IMAGE_="` has its `=` written `&#61;`: the same text in a
 * text node and the same value in an attribute, and nothing the pattern matches. It is applied to
 * every story's HTML as content syncs (src/loaders/without-unread-metadata.ts), Markdown and MDX.
 */

/** `__ASTRO_IMAGE_="` where its value is not the JSON of Astro's image plugin. */
const FALSE_MARKER = /__ASTRO_IMAGE_="(?!\{&(?:quot|#x22|#34);)/g;

/** `html` with every false image marker made inert (see above); the same string when it has none. */
export function withoutFalseImageMarkers(html: string): string {
	return html.includes('__ASTRO_IMAGE_="') ? html.replace(FALSE_MARKER, '__ASTRO_IMAGE_&#61;"') : html;
}
