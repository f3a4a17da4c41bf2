/**
 * No template string in src/ or scripts/ spans more than 100 lines: a page or a script written as
 * one long string is neither type-checked nor readable. Browser code belongs in src/tools/ or
 * src/client/ as modules, and markup in small render functions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const MAX_LINES = 100;
const root = path.resolve(import.meta.dirname, '../..');

/** The TypeScript files under a folder of the project. */
function typeScriptFiles(folder: string): string[] {
	return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.(?:ts|mts|cts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
		.map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
		.filter((file) => !file.split(path.sep).includes('node_modules'));
}

/** Every template literal in the file's text longer than the limit, as "file:line (n lines)". */
function longTemplates(file: string, text: string): string[] {
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
			const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
			const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
			const lines = end - start + 1;
			if (lines > MAX_LINES) found.push(`${file}:${start + 1} (${lines} lines)`);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

it(`has no template string over ${MAX_LINES} lines in src/ or scripts/`, () => {
	const files = [...typeScriptFiles('src'), ...typeScriptFiles('scripts')];
	expect(files.length).toBeGreaterThan(50);
	expect(files.flatMap((file) => longTemplates(file, readFileSync(path.join(root, file), 'utf8')))).toEqual([]);
});

it('finds long template strings, with or without substitutions, nested or not', () => {
	const lines = (n: number) => '<p>line</p>\n'.repeat(n - 1);
	const text = [
		`const plain = \`${lines(MAX_LINES + 1)}\`;`,
		`const page = (x: string) => \`<b>\${x}</b>\n${lines(MAX_LINES + 5)}\`;`,
		`const short = \`${lines(MAX_LINES)}\`;`,
		`const f = () => [1].map(() => \`${lines(MAX_LINES + 2)}\`);`,
	].join('\n');
	expect(longTemplates('long.ts', text)).toEqual(['long.ts:1 (101 lines)', 'long.ts:102 (106 lines)', 'long.ts:308 (102 lines)']);
});
