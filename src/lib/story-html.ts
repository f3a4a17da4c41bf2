/**
 * The HTML a story's body may put on a page. Stories arrive by pull request from marketers,
 * agencies and customers, and Markdown passes raw HTML through: `<script>`, `onerror=`, a
 * `[link](javascript:…)` or an MDX `<a onClick="…">` would run in every visitor's browser.
 * Every story body (`.md` and `.mdx`) is sanitised against one allow-list, with hast-util-sanitize
 * (the library behind rehype-sanitize), by a Sätteri plugin (`storyHtmlPlugin`) that
 * `astro.config.mjs` gives the Markdown processor and the MDX one (after the MDX no-code rule). Award entries never become
 * HTML at all (src/loaders/plain-markdown.ts, lib/plaintext.ts).
 *
 * What is kept: headings, paragraphs, lists, tables, figures, `<details>`, links (http, https,
 * mailto, tel and relative), images of the site's own (relative) or `data:`, `<abbr>`, `<sup>`,
 * `<sub>`, `<kbd>`, `<mark>`, quotes and code. Everything else is dropped: scripts and styles
 * with their content; event handlers, `style=` and unknown attributes; `javascript:`,
 * `vbscript:` and `data:` links; images from other hosts (the pages' Content-Security-Policy
 * refuses them); `<iframe>` (a player in a story would load the video host's page before the
 * visitor presses play: a video is a video entry, with its facade, captions and consent);
 * `<form>`, `<base>`, `<meta>`, `<object>`, `<embed>`, `<link>` and other elements (their text
 * stays). An MDX element is judged by its name as a browser reads it: `<mEta>` is a `<meta>`.
 */
import type { Element, ElementContent, Nodes, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import type { HastPluginDefinition, PluginFactoryContext } from 'satteri';

const ARIA = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy'];

/** The allow-list (hast property names): GitHub's (hast-util-sanitize's default) plus what stories use. */
export const STORY_HTML_SCHEMA: Schema = {
	...defaultSchema,
	// GitHub's list includes `input`, for GFM task lists: only as a disabled checkbox (`required`).
	tagNames: [
		...(defaultSchema.tagNames ?? []),
		'abbr', 'caption', 'cite', 'figcaption', 'figure', 'mark', 'small', 'time', 'u',
	],
	attributes: {
		...defaultSchema.attributes,
		abbr: ['title'],
		img: [...ARIA, 'longDesc', 'src', 'loading', 'decoding'],
		th: ['scope', 'colSpan', 'rowSpan', 'abbr'],
		time: ['dateTime'],
	},
	protocols: {
		...defaultSchema.protocols,
		href: ['http', 'https', 'mailto', 'tel'],
		// Images are the site's own (a relative address) or embedded (`data:`): the pages'
		// Content-Security-Policy (img-src 'self' data:) would refuse any other.
		src: ['data'],
	},
	// Dropped with their content (their text is code, not prose); other refused elements keep their
	// text, but `<iframe>`, whose content is only a fallback for browsers without frames.
	strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title', 'object', 'embed', 'frameset', 'frame', 'iframe', 'svg', 'math'],
};

const isMdxJsx = (node: { type: string }) => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
const MDX_PASS_THROUGH = ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'];

const CLOBBER_PREFIX = STORY_HTML_SCHEMA.clobberPrefix ?? '';
const CLOBBERED = new Set(STORY_HTML_SCHEMA.clobber ?? []);

/**
 * Copies a tree as plain objects (Sätteri's nodes carry handles into its Rust arena). Ids the
 * compiler already prefixed (GFM footnotes' `user-content-fn-1`) lose the prefix here, as the
 * sanitiser prefixes every id once, and the footnote links point at the once-prefixed id.
 */
function plainCopy<T>(node: T, key?: string): T {
	if (Array.isArray(node)) return node.map((item) => plainCopy(item, key)) as T;
	if (typeof node === 'string' && key && CLOBBERED.has(key) && node.startsWith(CLOBBER_PREFIX)) return node.slice(CLOBBER_PREFIX.length) as T;
	if (!node || typeof node !== 'object') return node;
	const copy: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(node)) {
		if (name === '_resolver' || name === '_id') continue;
		// A URL the quick pass (`urlElements`) already removed reads back as an empty string.
		if ((name === 'href' || name === 'src') && value === '') continue;
		copy[name] = plainCopy(value, name);
	}
	return copy as T;
}

interface MdxJsxNode {
	type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
	name: string | null;
	attributes: { type: string; name?: string; value?: unknown }[];
	children: RootContent[];
}

/**
 * An MDX element named like an HTML one (`<a href="…" onClick="…">`) as a hast element, so the
 * allow-list judges it like raw HTML; attributes given as expressions are dropped (a story's
 * expressions are the MDX check's to refuse). Components (`<Fragment>`) stay as they are.
 */
function mdxHtmlElement(node: MdxJsxNode): Element | undefined {
	// A name that does not start with a capital is an element, not a component, whatever its case
	// (`<mEta>`, `<svg:rect>`): judged by the lower-case name a browser gives it.
	if (!node.name || !/^[a-z]/.test(node.name)) return undefined;
	const properties: Element['properties'] = {};
	for (const attribute of node.attributes) {
		if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
		const value = attribute.value;
		if (value !== null && value !== undefined && typeof value !== 'string') continue;
		const info = find(html, attribute.name === 'className' ? 'class' : attribute.name);
		properties[info.property] = value === null || value === undefined ? true : info.spaceSeparated ? value.split(/\s+/).filter(Boolean) : value;
	}
	return { type: 'element', tagName: node.name.toLowerCase(), properties, children: node.children as ElementContent[] };
}

