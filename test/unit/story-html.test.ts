/**
 * Story bodies are held to the allow-list of src/lib/story-html.ts, through the Sätteri plugin
 * the build gives the Markdown and MDX compilers: what would run script is gone, what marketers
 * write stays. The HTML is read back with a parser, not patterns.
 */
import type { Element, Nodes } from 'hast';
import { htmlToHast, markdownToHtml, mdxToJs, type MarkdownToHtmlResult, type MdxToJsResult } from 'satteri';
import { describe, expect, it } from 'vitest';
import { storyHtmlPlugin } from '../../src/lib/story-html.ts';

/** The plugin is synchronous, so is the compile. */
const render = (markdown: string) => (markdownToHtml(markdown, { hastPlugins: [storyHtmlPlugin] }) as MarkdownToHtmlResult).html;

function elements(node: Nodes, out: Element[] = []): Element[] {
	if (node.type === 'element') out.push(node);
	if ('children' in node) for (const child of node.children) elements(child as Nodes, out);
	return out;
}

/** Every way an element of `html` could run script or leave the page. */
function liveMarkup(html: string): string[] {
	const problems: string[] = [];
	for (const el of elements(htmlToHast(html, { fragment: true }) as Nodes)) {
		if (['script', 'style', 'form', 'base', 'meta', 'object', 'embed', 'link', 'svg'].includes(el.tagName)) problems.push(`<${el.tagName}>`);
		for (const [name, value] of Object.entries(el.properties ?? {})) {
			if (/^on/i.test(name) || name === 'style') problems.push(`${el.tagName} ${name}`);
			if ((name === 'href' || name === 'src' || name === 'action' || name === 'formAction') && /^\s*(javascript|vbscript|data):/i.test(String(value)) && !(el.tagName === 'img' && name === 'src')) problems.push(`${el.tagName} ${name}=${value}`);
		}
		// A frame loads another page (a video host's, before the visitor presses play); an image from another host breaks the CSP.
		if (el.tagName === 'iframe') problems.push(`iframe ${el.properties.src}`);
		if (el.tagName === 'img' && /^\s*https?:/i.test(String(el.properties.src))) problems.push(`img ${el.properties.src}`);
	}
	return problems;
}

const HOSTILE = [
	'[click](javascript:alert(1)) [v](vbscript:msgbox) [d](data:text/html,<script>alert(1)</script>) [JS](JaVaScRiPt&colon;alert(1))',
	'<a href="javascript:alert(1)">raw link</a> <a href=" java\tscript:alert(1)">tabbed</a>',
	'<img src=x onerror="alert(1)"> <p onclick="alert(1)" style="position:fixed">styled</p>',
	'<script>alert(1)</script>',
	'<style>body { display: none }</style>',
	'<iframe src="https://evil.example/"></iframe> <iframe srcdoc="<script>alert(1)</script>"></iframe> <iframe src="https://www.youtube-nocookie.com/embed/abc" allow="camera"></iframe>',
	'<img src="https://tracker.example/pixel.gif" alt="pixel"> ![remote](https://tracker.example/x.png)',
	'<base href="https://evil.example/"> <meta http-equiv="refresh" content="0;url=https://evil.example">',
	'<form action="https://evil.example"><button formaction="javascript:alert(1)">Go</button></form>',
	'<object data="x.swf"></object><embed src="x.swf"><link rel="stylesheet" href="https://evil.example/x.css">',
	'<svg><script>alert(1)</script></svg> <math><mi xlink:href="javascript:alert(1)">x</mi></math>',
	'<details ontoggle="alert(1)" open><summary>s</summary>\n\nbody\n\n</details>',
].join('\n\n');

