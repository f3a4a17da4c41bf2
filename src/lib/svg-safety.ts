/**
 * Whether an SVG file is safe to publish as it is. Vector logos are served as the files the
 * customer sent (no transform), and a browser that opens such a file directly runs any script
 * in it on the site's origin, or fetches what it links to. So an SVG may hold drawing only: SVG
 * elements, attributes without event handlers, and links to ids inside the file (or embedded
 * raster images). Anything else is reported, never cleaned up silently: the file is the
 * customer's, and the fix is to export it again as plain SVG.
 *
 * The file is read by SVGO's parser (through a plugin that only looks), not by patterns over
 * the text, so entities, CDATA and namespaces cannot hide an element; its CSS (style sheets,
 * `style` attributes, presentation attributes that take a url()) is read by css-tree, so CSS
 * escapes cannot hide an @import or a url().
 */
import * as csstree from 'css-tree';
import { optimize, type CustomPlugin, type XastElement } from 'svgo';

/** SVG's own elements that draw, group, define or describe. */
const DRAWING_ELEMENTS = new Set([
	'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'metadata', 'style',
	'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath', 'image',
	'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'switch',
	'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
	'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
	'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight',
	'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
]);

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
/** Prefixed attributes with a fixed meaning (any other prefix could bind another vocabulary). */
const PREFIXED_ATTRIBUTES = new Set(['xlink:href', 'xlink:title', 'xml:space', 'xml:lang', 'xmlns:xlink']);
/** A raster image embedded in the file: the one kind of link that leaves it. */
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,/i;

/** Presentation attributes that take a CSS value which may hold a url() (others are numbers, keywords or colours). */
const URL_ATTRIBUTES = new Set(['fill', 'stroke', 'filter', 'mask', 'clip-path', 'cursor', 'marker', 'marker-start', 'marker-mid', 'marker-end', 'style']);

/**
 * CSS functions that fetch what they name or run something: `url()` spelled with escapes (which
 * css-tree leaves a plain function), `src()`, images built from other images, old script hooks.
 */
const FETCHING_FUNCTIONS = new Set(['url', 'src', 'image', 'image-set', '-webkit-image-set', 'cross-fade', '-webkit-cross-fade', 'element', '-moz-element', 'paint', 'expression']);
/** Properties that bind behaviour (old Internet Explorer and Firefox). */
const SCRIPT_PROPERTIES = new Set(['behavior', '-moz-binding']);

/**
 * What in a piece of CSS fetches or runs something, read by css-tree (so escapes such as
 * `@\69mport` or `u\72l(…)` are read as the browser reads them): a url() to anything but an id
 * in the file, @import, a fetching function, a behaviour binding. CSS css-tree cannot read is
 * refused too, since a browser may read it differently.
 */
export function unsafeCss(css: string, context: 'stylesheet' | 'declarationList' | 'value', { lenient = false } = {}): string | undefined {
	const problems: string[] = [];
	let unreadable: string | undefined;
	// Custom properties parsed too: `--a: url(…)` fetches once a property reads var(--a).
	let ast: csstree.CssNode;
	try {
		ast = csstree.parse(css, { context, positions: false, parseCustomProperty: true, onParseError: (e) => (unreadable ??= e.message) });
	} catch (cause) {
		// Some input stops the parser outright rather than through onParseError: strict, that is
		// refused; lenient (text that may not be CSS at all), its tokens are read as a browser would.
		return lenient ? fetchingToken(css) : `CSS the check cannot read (${cause instanceof Error ? cause.message : String(cause)})`;
	}
	const name = (raw: string) => csstree.ident.decode(raw).toLowerCase();
	csstree.walk(ast, (node) => {
		if (node.type === 'Atrule' && ['import', 'namespace'].includes(name(node.name))) problems.push(`@${name(node.name)} in its CSS`);
		else if (node.type === 'Url' && !node.value.trim().startsWith('#')) problems.push(`a CSS url(${node.value.trim().slice(0, 60)}) that leaves the file`);
		else if (node.type === 'Function' && FETCHING_FUNCTIONS.has(name(node.name))) problems.push(`a CSS ${name(node.name)}(…)${name(node.name) === 'expression' ? ' (script)' : ' that fetches what it names'}`);
		else if (node.type === 'Declaration' && SCRIPT_PROPERTIES.has(name(node.property))) problems.push(`a CSS ${name(node.property)} (script)`);
		// Text css-tree kept unparsed could hold anything a browser parses.
		else if (node.type === 'Raw' && node.value.trim() !== '') unreadable ??= `unparsed text "${node.value.trim().slice(0, 40)}"`;
		else if ((node.type === 'Identifier' || node.type === 'String') && /javascript:/i.test(node.type === 'Identifier' ? name(node.name) : node.value)) problems.push('script in its CSS');
	});
	if (problems.length) return problems[0];
	if (unreadable && !lenient) return `CSS the check cannot read (${unreadable})`;
	return undefined;
}

