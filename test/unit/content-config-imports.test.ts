/**
 * The content configuration is loaded through Vite's module runner at the start of every build,
 * before content sync: each module it imports is transformed on Astro's main thread first.
 * `astro:content` is Astro's whole content runtime (getCollection, render, image helpers: about 60
 * more modules), of which the configuration needs only `defineCollection`; Astro exports that on
 * its own as `astro/content/config`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro/content/config';
import { describe, expect, it } from 'vitest';

const source = readFileSync(path.join(import.meta.dirname, '../../src/content.config.ts'), 'utf8');

describe('src/content.config.ts', () => {
	it('imports only types from astro:content, so Vite does not load the content runtime before sync', () => {
		const fromContent = [...source.matchAll(/^import\s+(type\s+)?\{[^}]*\}\s+from\s+'astro:content';$/gm)];
		expect(fromContent.length).toBeGreaterThan(0);
		for (const match of fromContent) expect(match[1], match[0]).toBeTruthy();
		expect(source).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+'astro:content'/m);
		expect(source).toMatch(/^import \{ defineCollection \} from 'astro\/content\/config';$/m);
	});

	it("takes defineCollection from astro/content/config, which makes a loader's collection a content-layer one as astro:content's does", () => {
		const loader = { name: 'test', load: async () => {} };
		expect(defineCollection({ loader })).toMatchObject({ type: 'content_layer', loader });
		expect(() => defineCollection({ loader, type: 'live' } as never)).toThrow(/legacy features/);
	});
});
