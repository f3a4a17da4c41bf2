/**
 * The rule for MDX stories (src/lib/content/mdx-rule.ts): Markdown, HTML elements and the site's
 * components with literal attribute values, nothing that runs as code. The check reports each
 * breach against the file and the line; the build's compiler plugin refuses the story.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { markdownToHtml, mdxToJs, markdownToJs, type MarkdownToHtmlResult, type MarkdownToJsResult, type MdxToJsResult } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkMdxSyntax } from '../../src/lib/content/mdx-syntax.ts';
import { MdxRuleError, SITE_MDX_COMPONENTS, mdxStoryGuard, mdxStoryRule, type MdxRuleBreach } from '../../src/lib/content/mdx-rule.ts';
import { projectRoot } from '../helpers.ts';

/** The diagnostics for one MDX story whose body starts on line 10 of the file. */
const check = (body: string) => checkMdxSyntax([{ file: 'content/stories/x.mdx', absolutePath: '/content/stories/x.mdx', body, bodyLine: 10 }]);

/** The audit's story: the expression reaches Node's fs through Function, without naming process or require. */
const ESCAPE = 'Intro.\n\n{[].constructor.constructor("return process")().getBuiltinModule("fs").writeFileSync("/tmp/pwned", "x")}\n';

describe('the rule for MDX stories, as the check reports it', () => {
	it('refuses the audit’s expression that reached Node’s fs, at its line, saying how to write braces as text', () => {
		const [d, ...rest] = check(ESCAPE);
		expect(rest).toEqual([]);
		expect(d).toMatchObject({ severity: 'error', file: 'content/stories/x.mdx', field: 'line 12' });
		expect(d.message).toMatch(/found \{\[\]\.constructor\.constructor.*…\}, a JavaScript expression, which stories may not contain .*write them as \\\{ and \\\}/);
	});

	it('refuses every expression, whatever names it uses: in text, between blocks, in attributes and spreads', () => {
		const found = check('The value is {1 + 1}.\n\n<div title={"x"} {...{ id: "y" }}>x</div>\n\n{x => y}\n\n<p>{Math.PI}</p>\n');
		expect(found.map((d) => [d.field, /found (\{[^}]*\}|title=\{[^}]*\})/.exec(d.message)?.[1]])).toEqual([
			['line 10', '{1 + 1}'],
			['line 12', 'title={"x"}'],
			['line 12', '{...{ id: "y" }'],
			['line 14', '{x => y}'],
			['line 16', '{Math.PI}'],
		]);
		expect(found[1].message).toMatch(/expected attribute values in quotes, found title=\{"x"\} in <div>, .* write it as title="…"/);
		expect(found[2].message).toMatch(/expected attributes written as name="value"/);
	});

	it('refuses import and export, saying how to show an image instead', () => {
		const found = check("import Chart from './chart.js'\nexport const n = 3\n\nText.\n\nimport fs from 'node:fs'\n");
		expect(found.map((d) => d.field)).toEqual(['line 10', 'line 15']);
		expect(found[0].message).toMatch(/found "import Chart from '.\/chart.js'": MDX stories cannot import files or code; put an image in the front matter \(hero\) or in the text with Markdown image syntax/);
		expect(check('export const n = 3\n')[0].message).toMatch(/found "export const n = 3": MDX stories cannot define code with export/);
	});

	it('refuses a component the site does not provide, and element names that refer to something', () => {
		const found = check('Intro.\n\n<Callout kind="tip">Read this.</Callout>\n\n<Tabs.Item /> <_x /> <a.b /> <Fragment>x</Fragment>\n');
		expect(found.map((d) => [d.field, /found <([^>]+)>/.exec(d.message)?.[1]])).toEqual([
			['line 12', 'Callout'],
			['line 14', 'Tabs.Item'],
			['line 14', '_x'],
			['line 14', 'a.b'],
			['line 14', 'Fragment'],
		]);
		expect(found[0].message).toMatch(/the site provides no components to stories yet.*write \\<Callout> to show it as text/);
	});

	it('accepts Markdown, HTML elements with literal attributes, fragments, comments and escaped braces', () => {
		const body = [
			'## Where we started',
			'',
			'Costs fell \\{by half\\} and \\<5 per week. `{code}` stays code.',
			'',
			'<details open><summary>More</summary><p class="note" data-x="1">Hidden</p></details>',
			'',
			'{/* a note for the editors */} <>fragment</> <svg viewBox="0 0 1 1"><linearGradient id="g" /><svg:rect /></svg> <my-element />',
			'',
			'```js',
			'{process.exit(1)}',
			'```',
		].join('\n');
		expect(check(body)).toEqual([]);
	});

	it('accepts the components the site registers, with literal attributes only', () => {
		const breaches: MdxRuleBreach[] = [];
		mdxToJs('<Callout kind="tip">ok</Callout> <Callout kind={tip}>no</Callout>\n', { hastPlugins: [mdxStoryRule((b) => breaches.push(b), ['Callout'])] });
		expect(breaches.map((b) => b.message)).toEqual([expect.stringMatching(/found kind=\{tip\} in <Callout>/)]);
	});

	it('holds SITE_MDX_COMPONENTS to what the story page passes to <Content>', () => {
		const page = readFileSync(path.join(projectRoot, 'src/pages/stories/[slug].astro'), 'utf8');
		const content = /<Content\b([^>]*)\/?>/.exec(page);
		expect(content, 'the story page renders <Content>').not.toBeNull();
		const passed = /components=\{\{([^}]*)\}\}/.exec(content![1])?.[1].split(',').map((name) => name.split(':')[0].trim()).filter(Boolean) ?? [];
		expect([...SITE_MDX_COMPONENTS].sort()).toEqual(passed.sort());
	});
});

