/**
 * Docs that cannot rot (issue 16): the README stays a front door, every doc it promises exists,
 * every relative link and anchor resolves, every example file `docs/authoring.md` shows is the
 * real file and passes `check`, every content field the schemas take is documented, and every
 * command the docs show exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSchemaContext } from '../../src/lib/content/validate.ts';
import { scoreRowSchema } from '../../src/schemas/award.ts';
import { COLLECTION_SCHEMAS } from '../../src/schemas/index.ts';
import { rankingRowSchema } from '../../src/schemas/ranking.ts';
import { syncExamples } from '../../scripts/docs-examples.ts';
import { projectRoot, runScript } from '../helpers.ts';
import { anchors, codeBlocks, linkTargets, section } from './markdown.ts';
import { fieldPaths } from './schema-fields.ts';
import { activitySchema, advocateSchema, referencePolicySchema } from '../../src/schemas/reference.ts';

const README_LIMIT = 12 * 1024;
const DOCS = ['authoring', 'editing', 'approvals', 'awards', 'references', 'site', 'deploy', 'security', 'performance', 'architecture'].map((name) => `docs/${name}.md`);
const EXAMPLES = 'docs/examples';
const EXAMPLE_CONTENT = `${EXAMPLES}/content`;

const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');
const markdownFiles = () => ['README.md', ...readdirSync(path.join(projectRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Every file under `dir` (relative to the project), recursively. */
function filesUnder(dir: string): string[] {
	return readdirSync(path.join(projectRoot, dir), { recursive: true, encoding: 'utf8' })
		.map((f) => `${dir}/${f.split(path.sep).join('/')}`)
		.filter((f) => statSync(path.join(projectRoot, f)).isFile());
}

describe('the README is a front door', () => {
	it(`is at most ${README_LIMIT} bytes`, () => {
		expect(statSync(path.join(projectRoot, 'README.md')).size).toBeLessThanOrEqual(README_LIMIT);
	});

	it('links to every doc by reader, and each exists', () => {
		const targets = linkTargets(read('README.md')).map((t) => t.split('#')[0]);
		for (const doc of DOCS) {
			expect(existsSync(path.join(projectRoot, doc)), doc).toBe(true);
			expect(targets, `README.md links to ${doc}`).toContain(doc);
		}
	});
});

describe('links', () => {
	it('every relative link in the README and docs/ names a file that exists, and an anchor that exists', () => {
		const broken: string[] = [];
		for (const file of markdownFiles()) {
			for (const target of linkTargets(read(file))) {
				if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:: not ours to check
				const [where, anchor] = target.split('#');
				const resolved = where ? path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(where))) : file;
				if (!existsSync(path.join(projectRoot, resolved))) {
					broken.push(`${file}: ${target} (no file ${resolved})`);
					continue;
				}
				if (anchor !== undefined && !(resolved.endsWith('.md') && anchors(read(resolved)).has(anchor))) {
					broken.push(`${file}: ${target} (no heading #${anchor} in ${resolved})`);
				}
			}
		}
		expect(broken).toEqual([]);
	});
});