/** Sanitises children one by one, so MDX components and expressions survive around and inside. */
function sanitiseChildren(children: readonly RootContent[]): RootContent[] {
	const out: RootContent[] = [];
	for (const child of children) {
		if (isMdxJsx(child)) {
			const element = mdxHtmlElement(child as unknown as MdxJsxNode);
			if (element) out.push(...sanitiseNode(element));
			else out.push({ ...child, children: sanitiseChildren((child as unknown as MdxJsxNode).children) } as RootContent);
		} else if (MDX_PASS_THROUGH.includes(child.type)) {
			out.push(child);
		} else {
			out.push(...sanitiseNode(child));
		}
	}
	return out;
}

/** Whether an MDX node is anywhere below `node` (not only among its children: `**<abbr>…</abbr>**`). */
function containsMdx(node: { children?: readonly { type: string }[] }): boolean {
	return (node.children ?? []).some((child) => MDX_PASS_THROUGH.includes(child.type) || containsMdx(child as { children?: readonly { type: string }[] }));
}

/** One node through the allow-list; its MDX descendants are sanitised separately and put back. */
function sanitiseNode(node: RootContent): RootContent[] {
	if (node.type === 'element') {
		// hast-util-sanitize drops node types it does not know, so MDX children are judged here.
		if (containsMdx(node)) {
			const shell = sanitize({ ...node, children: [] }, STORY_HTML_SCHEMA) as Nodes;
			const kept = shell.type === 'root' ? shell.children : [shell];
			const children = sanitiseChildren(node.children);
			if (kept.length === 1 && kept[0]!.type === 'element') return [{ ...kept[0]!, children: children as ElementContent[] }];
			// The element itself was refused: its children stay unless it is one whose content goes too.
			return STORY_HTML_SCHEMA.strip?.includes(node.tagName) ? [] : children;
		}
	}
	const safe = sanitize(node, STORY_HTML_SCHEMA) as Nodes;
	return safe.type === 'root' ? safe.children : [safe as RootContent];
}

/** Whether a tree holds raw HTML (Markdown's inline and block HTML). */
function hasRaw(node: { type: string; children?: unknown[] }): boolean {
	return node.type === 'raw' || (node.children ?? []).some((child) => hasRaw(child as { type: string; children?: unknown[] }));
}

/**
 * A story body's tree, sanitised: raw HTML is parsed as a browser would (an element opened in
 * one raw node and closed in another stays one element), then everything is held to
 * `STORY_HTML_SCHEMA`. Pure: returns a new tree.
 */
export function sanitiseStoryTree(tree: Root): Root {
	let root = plainCopy(tree);
	if (hasRaw(root)) root = raw(root, { passThrough: MDX_PASS_THROUGH }) as Root;
	return { type: 'root', children: sanitiseChildren(root.children) };
}

/** Elements Markdown itself writes that carry a URL: links (and autolinks) and images. */
const URL_ELEMENTS = ['a', 'img'];

/**
 * An element's URL properties as the allow-list would keep them: `undefined` where it would drop
 * one (`[x](javascript:…)`). Only the element's own properties are judged, not its children.
 */
function refusedUrlProperties(node: Readonly<Element>): string[] {
	const kept = sanitize({ ...node, children: [] }, STORY_HTML_SCHEMA) as Nodes;
	const properties = kept.type === 'element' ? kept.properties : {};
	return ['href', 'src'].filter((name) => node.properties?.[name] !== undefined && properties[name] === undefined);
}

/** Judges the URLs of the links and images Markdown wrote. */
const urlElements: HastPluginDefinition['element'] = {
	filter: URL_ELEMENTS,
	visit(node, ctx) {
		for (const name of refusedUrlProperties(node)) ctx.setProperty(node, name, null);
	},
};

/**
 * The Sätteri hast plugin that sanitises every Markdown and MDX document it compiles (a factory:
 * Sätteri calls it once per document). Reading a whole document's tree out of the compiler costs
 * about forty times its compilation, so only a document with raw HTML or MDX JSX (which can hold
 * anything) is rebuilt through `sanitiseStoryTree`. In any other, every element is one Markdown
 * wrote, and only the URLs of its links and images can be hostile: only those cross to
 * JavaScript and are judged. Without a `<` a document can hold neither HTML nor JSX, and the
 * plugin does not even wait for the end of the document.
 */
export function storyHtmlPlugin({ source }: PluginFactoryContext): HastPluginDefinition {
	if (!source.includes('<')) return { name: 'credence-story-urls', element: urlElements };
	let holdsHtml = false;
	const markHtml = () => void (holdsHtml = true);
	return {
		name: 'credence-story-html',
		raw: markHtml,
		mdxJsxFlowElement: { filter: [], visit: markHtml },
		mdxJsxTextElement: { filter: [], visit: markHtml },
		element: urlElements,
		after(root, ctx) {
			if (holdsHtml) ctx.replaceNode(root, sanitiseStoryTree(root as Root) as never);
		},
	};
}
