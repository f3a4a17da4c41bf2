/**
 * Where in its file a diagnostic's field is, for annotations on a pull request's changed lines
 * (`npm run check -- --format github`). Diagnostics name a field (`metrics[0].baseline`), or a
 * line (`line 12`) for line-based files; this finds the field's line and column in the YAML of an
 * entry file or of a Markdown/MDX story's frontmatter, with the `yaml` package's source ranges.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A 1-based line and column. */
export interface FieldPosition {
	line: number;
	col?: number;
}

const FRONTMATTER_RE = /^(\uFEFF?---\r?\n)([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** `metrics[0].baseline` → `['metrics', 0, 'baseline']`; undefined for `(file)` and other non-paths. */
export function parseFieldPath(field: string): (string | number)[] | undefined {
	if (!field || field.startsWith('(')) return undefined;
	const parts: (string | number)[] = [];
	for (const [, key, index] of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(index !== undefined ? Number(index) : key!);
	return parts.length ? parts : undefined;
}

/**
 * The position of `field` in `source` (the text of `file`): `line N` as written; a field path at
 * its key in the YAML (or frontmatter), or at the nearest enclosing key that exists when the
 * field itself is missing; undefined when there is nothing better than the whole file.
 */
export function fieldPosition(source: string, file: string, field: string): FieldPosition | undefined {
	const line = /^line (\d+)$/.exec(field);
	if (line) return { line: Number(line[1]) };
	const fieldPath = parseFieldPath(field);
	if (!fieldPath) return undefined;
	let yaml = source;
	let lineOffset = 0;
	if (/\.mdx?$/i.test(file)) {
		const front = FRONTMATTER_RE.exec(source);
		if (!front) return undefined;
		yaml = front[2]!;
		lineOffset = 1;
	} else if (!/\.ya?ml$/i.test(file)) return undefined;
	const lineCounter = new LineCounter();
	const document = parseDocument(yaml, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
	let node: unknown = document.contents;
	let at: number | undefined;
	for (const part of fieldPath) {
		if (isMap(node)) {
			const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(part));
			if (!pair) break;
			at = (pair.key as Node | null)?.range?.[0] ?? at;
			node = pair.value;
		} else if (isSeq(node) && typeof part === 'number' && node.items[part]) {
			node = node.items[part];
			at = (node as Node).range?.[0] ?? at;
		} else break;
	}
	if (at === undefined) return undefined;
	const { line: foundLine, col } = lineCounter.linePos(at);
	return { line: foundLine + lineOffset, col };
}
