/**
 * What an MDX story may contain, by construction rather than by a list of what is dangerous: a
 * story is content, arrives by pull request from people outside the team, and the build that
 * compiles it runs with secrets nearby. An MDX module is JavaScript: any `{…}` in it, any
 * `import`/`export`, any attribute written as `{…}` runs as the build's own code when the page is
 * rendered. So a story may hold Markdown, HTML elements and the components the site registers
 * (`SITE_MDX_COMPONENTS`), with attribute values written as literal text, and nothing else:
 *
 * - no JavaScript expressions (`{…}` in text or between blocks), but comments (`{/* … *\/}`),
 *   which the build removes;
 * - no `import` or `export`;
 * - no attribute written as code (`title={…}`) and no spread attribute (`{...props}`);
 * - no component the site does not register, and no element name that refers to something
 *   (`<Tabs.Item>`, `<_x>`): an element is an HTML one (`div`, `my-element`, `svg:rect`) or a
 *   registered component;
 * - no `layout` in the front matter (MDX would import that file into the page).
 *
 * One Sätteri HAST plugin holds the rule. `npm run check` runs it to report every breach with its
 * line (src/lib/content/mdx-syntax.ts); the build runs it as a plugin of the MDX compiler
 * (astro.config.mjs, `mdxStoryGuard`), where a breach stops the compile before any code exists,
 * so a story the check never saw (a direct `astro build`, the dev server) is refused too.
 * Markdown stories (`.md`) need no such rule: Markdown has no expressions, imports or components.
 */
import type { HastPluginDefinition, HastVisitorContext, PluginFactoryContext } from 'satteri';

/**
 * The components `src/pages/stories/[slug].astro` passes to a story's
 * `<Content components={…}>`: none yet. Add a name here when one is passed there (a test reads
 * the page and holds the two to the same list). A registered component may only be given literal
 * attribute values, like any element.
 */
export const SITE_MDX_COMPONENTS: readonly string[] = [];

/** One breach of the rule, at a line and column of the compiled text (1-based). */
export interface MdxRuleBreach {
	line: number;
	column: number;
	message: string;
}

/** A node as the rule reads it: its position and, for expressions and ESM, its source text. */
interface RuleNode {
	value?: unknown;
	position?: { start: { line: number; column: number } };
}

/** An attribute of an MDX JSX element, as Sätteri gives it. */
interface JsxAttribute {
	type: string;
	name?: string;
	value?: unknown;
}

/** An element name that compiles to a string (an HTML or SVG element), not to a reference. */
const HTML_ELEMENT_NAME = /^[a-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?::[a-z][A-Za-z0-9-]*)?$/;

/** An expression that is one block comment and nothing else: `{/* note *\/}`. */
export function isCommentOnly(source: string): boolean {
	const text = source.trim();
	return text.startsWith('/*') && text.endsWith('*/') && text.indexOf('*/') === text.length - 2;
}

