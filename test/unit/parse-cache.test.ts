/**
 * The content check's parse cache: a file whose size and modification time are unchanged is not
 * read and parsed again; an edited file is; a deleted one leaves the cache; and validation is
 * never cached, so an edit that breaks a schema is still reported on a run that reuses the rest.
 */
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARSE_CACHE_REWRITE_AFTER, runCheck } from '../../src/lib/content/check.ts';
import { loadSourceFiles, readParseCache, writeParseCache, type ParseCache } from '../../src/lib/content/load.ts';
import { YamlTimestamp } from '../../src/schemas/common.ts';
import { copyFixture, editData, NOW, projectRoot } from '../helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture()));
afterEach(() => cleanup());

const story = () => path.join(dir, 'stories/quarry-forecasting.mdx');
const dataOf = async (cache: ParseCache, file: string) => (await loadSourceFiles(projectRoot, dir, cache)).files.find((f) => f.absolutePath === file)?.data as Record<string, unknown>;

describe('loadSourceFiles with a parse cache', () => {
	it('parses every file once, then reuses the parse of a file whose size and time are unchanged', async () => {
		const cache: ParseCache = new Map();
		const first = await loadSourceFiles(projectRoot, dir, cache);
		expect(cache.size).toBe(first.files.length);
		expect(first.cacheChanged).toBe(true);
		expect((await loadSourceFiles(projectRoot, dir, cache)).cacheChanged).toBe(false);
		// Proof of reuse: what the cache holds is what comes back, not what the file says.
		(cache.get(story())!.data as Record<string, unknown>).title = 'from the cache';
		expect((await dataOf(cache, story())).title).toBe('from the cache');
	});

	it('keeps unquoted dates as dates to be (YamlTimestamp) through the cache file', async () => {
		const cache: ParseCache = new Map();
		await loadSourceFiles(projectRoot, dir, cache);
		const file = path.join(path.dirname(dir), 'cache', 'parses.v8') // beside the content folder, as the build keeps it (in its cache folder);
		writeParseCache(file, cache);
		const reread = readParseCache(file);
		expect(reread.size).toBe(cache.size);
		expect((await dataOf(reread, story())).publishedOn).toStrictEqual(new YamlTimestamp('2026-03-02'));
		// And the schemas read it as before: the check passes on the cached parse.
		expect((await runCheck({ projectRoot, contentDir: dir, now: NOW, parseCacheFile: file })).errors).toBe(0);
	});

	it('parses an edited file again', async () => {
		const cache: ParseCache = new Map();
		await loadSourceFiles(projectRoot, dir, cache);
		editData(story(), (d) => (d.title = 'Edited title'));
		expect((await dataOf(cache, story())).title).toBe('Edited title');
	});

	it('parses again a file rewritten to the same size at another time', async () => {
		const cache: ParseCache = new Map();
		await loadSourceFiles(projectRoot, dir, cache);
		(cache.get(story())!.data as Record<string, unknown>).title = 'stale';
		utimesSync(story(), new Date(), new Date(Date.now() + 5_000));
		expect((await dataOf(cache, story())).title).not.toBe('stale');
	});

	it('forgets a deleted file', async () => {
		const cache: ParseCache = new Map();
		await loadSourceFiles(projectRoot, dir, cache);
		rmSync(story());
		expect((await loadSourceFiles(projectRoot, dir, cache)).cacheChanged).toBe(true);
		expect(cache.has(story())).toBe(false);
	});
});

