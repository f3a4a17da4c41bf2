/**
 * What an MDX story refers to. A component the page does not provide (`<Callout>`) or a name
 * nothing defines (`{foo}`) compiles, and the build then stops while rendering the page, with
 * "Expected component `Callout` to be defined" or "foo is not defined" and a stack trace. The
 * check finds them first, against the file and the line: every JSX element name and every free
 * name of every expression must be an HTML element, a component the site provides, a name the
 * story itself imports or exports, one MDX provides, or a JavaScript built-in.
 */

/**
 * The components `src/pages/stories/[slug].astro` passes to a story's
 * `<Content components={…}>`: none yet. Add a name here when one is passed there (a test reads
 * the page and holds the two to the same list).
 */
export const SITE_MDX_COMPONENTS: readonly string[] = [];

/** Components every MDX story has without importing them (@astrojs/mdx adds `Fragment`). */
const MDX_COMPONENTS = ['Fragment'];

/**
 * Names an MDX story's expressions may use without defining them: the content function's
 * `props`, what @astrojs/mdx adds to the module (`frontmatter`, `getHeadings`, `url`, `file`)
 * and JavaScript's standard built-ins. Not Node's (`process`, `require`): a story is content, and
 * `{process.env.TOKEN}` would publish the build's secrets.
 */
export const MDX_PROVIDED_NAMES: readonly string[] = ['props', 'frontmatter', 'getHeadings', 'url', 'file'];
const BUILT_INS = [
	'undefined', 'NaN', 'Infinity', 'Math', 'Date', 'JSON', 'Number', 'String', 'Boolean', 'Array', 'Object', 'Intl', 'RegExp',
	'Map', 'Set', 'WeakMap', 'WeakSet', 'Symbol', 'BigInt', 'Promise', 'Error', 'parseInt', 'parseFloat', 'isNaN', 'isFinite',
	'encodeURI', 'encodeURIComponent', 'decodeURI', 'decodeURIComponent',
];

/** One name used and not defined, at a line of the MDX body (1-based). */
export interface MdxReference {
	kind: 'component' | 'variable';
	name: string;
	line: number;
}

/** What a compile of a story collects for `undefinedMdxReferences`. */
export interface MdxUses {
	/** Each ESM block (`import`, `export`), parsed, with its line. */
	esm: { program: EstreeNode; line: number }[];
	/** Each expression (`{…}`, attribute values, spread attributes), parsed, with its line. */
	expressions: { program: EstreeNode; line: number }[];
	/** Each JSX element's name (`Callout`, `Tabs.Item`, `div`), with its line; fragments have none. */
	elements: { name: string; line: number }[];
}

/** An ESTree node (as Sätteri parses expressions), read loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyNode = { type: string; [key: string]: any };
type EstreeNode = AnyNode;

/** The names a binding pattern (`a`, `{ a, b: [c] }`, `...d`, `e = 1`) declares. */
function patternNames(pattern: AnyNode | null | undefined, out: string[] = []): string[] {
	if (!pattern) return out;
	switch (pattern.type) {
		case 'Identifier':
			out.push(pattern.name);
			break;
		case 'ObjectPattern':
			for (const property of pattern.properties) patternNames((property.type === 'RestElement' ? property.argument : property.value) as AnyNode, out);
			break;
		case 'ArrayPattern':
			for (const element of pattern.elements) patternNames(element as AnyNode, out);
			break;
		case 'AssignmentPattern':
			patternNames(pattern.left as AnyNode, out);
			break;
		case 'RestElement':
			patternNames(pattern.argument as AnyNode, out);
			break;
	}
	return out;
}

/** Names declared anywhere in `node` (var, let, const, function, class, catch, imports), nested functions included: a scope a little wider than JavaScript's, never narrower. */
function declaredNames(node: unknown, out: string[] = []): string[] {
	if (Array.isArray(node)) {
		for (const item of node) declaredNames(item, out);
		return out;
	}
	if (!node || typeof node !== 'object' || typeof (node as AnyNode).type !== 'string') return out;
	const n = node as AnyNode;
	if (n.type === 'VariableDeclarator') patternNames(n.id as AnyNode, out);
	if ((n.type === 'FunctionDeclaration' || n.type === 'ClassDeclaration') && n.id) out.push((n.id as { name: string }).name);
	if (n.type === 'CatchClause') patternNames(n.param as AnyNode, out);
	if (n.type === 'ImportSpecifier' || n.type === 'ImportDefaultSpecifier' || n.type === 'ImportNamespaceSpecifier') out.push((n.local as { name: string }).name);
	for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'range' && value && typeof value === 'object') declaredNames(value, out);
	return out;
}

