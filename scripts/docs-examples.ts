/**
 * Copies each example file into the docs that quote it, so the two never disagree.
 *
 * A fenced block labelled with a file, ```yaml title="content/site.yaml"```, shows the file of that
 * path under docs/examples/. After editing an example file, run this to refresh every block that
 * shows it; `test/docs/docs.test.ts` fails while any block differs from its file.
 *
 *   node scripts/docs-examples.ts            rewrite the docs
 *   node scripts/docs-examples.ts --check    only report; exit 1 when a block differs
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import writeFileAtomic from 'write-file-atomic';

const projectRoot = path.resolve(import.meta.dirname, '..');
const DOCS = path.join(projectRoot, 'docs');
const EXAMPLES = path.join(DOCS, 'examples');

/** A labelled block: the opening fence with its title, the body, the closing fence. */
const LABELLED_BLOCK = /^(`{3,})([^\n`]*\btitle="([^"]+)"[^\n]*)\n([\s\S]*?)^\1[ \t]*$/gm;

/**
 * `markdown` with every labelled block's body replaced by its file's content; `missing` lists
 * the blocks that cannot be (no such file, or one without a final line break), `changed` the
 * blocks that differed.
 */
export function syncExamples(markdown: string, read: (title: string) => string | undefined): { text: string; missing: string[]; changed: string[] } {
	const missing: string[] = [];
	const changed: string[] = [];
	const text = markdown.replace(LABELLED_BLOCK, (block, fence: string, info: string, title: string, body: string, offset: number) => {
		const file = read(title);
		const line = markdown.slice(0, offset).split('\n').length;
		if (file === undefined || !file.endsWith('\n')) {
			// A block ends with a line break, so a file without a final one cannot be shown as it is.
			missing.push(`line ${line}: ${title}: ${file === undefined ? 'no such file under docs/examples/' : 'the file needs a line break at its end'}`);
			return block;
		}
		if (file !== body) changed.push(`line ${line}: ${title}`);
		return `${fence}${info}\n${file}${fence}`;
	});
	return { text, missing, changed };
}

async function main(): Promise<number> {
	const { values } = parseArgs({ options: { check: { type: 'boolean' } } });
	const readExample = (title: string) => {
		const file = path.resolve(EXAMPLES, title);
		if (!file.startsWith(EXAMPLES + path.sep) || !existsSync(file)) return undefined;
		return readFileSync(file, 'utf8');
	};
	let failed = false;
	for (const name of readdirSync(DOCS).filter((f) => f.endsWith('.md'))) {
		const file = path.join(DOCS, name);
		const source = readFileSync(file, 'utf8');
		const { text, missing, changed } = syncExamples(source, readExample);
		for (const m of missing) console.error(`docs/${name} ${m}`);
		for (const c of changed) console.log(`docs/${name} ${c}: ${values.check ? 'differs from its file' : 'updated from its file'}`);
		failed ||= missing.length > 0 || (values.check === true && changed.length > 0);
		if (!values.check && text !== source) await writeFileAtomic(file, text);
	}
	return failed ? 1 : 0;
}

if (import.meta.main) main().then((code) => process.exit(code));