/** `title={a.b}` → a short quotation of the code, for a message. */
function quote(source: string, max = 40): string {
	const text = source.replace(/\s+/g, ' ').trim();
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const componentsSentence = (siteComponents: readonly string[]) =>
	siteComponents.length ? `the site provides ${siteComponents.map((name) => `<${name}>`).join(', ')} to stories` : 'the site provides no components to stories yet';

/** Why an element name is refused; undefined when it is an HTML element, a fragment or a registered component. */
export function elementNameProblem(name: string | null | undefined, siteComponents: readonly string[] = SITE_MDX_COMPONENTS): string | undefined {
	if (!name || HTML_ELEMENT_NAME.test(name) || siteComponents.includes(name)) return undefined;
	return `expected Markdown, an HTML element or a component the site provides (${componentsSentence(siteComponents)}), found <${name}>, which the build cannot render; use Markdown or an HTML element instead, or write \\<${name}> to show it as text`;
}

/** Why an attribute is refused; undefined when its value is literal text (or it has none: `<details open>`). */
export function attributeProblem(tag: string, attribute: JsxAttribute): string | undefined {
	if (attribute.type === 'mdxJsxExpressionAttribute') {
		return `expected attributes written as name="value", found {${quote(String(attribute.value ?? ''))}} in <${tag}>, which would run as code when the page is built; write each attribute as name="value"`;
	}
	if (attribute.value === null || attribute.value === undefined || typeof attribute.value === 'string') return undefined;
	const code = typeof attribute.value === 'object' && 'value' in attribute.value ? String((attribute.value as { value: unknown }).value) : '';
	return `expected attribute values in quotes, found ${attribute.name}={${quote(code)}} in <${tag}>, which would run as code when the page is built; write it as ${attribute.name}="…" with the text itself`;
}

/** The message for an expression in text or between blocks. */
export function expressionProblem(source: string): string {
	return `expected text, found {${quote(source)}}, a JavaScript expression, which stories may not contain (it would run as code when the page is built); to show braces as text write them as \\{ and \\}`;
}

/** The message for an `import` or `export` block. */
export function esmProblem(source: string): string {
	const first = quote(source.split('\n')[0]);
	if (/^\s*import\b/.test(source)) {
		return `expected text, found "${first}": MDX stories cannot import files or code; put an image in the front matter (hero) or in the text with Markdown image syntax, ![description](../assets/picture.jpg), and use Markdown or HTML instead of imported components`;
	}
	return `expected text, found "${first}": MDX stories cannot define code with export; write the value into the text itself (to start a line with the word export, write \\export)`;
}

/** The message for a `layout` in an MDX story's front matter. */
export const LAYOUT_PROBLEM = 'expected no layout field, found one: MDX stories cannot choose a layout (the build would import that file as code); the story page sets the layout';

/**
 * The rule as a Sätteri HAST plugin: calls `report` once for each breach, in the order met, and
 * removes comment expressions, so that nothing written in braces reaches the compiled module.
 */
export function mdxStoryRule(report: (breach: MdxRuleBreach) => void, siteComponents: readonly string[] = SITE_MDX_COMPONENTS): HastPluginDefinition {
	const at = (node: RuleNode, message: string) => report({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message });
	const expression = (node: RuleNode, ctx: HastVisitorContext) => {
		const source = String(node.value ?? '');
		if (isCommentOnly(source)) ctx.removeNode(node as Parameters<HastVisitorContext['removeNode']>[0]);
		else at(node, expressionProblem(source));
	};
	const element = {
		filter: [],
		visit: (node: RuleNode & { name?: string | null; attributes?: readonly JsxAttribute[] }) => {
			const nameProblem = elementNameProblem(node.name, siteComponents);
			if (nameProblem) at(node, nameProblem);
			for (const attribute of node.attributes ?? []) {
				const problem = attributeProblem(node.name ?? '', attribute);
				if (problem) at(node, problem);
			}
		},
	};
	return {
		name: 'credence-mdx-story-rule',
		options: { position: true },
		before: (_root, ctx) => {
			const frontmatter = (ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
			if (frontmatter && frontmatter.layout !== undefined) report({ line: 1, column: 1, message: LAYOUT_PROBLEM });
		},
		mdxjsEsm: (node) => void at(node, esmProblem(String(node.value ?? ''))),
		mdxFlowExpression: (node, ctx) => void expression(node, ctx),
		mdxTextExpression: (node, ctx) => void expression(node, ctx),
		mdxJsxFlowElement: element,
		mdxJsxTextElement: element,
	};
}

/** A story that breaks the rule, as the build reports it: `line:column: message` (the MDX plugin reads the place from it). */
export class MdxRuleError extends Error {
	constructor(breaches: MdxRuleBreach[]) {
		const [first] = breaches;
		const rest = breaches.length > 1 ? ` (and ${breaches.length - 1} more; run \`npm run check\` for each with its line)` : '';
		super(`${first.line}:${first.column}: ${first.message}${rest}`);
		this.name = 'MdxRuleError';
	}
}

/**
 * The rule for the build, as an entry of `hastPlugins` (astro.config.mjs): a fresh plugin for
 * each compile, which throws `MdxRuleError` once the story has been read when it broke the rule,
 * before the compiler writes any code.
 */
export function mdxStoryGuard(siteComponents: readonly string[] = SITE_MDX_COMPONENTS): (ctx: PluginFactoryContext) => HastPluginDefinition | undefined {
	return (ctx) => {
		if (ctx.sourceFormat !== 'mdx') return undefined; // Markdown has no expressions, imports or components
		const breaches: MdxRuleBreach[] = [];
		const rule = mdxStoryRule((breach) => breaches.push(breach), siteComponents);
		return {
			...rule,
			after: () => {
				if (breaches.length) throw new MdxRuleError(breaches);
			},
		};
	};
}
