import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderHtmlTool, toolAssets } from '../../src/lib/html-tool.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'credence-html-tool-'));
/** A tool's sources written to temporary files. */
function tool(name: string, script: string, style: string) {
	writeFileSync(path.join(dir, `${name}.ts`), script);
	writeFileSync(path.join(dir, `${name}-helper.ts`), 'export const greet = (who: string): string => `hello ${who}`;\n');
	writeFileSync(path.join(dir, `${name}.css`), style);
	return { script: pathToFileURL(path.join(dir, `${name}.ts`)), style: pathToFileURL(path.join(dir, `${name}.css`)) };
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('renderHtmlTool', () => {
	const sources = tool('greeter', `import { greet } from './greeter-helper.ts';\nconst n: number = 1;\ndocument.title = greet('</script><script>alert(1)</script>') + n;\n`, 'body { color: red; }\n');
	const html = renderHtmlTool({ title: 'A <tool>', body: '<main>hi</main>', sources, data: { id: 'tool-data', value: { text: '</script><!--' } } });

	it('bundles the script with its imports, as one classic script with no TypeScript left', () => {
		const { script } = toolAssets(sources);
		expect(script).toContain('hello ');
		expect(script).not.toMatch(/\bimport\b|: number/);
		// A string that would close the element is escaped in the bundle.
		expect(script).not.toMatch(/<\/script/i);
		expect(html.match(/<\/script>/g)).toHaveLength(2);
	});

	it('allows exactly the inlined script and style, by hash, and nothing else', () => {
		const { script, style } = toolAssets(sources);
		const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1].replace(/&#39;/g, "'");
		expect(csp.split('; ')).toEqual([
			"default-src 'none'",
			`script-src ${hash(script)}`,
			`style-src ${hash(style)}`,
			"connect-src 'none'",
			"form-action 'none'",
			"base-uri 'none'",
			'img-src data:',
		]);
		expect(html).toContain(`<style>${style}</style>`);
		expect(html).toContain(`<script>${script}</script>`);
		expect(csp).not.toContain('unsafe');
	});

	it('escapes the title and the data', () => {
		expect(html).toContain('<title>A &lt;tool&gt;</title>');
		expect(html).toContain('<script type="application/json" id="tool-data">{"text":"\\u003c/script\\u003e\\u003c!--"}</script>');
	});

	it('inlines several stylesheets in order, as one style allowed by one hash (a tool extending another\'s look)', () => {
		const base = tool('base-look', 'export {};\n', 'body { color: red; }\n');
		const extra = tool('extra-look', 'export {};\n', 'ol { margin: 0; }\n');
		const page = renderHtmlTool({ title: 't', body: '', sources: { script: extra.script, style: [base.style, extra.style] }, data: { id: 'd', value: {} } });
		const { style } = toolAssets({ script: extra.script, style: [base.style, extra.style] });
		expect(style.indexOf('body { color: red; }')).toBeLessThan(style.indexOf('ol { margin: 0; }'));
		expect(style.indexOf('body { color: red; }')).toBeGreaterThanOrEqual(0);
		expect(page).toContain(`style-src ${hash(style).replace(/'/g, '&#39;')}`);
		// A different combination is a different bundle.
		expect(toolAssets({ script: extra.script, style: extra.style }).style).not.toContain('color: red');
	});

	it('bundles each tool once per process', () => {
		expect(toolAssets(sources)).toBe(toolAssets(sources));
	});

	it('refuses a stylesheet that would close its element', () => {
		const bad = tool('bad-style', 'export {};\n', 'body::after { content: "</style><script>alert(1)</script>"; }\n');
		expect(() => toolAssets(bad)).toThrow(/contains "<\/style"/);
	});
});
