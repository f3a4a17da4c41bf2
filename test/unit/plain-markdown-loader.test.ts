/** The loader for entrant-written Markdown: source and data in the store, never rendered HTML. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { plainMarkdownLoader } from '../../src/loaders/plain-markdown.ts';
import { YamlTimestamp } from '../../src/schemas/common.ts';

let root: string;
const entries = () => path.join(root, 'awards/demo/entries');
const write = (name: string, text: string) => writeFileSync(path.join(entries(), name), text);

beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'credence-loader-'));
	mkdirSync(entries(), { recursive: true });
	mkdirSync(path.join(root, 'awards/demo/judges'));
	writeFileSync(path.join(root, 'awards/demo/judges/ada.yaml'), 'person: ada\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A minimal loader context: a Map for the store, identity parsing, counted. */
function context() {
	const entriesById = new Map<string, Record<string, unknown>>();
	const warnings: string[] = [];
	let parsed = 0;
	const ctx = {
		collection: 'awardEntries',
		store: {
			get: (id: string) => entriesById.get(id),
			set: (entry: Record<string, unknown> & { id: string }) => (entriesById.set(entry.id, entry), true),
			delete: (id: string) => void entriesById.delete(id),
			keys: () => [...entriesById.keys()],
		},
		parseData: async ({ data }: { data: Record<string, unknown> }) => (parsed++, data),
		generateDigest: (text: string) => String(text.length) + text.slice(-20),
		config: { root: pathToFileURL(`${root}/`) },
		logger: { warn: (message: string) => warnings.push(message) },
	};
	return { ctx: ctx as never, entriesById, warnings, parsedCount: () => parsed };
}

const loader = () =>
	plainMarkdownLoader({ base: path.join(root, 'awards'), pattern: '*/entries/*.md', idFromPath: (p) => `${p.split('/')[0]}/${path.basename(p, '.md')}` });

it('keeps the frontmatter and the Markdown source, and renders nothing', async () => {
	write('hostile.md', '---\ntitle: Hostile <script>alert(1)</script>\nsubmittedOn: 2026-08-01\n---\n<script>alert("body")</script>\n\nNarrative.\n');
	const { ctx, entriesById } = context();
	await loader().load(ctx);
	expect([...entriesById.keys()]).toEqual(['demo/hostile']);
	const entry = entriesById.get('demo/hostile')!;
	expect(entry.data).toEqual({ title: 'Hostile <script>alert(1)</script>', submittedOn: new YamlTimestamp('2026-08-01') });
	expect(entry.body).toBe('<script>alert("body")</script>\n\nNarrative.\n');
	expect(entry.filePath).toBe('awards/demo/entries/hostile.md');
	expect(entry).not.toHaveProperty('rendered');
});

it('re-parses only what changed and forgets deleted files', async () => {
	write('a.md', '---\ntitle: A\n---\nBody A\n');
	write('b.md', '---\ntitle: B\n---\nBody B\n');
	const { ctx, entriesById, parsedCount } = context();
	await loader().load(ctx);
	expect(parsedCount()).toBe(2);
	write('a.md', '---\ntitle: A, edited\n---\nBody A\n');
	rmSync(path.join(entries(), 'b.md'));
	await loader().load(ctx);
	expect(parsedCount()).toBe(3);
	expect([...entriesById.keys()]).toEqual(['demo/a']);
	expect(entriesById.get('demo/a')!.data).toEqual({ title: 'A, edited' });
});

it('leaves out a file whose frontmatter cannot be read, with a warning', async () => {
	write('a.md', '---\ntitle: A\n---\nBody\n');
	const { ctx, entriesById, warnings } = context();
	await loader().load(ctx);
	write('a.md', 'No frontmatter here.\n');
	await loader().load(ctx);
	expect(entriesById.size).toBe(0);
	expect(warnings).toEqual([expect.stringMatching(/a\.md: expected YAML frontmatter/)]);
});
