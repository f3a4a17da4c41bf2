/**
 * What an MDX story refers to. A component the page does not provide (`<Callout>`) or a name
 * nothing defines (`{foo}`) compiles, and the build then stops while rendering the page, with
 * "Expected component `Callout` to be defined" or "foo is not defined" and a stack trace. The
 * check finds them first, against the file and the line: every JSX element name and every free
 * name of every expression must be an HTML element, a component the site provides, a name the
 * story itself imports or exports, one MDX provides, or a JavaScript built-in.
 */
import type { Node } from 'estree';
import { analyze, type Scope } from 'periscopic';

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

/** `Tabs.Item` → `Tabs`; undefined for an HTML element (`div`, `svg:rect`, `my-element`). */
function componentRoot(name: string): string | undefined {
	const root = name.split('.')[0];
	if (name.includes('.') || /^[A-Z_$]/.test(root)) return root;
	return undefined;
}

/** A JSX element's name as written (`Callout`, `Tabs.Item`, `svg:rect`); undefined for a fragment. */
function jsxName(name: AnyNode | null | undefined): string | undefined {
	if (!name) return undefined;
	if (name.type === 'JSXIdentifier') return name.name as string;
	if (name.type === 'JSXNamespacedName') return `${(name.namespace as { name: string }).name}:${(name.name as { name: string }).name}`;
	if (name.type === 'JSXMemberExpression') return `${jsxName(name.object as AnyNode)}.${(name.property as { name: string }).name}`;
	return undefined;
}

/** The names an ESM block declares at its top level: its imports (namespace imports too, which periscopic leaves out), exports and declarations. */
function declaredNames(program: EstreeNode): string[] {
	const names = [...analyze(program as Node).scope.declarations.keys()];
	for (const statement of (program.body as AnyNode[]) ?? []) {
		if (statement.type !== 'ImportDeclaration') continue;
		for (const specifier of statement.specifiers as AnyNode[]) if (specifier.type === 'ImportNamespaceSpecifier') names.push(specifier.local.name as string);
	}
	return names;
}

/**
 * The names `program` uses that neither it nor `defined` declares (periscopic's scope analysis),
 * and the components of the JSX inside it that no scope around them provides.
 */
function freeNames(program: EstreeNode, defined: ReadonlySet<string>): { kind: MdxReference['kind']; name: string }[] {
	const { map, scope: root, globals } = analyze(program as Node);
	const found: { kind: MdxReference['kind']; name: string }[] = [...globals.keys()].filter((name) => !defined.has(name)).map((name) => ({ kind: 'variable', name }));
	// Walk for JSX elements, keeping the innermost scope, so that `{items.map((Item) => <Item />)}` is bound.
	const visit = (node: unknown, scope: Scope): void => {
		if (Array.isArray(node)) return node.forEach((child) => visit(child, scope));
		if (!node || typeof node !== 'object' || typeof (node as AnyNode).type !== 'string') return;
		const n = node as AnyNode;
		const inner = map.get(n as Node) ?? scope;
		if (n.type === 'JSXElement') {
			const name = jsxName((n.openingElement as AnyNode).name as AnyNode);
			const component = name === undefined ? undefined : componentRoot(name);
			if (component !== undefined && !defined.has(component) && !inner.has(component)) found.push({ kind: 'component', name: name! });
		}
		for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'range' && value && typeof value === 'object') visit(value, inner);
	};
	visit(program, root);
	return found;
}

/**
 * Every component a story uses that neither the site nor the story provides, and every name its
 * expressions use that nothing defines, each once per line, in the order of the body.
 */
export function undefinedMdxReferences(uses: MdxUses, siteComponents: readonly string[] = SITE_MDX_COMPONENTS): MdxReference[] {
	const defined = new Set<string>([...MDX_PROVIDED_NAMES, ...BUILT_INS, ...MDX_COMPONENTS, ...siteComponents, ...uses.esm.flatMap((block) => declaredNames(block.program))]);
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
	for (const { program, line } of [...uses.esm, ...uses.expressions]) for (const reference of freeNames(program, defined)) add({ ...reference, line });
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
