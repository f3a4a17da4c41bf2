/**
 * An MDX story's body as HTML, rendered once while content syncs, as a Markdown story's is, rather
 * than compiled into a JavaScript module that the bundler then bundles and every build runs. An
 * MDX story holds no code (src/lib/content/mdx-rule.ts): no expressions, no imports or exports,
 * no components (the site registers none), attribute values written as text. What remains is
 * Markdown and HTML elements, which is static HTML. Each MDX story was a module of its own: at
 * 10,000 items about 275 of them, each compiled, bundled into a chunk of its own and imported when
 * its page was built, on every build (docs/performance.md).
 *
 * The story goes through the same compiler (Sätteri's MDX parser), the same rule
 * (`mdxStoryGuard`, which throws `MdxRuleError` before any code is written), the same HTML
 * allow-list (`storyHtmlPlugin`), the same heading ids and the same image handling as Markdown
 * stories (the images Astro's `render()` turns into responsive ones). The compiler is asked to
 * collapse static HTML into one string (`optimizeStatic`, as @astrojs/mdx's `optimize` does),
 * and that string is read out of the compiled module's syntax tree: nothing compiled is run.
 * Anything else in the module (a component, an expression, which the rule refuses before this
 * point) stops the render with `MdxStaticHtmlError`.
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { satteriCollectImagesPlugin, satteriHeadingIdsPlugin, satteriImageMarkerPlugin } from '@astrojs/markdown-satteri';
import { mdxToJs, type MdxToJsResult } from 'satteri';
import { parseSync } from 'vite';
import { mdxStoryGuard, SITE_MDX_COMPONENTS } from './content/mdx-rule.ts';
import { escapeHtml } from './html-escape.ts';
import { storyHtmlPlugin } from './story-html.ts';

/** What Astro's renderers give back for an entry: the HTML and the metadata `render()` reads. */
export interface RenderedStory {
	html: string;
	metadata: {
		headings: { depth: number; slug: string; text: string }[];
		localImagePaths: string[];
		remoteImagePaths: string[];
		imagePaths: string[];
		frontmatter: Record<string, unknown>;
	};
}

/** The compiler's name for the component it collapses static HTML into, and the property that holds the HTML. */
const STATIC_COMPONENT = 'Fragment';
const STATIC_PROP = 'set:html';

/** A compiled story that is not one static HTML string (the MDX rule should have refused it first). */
export class MdxStaticHtmlError extends Error {
	constructor(found: string) {
		super(`expected an MDX story to compile to static HTML, found ${found}; MDX stories may hold Markdown and HTML elements only (src/lib/content/mdx-rule.ts)`);
		this.name = 'MdxStaticHtmlError';
	}
}