/** `Tabs.Item` → `Tabs`; undefined for an HTML element (`div`, `svg:rect`, `my-element`). */
function componentRoot(name: string): string | undefined {
	const root = name.split('.')[0];
	if (name.includes('.') || /^[A-Z_$]/.test(root)) return root;
	return undefined;
}

/** The free names of `node` (not bound in `bound`), with the components JSX inside it uses. */
function freeNames(node: unknown, bound: Set<string>, found: { kind: MdxReference['kind']; name: string }[]): void {
	if (Array.isArray(node)) {
		for (const item of node) freeNames(item, bound, found);
		return;
	}
	if (!node || typeof node !== 'object' || typeof (node as AnyNode).type !== 'string') return;
	const n = node as AnyNode;
	const walk = (child: unknown, scope = bound) => freeNames(child, scope, found);
	switch (n.type) {
		case 'Identifier':
			if (!bound.has(n.name as string)) found.push({ kind: 'variable', name: n.name as string });
			return;
		case 'MemberExpression':
			walk(n.object);
			if (n.computed) walk(n.property);
			return;
		case 'Property':
		case 'MethodDefinition':
		case 'PropertyDefinition':
			if (n.computed) walk(n.key);
			walk(n.value);
			return;
		case 'FunctionExpression':
		case 'ArrowFunctionExpression':
		case 'FunctionDeclaration': {
			const scope = new Set(bound);
			if (n.id) scope.add((n.id as { name: string }).name);
			for (const param of n.params as AnyNode[]) for (const name of patternNames(param)) scope.add(name);
			for (const name of declaredNames(n.body)) scope.add(name);
			// Default values of parameters are expressions; the names the parameters declare are not references.
			for (const param of n.params as AnyNode[]) walkPattern(param, scope, found);
			walk(n.body, scope);
			return;
		}
		case 'ClassExpression':
		case 'ClassDeclaration': {
			walk(n.superClass);
			const scope = new Set(bound);
			if (n.id) scope.add((n.id as { name: string }).name);
			walk(n.body, scope);
			return;
		}
		case 'VariableDeclarator':
			walkPattern(n.id as AnyNode, bound, found);
			walk(n.init);
			return;
		case 'CatchClause': {
			const scope = new Set(bound);
			for (const name of patternNames(n.param as AnyNode)) scope.add(name);
			walk(n.body, scope);
			return;
		}
		case 'LabeledStatement':
			walk(n.body);
			return;
		case 'BreakStatement':
		case 'ContinueStatement':
		case 'MetaProperty':
			return;
		case 'ImportDeclaration':
			return;
		case 'ExportNamedDeclaration':
			// `export { a as b } from './x'` refers to nothing here; `export { a as b }` refers to a.
			if (n.source) return;
			walk(n.declaration);
			for (const specifier of (n.specifiers as AnyNode[]) ?? []) walk(specifier.local);
			return;
		case 'ExportAllDeclaration':
			return;
		case 'JSXElement': {
			const opening = n.openingElement as AnyNode;
			const name = jsxName(opening.name as AnyNode);
			const root = name === undefined ? undefined : componentRoot(name);
			if (root !== undefined && !bound.has(root)) found.push({ kind: 'component', name: name! });
			walk(opening.attributes);
			walk(n.children);
			return;
		}
		case 'JSXAttribute':
			walk(n.value);
			return;
		case 'JSXFragment':
			walk(n.children);
			return;
	}
	for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'range' && value && typeof value === 'object') walk(value);
}

/** The references in a binding pattern: default values and computed keys, never the names it declares. */
function walkPattern(pattern: AnyNode | null | undefined, bound: Set<string>, found: { kind: MdxReference['kind']; name: string }[]): void {
	if (!pattern) return;
	switch (pattern.type) {
		case 'ObjectPattern':
			for (const property of pattern.properties as AnyNode[]) {
				if (property.type === 'RestElement') walkPattern(property.argument as AnyNode, bound, found);
				else {
					if (property.computed) freeNames(property.key, bound, found);
					walkPattern(property.value as AnyNode, bound, found);
				}
			}
			return;
		case 'ArrayPattern':
			for (const element of pattern.elements as AnyNode[]) walkPattern(element, bound, found);
			return;
		case 'AssignmentPattern':
			walkPattern(pattern.left as AnyNode, bound, found);
			freeNames(pattern.right, bound, found);
			return;
		case 'RestElement':
			walkPattern(pattern.argument as AnyNode, bound, found);
			return;
		case 'MemberExpression':
			freeNames(pattern, bound, found);
			return;
	}
}

