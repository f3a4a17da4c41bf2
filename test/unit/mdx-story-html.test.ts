/**
 * MDX stories rendered to HTML while content syncs (src/lib/mdx-story-html.ts,
 * src/loaders/mdx-rendered-at-sync.ts): the same rule, allow-list, heading ids and images as
 * before, the HTML read out of the compiled module without running it, and a story that breaks
 * the rule stopping content sync, naming the file and the line, with nothing stored for it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs, type MdxToJsResult } from 'satteri';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MdxRuleError } from '../../src/lib/content/mdx-rule.ts';
import { MdxStaticHtmlError, renderMdxStory, staticHtmlOf } from '../../src/lib/mdx-story-html.ts';
import { MdxStoryRenderError, renderingMdxAtSync } from '../../src/loaders/mdx-rendered-at-sync.ts';
import type { Loader } from 'astro/loaders';

const FRONT = '---\ntitle: A story\n---\n';

describe('an MDX story rendered to HTML', () => {
	it('is held to the allow-list, with heading ids and the body’s images marked for render() as in Markdown', () => {
		const { html, metadata } = renderMdxStory(
			`${FRONT}\n## Where "we" started\n\nPlain <abbr title="Key performance indicator">KPI</abbr> & <a href="javascript:alert(1)" onClick="alert(2)">link</a>.\n\n{/* a note for editors */}\n\n![A chart](../assets/chart.png)\n\n<div style="color:red" onMouseOver="alert(3)">text</div>\n`,
			{ title: 'A story' },
		);
		expect(html).toContain('<h2 id="where-we-started">Where “we” started</h2>');
		expect(html).toContain('<abbr title="Key performance indicator">KPI</abbr> &amp; <a>link</a>');
		expect(html).toContain('<div>text</div>');
		expect(html).not.toMatch(/alert|onclick|onmouseover|style=|a note for editors/i);
		expect(html).toContain('<img __ASTRO_IMAGE_="{&quot;alt&quot;:&quot;A chart&quot;,&quot;src&quot;:&quot;../assets/chart.png&quot;,&quot;index&quot;:0}">');
		expect(metadata.imagePaths).toEqual(['../assets/chart.png']);
		expect(metadata.localImagePaths).toEqual(['../assets/chart.png']);
	});

	it('gives the HTML a Markdown story with the same body gets (but its last newline)', async () => {
		const body = '## Results\n\nOrders *rose* by 12% -- "quickly"...\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nA note[^1] and [a link](https://example.com/?a=1&b=2).\n\n[^1]: The footnote.\n';
		const { satteri } = await import('@astrojs/markdown-satteri');
		const { storyHtmlPlugin } = await import('../../src/lib/story-html.ts');
		const markdown = await satteri({ hastPlugins: [storyHtmlPlugin] }).createRenderer({ gfm: true, smartypants: true, syntaxHighlight: false });
		const expected = await markdown.render(body, { frontmatter: {} });
		// Markdown's serialiser ends the document with a newline, which the HTML of an MDX story (as
		// before, through its module) does not have.
		expect(renderMdxStory(`${FRONT}\n${body}`, {}).html).toBe(expected.code.trimEnd());
	});

	it('refuses a story that breaks the MDX rule, at its line in the file, before any code is written', () => {
		expect(() => renderMdxStory(`${FRONT}\nIntro.\n\n{process.exit(1)}\n`, {})).toThrow(MdxRuleError);
		expect(() => renderMdxStory(`${FRONT}\nIntro.\n\n{process.exit(1)}\n`, {})).toThrow(/^7:1: expected text, found \{process\.exit\(1\)\}, a JavaScript expression/);
		expect(() => renderMdxStory(`${FRONT}\n<Chart data="x" />\n`, {})).toThrow(/found <Chart>/);
		expect(() => renderMdxStory(`${FRONT}\nText.\n`, { layout: '../../src/layouts/X.astro' })).toThrow(/expected no layout field/);
	});

	it('renders only the body Astro and the check read, whatever line closes the front matter', () => {
		// Astro's front matter reader (and the check's) closes the front matter at any line that
		// starts with `---`; the MDX compiler, left to itself, only at a line that is exactly `---`,
		// and compiled the fields as the body: their text on the page, and an image named in a
		// field imported from outside content/ without the check ever seeing it.
		for (const closer of ['---x', '--- ', '---\t', '----']) {
			const { html, metadata } = renderMdxStory(`---\ntitle: A story\nsummary: "![x](../../../../../etc/hostname)"\n${closer}\nHello.\n`, { title: 'A story' });
			expect(html, closer).not.toMatch(/title|summary|hostname|ASTRO_IMAGE/);
			expect(html, closer).toContain('Hello.');
			expect(metadata.localImagePaths, closer).toEqual([]);
		}
	});

	it('reports a breach at its line in the file, the front matter counted', () => {
		expect(() => renderMdxStory(`---\ntitle: A story\nsummary: S\n---\n\nIntro.\n\n  {process.exit(1)}\n`, {})).toThrow(/^8:3: /);
	});

	it('renders a body the allow-list leaves as text alone, escaped, as the story’s module did', () => {
		// The check passes these (HTML elements are allowed; the allow-list drops them): they must build.
		expect(renderMdxStory(`${FRONT}\n<center>Coming soon</center>\n`, {}).html).toBe('Coming soon');
		expect(renderMdxStory(`${FRONT}\n<form action="https://example.com"><button>Ask us</button></form>\n`, {}).html).toBe('Ask us');
		expect(renderMdxStory(`${FRONT}\n<center>a &lt;script&gt; & "b"</center>\n\n<center>c</center>\n`, {}).html).toBe('a &lt;script&gt; &amp; “b”\nc');
	});

	it('gives an empty body as no HTML', () => {
		expect(renderMdxStory(`${FRONT}\n`, {}).html).toBe('');
		expect(renderMdxStory(`${FRONT}\n{/* only a note */}\n`, {}).html).toBe('');
	});
});

describe('the HTML read out of a compiled story', () => {
	const compile = (source: string) => (mdxToJs(source, { optimizeStatic: { component: 'Fragment', prop: 'set:html' }, jsxImportSource: 'astro', elementAttributeNameCase: 'html' }) as MdxToJsResult).code;

	it('is the one static string the compiler wrote', () => {
		expect(staticHtmlOf(compile('# Hi\n\nText & more.\n'))).toBe('<h1>Hi</h1>\n<p>Text &amp; more.</p>');
	});

	it('refuses anything that is not static HTML: components, expressions, attributes given as code', () => {
		// The MDX rule refuses these first; this is what stands behind it.
		expect(() => staticHtmlOf(compile('# Hi\n\n<Chart />\n'))).toThrow(MdxStaticHtmlError);
		expect(() => staticHtmlOf(compile('Value {1 + 1}.\n'))).toThrow(MdxStaticHtmlError);
		expect(() => staticHtmlOf(compile('<div title={globalThis.x}>x</div>\n'))).toThrow(MdxStaticHtmlError);
		expect(() => staticHtmlOf('this is not JavaScript (')).toThrow(MdxStaticHtmlError);
	});
});

describe('the loader that renders MDX stories as they sync', () => {
	let dir: string;
	beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'credence-mdx-sync-'))));
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	/** A stand-in for Astro's glob loader: renders each file with the `.mdx` entry type's render function and stores it. */
	function globLike(files: string[]): Loader {
		return {
			name: 'glob-like',
			load: async (context) => {
				const entryType = (context as unknown as { entryTypes: Map<string, { getRenderFunction?: (c: unknown) => Promise<(e: unknown) => Promise<unknown>> }> }).entryTypes.get('.mdx')!;
				const render = await entryType.getRenderFunction!({});
				for (const file of files) {
					const id = path.basename(file, '.mdx');
					let rendered: unknown;
					try {
						rendered = await render({ id, data: {}, filePath: file });
					} catch {
						// Astro's glob loader logs the error and stores the entry without its HTML.
					}
					context.store.set({ id, data: {}, filePath: path.relative(dir, file), rendered: rendered as never, deferredRender: rendered ? undefined : true });
				}
			},
		};
	}

	function contextFor(stored: Map<string, unknown>) {
		const mdxEntryType = { getEntryInfo: () => ({}), contentModuleTypes: '' };
		return {
			config: { root: pathToFileURL(dir + path.sep) },
			entryTypes: new Map([['.mdx', mdxEntryType]]),
			store: { set: (entry: { id: string }) => (stored.set(entry.id, entry), true), delete: (id: string) => void stored.delete(id) },
		} as never;
	}

	it('stores each story with its HTML, not as a module to render later', async () => {
		const file = path.join(dir, 'good.mdx');
		writeFileSync(file, `${FRONT}\nHello <mark>there</mark>.\n`);
		const stored = new Map<string, unknown>();
		await renderingMdxAtSync(globLike([file])).load(contextFor(stored));
		expect(stored.get('good')).toMatchObject({ rendered: { html: '<p>Hello <mark>there</mark>.</p>' } });
		expect((stored.get('good') as { deferredRender?: boolean }).deferredRender).toBeUndefined();
	});

	it('stops content sync at a story that breaks the rule, naming the file and the line, and stores nothing for it', async () => {
		const good = path.join(dir, 'good.mdx');
		const bad = path.join(dir, 'bad.mdx');
		writeFileSync(good, `${FRONT}\nFine.\n`);
		writeFileSync(bad, `${FRONT}\nIntro.\n\n{[].constructor.constructor("return process")()}\n`);
		const stored = new Map<string, unknown>([['bad', { id: 'bad', rendered: { html: '<p>an earlier build’s</p>' } }]]);
		const load = renderingMdxAtSync(globLike([good, bad])).load(contextFor(stored));
		await expect(load).rejects.toThrow(MdxStoryRenderError);
		await expect(load).rejects.toThrow(/^bad\.mdx:7:1: expected text, found \{\[\]\.constructor/);
		expect(stored.has('bad')).toBe(false);
		expect(stored.has('good')).toBe(true);
	});

	it('stores a story again once mended, when the dev server renders it anew after a change', async () => {
		const file = path.join(dir, 'story.mdx');
		writeFileSync(file, `${FRONT}\nFine.\n`);
		const stored = new Map<string, unknown>();
		// As the glob loader's file watcher does in dev: the same render function and store, after load.
		let resync = async () => {};
		const watching: Loader = {
			name: 'glob-watching',
			load: async (context) => {
				const entryType = (context as unknown as { entryTypes: Map<string, { getRenderFunction?: (c: unknown) => Promise<(e: unknown) => Promise<unknown>> }> }).entryTypes.get('.mdx')!;
				const render = await entryType.getRenderFunction!({});
				resync = async () => {
					let rendered: unknown;
					try {
						rendered = await render({ id: 'story', data: {}, filePath: file });
					} catch {
						// logged by the glob loader
					}
					context.store.set({ id: 'story', data: {}, filePath: path.relative(dir, file), rendered: rendered as never });
				};
				await resync();
			},
		};
		await renderingMdxAtSync(watching).load(contextFor(stored));
		expect(stored.has('story')).toBe(true);
		writeFileSync(file, `${FRONT}\n{process.exit(1)}\n`);
		await resync();
		expect(stored.has('story')).toBe(false);
		writeFileSync(file, `${FRONT}\nMended.\n`);
		await resync();
		expect(stored.get('story')).toMatchObject({ rendered: { html: '<p>Mended.</p>' } });
	});
});