describe('the example content in docs/authoring.md', () => {
	const authoring = read('docs/authoring.md');
	const shown = codeBlocks(authoring)
		.map((block) => ({ ...block, title: /\btitle="([^"]+)"/.exec(block.info)?.[1] }))
		.filter((block): block is typeof block & { title: string } => block.title !== undefined);

	it('quotes each example file byte for byte (after editing an example: node scripts/docs-examples.ts)', () => {
		expect(shown.length).toBeGreaterThan(10);
		for (const block of shown) {
			const file = `${EXAMPLES}/${block.title}`;
			expect(existsSync(path.join(projectRoot, file)), `docs/authoring.md line ${block.line}: ${file} exists`).toBe(true);
			expect(block.body, `docs/authoring.md line ${block.line} shows ${file} as it is (node scripts/docs-examples.ts copies it)`).toBe(read(file));
		}
	});

	it('shows every text file of the example content folder', () => {
		const titles = new Set(shown.map((block) => `${EXAMPLES}/${block.title}`));
		const textFiles = filesUnder(EXAMPLE_CONTENT).filter((f) => /\.(ya?ml|mdx?|vtt|csv)$/.test(f));
		expect(textFiles.filter((f) => !titles.has(f))).toEqual([]);
	});

	it('has one example of every kind of content', () => {
		const files = filesUnder(EXAMPLE_CONTENT);
		for (const pattern of [
			/\/site\.yaml$/,
			/\/products\/[^/]+\.yaml$/,
			/\/customers\/[^/]+\.yaml$/,
			/\/people\/[^/]+\.yaml$/,
			/\/stories\/[^/]+\.md$/,
			/\/stories\/[^/]+\.mdx$/,
			/\/videos\/[^/]+\.yaml$/,
			/\/videos\/[^/]+\.vtt$/,
			/\/awards\/[^/]+\/program\.yaml$/,
			/\/awards\/[^/]+\/entries\/[^/]+\.md$/,
			/\/awards\/[^/]+\/judges\/[^/]+\.yaml$/,
		]) {
			expect(files.some((f) => pattern.test(f)), String(pattern)).toBe(true);
		}
	});

	it('passes `npm run check` with no errors and no warnings', async () => {
		const result = await runScript('scripts/check.ts', ['--content', EXAMPLE_CONTENT, '--json']);
		expect(result.code, result.out).toBe(0);
		const report = JSON.parse(result.out) as { errors: number; warnings: number };
		expect({ errors: report.errors, warnings: report.warnings }, result.out).toEqual({ errors: 0, warnings: 0 });
	});

	it('keeps MDX examples free of JavaScript: no import, export, {expressions} or <script>', () => {
		for (const file of filesUnder(EXAMPLE_CONTENT).filter((f) => /\.mdx?$/.test(f))) {
			const body = read(file).replace(/^---\n[\s\S]*?\n---\n/, '');
			expect(body, file).not.toMatch(/^\s*(import|export)\s/m);
			expect(body, file).not.toMatch(/[{}]|<script|\son[a-z]+\s*=/i);
		}
	});
});

describe('scripts/docs-examples.ts', () => {
	const doc = 'Intro\n\n```yaml title="content/a.yaml"\nold: 1\n```\n\n```sh\nnpm run check\n```\n\n```yaml title="content/gone.yaml"\nx: 1\n```\n';
	const files: Record<string, string> = { 'content/a.yaml': 'new: 2\nmore: 3\n' };

	it('copies each labelled block from its file, leaves other blocks alone, and names blocks without a file', () => {
		const { text, changed, missing } = syncExamples(doc, (title) => files[title]);
		expect(text).toBe(doc.replace('old: 1\n', 'new: 2\nmore: 3\n'));
		expect(changed).toEqual(['line 3: content/a.yaml']);
		expect(missing).toEqual(['line 11: content/gone.yaml: no such file under docs/examples/']);
	});

	it('has nothing to change in the committed docs', async () => {
		const result = await runScript('scripts/docs-examples.ts', ['--check']);
		expect(result, result.out).toEqual({ code: 0, out: '' });
	});
});

describe('every field the schemas take is documented in docs/authoring.md', () => {
	const authoring = read('docs/authoring.md');
	const PUBLICATION = '### The publication fields';
	/** Where each collection's fields are documented. */
	const SECTIONS: Record<keyof typeof COLLECTION_SCHEMAS, string> = {
		site: '## Site settings',
		products: '## Products',
		customers: '## Customers',
		people: '## People',
		stories: '## Stories',
		videos: '## Videos',
		awardPrograms: '## Award programs',
		awardEntries: '## Award entries',
		awardJudges: '## Judges',
		awardWinners: '## Award results',
	};
	const isPublicationField = (field: string) => /^(draft|publishAt|approval|review)\b/.test(field);

	for (const [collection, heading] of Object.entries(SECTIONS) as [keyof typeof COLLECTION_SCHEMAS, string][]) {
		it(`${collection}: every field, with its allowed values, under "${heading}"`, () => {
			const fields = fieldPaths(COLLECTION_SCHEMAS[collection](cliSchemaContext));
			const own = section(authoring, heading);
			const publication = section(authoring, PUBLICATION);
			expect(own, heading).toBeDefined();
			const missing: string[] = [];
			for (const { path: field, values } of fields) {
				// The publication fields are documented once; winners.yaml's publishAt is its own.
				const where = isPublicationField(field) && collection !== 'awardWinners' ? `${own}\n${publication}` : own!;
				if (isPublicationField(field) && collection !== 'awardWinners' && !own!.includes('[The publication fields](#the-publication-fields)')) missing.push(`${field} (a link to the publication fields)`);
				if (!where.includes(`\`${field}\``)) missing.push(field);
				for (const value of values) if (!where.includes(`\`${value}\``)) missing.push(`${field}: ${value}`);
			}
			expect(missing).toEqual([]);
		});
	}

	/** The cells of each table row of `markdown` whose first cell is one field in code: `| \`field\` | … |`. */
	const rows = (markdown: string) =>
		new Map([...markdown.matchAll(/^\| `([^`]+)` \|(.*)\|\s*$/gm)].map((m) => [m[1], m[2].split(' | ').map((cell) => cell.trim())] as const));
	/** How a default is written in the Required column: `[]`, `false`, `en`, `""`, 30 (a group's default is described in words). */
	const shownDefault = (value: unknown) =>
		Array.isArray(value) && value.length === 0 ? '`[]`' : value === '' ? '`""`' : typeof value === 'number' ? String(value) : typeof value === 'string' || typeof value === 'boolean' ? `\`${value}\`` : undefined;

	for (const [collection, heading] of Object.entries(SECTIONS) as [keyof typeof COLLECTION_SCHEMAS, string][]) {
		it(`${collection}: the Required column agrees with the schema, defaults included`, () => {
			const table = rows(`${section(authoring, heading)}\n${collection === 'awardWinners' ? '' : section(authoring, PUBLICATION)}`);
			const wrong: string[] = [];
			for (const { path: field, required, defaultValue } of fieldPaths(COLLECTION_SCHEMAS[collection](cliSchemaContext))) {
				const cells = table.get(field);
				if (!cells || required === undefined) continue; // a row shared by several fields, or variants (video source) that differ
				const [said] = cells;
				if (required && !said.startsWith('yes')) wrong.push(`${field}: required, the doc says "${said}"`);
				if (!required && said.startsWith('yes')) wrong.push(`${field}: optional, the doc says "${said}"`);
				const shown = shownDefault(defaultValue);
				if (shown && !said.includes(shown)) wrong.push(`${field}: defaults to ${shown}, the doc says "${said}"`);
			}
			expect(wrong).toEqual([]);
		});
	}

	it('score and ranking sheets: every column', () => {
		const own = section(authoring, '## Score and ranking sheets')!;
		const columns = [...fieldPaths(scoreRowSchema), ...fieldPaths(rankingRowSchema)].map((f) => f.path);
		expect(columns.filter((column) => !own.includes(`| \`${column}\` |`))).toEqual([]);
	});
});

describe('every field of the reference program is documented in docs/references.md', () => {
	const references = read('docs/references.md');
	const SECTIONS = [
		['### Advocates', advocateSchema],
		['### Activities', activitySchema],
		['### The fatigue policy', referencePolicySchema],
	] as const;
	for (const [heading, schema] of SECTIONS) {
		it(`every field, with its allowed values, under "${heading}"`, () => {
			const own = section(references, heading);
			expect(own, heading).toBeDefined();
			const missing: string[] = [];
			for (const { path: field, values } of fieldPaths(schema)) {
				if (!own!.includes(`\`${field.replace(/\[\]/g, '[]')}\``) && !own!.includes(`\`${field.replace(/\[\]/g, '')}\``)) missing.push(field);
				for (const value of values) if (!own!.includes(`\`${value}\``)) missing.push(`${field}: ${value}`);
			}
			expect(missing).toEqual([]);
		});
	}
});

describe('every command the docs show exists', () => {
	const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
	const all = markdownFiles().map((file) => ({ file, text: read(file) }));

	it('every `npm run <script>` is in package.json', () => {
		const unknown = all.flatMap(({ file, text }) => [...text.matchAll(/\bnpm run ([\w:.-]+)/g)].filter((m) => !scripts.includes(m[1])).map((m) => `${file}: npm run ${m[1]}`));
		expect(unknown).toEqual([]);
	});

	it('every `node scripts/…` and `bash scripts/…` file exists', () => {
		const shown = all.flatMap(({ file, text }) => [...text.matchAll(/\b(?:node|bash)\s+(?:--[\w=-]+\s+)*((?:scripts|test)\/[\w./-]+)/g)].map((m) => ({ file, script: m[1] })));
		expect(shown.length).toBeGreaterThan(0);
		expect(shown.filter(({ script }) => !existsSync(path.join(projectRoot, script))).map(({ file, script }) => `${file}: ${script}`)).toEqual([]);
	});

	it('every `npm run references -- <command>` is a command of the references CLI', async () => {
		const help = (await runScript('scripts/references.ts', ['--help'])).out;
		const commands = new Set(all.flatMap(({ text }) => [...text.matchAll(/npm run references -- (?!-)(\w+)/g)].map((m) => m[1])));
		expect([...commands].sort()).toEqual(['find', 'log', 'report']);
		expect([...commands].filter((command) => !new RegExp(`^  ${command}\\b`, 'm').test(help))).toEqual([]);
	});

	it('every `npm run awards -- <command>` is a command of the awards CLI', async () => {
		const help = (await runScript('scripts/awards.ts', ['--help'])).out;
		const commands = new Set(all.flatMap(({ text }) => [...text.matchAll(/npm run awards -- (?!-)(\w+)/g)].map((m) => m[1])));
		expect(commands.size).toBeGreaterThan(5);
		expect([...commands].filter((command) => !new RegExp(`\\b${command}\\b`).test(help))).toEqual([]);
	});
});
