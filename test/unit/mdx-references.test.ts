/**
 * An MDX story's components and names: what the page does not provide stops the build while
 * rendering (with a stack trace), so the check reports it against the file and the line.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMdxSyntax } from '../../src/lib/content/mdx-syntax.ts';
import { SITE_MDX_COMPONENTS } from '../../src/lib/content/mdx-references.ts';
import { projectRoot } from '../helpers.ts';

/** A stories folder holding chart.js, for imports to resolve against. */
const stories = path.join(mkdtempSync(path.join(tmpdir(), 'credence-mdx-')), 'stories');
mkdirSync(stories);
writeFileSync(path.join(stories, 'chart.js'), 'export default () => null;\n');
afterAll(() => rmSync(path.dirname(stories), { recursive: true, force: true }));

/** The diagnostics for one MDX story whose body starts on line 10 of the file. */
const check = (body: string) => checkMdxSyntax([{ file: 'content/stories/x.mdx', absolutePath: path.join(stories, 'x.mdx'), body, bodyLine: 10 }]);

describe('MDX references', () => {
	it('reports a component neither the site nor the story provides, with its line in the file', () => {
		const [d, ...rest] = check('Intro.\n\n<Callout kind="tip">Read this.</Callout>\n');
		expect(rest).toEqual([]);
		expect(d).toMatchObject({ severity: 'error', file: 'content/stories/x.mdx', field: 'line 12' });
		expect(d.message).toMatch(/expected an HTML element or a component the story imports .*found <Callout>, which the build cannot render/);
	});

	it('reports a name nothing defines, in text, in attributes and in spreads', () => {
		const found = check('The value is {foo}.\n\n<div title={bar} {...baz}>x</div>\n\n{x => y}\n');
		expect(found.map((d) => [d.field, /found \{(\w+)\}/.exec(d.message)?.[1]])).toEqual([
			['line 10', 'foo'],
			['line 12', 'bar'],
			['line 12', 'baz'],
			['line 14', 'y'],
		]);
		expect(found[0].message).toMatch(/which is not defined when the page is built; to show braces as text write \\\{ and \\\}/);
	});

	it("refuses the build's own globals (process, require)", () => {
		const [d] = check('{process.env.TOKEN}\n');
		expect(d.message).toMatch(/found \{process\}, which stories may not use/);
	});

	it('accepts what the story imports and exports, what MDX provides, built-ins, HTML and local bindings', () => {
		const body = [
			"import Chart from './chart.js'",
			'export const n = 3',
			'',
			'{frontmatter.title} {n * 2} {Math.round(2.5)} {[1, 2].map((x, i) => x + i + n)} <Chart data={{ a: n }} {...props} />',
			'',
			'<div class="x">ok</div> {/* a comment */} <>fragment</> <Fragment>x</Fragment> <svg:rect />',
			'',
			'{(() => { const q = 1; try { return q } catch (e) { return e } })()} {((a = n, { b, c: [d] } = { b: 1, c: [2] }) => a + b + d)()}',
			'',
			"{props.components ? <Chart /> : <span />} {new Intl.NumberFormat('en').format(n)} {({ n: 1 }).n}",
		].join('\n');
		expect(check(body)).toEqual([]);
	});

	it('reports an import of a file that does not exist, and of Node\'s own modules, at the line of the import', () => {
		const found = check("Intro.\n\nimport Chart from './chrat.js'\nimport fs from 'node:fs'\nimport path from 'path'\nimport Ok from './chart'\n\n<Chart /> <Ok /> {fs.name} {path.sep}\n");
		expect(found.map((d) => [d.field, /found "([^"]+)"/.exec(d.message)?.[1]])).toEqual([
			['line 12', './chrat.js'],
			['line 12', 'node:fs'],
			['line 12', 'path'],
		]);
		expect(found[0].message).toMatch(/names no file: the build would stop with "Could not resolve"/);
		expect(found[1].message).toMatch(/one of Node's own modules, which stories may not import/);
	});

	it('reports a component used inside an expression', () => {
		expect(check('{true && <Badge />}\n').map((d) => /found <(\w+)>/.exec(d.message)?.[1])).toEqual(['Badge']);
	});

	it('knows namespace imports, and components and names bound inside an expression, only there', () => {
		const body = [
			"import * as Charts from './chart.js'",
			'',
			'<Charts.Bar /> {[1].map((Item) => <Item key={Item} />)} {[1].map((n) => <Other n={n} />)} {[1].map(() => n)}',
		].join('\n');
		expect(check(body).map((d) => [d.field, /found (<[\w.]+>|\{\w+\})/.exec(d.message)?.[1]])).toEqual([
			['line 12', '<Other>'],
			['line 12', '{n}'],
		]);
	});

	it('holds SITE_MDX_COMPONENTS to what the story page passes to <Content>', () => {
		const page = readFileSync(path.join(projectRoot, 'src/pages/stories/[slug].astro'), 'utf8');
		const content = /<Content\b([^>]*)\/?>/.exec(page);
		expect(content, 'the story page renders <Content>').not.toBeNull();
		const passed = /components=\{\{([^}]*)\}\}/.exec(content![1])?.[1].split(',').map((name) => name.split(':')[0].trim()).filter(Boolean) ?? [];
		expect([...SITE_MDX_COMPONENTS].sort()).toEqual(passed.sort());
	});
});
