/** The check's report of an MDX body the build could not compile. */
import { describe, expect, it } from 'vitest';
import { mdxSyntaxProblem } from '../../src/lib/content/mdx-syntax.ts';

describe('MDX syntax problems', () => {
	it('gives every position in the reason as a line of the file, not of the body', () => {
		// The body starts on line 40 of the file; the unclosed <div> is on its third line.
		const problem = mdxSyntaxProblem('Intro.\n\nOpen <div>here\n', 40)!;
		expect(problem.line).toBe(42);
		expect(problem.reason).toMatch(/`<div>` \(line 42, column \d+\)/);
		expect(problem.reason).not.toMatch(/\(\d+:\d+\)/);
	});
});