/** An ESTree node, as far as this module reads one. */
interface Node {
	type: string;
	[key: string]: unknown;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** Every node of a tree, depth first. */
function* walk(node: unknown): Generator<Node> {
	if (Array.isArray(node)) {
		for (const item of node) yield* walk(item);
		return;
	}
	if (!isNode(node)) return;
	yield node;
	for (const [key, value] of Object.entries(node)) if (key !== 'type' && typeof value === 'object') yield* walk(value);
}

/** `_jsx(…)` and `_jsxs(…)`: the calls the compiler writes for elements, fragments and components. */
const isJsxCall = (node: Node): boolean => node.type === 'CallExpression' && isNode(node.callee) && node.callee.type === 'Identifier' && /^_jsxs?$/.test(String(node.callee.name));

/** The text of `_jsx(_Fragment, { children: "…" })` or `_jsxs(_Fragment, { children: ["…", …] })`, escaped; undefined for anything else. */
function fragmentText(component: Node | undefined, props: Node | undefined, count: number): string | undefined {
	if (count !== 2 || component?.type !== 'Identifier' || component.name !== '_Fragment' || props?.type !== 'ObjectExpression') return undefined;
	const properties = props.properties as Node[];
	if (!Array.isArray(properties) || properties.length !== 1) return undefined;
	const [property] = properties;
	const key = isNode(property.key) ? (property.key.value ?? property.key.name) : undefined;
	if (property.type !== 'Property' || property.computed || key !== 'children' || !isNode(property.value)) return undefined;
	const value = property.value;
	const items = value.type === 'ArrayExpression' ? (value.elements as unknown[]) : [value];
	const texts = items.map((item) => (isNode(item) && item.type === 'Literal' && typeof item.value === 'string' ? item.value : undefined));
	return texts.every((t) => t !== undefined) ? texts.map((t) => escapeHtml(t!)).join('') : undefined;
}

/**
 * The HTML of a compiled story: the string of its one `_jsx(Fragment, { "set:html": "…" })`,
 * `''` for a story with no body (`_jsx(_Fragment, {})`), or the escaped text of a body that is text alone. Any other element, component or value is refused.
 */
export function staticHtmlOf(code: string): string {
	const { program, errors } = parseSync('story.js', code, { lang: 'js', sourceType: 'module' });
	if (errors.length) throw new MdxStaticHtmlError(`code the parser refused (${errors[0]!.message})`);
	const content = [...walk(program)].find((node) => node.type === 'FunctionDeclaration' && isNode(node.id) && node.id.name === '_createMdxContent');
	if (!content) throw new MdxStaticHtmlError('no content function');
	const calls = [...walk(content)].filter(isJsxCall);
	if (calls.length === 0) return '';
	if (calls.length > 1) throw new MdxStaticHtmlError(`${calls.length} elements or components that are not static HTML`);
	const [call] = calls as [Node & { arguments: Node[] }];
	const [component, props] = call.arguments;
	// A story with no body: an empty fragment, `_jsx(_Fragment, {})`.
	const empty = component?.type === 'Identifier' && component.name === '_Fragment' && props?.type === 'ObjectExpression' && Array.isArray(props.properties) && props.properties.length === 0;
	if (empty && call.arguments.length === 2) return '';
	// A story whose body the allow-list left as text alone (`<center>Coming soon</center>`: the
	// element is dropped, its text kept): the compiler writes the text as the fragment's children
	// rather than as HTML, and the JSX runtime escaped it when the story was a module.
	const text = fragmentText(component, props, call.arguments.length);
	if (text !== undefined) return text;
	const property = props?.type === 'ObjectExpression' && Array.isArray(props.properties) && props.properties.length === 1 ? (props.properties[0] as Node) : undefined;
	const key = property && isNode(property.key) ? (property.key.value ?? property.key.name) : undefined;
	const value = property && isNode(property.value) ? property.value : undefined;
	if (component?.type !== 'Identifier' || component.name !== STATIC_COMPONENT || key !== STATIC_PROP || value?.type !== 'Literal' || typeof value.value !== 'string' || call.arguments.length !== 2) {
		throw new MdxStaticHtmlError('an element or component that is not static HTML');
	}
	return value.value;
}

/**
 * The body of an MDX story's file as @astrojs/mdx compiled it: the front matter found by Astro's
 * own reader (the one that gave the entry its data) and blanked out with spaces, so that lines and
 * columns stay the file's. The compiler is not left to find the front matter itself: it closes it
 * only at a line that is exactly `---`, where Astro (and the check) close it at any line starting
 * with `---` (`---x`, `--- `, `----`). Front matter Astro and the check read as data would then be
 * compiled as the body, its text published on the page and an image named in a field
 * (`summary: "![x](../../../etc/…)"`) imported from outside the content folder, unchecked.
 */
export function mdxStoryBody(source: string): string {
	return parseFrontmatter(source, { frontmatter: 'empty-with-spaces' }).content;
}

/**
 * Renders an MDX story's source (the whole file: its front matter is blanked by `mdxStoryBody`,
 * so that a breach of the rule is reported at its line in the file) to HTML. `frontmatter` is the
 * story's parsed front matter (the rule refuses a `layout`); `fileURL` the story's file. Throws
 * `MdxRuleError` for a story that breaks the rule.
 */
export function renderMdxStory(source: string, frontmatter: Record<string, unknown>, fileURL?: URL): RenderedStory {
	if (SITE_MDX_COMPONENTS.length) throw new MdxStaticHtmlError(`components registered for stories (${SITE_MDX_COMPONENTS.join(', ')}), which static HTML cannot hold`);
	const astro = { frontmatter, headings: [] as RenderedStory['metadata']['headings'], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
	// As @astrojs/mdx compiles a story (its create-processor.js), with the Markdown processor's
	// image handling in place of the MDX one's <Image> components.
	const result = mdxToJs(mdxStoryBody(source), {
		mdastPlugins: [satteriCollectImagesPlugin()],
		hastPlugins: [mdxStoryGuard(), storyHtmlPlugin, satteriImageMarkerPlugin(), satteriHeadingIdsPlugin()],
		optimizeStatic: { component: STATIC_COMPONENT, prop: STATIC_PROP },
		features: { gfm: true, smartPunctuation: true },
		fileURL,
		jsxImportSource: 'astro',
		elementAttributeNameCase: 'html',
		data: { astro },
	}) as MdxToJsResult;
	const localImagePaths = [...astro.localImagePaths];
	const remoteImagePaths = [...astro.remoteImagePaths];
	return {
		html: staticHtmlOf(result.code),
		metadata: { headings: astro.headings, localImagePaths, remoteImagePaths, imagePaths: [...localImagePaths, ...remoteImagePaths], frontmatter },
	};
}
