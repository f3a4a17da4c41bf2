/**
 * Writing a decision into an item's file: only its `approval` or `review` block changes. The
 * YAML is edited with the `yaml` library's Document API, so comments, key order and the other
 * fields stay as written; a Markdown story's body after its front matter is kept byte for byte.
 */
import { isPair, isScalar, parseDocument, Scalar, visit } from 'yaml';

const FRONTMATTER_RE = /^(\uFEFF?---\r?\n)([\s\S]*?\r?\n)?(---\r?\n?)/;

/** A block to set (`value`) or remove (`undefined`), by top-level key. */
export type BlockEdits = Record<string, Record<string, unknown> | undefined>;

/**
 * Text a YAML 1.1 reader (Astro's, the check's) would take for something else: a date, a number,
 * true/false/yes/no, null. A reviewer's comment "2027-01-01" or "no" must stay text.
 */
const READS_AS_OTHER = /^(?:\d{4}-\d\d?-\d\d?(?:[Tt ].*)?|[-+]?(?:\d[\d_]*)?\.?\d+(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)|\.(?:inf|Inf|INF|nan|NaN|NAN))$/;

function editYaml(yaml: string, edits: BlockEdits, file: string): string {
	const doc = parseDocument(yaml);
	if (doc.errors.length) throw new Error(`${file}: cannot edit: ${doc.errors[0].message}`);
	for (const [key, value] of Object.entries(edits)) {
		if (value === undefined) {
			doc.delete(key);
			continue;
		}
		const node = doc.createNode(value);
		// Free text is written so it reads back as the same text: quoted when it would read as
		// another type, as a literal block when it spans lines. Days (`…On`) stay plain dates.
		visit(node, {
			Pair(_, pair) {
				if (!isPair(pair) || !isScalar(pair.value) || typeof pair.value.value !== 'string') return;
				const text = pair.value.value;
				const day = isScalar(pair.key) && String(pair.key.value).endsWith('On');
				if (text.includes('\n')) pair.value.type = Scalar.BLOCK_LITERAL;
				else if (!day && READS_AS_OTHER.test(text)) pair.value.type = Scalar.QUOTE_DOUBLE;
			},
		});
		doc.set(key, node);
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
	// A file written with Windows line endings keeps them in its front matter too.
	const edited = editYaml(yaml, edits, file);
	return `${open}${open.endsWith('\r\n') ? edited.replace(/\r?\n/g, '\r\n') : edited}${close}${source.slice(whole.length)}`;
}
