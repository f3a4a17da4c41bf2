/** Astro's glob loader, wrapped, parses only what changed since the last load and stores what it stored unwrapped. */
import { glob } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parsingChangedFilesOnly } from '../../src/loaders/changed-files-parsed.ts';

let root: string;
beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'credence-changed-'));
	for (const name of ['a', 'b', 'c']) writeFileSync(path.join(root, `${name}.yaml`), `name: ${name}\n`);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A data store as the glob loader uses it. */
function memoryStore() {
	const entries = new Map<string, Record<string, unknown> & { id: string }>();
	return {
		entries,
		get: (id: string) => entries.get(id),
		set: (entry: Record<string, unknown> & { id: string }) => (entries.set(entry.id, entry), true),
		delete: (id: string) => void entries.delete(id),
		keys: () => [...entries.keys()],
		has: (id: string) => entries.has(id),
		addAssetImports: () => {},
		addModuleImport: () => {},
	};
}

/** Loads `root` into `store` with Astro's glob loader, wrapped or not; returns the files parsed. */
async function load(store: ReturnType<typeof memoryStore>, wrapped: boolean): Promise<string[]> {
	const parsed: string[] = [];
	const yamlType = {
		extensions: ['.yaml'],
		getEntryInfo: ({ contents, fileUrl }: { contents: string; fileUrl: URL }) => {
			parsed.push(path.basename(fileUrl.pathname));
			return { data: yaml.load(contents) as Record<string, unknown>, rawData: contents };
		},
	};
	const idFromPath = (relative: string) => relative.replace(/\.yaml$/, '');
	const inner = glob({ base: root, pattern: '*.yaml', generateId: ({ entry }) => idFromPath(entry) });
	const loader = wrapped ? parsingChangedFilesOnly(inner, (file) => idFromPath(path.relative(root, file))) : inner;
	const silent = { warn: () => {}, error: () => {}, info: () => {}, debug: () => {} };
	await loader.load({
		collection: 'things',
		config: { root: pathToFileURL(root + path.sep), srcDir: pathToFileURL(path.join(root, 'src') + path.sep) },
		logger: silent,
		store,
		entryTypes: new Map([['.yaml', yamlType]]),
		parseData: async ({ data }: { data: Record<string, unknown> }) => ({ ...data, parsed: true }),
		generateDigest: (contents: string) => createHash('sha256').update(contents).digest('hex').slice(0, 16),
	} as never);
	return parsed.sort();
}

it('parses every file the first time, then only the changed and new ones, and stores what the glob loader stores', async () => {
	const store = memoryStore();
	expect(await load(store, true)).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
	expect(await load(store, true)).toEqual([]);

	writeFileSync(path.join(root, 'b.yaml'), 'name: b2\n');
	writeFileSync(path.join(root, 'd.yaml'), 'name: d\n');
	rmSync(path.join(root, 'c.yaml'));
	expect(await load(store, true)).toEqual(['b.yaml', 'd.yaml']);

	// The same store as the glob loader alone would have built from scratch.
	const plain = memoryStore();
	await load(plain, false);
	expect([...store.entries.entries()].sort()).toEqual([...plain.entries.entries()].sort());
	expect(store.get('b')).toMatchObject({ data: { name: 'b2', parsed: true } });
});

it('parses a file again when its stored entry has no file path (the glob loader would not keep it)', async () => {
	const store = memoryStore();
	await load(store, true);
	const { filePath: _gone, ...withoutPath } = store.get('a')!;
	store.set(withoutPath);
	expect(await load(store, true)).toEqual(['a.yaml']);
	expect(store.get('a')).toMatchObject({ filePath: expect.any(String), data: { name: 'a', parsed: true } });
});