describe('story Markdown', () => {
	it('keeps no script, handler, style, dangerous link, form, base, meta, object, embed, link, iframe or image from another host', () => {
		const html = render(HOSTILE);
		expect(liveMarkup(html)).toEqual([]);
		// A refused link is text in an <a> without an address, not a link to this page.
		expect(html).toContain('<a>click</a>');
		// The text a refused element held stays readable.
		expect(html).toContain('click');
		expect(html).toContain('raw link');
		expect(html).toContain('styled');
	});

	it('drops dangerous link and image URLs in a body without any HTML too (the plugin\'s quick path)', () => {
		const html = render('[click](javascript:alert(1)) [v](VBScript:msgbox) [d](data:text/html;base64,PHNjcmlwdD4=) ![i](javascript:alert(2)) [ok](https://example.com) ![dot](data:image/png;base64,iVBORw0KGgo=)');
		expect(liveMarkup(html)).toEqual([]);
		expect(html).toContain('href="https://example.com"');
		expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
	});

	it("keeps what marketers write: headings, lists, tables, figures, details, links, images and inline marks", () => {
		const markdown = [
			'## Results', '- one\n- two', '| a | b |\n|---|---|\n| 1 | 2 |',
			'<figure><img src="chart.png" alt="Chart"><figcaption>Stock-outs fell</figcaption></figure>',
			'<details><summary>Method</summary>\n\nWe **measured** it.\n\n</details>',
			'[Site](https://example.com) [Mail](mailto:a@example.com) [Page](/stories/) ![Dot](data:image/png;base64,iVBORw0KGgo=)',
			'<abbr title="Stock-keeping unit">SKU</abbr> x<sup>2</sup> H<sub>2</sub>O <kbd>Ctrl</kbd> <mark>key</mark>',
			'> A quote', '```\ncode\n```',
		].join('\n\n');
		const html = render(markdown);
		const tags = new Set(elements(htmlToHast(html, { fragment: true }) as Nodes).map((el) => el.tagName));
		for (const tag of ['h2', 'ul', 'li', 'table', 'th', 'td', 'figure', 'img', 'figcaption', 'details', 'summary', 'strong', 'a', 'abbr', 'sup', 'sub', 'kbd', 'mark', 'blockquote', 'pre', 'code']) expect(tags, tag).toContain(tag);
		expect(html).toContain('href="https://example.com"');
		expect(html).toContain('href="mailto:a@example.com"');
		expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
		expect(html).toContain('<abbr title="Stock-keeping unit">SKU</abbr>');
	});

	it('keeps footnote links pointing at their notes', () => {
		const html = render('Claim[^1]\n\n[^1]: Source');
		const ids = new Set(elements(htmlToHast(html, { fragment: true }) as Nodes).map((el) => el.properties.id).filter(Boolean));
		const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
		expect(targets.length).toBeGreaterThan(0);
		for (const target of targets) expect(ids, target).toContain(target);
	});
});

describe('story MDX', () => {
	const compile = (source: string) => (mdxToJs(source, { hastPlugins: [storyHtmlPlugin] }) as MdxToJsResult).code;

	it('drops event handlers, style and javascript: links from JSX HTML elements', () => {
		const code = compile('<a href="javascript:alert(1)" onClick="alert(1)">x</a>\n\n<div style="color:red" onMouseOver="alert(2)">**b** <img src="y.png" onError="alert(3)" alt="" /></div>\n\n<iframe src="https://evil.example/"></iframe>\n\n<form action="https://evil.example"><input name="q" /></form>');
		expect(code).not.toMatch(/javascript:|alert|onclick|onClick|style|evil\.example|"form"/i);
		expect(code).toContain('"y.png"');
	});

	it('judges a JSX element by the lower-case name a browser gives it: <mEta>, <iMg>, <fOrm> are <meta>, <img>, <form>', () => {
		const code = compile('<mEta http-equiv="refresh" content="0;url=https://evil.example/" />\n\n<iMg src="x.png" onerror="alert(1)" alt="" />\n\n<fOrm action="https://evil.example/"><bUtton>Go</bUtton></fOrm>\n\n<aBbr title="Stock-keeping unit">SKU</aBbr>');
		expect(code).not.toMatch(/http-equiv|refresh|onerror|alert|evil\.example|"fOrm"|"form"|"mEta"|"meta"/i);
		expect(code).toContain('"x.png"');
		expect(code).toContain('"Stock-keeping unit"');
	});

	it('keeps JSX HTML elements nested inside Markdown formatting', () => {
		const code = compile('Our **<abbr title="Stock-keeping unit">SKU</abbr> count** fell, _see <a href="https://example.com" onClick="alert(1)">the data</a>_.');
		expect(code).toContain('"Stock-keeping unit"');
		expect(code).toContain('"https://example.com"');
		expect(code).not.toMatch(/alert|onclick/i);
	});

	it('keeps links, components and the text they hold', () => {
		const code = compile('<Fragment><a href="https://example.com" title="t">ok</a></Fragment>');
		expect(code).toContain('"https://example.com"');
		expect(code).toContain('Fragment');
	});
});
