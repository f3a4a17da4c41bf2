/**
 * Images a story's Markdown or MDX body names: `![alt](../assets/x.png)` is read and
 * published by the build (Astro collects every image whose address is neither a URL nor
 * site-absolute, decodes it with `decodeURI`, and imports it relative to the entry), so it must
 * stay inside the content folder like the front matter's images. Found by parsing the body as
 * the build does (satteri), not by patterns.
 */
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';

export interface BodyImage {
	/** The path as the build reads it (decoded). */
	path: string;
	/** Line within the body (1-based). */
	line: number;
}

/** Whether the build treats `url` as a file next to the entry (not a URL, not a path from the site's root). */
function isLocal(url: string): boolean {
	return url !== '' && !URL.canParse(url) && !url.startsWith('/');
}

/** `decodeURI`, as the build applies it; a malformed escape is kept as written (the build fails on it). */
function decoded(url: string): string {
	try {
		return decodeURI(url);
	} catch {
		return url;
	}
}

/**
 * The local image paths `body` names, images and reference-style images (`![alt][ref]` with
 * `[ref]: path`) alike. A body that cannot be parsed names none (its syntax is reported by
 * the MDX rules).
 */
export function localBodyImages(body: string, mdx: boolean): BodyImage[] {
	// Every image, inline or reference-style, is written "![" (a character reference such as
	// "&#33;[" is text, not syntax): a body without those two characters names none and is not
	// parsed. Parsing every story's body was 0.8 s of a 10,000-item check (docs/performance.md).
	if (!body.includes('![')) return [];
	let tree: MdastNode;
	try {
		tree = mdx ? mdxToMdast(body) : markdownToMdast(body);
	} catch {
		return [];
	}
	const images: BodyImage[] = [];
	const referenced = new Set<string>();
	const definitions: { identifier: string; url: string; line: number }[] = [];
	const visit = (node: MdastNode) => {
		const n = node as MdastNode & { url?: string; identifier?: string; position?: { start: { line: number } }; children?: MdastNode[] };
		const line = n.position?.start.line ?? 1;
		if (n.type === 'image' && typeof n.url === 'string') images.push({ path: decoded(n.url), line });
		else if (n.type === 'imageReference' && n.identifier) referenced.add(n.identifier);
		else if (n.type === 'definition' && typeof n.url === 'string' && n.identifier) definitions.push({ identifier: n.identifier, url: n.url, line });
		for (const child of n.children ?? []) visit(child);
	};
	visit(tree);
	for (const definition of definitions) if (referenced.has(definition.identifier)) images.push({ path: decoded(definition.url), line: definition.line });
	return images.filter((image) => isLocal(image.path)).sort((a, b) => a.line - b.line);
}