describe('the parse cache file', () => {
	it('round-trips, and reads as empty when missing or unreadable', () => {
		const file = path.join(dir, '..', 'cache', 'parses.v8');
		expect(readParseCache(file).size).toBe(0);
		const cache: ParseCache = new Map([['/a.yaml', { size: 3, mtimeMs: 1.5, data: { when: new Date(0) }, diagnostics: [] }]]);
		writeParseCache(file, cache);
		expect(readParseCache(file)).toEqual(cache);
		writeFileSync(file, 'not a cache');
		expect(readParseCache(file).size).toBe(0);
	});

	it('gives back the parse of any YAML as parsed: dates to be in objects, lists and lists of objects, and keys content chose', async () => {
		const file = path.join(dir, '..', 'cache', 'parses.v8');
		const yaml = ['published: 2024-05-01', '__proto__:', '  when: 2023-01-02', 'dates:', '  - 2022-03-04', '  - { at: 2021-01-01, n: 1 }', '"\\0yamlTimestamp": plain text', 'quoted: "2020-01-01"'];
		writeFileSync(story(), `---\n${yaml.join('\n')}\n---\nBody.\n`);
		const cache: ParseCache = new Map();
		const parsed = await dataOf(cache, story());
		expect(parsed.published).toStrictEqual(new YamlTimestamp('2024-05-01'));
		expect(Object.getOwnPropertyNames(parsed)).toContain('__proto__');
		writeParseCache(file, cache);
		const reread = readParseCache(file).get(story())!;
		// Deep-equal with classes and own keys compared: a YamlTimestamp where one was, nowhere else.
		expect(reread.data).toStrictEqual(parsed);
		expect(Object.getPrototypeOf(reread.data)).toBe(Object.prototype);
		const data = reread.data as Record<string, unknown>;
		expect((Object.getOwnPropertyDescriptor(data, '__proto__')!.value as Record<string, unknown>).when).toStrictEqual(new YamlTimestamp('2023-01-02'));
		expect(data['\0yamlTimestamp']).toBe('plain text');
		expect(data.quoted).toBe('2020-01-01');
		expect(Object.keys(reread).sort()).toEqual(Object.keys(cache.get(story())!).sort());
	});

	it('drops a cache file whose timestamp places lead anywhere but into a parse (a cache restored from elsewhere is not trusted)', () => {
		const file = path.join(dir, '..', 'cache', 'parses.v8');
		writeParseCache(file, new Map([['/a.yaml', { size: 1, mtimeMs: 1, data: { when: new YamlTimestamp('2024-01-02'), list: ['x'] }, diagnostics: [] }]]));
		const valid = deserialize(readFileSync(file)) as { files: Map<string, Record<string, unknown>> };
		expect(valid.files.get('/a.yaml')!.timestamps).toEqual([['when']]);
		const places = [[['__proto__', 'polluted']], [['constructor', 'prototype', 'polluted']], [['list', 'length']], [['missing']], [['list', 0, 'deeper']], 'not a list'];
		for (const timestamps of places) {
			valid.files.get('/a.yaml')!.timestamps = timestamps;
			writeFileSync(file, serialize(valid));
			expect(readParseCache(file).size, JSON.stringify(timestamps)).toBe(0);
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		}
	});

	it('lets runCheck reuse parses but still validates every file', async () => {
		const parseCacheFile = path.join(dir, '..', 'cache', 'parses.v8');
		expect((await runCheck({ projectRoot, contentDir: dir, now: NOW, parseCacheFile })).errors).toBe(0);
		// The story is unchanged on disk, but its cached parse lacks a required field: the check
		// validates what it reused.
		const cache = readParseCache(parseCacheFile);
		delete (cache.get(story())!.data as Record<string, unknown>).summary;
		writeParseCache(parseCacheFile, cache);
		const second = await runCheck({ projectRoot, contentDir: dir, now: NOW, parseCacheFile });
		expect(second.diagnostics.some((d) => d.file.endsWith('stories/quarry-forecasting.mdx') && d.field === 'summary')).toBe(true);
	});

	it('is not written again for a few edits, which the next run parses again', async () => {
		const parseCacheFile = path.join(dir, '..', 'cache', 'parses.v8');
		await runCheck({ projectRoot, contentDir: dir, now: NOW, parseCacheFile });
		const written = readFileSync(parseCacheFile);
		editData(story(), (d) => (d.summary = undefined));
		const edited = await runCheck({ projectRoot, contentDir: dir, now: NOW, parseCacheFile });
		expect(edited.diagnostics.some((d) => d.file.endsWith('stories/quarry-forecasting.mdx') && d.field === 'summary')).toBe(true);
		expect(readFileSync(parseCacheFile).equals(written)).toBe(true);
		// The cache's parse of the story is stale by its size and time, so the next run reads the file again.
		const again = await runCheck({ projectRoot, contentDir: dir, now: NOW, parseCacheFile });
		expect(again.diagnostics.some((d) => d.file.endsWith('stories/quarry-forecasting.mdx') && d.field === 'summary')).toBe(true);
	});

	it(`is written again once more than ${PARSE_CACHE_REWRITE_AFTER} files changed`, async () => {
		const parseCacheFile = path.join(dir, '..', 'cache', 'parses.v8');
		await runCheck({ projectRoot, contentDir: dir, now: NOW, parseCacheFile });
		for (let i = 0; i <= PARSE_CACHE_REWRITE_AFTER; i++) writeFileSync(path.join(dir, 'products', `added-${i}.yaml`), `name: Added ${i}\n`);
		await runCheck({ projectRoot, contentDir: dir, now: NOW, parseCacheFile });
		expect(readParseCache(parseCacheFile).has(path.join(dir, 'products', `added-${PARSE_CACHE_REWRITE_AFTER}.yaml`))).toBe(true);
	});
});
