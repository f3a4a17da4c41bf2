/**
 * A story whose text or a link's title shows Astro's image marker (`__ASTRO_IMAGE_="…"`, as a
 * code sample would) builds, and its page shows that text, beside a body image Astro still draws
 * (src/lib/image-marker-text.ts). Before, Astro's render() took the text for a marker and the
 * whole build stopped with "Failed to parse image reference", in Markdown and MDX stories alike.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildSite, fixtureSite } from '../build-helpers.ts';

const { dir, outDir } = fixtureSite();

/** The page's story body, between the prose wrapper and the end of the article. */
const bodyOf = (id: string) => {
	const page = readFileSync(path.join(outDir, `stories/${id}/index.html`), 'utf8');
	return page.slice(page.indexOf('<div class="prose">'));
};

it('builds Markdown and MDX stories whose text shows an image marker, their body images drawn', async () => {
	const mdx = path.join(dir, 'stories/quarry-forecasting.mdx');
	const source = readFileSync(mdx, 'utf8');
	const image = '\n\n![A chart of forecast error](../assets/poster.jpg)\n';
	writeFileSync(mdx, `${source}\nAn image is marked \`__ASTRO_IMAGE_="chart"\` until it is drawn.${image}`);
	// A Markdown story: the marker in a code block, and spelt with character references in prose.
	const markdown = source
		.replace(/^title: .*$/m, 'title: Quarry notes on image markers')
		.concat('\n```html\n<img __ASTRO_IMAGE_="x">\n```\n\nSpelt out: &#95;&#95;&#65;STRO&#95;IMAGE&#95;&#61;&#34;y&#34;, and [a link](/stories/ "__ASTRO_IMAGE_=") [or two](/videos/).', image);
	writeFileSync(path.join(dir, 'stories/quarry-notes.md'), markdown);

	const result = await buildSite(dir, outDir);
	expect(result.code, result.output).toBe(0);
	expect(result.output).not.toContain('Failed to parse image reference');

	const mdxBody = bodyOf('quarry-forecasting');
	// The same text and attribute values for a browser: `&#61;` is `=`.
	expect(mdxBody).toContain('<code>__ASTRO_IMAGE_&#61;"chart"</code>');
	const markdownBody = bodyOf('quarry-notes');
	expect(markdownBody).toContain('&lt;img __ASTRO_IMAGE_&#61;"x"&gt;');
	expect(markdownBody).toContain('Spelt out: __ASTRO_IMAGE_&#61;"y", and <a href="/stories/" title="__ASTRO_IMAGE_&#61;">a link</a> <a href="/videos/">or two</a>.');
	for (const body of [mdxBody, markdownBody]) {
		// The body image is drawn (a responsive WebP), and no marker is left for a browser to see.
		expect(body).toMatch(/<img [^>]*alt="A chart of forecast error"[^>]*src="\/_astro\/[^"]+\.webp"/);
		expect(body).not.toMatch(/__ASTRO_IMAGE_="/);
	}
}, 240_000);