/** A url() or fetching function among the CSS tokens of `text`, for text css-tree cannot parse. */
function fetchingToken(text: string): string | undefined {
	let found: string | undefined;
	csstree.tokenize(text, (type, start, end) => {
		if (found) return;
		if (type === csstree.tokenTypes.Url || type === csstree.tokenTypes.BadUrl) found = 'a CSS url(…)';
		else if (type === csstree.tokenTypes.Function) {
			const name = csstree.ident.decode(text.slice(start, end - 1)).toLowerCase();
			if (FETCHING_FUNCTIONS.has(name)) found = `a CSS ${name}(…) that fetches what it names`;
		}
	});
	return found;
}

function elementProblems(node: XastElement): string[] {
	const problems: string[] = [];
	if (!DRAWING_ELEMENTS.has(node.name)) problems.push(`a <${node.name}> element`);
	for (const [name, value] of Object.entries(node.attributes)) {
		const lower = name.toLowerCase();
		if (lower.startsWith('on')) problems.push(`an event handler (${name} on <${node.name}>)`);
		else if (name === 'xmlns' && value !== SVG_NAMESPACE) problems.push(`elements from another vocabulary (xmlns="${value}")`);
		else if (name === 'xmlns:xlink' && value !== XLINK_NAMESPACE) problems.push(`xmlns:xlink bound to "${value}"`);
		else if (name.includes(':') && !PREFIXED_ATTRIBUTES.has(name)) problems.push(`a ${name} attribute`);
		else if (lower === 'href' || lower === 'xlink:href') {
			const target = value.trim();
			const embedded = (node.name === 'image' || node.name === 'feImage') && EMBEDDED_IMAGE.test(target);
			if (!target.startsWith('#') && !embedded) problems.push(`a link to "${target.slice(0, 60)}" on <${node.name}> (only #ids inside the file)`);
		} else if (URL_ATTRIBUTES.has(lower)) {
			const unsafe = unsafeCss(value, lower === 'style' ? 'declarationList' : 'value');
			if (unsafe) problems.push(`${unsafe} (${name} on <${node.name}>)`);
		} else if (/[(\\]/.test(value)) {
			// Any other attribute a browser may read as a CSS property (color-profile, mask-image, a
			// future one): a url() or fetching function in it is refused; text that is not CSS is not.
			const unsafe = unsafeCss(value, 'value', { lenient: true });
			if (unsafe) problems.push(`${unsafe} (${name} on <${node.name}>)`);
		}
	}
	if (node.name === 'style') {
		const css = node.children.map((child) => (child.type === 'text' || child.type === 'cdata' ? child.value : '')).join('');
		const unsafe = unsafeCss(css, 'stylesheet');
		if (unsafe) problems.push(unsafe);
	}
	return problems;
}

/**
 * Lengths as the build reads them off the root `<svg>` (Astro's image-size probe): a number with
 * an optional absolute unit; a percentage, `auto` or anything else gives no size.
 */
const SVG_START = /<svg\s([^>"']|"[^"]*"|'[^']*')*>/;
const LENGTH = /^([0-9.]+(?:e\d+)?)(in|cm|em|ex|m|mm|pc|pt|px)?$/;
const sizeOf = (value: string | undefined) => {
	const match = value === undefined ? null : LENGTH.exec(value);
	const size = match ? Number(match[1]) : NaN;
	return Number.isFinite(size) && size > 0 ? size : undefined;
};

/**
 * Why the build could not tell the size of an SVG from its root element (it needs one to lay the
 * image out, and stops with Astro's NoImageMetadata otherwise): neither a `width` and a `height`
 * nor a readable `viewBox`. Undefined when it can.
 */
function missingSize(root: XastElement | undefined): string | undefined {
	if (!root) return 'no <svg> root element';
	const { width, height, viewBox } = root.attributes;
	if (sizeOf(width) !== undefined && sizeOf(height) !== undefined) return undefined;
	if (viewBox !== undefined) {
		// Read as the build reads it: four numbers separated by single spaces.
		const bounds = viewBox.split(' ');
		if (bounds.length === 4 && sizeOf(bounds[2]) !== undefined && sizeOf(bounds[3]) !== undefined) return undefined;
		return `a viewBox "${viewBox.slice(0, 60)}" that gives no size (write it as four numbers separated by single spaces: "0 0 width height")`;
	}
	const given = [width !== undefined && `width="${width}"`, height !== undefined && `height="${height}"`].filter(Boolean);
	return `no viewBox and ${given.length ? `only ${given.join(' and ')}` : 'no width and height'} on its <svg> element`;
}

export interface SvgInspection {
	/** What in the file is more than drawing; empty when it is safe to publish. */
	problems: string[];
	/** Why the build cannot tell the image's size (see `missingSize`); undefined when it can, or the file cannot be read. */
	size?: string;
	/**
	 * The words the file carries, one string per piece: text nodes (of <text>, <tspan>, <title>,
	 * <desc>…), CDATA outside <style>, comments, and aria-label and xlink:title attributes. They are published with it (SVGs are served
	 * as they are), so a name in any of them is on the site; empty when the file cannot be read.
	 */
	text: string[];
}

/** Reads an SVG file's text once: whether it only draws, whether the build can tell its size, and the words it carries. */
export function inspectSvg(source: string): SvgInspection {
	const problems: string[] = [];
	// An entity could spell an element or a link the parser would then never show as one.
	if (/<!ENTITY/i.test(source)) problems.push('an entity declaration (<!ENTITY …>)');
	let root: XastElement | undefined;
	const text: string[] = [];
	// A style sheet's CSS is not text a reader sees (and is checked as CSS above).
	const words = (value: string, parent: { type: string; name?: string }) => {
		if (value.trim() !== '' && !(parent.type === 'element' && parent.name === 'style')) text.push(value);
	};
	const inspect: CustomPlugin = {
		name: 'credence-inspect',
		fn: () => ({
			// An <?xml-stylesheet?> makes the browser fetch and apply a style sheet; the XML declaration is the one instruction allowed.
			instruction: {
				enter: (node) => {
					if (node.name.toLowerCase() !== 'xml') problems.push(`a processing instruction (<?${node.name} …?>)`);
				},
			},
			// A DOCTYPE can declare entities, which spell markup the parser then expands (and a browser may read differently).
			doctype: {
				enter: () => {
					problems.push('a DOCTYPE (<!DOCTYPE …>)');
				},
			},
			element: {
				enter: (node, parent) => {
					if (parent.type === 'root' && !root) root = node;
					problems.push(...elementProblems(node));
					// Labels a screen reader or a tooltip reads out.
					for (const name of ['aria-label', 'xlink:title']) if (node.attributes[name]) text.push(node.attributes[name]);
				},
			},
			text: { enter: (node, parent) => words(node.value, parent) },
			cdata: { enter: (node, parent) => words(node.value, parent) },
			comment: { enter: (node, parent) => words(node.value, parent) },
		}),
	};
	try {
		optimize(source, { plugins: [inspect] });
	} catch (cause) {
		problems.push(`XML that cannot be read (${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)})`);
		return { problems: [...new Set(problems)], text: [] };
	}
	let size = missingSize(root?.name === 'svg' ? root : undefined);
	// The build recognises an SVG by its root tag within the first 1,000 characters.
	if (!size && !SVG_START.test(source.slice(0, 1000))) size = 'an <svg> element that starts after the first 1,000 characters (the build looks for it there: remove the comments or doctype before it)';
	return { problems: [...new Set(problems)], size, text };
}

/** What in `source` (an SVG file's text) is more than drawing; empty when it is safe to publish. */
export function svgProblems(source: string): string[] {
	return inspectSvg(source).problems;
}
