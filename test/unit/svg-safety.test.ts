import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectSvg, svgProblems } from '../../src/lib/svg-safety.ts';
import { projectRoot } from '../helpers.ts';

const svg = (inner: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>${inner}</svg>`;

describe('svgProblems', () => {
	it('passes drawing: shapes, text, gradients, filters, internal links, embedded rasters, local CSS', () => {
		const drawing = svg(
			'<title>Logo</title><defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient><filter id="f"><feGaussianBlur stdDeviation="1"/></filter></defs>' +
				'<style>.a { fill: url(#g); }</style><path class="a" d="M0 0h10v10z" style="filter: url(\'#f\')"/><use href="#g"/><use xlink:href="#g"/>' +
				'<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/><text x="1" y="9" xml:space="preserve">Acme &amp; Co</text>',
		);
		expect(svgProblems(drawing)).toEqual([]);
	});

	it('passes every logo, headshot and image of the sample', () => {
		const assets = path.join(projectRoot, 'content/assets');
		const files = readdirSync(assets, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.svg'));
		expect(files.length).toBeGreaterThan(10);
		for (const file of files) expect([file, svgProblems(readFileSync(path.join(assets, file), 'utf8'))]).toEqual([file, []]);
	});

	it('tells when the build could not read an SVG\'s size from its root element', () => {
		const bare = (attributes: string) => `<svg xmlns="http://www.w3.org/2000/svg"${attributes}><rect width="4" height="4"/></svg>`;
		expect(inspectSvg(bare(' viewBox="0 0 10 10"')).size).toBeUndefined();
		expect(inspectSvg(bare(' width="10" height="2.5pt"')).size).toBeUndefined();
		expect(inspectSvg(bare(' width="10" viewBox="0 0 10 10"')).size).toBeUndefined();
		expect(inspectSvg(bare('')).size).toBe('no viewBox and no width and height on its <svg> element');
		expect(inspectSvg(bare(' width="10"')).size).toBe('no viewBox and only width="10" on its <svg> element');
		expect(inspectSvg(bare(' width="auto" height="auto"')).size).toMatch(/^no viewBox and only width="auto" and height="auto"/);
		expect(inspectSvg(bare(' viewBox="0 0 10"')).size).toMatch(/^a viewBox "0 0 10" that gives no size/);
		expect(inspectSvg(`<!--${' '.repeat(1000)}-->${bare(' viewBox="0 0 10 10"')}`).size).toMatch(/starts after the first 1,000 characters/);
		const assets = path.join(projectRoot, 'content/assets');
		for (const file of readdirSync(assets, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.svg'))) {
			expect([file, inspectSvg(readFileSync(path.join(assets, file), 'utf8')).size]).toEqual([file, undefined]);
		}
	});

	it.each([
		['a script', svg('<script>alert(1)</script>'), 'a <script> element'],
		['a script in CDATA', svg('<script><![CDATA[alert(1)]]></script>'), 'a <script> element'],
		['a script from the XHTML vocabulary', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'), 'a <h:script> element'],
		['HTML in a foreignObject', svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>'), 'a <foreignObject> element'],
		['an event handler on the root', svg('<rect width="1" height="1"/>', ' onload="alert(1)"'), 'an event handler (onload on <svg>)'],
		['an event handler in capitals', svg('<rect width="1" height="1" OnClick="alert(1)"/>'), 'an event handler (OnClick on <rect>)'],
		['a javascript: link', svg('<a href="javascript:alert(1)"><rect width="1" height="1"/></a>'), 'a <a> element'],
		['a javascript: xlink on use', svg('<use xlink:href="javascript:alert(1)"/>'), 'a link to "javascript:alert(1)" on <use>'],
		['an external image (a tracking request)', svg('<image href="https://tracker.example/p.gif"/>'), 'a link to "https://tracker.example/p.gif" on <image>'],
		['an embedded SVG document', svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), 'a link to "data:image/svg+xml;base64,PHN2Zz4=" on <image>'],
		['an animation that rewrites a link', svg('<a><set attributeName="href" to="javascript:alert(1)"/></a>'), 'a <set> element'],
		['a CSS import', svg('<style>@import url(https://evil.example/x.css);</style>'), '@import in its CSS'],
		['a CSS url() leaving the file', svg('<rect style="fill: url(https://evil.example/p.svg#g)"/>'), 'a CSS url(https://evil.example/p.svg#g) that leaves the file (style on <rect>)'],
		['an entity declaration', '<!DOCTYPE svg [<!ENTITY s "script">]><svg xmlns="http://www.w3.org/2000/svg"/>', 'an entity declaration (<!ENTITY …>)'],
		['another default vocabulary', '<svg xmlns="http://www.w3.org/1999/xhtml"><rect/></svg>', 'elements from another vocabulary (xmlns="http://www.w3.org/1999/xhtml")'],
		['an attribute of another vocabulary', svg('<rect ev:event="click" xmlns:ev="http://www.w3.org/2001/xml-events"/>'), 'a ev:event attribute'],
		['text that is not XML', '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>', 'XML that cannot be read'],
		// Found by the audit: each passed the regexes, and Chromium fetched the URL on opening the file.
		['an xml-stylesheet instruction', `<?xml version="1.0"?><?xml-stylesheet href="https://evil.example/x.css"?>${svg('<rect/>')}`, 'a processing instruction (<?xml-stylesheet …?>)'],
		['a DOCTYPE', `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">${svg('<rect/>')}`, 'a DOCTYPE (<!DOCTYPE …>)'],
		['an @import spelled with a CSS escape', svg('<style>@\\69mport "https://evil.example/x.css";</style>'), '@import in its CSS'],
		['a url() spelled with a CSS escape, in a style sheet', svg('<style>rect { fill: u\\72l(https://evil.example/p.svg#g) }</style>'), 'CSS'],
		['a url() spelled with a CSS escape, in a style attribute', svg('<rect style="fill: u\\72l(https://evil.example/p.svg#g)"/>'), '(style on <rect>)'],
		['a url() spelled with a CSS escape, to a bare name', svg('<rect style="fill: u\\72l(tracker)"/>'), 'a CSS url(…) that fetches what it names (style on <rect>)'],
		['an image-set()', svg('<style>rect { fill: image-set("https://evil.example/p.png" 1x) }</style>'), 'a CSS image-set(…) that fetches what it names'],
		['an @font-face src', svg('<style>@font-face { font-family: x; src: url(https://evil.example/f.woff) }</style>'), 'a CSS url(https://evil.example/f.woff) that leaves the file'],
		['a url() in a presentation attribute', svg('<rect fill="url(https://evil.example/p.svg#g)"/>'), 'a CSS url(https://evil.example/p.svg#g) that leaves the file (fill on <rect>)'],
		['a url() in a filter, mask, clip-path, cursor or marker attribute', svg('<rect filter="url(//evil.example/f.svg#f)" mask="url(a.svg#m)" cursor="url(c.cur), auto" marker-end="url(m.svg#m)" clip-path="url(c.svg#c)"/>'), '(clip-path on <rect>)'],
		['a behaviour binding', svg('<rect style="behavior: url(#x); -moz-binding: none"/>'), 'a CSS behavior (script)'],
		['a url() in a custom property', svg('<rect style="--a: url(https://evil.example/p.svg#g); fill: var(--a)"/>'), 'a CSS url(https://evil.example/p.svg#g) that leaves the file (style on <rect>)'],
		['an image-set() in a custom property', svg('<style>rect { --a: image-set("https://evil.example/p.png" 1x); fill: var(--a) }</style>'), 'a CSS image-set(…) that fetches what it names'],
		['a url() in any other attribute a browser may read as CSS', svg('<rect color-profile="url(https://evil.example/p.icc)" mask-image="image-set(\'https://evil.example/m.png\' 1x)"/>'), 'a CSS url(https://evil.example/p.icc) that leaves the file (color-profile on <rect>)'],
		['a url() in an attribute css-tree cannot parse', svg('<rect color-profile="x;u\\72l(https://evil.example/p.icc)"/>'), 'a CSS url(…) that fetches what it names (color-profile on <rect>)'],
		['CSS the parser cannot read', svg('<style>}}} rect { fill: red }</style>'), 'CSS the check cannot read'],
	])('reports %s', (_, source, problem) => {
		expect(svgProblems(source).join('\n')).toContain(problem);
	});
});

describe('inspectSvg text', () => {
	// SVGs are published unchanged (dist/_astro/<hash>.svg is the source's bytes), so <text>, <title>, comments all ship.
	it('collects the words the file carries: text, title, desc, comments, CDATA and labels, not CSS', () => {
		const source = svg(
			'<title>Hidden Grid Operator</title><desc>Logo &amp; mark</desc><!-- made for Hal Grid --><style>rect { fill: red }</style>' +
				'<text x="1" y="5">Hidden <tspan>Grid</tspan></text><text><![CDATA[Operator]]></text><g aria-label="Control room"><rect width="1" height="1"/></g>',
		);
		const { problems, text } = inspectSvg(source);
		expect(problems).toEqual([]);
		expect(text).toEqual(expect.arrayContaining(['Hidden Grid Operator', 'Logo & mark', 'made for Hal Grid', 'Hidden ', 'Grid', 'Operator', 'Control room']));
		expect(text.join('\n')).not.toContain('fill');
	});
	it('collects nothing from a file it cannot read', () => {
		expect(inspectSvg('<svg><title>Hidden').text).toEqual([]);
	});
});
