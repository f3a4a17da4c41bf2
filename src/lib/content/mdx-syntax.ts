/**
 * An MDX story is compiled by the build, and a `<` or `{` its text does not close (“fell to <5
 * per week”) stops the build with the compiler's stack trace. The check compiles each MDX body
 * with the same compiler, Sätteri (what @astrojs/mdx compiles with), to report it first against
 * the file and the line. Markdown stories (`.md`) treat those characters as text.
 */
import { mdxToJs, type HastPluginDefinition } from 'satteri';
import { error, type Diagnostic } from '../diagnostics.ts';
import { existsSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { mdxImportProblem, mdxReferenceMessage, undefinedMdxReferences, type MdxUses } from './mdx-references.ts';

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();


/** An attribute's expression (`n={bar}`, `{...rest}`), parsed by compiling it alone as MDX. */
function parseAttributeExpression(source: string): unknown {
	let program: unknown;
	try {
		const plugin: HastPluginDefinition = { name: 'credence-attribute-expression', mdxFlowExpression: (node) => void (program = node.parseExpression()) };
		mdxToJs(`{(${source})}`, { hastPlugins: [plugin] });
	} catch {
		return undefined; // it compiled inside the story; a spread alone is not an expression
	}
	return program;
}

/** What the body uses, collected while it compiles (see `undefinedMdxReferences`). */
function collectUses(): { uses: MdxUses; plugin: HastPluginDefinition } {
	const uses: MdxUses = { esm: [], expressions: [], elements: [] };
	const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 1;
	const expression = (node: { position?: { start: { line: number } }; parseExpression(): unknown }) => {
		const program = node.parseExpression();
		if (program) uses.expressions.push({ program: program as MdxUses['expressions'][number]['program'], line: lineOf(node) });
	};
	const element = {
		filter: [],
		visit: (node: { name?: string | null; attributes?: readonly { type: string; value?: unknown }[]; position?: { start: { line: number } } }) => {
			if (node.name) uses.elements.push({ name: node.name, line: lineOf(node) });
			for (const attribute of node.attributes ?? []) {
				const value = attribute.value as string | { value?: unknown } | null | undefined;
				const source = attribute.type === 'mdxJsxExpressionAttribute' ? `{${value}}` : typeof value === 'object' && value ? value.value : undefined;
				if (typeof source !== 'string') continue;
				const program = parseAttributeExpression(source);
				if (program) uses.expressions.push({ program: program as MdxUses['expressions'][number]['program'], line: lineOf(node) });
			}
		},
	};
	const plugin: HastPluginDefinition = {
		name: 'credence-mdx-references',
		options: { position: true },
		mdxjsEsm: (node) => {
			const program = node.parseExpression();
			if (program) uses.esm.push({ program: program as MdxUses['expressions'][number]['program'], line: lineOf(node) });
		},
		mdxFlowExpression: expression,
		mdxTextExpression: expression,
		mdxJsxFlowElement: element,
		mdxJsxTextElement: element,
	};
	return { uses, plugin };
}

/** The compiler's complaint about an MDX body, with its line in the file; none when it compiles. */
export function mdxSyntaxProblem(body: string, bodyLine = 1): { line: number; column: number; reason: string } | undefined {
	return compileMdx(body, bodyLine).problem;
}

/**
 * Compiles an MDX body as the build does: the compiler's complaint with its line in the file, or,
 * when it compiles, what it uses (`uses`, lines of the body).
 */
function compileMdx(body: string, bodyLine = 1): { problem?: { line: number; column: number; reason: string }; uses?: MdxUses } {
	const { uses, plugin } = collectUses();
	try {
		mdxToJs(body, { hastPlugins: [plugin] });
		return { uses };
	} catch (cause) {
		const message = cause instanceof Error ? cause.message : String(cause);
		// "3:20: Unexpected character after `<`, … (mdx-jsx:unexpected-character)"
		const place = /^(\d+):(\d+):\s*/.exec(message);
		// Positions inside the reason ("a closing tag for `<div>` (29:1)") are of the body too: made lines of the file.
		const reason = message
			.replace(/^\d+:\d+:\s*/, '')
			.replace(/\s*\([\w:-]+\)\s*$/, '')
			.replace(/\((\d+):(\d+)\)/g, (_, line: string, column: string) => `(line ${Number(line) + bodyLine - 1}, column ${column})`);
		return { problem: { line: (place ? Number(place[1]) : 1) + bodyLine - 1, column: place ? Number(place[2]) : 1, reason } };
	}
}

/** A diagnostic for each MDX body that does not compile, and for each component or name it uses that nothing provides. */
export function checkMdxSyntax(files: { file: string; absolutePath: string; body?: string; bodyLine?: number }[]): Diagnostic[] {
	const out: Diagnostic[] = [];
	for (const source of files) {
		if (!source.absolutePath.endsWith('.mdx') || source.body === undefined) continue;
		const bodyLine = source.bodyLine ?? 1;
		const { problem, uses } = compileMdx(source.body, bodyLine);
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
		for (const reference of undefinedMdxReferences(uses!)) out.push(error(source.file, `line ${reference.line + bodyLine - 1}`, mdxReferenceMessage(reference)));
		for (const block of uses!.esm) {
			for (const statement of block.program.body ?? []) {
				const from = statement.source?.value;
				if (typeof from !== 'string') continue;
				const problem = mdxImportProblem(from, source.absolutePath, isFile, builtinModules);
				if (problem) out.push(error(source.file, `line ${block.line + bodyLine - 1}`, problem));
			}
		}
	}
	return out;
}