/** A JSX element's name as written (`Callout`, `Tabs.Item`, `svg:rect`); undefined for a fragment. */
function jsxName(name: AnyNode | null | undefined): string | undefined {
	if (!name) return undefined;
	if (name.type === 'JSXIdentifier') return name.name as string;
	if (name.type === 'JSXNamespacedName') return `${(name.namespace as { name: string }).name}:${(name.name as { name: string }).name}`;
	if (name.type === 'JSXMemberExpression') return `${jsxName(name.object as AnyNode)}.${(name.property as { name: string }).name}`;
	return undefined;
}

/**
 * Every component a story uses that neither the site nor the story provides, and every name its
 * expressions use that nothing defines, each once per line, in the order of the body.
 */
export function undefinedMdxReferences(uses: MdxUses, siteComponents: readonly string[] = SITE_MDX_COMPONENTS): MdxReference[] {
	const defined = new Set<string>([...MDX_PROVIDED_NAMES, ...BUILT_INS, ...MDX_COMPONENTS, ...siteComponents, ...declaredNames(uses.esm.map((block) => block.program))]);
	const out: MdxReference[] = [];
	const seen = new Set<string>();
	const add = (reference: MdxReference) => {
		const key = `${reference.kind} ${reference.name} ${reference.line}`;
		if (seen.has(key)) return;
		seen.add(key);
		out.push(reference);
	};
	for (const element of uses.elements) {
		const root = componentRoot(element.name);
		if (root !== undefined && !defined.has(root)) add({ kind: 'component', name: element.name, line: element.line });
	}
	for (const block of uses.esm) {
		const found: { kind: MdxReference['kind']; name: string }[] = [];
		freeNames(block.program, defined, found);
		for (const reference of found) add({ ...reference, line: block.line });
	}
	for (const expression of uses.expressions) {
		const found: { kind: MdxReference['kind']; name: string }[] = [];
		freeNames(expression.program, defined, found);
		for (const reference of found) add({ ...reference, line: expression.line });
	}
	return out.sort((a, b) => a.line - b.line);
}

/** The message for one reference (the field is its line). */
export function mdxReferenceMessage(reference: MdxReference, siteComponents: readonly string[] = SITE_MDX_COMPONENTS): string {
	if (reference.kind === 'component') {
		const provided = siteComponents.length ? `one the site provides to stories (${siteComponents.join(', ')})` : 'none are provided to stories by the site';
		return `expected an HTML element or a component the story imports (${provided}), found <${reference.name}>, which the build cannot render ("Expected component \`${reference.name.split('.')[0]}\` to be defined"); to show it as text write \\<${reference.name}>`;
	}
	const why = reference.name in globalThis ? 'which stories may not use (it is the build\'s own, and would run with its access)' : 'which is not defined when the page is built';
	return `expected a name the story defines (with import or export), one MDX provides (${MDX_PROVIDED_NAMES.join(', ')}) or a JavaScript built-in (Math, Date, JSON, …), found {${reference.name}}, ${why}; to show braces as text write \\{ and \\}`;
}

/**
 * Why the build could not import `source` into the story at `storyFile` (`exists` tells whether
 * a path is a file); undefined when it can. A relative path must name a file (as written, or
 * with a script or component extension); Node's own modules (`node:fs`) are refused: whatever a
 * story imports runs with the build's access, and could publish its files.
 */
export function mdxImportProblem(source: string, storyFile: string, exists: (file: string) => boolean, builtins: readonly string[]): string | undefined {
	if (source.startsWith('node:') || builtins.includes(source.split('/')[0])) {
		return `expected an import of a component or data file, found "${source}", one of Node's own modules, which stories may not import (it would run with the build's access)`;
	}
	if (!/^\.{1,2}\//.test(source)) return undefined;
	const base = storyFile.replace(/[^/\\]*$/, '') + source;
	const candidates = [base, ...['.astro', '.ts', '.js', '.mjs', '.tsx', '.jsx', '.json', '.md', '.mdx'].map((extension) => base + extension)];
	if (candidates.some(exists)) return undefined;
	return `expected an import of a file that exists (paths are relative to the story), found "${source}", which names no file: the build would stop with "Could not resolve"`;
}