describe('the rule for MDX stories, as the build’s compiler enforces it (mdxStoryGuard)', () => {
	// As @astrojs/markdown-satteri compiles a story: the front matter in the data Astro seeds (the guard's plugins are synchronous).
	const astro = (frontmatter: Record<string, unknown>) => ({ frontmatter, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() });
	const compile = (source: string, frontmatter: Record<string, unknown> = {}) => mdxToJs(source, { hastPlugins: [mdxStoryGuard()], data: { astro: astro(frontmatter) } }) as MdxToJsResult;

	it('stops the compile of the audit’s story before any code is written, with the line and column first', () => {
		expect(() => compile(ESCAPE)).toThrow(MdxRuleError);
		expect(() => compile(ESCAPE)).toThrow(/^3:1: expected text, found \{\[\]\.constructor/);
	});

	it('stops on imports, attributes written as code and unknown components, counting the rest', () => {
		expect(() => compile("import x from './x.js'\n\n<div {...x} />\n")).toThrow(/^1:1: .*cannot import.*\(and 1 more; run `npm run check`/);
		expect(() => compile('<Callout />\n')).toThrow(/found <Callout>/);
	});

	it('refuses a layout in the front matter, which MDX would import as code', () => {
		expect(() => compile('Text.\n', { layout: '../../evil.js' })).toThrow(/MDX stories cannot choose a layout/);
	});

	it('compiles a story that keeps the rule, leaving out its comments', () => {
		const { code } = compile('## Title\n\n{/* secret editor note */}\n\n<p class="x">Hello {/* inline */} world</p>\n');
		expect(code).toContain('Hello');
		expect(code).not.toContain('secret editor note');
		expect(code).not.toContain('inline');
	});

	it('leaves Markdown (.md) compiles alone: braces there are text', () => {
		expect((markdownToJs('{not code}\n', { hastPlugins: [mdxStoryGuard()] }) as MarkdownToJsResult).code).toContain('{not code}');
	});
});

describe('Markdown stories (.md)', () => {
	it('cannot run code: Astro renders them to HTML (markdownToHtml), where braces and import lines are text', () => {
		const { html } = markdownToHtml("import fs from 'node:fs'\n\n{process.exit(1)} and <Callout />\n") as MarkdownToHtmlResult;
		expect(html).toContain("<p>import fs from 'node:fs'</p>");
		expect(html).toContain('{process.exit(1)}');
		// <Callout /> stays raw HTML: markup for the browser (the story sanitiser's business), never code the build runs.
	});
});
