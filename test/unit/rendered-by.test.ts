/**
 * Stories rendered again when the code that renders them changes (src/loaders/rendered-by.ts): a
 * build cache from before a fix to the allow-list or the MDX render must not keep the old HTML.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RENDERER_FILES, renderedBy, rendererDigest } from '../../src/loaders/rendered-by.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

describe('a stories loader rendered by a known renderer', () => {
	/** A stand-in for the glob loader: keeps each stored entry whose digest is its file's, renders (counts) the others. */
	function globLike(files: Map<string, string>, stored: Map<string, string>, rendered: string[]): Loader {
		return {
			name: 'glob-like',
			load: async ({ generateDigest }) => {
				for (const [id, contents] of files) {
					const digest = generateDigest(contents);
					if (stored.get(id) === digest) continue;
					rendered.push(id);
					stored.set(id, digest);
				}
			},
		};
	}
	const context = { generateDigest: (data: unknown) => createHash('sha256').update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex') } as never;

	it('renders every story again when the renderer changed, its file unchanged, and gives it a new digest (the page key holds it)', async () => {
		const files = new Map([['a', 'body a'], ['b', 'body b']]);
		const stored = new Map<string, string>();
		const rendered: string[] = [];
		await renderedBy(globLike(files, stored, rendered), 'renderer 1').load(context);
		const first = new Map(stored);
		expect(rendered).toEqual(['a', 'b']);
		await renderedBy(globLike(files, stored, rendered), 'renderer 1').load(context);
		expect(rendered).toEqual(['a', 'b']);
		await renderedBy(globLike(files, stored, rendered), 'renderer 2').load(context);
		expect(rendered).toEqual(['a', 'b', 'a', 'b']);
		expect(stored.get('a')).not.toBe(first.get('a'));
	});
});

describe('the renderer digest', () => {
	let dir: string;
	beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'credence-renderer-'))));
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('changes with any of the files, and counts a missing one', () => {
		writeFileSync(path.join(dir, 'a.ts'), 'one');
		const before = rendererDigest(dir, ['a.ts', 'b.ts']);
		expect(rendererDigest(dir, ['a.ts', 'b.ts'])).toBe(before);
		writeFileSync(path.join(dir, 'b.ts'), '');
		const withB = rendererDigest(dir, ['a.ts', 'b.ts']);
		expect(withB).not.toBe(before);
		writeFileSync(path.join(dir, 'a.ts'), 'two');
		expect(rendererDigest(dir, ['a.ts', 'b.ts'])).not.toBe(withB);
	});

	it('covers every module the renderer’s modules import from the project, and every file is there', () => {
		for (const file of RENDERER_FILES) expect(() => readFileSync(path.join(projectRoot, file)), file).not.toThrow();
		for (const file of RENDERER_FILES.filter((name) => name.endsWith('.ts'))) {
			const source = readFileSync(path.join(projectRoot, file), 'utf8');
			for (const [, specifier] of source.matchAll(/^import\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
				const imported = path.relative(projectRoot, path.resolve(path.dirname(path.join(projectRoot, file)), specifier!)).split(path.sep).join('/');
				expect(RENDERER_FILES, `${file} imports ${imported}`).toContain(imported);
			}
		}
	});
});
