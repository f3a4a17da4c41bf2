/** Content diagnostics as GitHub Actions annotations: escaped per GitHub's rules, and never a second command. */
import { describe, expect, it } from 'vitest';
import { fieldPosition, parseFieldPath } from '../../src/lib/content/field-position.ts';
import { error, warning } from '../../src/lib/diagnostics.ts';
import { escapeData, escapeProperty, githubAnnotation } from '../../src/lib/github-annotations.ts';

describe('githubAnnotation', () => {
	it('puts the problem on its file, line and column, titled by the field', () => {
		expect(githubAnnotation(error('content/stories/a.mdx', 'authors[0]', 'expected a person id, found "jon"'), { line: 5, col: 11 })).toBe(
			'::error file=content/stories/a.mdx,line=5,col=11,title=content check%3A authors[0]::expected a person id, found "jon"',
		);
		expect(githubAnnotation(warning('content/site.yaml', '(file)', 'unused'))).toBe('::warning file=content/site.yaml,title=content check%3A (file)::unused');
	});

	it('escapes %, CR and LF in messages, and : and , in properties too', () => {
		expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
		expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
		expect(githubAnnotation(error('content/x,y:z.yaml', 'a', 'm'))).toBe('::error file=content/x%2Cy%3Az.yaml,title=content check%3A a::m');
	});

	it('never lets content start a workflow command of its own', () => {
		const hostile = 'found "x\n::add-mask::secret\r\n::set-env name=NODE_OPTIONS::--require /tmp/x\n::stop-commands::token"';
		const out = githubAnnotation(error('content/stories/a\n::set-output name=x::y.mdx', 'title\n::debug::x', hostile), { line: 2 });
		expect(out.split(/\r\n|\r|\n/)).toHaveLength(1);
		expect(out).toMatch(/^::error file=content\/stories\/a\\u000a%3A%3Aset-output name=x%3A%3Ay\.mdx,line=2,title=content check%3A title\\u000a%3A%3Adebug%3A%3Ax::found "x%0A::add-mask::secret\\u000d%0A::set-env/);
		expect(out).not.toMatch(/[\u0000-\u001f]/);
	});

	it('shows other control characters as escapes, as in the terminal', () => {
		expect(githubAnnotation(error('content/a.yaml', 'title', 'found "\u001b]0;pwned\u0007"'))).toContain('found "\\u001b]0;pwned\\u0007"');
	});
});

describe('fieldPosition', () => {
	const story = ['---', 'title: A story', 'authors: [ada, vera]', 'metrics:', '  - label: Error', '    baseline: 21', '---', 'Body'].join('\n');

	it('finds a field in Markdown frontmatter, at its key or list item', () => {
		expect(fieldPosition(story, 'content/stories/a.mdx', 'title')).toEqual({ line: 2, col: 1 });
		expect(fieldPosition(story, 'content/stories/a.mdx', 'authors[1]')).toEqual({ line: 3, col: 16 });
		expect(fieldPosition(story, 'content/stories/a.mdx', 'metrics[0].baseline')).toEqual({ line: 6, col: 5 });
	});

	it('falls back to the nearest enclosing field that exists', () => {
		expect(fieldPosition(story, 'content/stories/a.md', 'metrics[0].method')).toEqual({ line: 5, col: 5 });
		expect(fieldPosition(story, 'content/stories/a.md', 'summary')).toBeUndefined();
	});

	it('finds a field in a YAML file, and takes a line-based field as written', () => {
		expect(fieldPosition('name: Quarry\npermissions:\n  logo: yes\n', 'content/customers/q.yaml', 'permissions.logo')).toEqual({ line: 3, col: 3 });
		expect(fieldPosition('a,b\n1,2\n', 'content/awards/p/scores/r.csv', 'line 2')).toEqual({ line: 2 });
		expect(fieldPosition('a: 1', 'content/site.yaml', '(file)')).toBeUndefined();
	});

	it('reads field paths as the diagnostics write them', () => {
		expect(parseFieldPath('metrics[0].baseline')).toEqual(['metrics', 0, 'baseline']);
		expect(parseFieldPath('(frontmatter)')).toBeUndefined();
	});
});
