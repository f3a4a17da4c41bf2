/**
 * An MDX story is compiled by the build, and a `<` or `{` its text does not close (“fell to <5
 * per week”) stops the build with the compiler's stack trace. The check compiles each MDX body
 * with the same compiler, Sätteri (what @astrojs/mdx compiles with), to report it first against
 * the file and the line. Markdown stories (`.md`) treat those characters as text.
 */
import { mdxToJs } from 'satteri';
import { error, type Diagnostic } from '../diagnostics.ts';

/** The compiler's complaint about an MDX body, with its line in the file; none when it compiles. */
export function mdxSyntaxProblem(body: string, bodyLine = 1): { line: number; column: number; reason: string } | undefined {
	try {
		mdxToJs(body);
		return undefined;
	} catch (cause) {
		const message = cause instanceof Error ? cause.message : String(cause);
		// "3:20: Unexpected character after `<`, … (mdx-jsx:unexpected-character)"
		const place = /^(\d+):(\d+):\s*/.exec(message);
		// Positions inside the reason ("a closing tag for `<div>` (29:1)") are of the body too: made lines of the file.
		const reason = message
			.replace(/^\d+:\d+:\s*/, '')
			.replace(/\s*\([\w:-]+\)\s*$/, '')
			.replace(/\((\d+):(\d+)\)/g, (_, line: string, column: string) => `(line ${Number(line) + bodyLine - 1}, column ${column})`);
		return { line: (place ? Number(place[1]) : 1) + bodyLine - 1, column: place ? Number(place[2]) : 1, reason };
	}
}

/** A diagnostic for each MDX body that does not compile. */
export function checkMdxSyntax(files: { file: string; absolutePath: string; body?: string; bodyLine?: number }[]): Diagnostic[] {
	const out: Diagnostic[] = [];
	for (const source of files) {
		if (!source.absolutePath.endsWith('.mdx') || source.body === undefined) continue;
		const problem = mdxSyntaxProblem(source.body, source.bodyLine);
		if (!problem) continue;
		out.push(
			error(
				source.file,
				`line ${problem.line}`,
				`expected MDX the build can compile, found: ${problem.reason} (line ${problem.line}, column ${problem.column}); in MDX a "<" or "{" in text must be written \\< or \\{ (or name the file .md if the story uses no components)`,
			),
		);
	}
	return out;
}
