/** How deeply a story nests, measured before any parser (which recurses) reads it. */
import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/content/check.ts';
import { mdxSyntaxProblem } from '../../src/lib/content/mdx-syntax.ts';
import { MAX_STORY_NESTING, storyNesting, storyNestingProblem, withoutDeepBodies } from '../../src/lib/content/nesting.ts';
import { copyFixture, NOW, projectRoot } from '../helpers.ts';

describe('story nesting', () => {
	it('counts block quotes, list markers and indentation at line starts', () => {
		expect(storyNesting('Intro.\n\n> > > deep\n')).toEqual({ depth: 3, line: 3 });
		expect(storyNesting('- a\n  - b\n    - c\n')).toEqual({ depth: 3, line: 3 });
		expect(storyNesting('1. one\n2) two\n   1. inner\n').depth).toBe(2);
		expect(storyNesting('> ' + '> '.repeat(4999) + 'deep').depth).toBe(5000);
	});

	it('counts HTML and component elements open across lines, not void or self-closing ones', () => {
		expect(storyNesting('<div>\n<section>\n<p>x</p>\n</section>\n</div>\n')).toEqual({ depth: 3, line: 3 });
		expect(storyNesting('<br>\n<img src="a.png">\n<Figure src="a" />\n<Figure\n  src="a"\n  alt="b"\n/>\n').depth).toBe(0);
		expect(storyNesting('<div>'.repeat(2000)).depth).toBe(2000);
		// A "/>" inside a quoted attribute does not close the element.
		expect(storyNesting('<div title="/>">'.repeat(300)).depth).toBe(300);
	});

	it('reads ordinary text as text: "<5 per week", emphasis, a thematic break', () => {
		expect(storyNesting('It fell to <5 per week.\n\n*Emphasis* and **strong**.\n\n---\n').depth).toBeLessThanOrEqual(2);
		const paragraph = 'We **grew** by *half* and _more_ [here](x), 3 * 4 = 12, snake_case_name.\n'.repeat(200);
		expect(storyNesting(paragraph).depth).toBeLessThanOrEqual(2);
	});

	it('counts emphasis and link text nested within a paragraph (20,000 nested "*a " crash the MDX compiler)', () => {
		expect(storyNesting(`${'*a '.repeat(20_000)}x${' a*'.repeat(20_000)}`).depth).toBe(20_000);
		expect(storyNesting(`${'['.repeat(500)}x${'](y)'.repeat(500)}`).depth).toBe(500);
		expect(storyNesting('*a *b *c x c* b* a*\n\n*d*').depth).toBe(3);
	});

	it('is linear: a 10 MB body is measured quickly, as is one of unclosed tags and quotes', () => {
		const started = performance.now();
		storyNesting(('<div>' + 'text '.repeat(20) + '</div>\n').repeat(100_000));
		storyNesting('<a "'.repeat(200_000));
		storyNesting('<a '.repeat(200_000));
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it('refuses a body nested deeper than the limit, naming the file, the line of the file and what to do', () => {
		const problem = storyNestingProblem('content/stories/x.mdx', `Intro.\n\n${'> '.repeat(5000)}deep\n`, 38)!;
		expect(problem.severity).toBe('error');
		expect(problem.file).toBe('content/stories/x.mdx');
		expect(problem.field).toBe('line 40');
		expect(problem.message).toContain(`at most ${MAX_STORY_NESTING} deep`);
		expect(problem.message).toContain('found 5,000 deep at line 40');
		expect(problem.message).toMatch(/flatten/);
		expect(storyNestingProblem('content/stories/x.mdx', `${'> '.repeat(MAX_STORY_NESTING)}fine\n`)).toBeUndefined();
	});

	it('leaves a refused body out of what later rules parse', () => {
		const files = [
			{ file: 'a.md', body: '> '.repeat(500) },
			{ file: 'b.md', body: 'fine' },
		];
		const { files: kept, diagnostics } = withoutDeepBodies(files);
		expect(kept.map((f) => f.body)).toEqual(['', 'fine']);
		expect(diagnostics.map((d) => d.file)).toEqual(['a.md']);
		expect(files[0].body).toHaveLength(1000); // the caller's files are not changed
	});

	it('is reported by the MDX compile check instead of the compiler overflowing', () => {
		const problem = mdxSyntaxProblem(`x\n\n${'> '.repeat(10_000)}deep`, 5)!;
		expect(problem.line).toBe(7);
		expect(problem.reason).toContain('10,000 deep');
	});
});

describe('audit 2: deeply nested Markdown crashes the check', () => {
	// 10,000 levels: `npm run check` dies with SIGSEGV (exit 139); 5,000: "check failed: Maximum call stack size exceeded".
	it('reports a story of 5,000 nested block quotes (10 KB) as a content problem, not a RangeError', async () => {
		const { dir, cleanup } = copyFixture();
		try {
			appendFileSync(path.join(dir, 'stories/quarry-forecasting.mdx'), `\n\n${'> '.repeat(5000)}deep\n`);
			const result = await runCheck({ projectRoot, contentDir: dir, now: NOW });
			expect(result.errors).toBeGreaterThan(0);
		} finally {
			cleanup();
		}
	});

	for (const [name, deep] of [
		['10,000 block quotes in an .mdx story', `${'> '.repeat(10_000)}deep`],
		['10,000 block quotes in a .md story', `${'> '.repeat(10_000)}deep`],
		['2,000 nested <div> in a .md story', `${'<div>'.repeat(2000)}deep`],
	] as const) {
		it(`reports ${name} against the file and the line`, async () => {
			const { dir, cleanup } = copyFixture();
			try {
				let file = path.join(dir, 'stories/quarry-forecasting.mdx');
				if (name.includes('.md ')) {
					const md = file.replace(/\.mdx$/, '.md');
					renameSync(file, md);
					file = md;
				}
				const lines = readFileSync(file, 'utf8').split('\n').length;
				writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n${deep}\n`);
				const result = await runCheck({ projectRoot, contentDir: dir, now: NOW });
				const nesting = result.diagnostics.filter((d) => /nests quotes, lists and HTML elements/.test(d.message));
				expect(nesting).toHaveLength(1);
				expect(nesting[0].file).toMatch(/stories\/quarry-forecasting\.mdx?$/);
				expect(nesting[0].field).toBe(`line ${lines + 2}`);
			} finally {
				cleanup();
			}
		});
	}
});
