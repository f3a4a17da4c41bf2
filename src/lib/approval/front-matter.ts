/**
 * Writing a decision into an item's file: only its `approval` or `review` block changes. The
 * YAML is edited with the `yaml` library's Document API, so comments, key order and the other
 * fields stay as written; a Markdown story's body after its front matter is kept byte for byte.
 */
import { parseDocument } from 'yaml';

const FRONTMATTER_RE = /^(\uFEFF?---\r?\n)([\s\S]*?\r?\n)?(---\r?\n?)/;

/** A block to set (`value`) or remove (`undefined`), by top-level key. */
export type BlockEdits = Record<string, Record<string, unknown> | undefined>;

function editYaml(yaml: string, edits: BlockEdits, file: string): string {
	const doc = parseDocument(yaml);
	if (doc.errors.length) throw new Error(`${file}: cannot edit: ${doc.errors[0].message}`);
	for (const [key, value] of Object.entries(edits)) {
		if (value === undefined) doc.delete(key);
		else doc.set(key, doc.createNode(value));
	}
	return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * The file's text with the edits made. `markdown`: the file has `---` front matter and a body,
 * which is returned unchanged.
 */
export function editItemFile(source: string, markdown: boolean, edits: BlockEdits, file: string): string {
	if (!markdown) return editYaml(source, edits, file);
	const match = FRONTMATTER_RE.exec(source);
	if (!match) throw new Error(`${file}: expected YAML front matter between two "---" lines at the top of the file`);
	const [whole, open, yaml = '', close] = match;
	return `${open}${editYaml(yaml, edits, file)}${close}${source.slice(whole.length)}`;
}
