/**
 * The check's side of MDX stories. A story is compiled by the build, and a `<` or `{` its text
 * does not close (“fell to <5 per week”) stops the build with the compiler's stack trace; a story
 * that breaks the rule for stories (src/lib/content/mdx-rule.ts: no expressions, no
 * `import`/`export`, only HTML elements and the site's components, with literal attribute values)
 * is refused by the build. The check compiles each MDX body with the same compiler, Sätteri (what
 * @astrojs/mdx compiles with), and the same rule, to report each first against the file and the
 * line. Markdown stories (`.md`) treat those characters as text.
 */
import { mdxToJs } from 'satteri';
import { error, type Diagnostic } from '../diagnostics.ts';
import { mdxStoryRule, type MdxRuleBreach } from './mdx-rule.ts';
import { MAX_STORY_NESTING, storyNesting } from './nesting.ts';

/** The compiler's complaint about an MDX body, with its line in the file; none when it compiles. */
export function mdxSyntaxProblem(body: string, bodyLine = 1): { line: number; column: number; reason: string } | undefined {
	return compileMdx(body, bodyLine).problem;
}

/**
 * Compiles an MDX body as the build does: the compiler's complaint with its line in the file, or,
 * when it compiles, each breach of the rule for stories (lines of the body).
 */
function compileMdx(body: string, bodyLine = 1): { problem?: { line: number; column: number; reason: string }; breaches: MdxRuleBreach[] } {
	const breaches: MdxRuleBreach[] = [];
	// The compiler recurses: a body nested thousands deep overflows its stack, or crashes the process.
	const nesting = storyNesting(body);
	if (nesting.depth > MAX_STORY_NESTING) {
		const line = nesting.line + bodyLine - 1;
		return { problem: { line, column: 1, reason: `nested ${nesting.depth.toLocaleString('en-GB')} deep (quotes, lists and HTML elements), more than the ${MAX_STORY_NESTING} a story may nest` }, breaches: [] };
	}
	try {
		mdxToJs(body, { hastPlugins: [mdxStoryRule((breach) => breaches.push(breach))] });
		return { breaches };
	} catch (cause) {
		const message = cause instanceof Error ? cause.message : String(cause);
		// "3:20: Unexpected character after `<`, … (mdx-jsx:unexpected-character)"
		const place = /^(\d+):(\d+):\s*/.exec(message);
		// Positions inside the reason ("a closing tag for `<div>` (29:1)") are of the body too: made lines of the file.
		const reason = message
			.replace(/^\d+:\d+:\s*/, '')
			.replace(/\s*\([\w:-]+\)\s*$/, '')
			.replace(/\((\d+):(\d+)\)/g, (_, line: string, column: string) => `(line ${Number(line) + bodyLine - 1}, column ${column})`);
		return { problem: { line: (place ? Number(place[1]) : 1) + bodyLine - 1, column: place ? Number(place[2]) : 1, reason }, breaches: [] };
	}
}

/** A diagnostic for each MDX body that does not compile, and for each breach of the rule for stories. */
export function checkMdxSyntax(files: { file: string; absolutePath: string; body?: string; bodyLine?: number }[]): Diagnostic[] {
	const out: Diagnostic[] = [];
	for (const source of files) {
		if (!source.absolutePath.endsWith('.mdx') || source.body === undefined) continue;
		const bodyLine = source.bodyLine ?? 1;
		const { problem, breaches } = compileMdx(source.body, bodyLine);
		if (problem) {
			out.push(
				error(
					source.file,
					`line ${problem.line}`,
					`expected MDX the build can compile, found: ${problem.reason} (line ${problem.line}, column ${problem.column}); in MDX a "<" or "{" in text must be written \\< or \\{ (or name the file .md if the story uses no components)`,
				),
			);
			continue;
		}
		for (const breach of breaches) out.push(error(source.file, `line ${breach.line + bodyLine - 1}`, breach.message));
	}
	return out;
}
