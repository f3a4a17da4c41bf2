/** A collection schema built once parses every entry to what a schema built for that entry gives, images included. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter, parseYaml } from '../../src/lib/content/load.ts';
import { PendingImage, resolvePendingImages, schemaBuiltOnce } from '../../src/loaders/schema-built-once.ts';
import type { SchemaContext } from '../../src/schemas/common.ts';
import { customerSchema } from '../../src/schemas/customer.ts';
import { personSchema } from '../../src/schemas/person.ts';
import { storySchema } from '../../src/schemas/story.ts';
import { videoSchema } from '../../src/schemas/video.ts';

const content = path.resolve(import.meta.dirname, '../../content');

/** An `image()` of one entry's own, as Astro gives each entry: the path it makes depends on the entry's file. */
const imageOf = (file: string) => () => z.string().transform((src) => `__IMAGE__${path.dirname(file)}|${src}`);

/** The sample's entries of a collection: file and front matter (or YAML) data, read afresh for each parse. */
function sampleEntries(folder: string): { file: string; data: () => unknown }[] {
	return readdirSync(path.join(content, folder))
		.filter((name) => /\.(md|mdx|yaml)$/.test(name))
		.map((name) => {
			const file = path.join(content, folder, name);
			const source = readFileSync(file, 'utf8');
			return { file, data: () => (name.endsWith('.yaml') ? parseYaml(source, file).data : parseFrontmatter(source, file).data) };
		});
}

const collections = [
	['stories', storySchema],
	['videos', videoSchema],
	['people', personSchema],
	['customers', customerSchema],
] as const;

describe.each(collections)('%s', (folder, build) => {
	const entries = sampleEntries(folder);

	it('parses every sample entry to what its own schema gives, each image through its own image()', async () => {
		expect(entries.length).toBeGreaterThan(2);
		const once = schemaBuiltOnce(build as (context: SchemaContext) => z.ZodType);
		for (const { file, data } of entries) {
			const expected = await build({ image: imageOf(file) }).safeParseAsync(data());
			const actual = await once({ image: imageOf(file) }).safeParseAsync(data());
			expect(expected.success, file).toBe(true);
			expect(actual, file).toEqual(expected);
		}
	});

	it('reports a mistake as its own schema does', async () => {
		const once = schemaBuiltOnce(build as (context: SchemaContext) => z.ZodType);
		const { file, data } = entries[0]!;
		const broken = () => ({ ...(data() as Record<string, unknown>), unexpected: true, previousIds: [42] });
		const expected = await build({ image: imageOf(file) }).safeParseAsync(broken());
		const actual = await once({ image: imageOf(file) }).safeParseAsync(broken());
		expect(expected.success).toBe(false);
		expect(actual.success).toBe(false);
		expect(actual.error!.issues).toEqual(expected.error!.issues);
	});
});

it('builds the schema once however many entries it parses', () => {
	let builds = 0;
	const once = schemaBuiltOnce((context: SchemaContext) => (builds++, z.object({ src: context.image() })));
	for (const file of ['a/x.md', 'b/y.md', 'c/z.md']) expect(once({ image: imageOf(file) }).parse({ src: 'p.jpg' })).toEqual({ src: `__IMAGE__${path.dirname(file)}|p.jpg` });
	expect(builds).toBe(1);
});

it('gives an entry image() refusal with the place of the image in the entry', () => {
	const once = schemaBuiltOnce((context: SchemaContext) => z.object({ gallery: z.array(z.object({ src: context.image() })) }));
	const refusing = () => z.string().refine((src) => src.endsWith('.jpg'), { error: 'expected a JPEG' });
	const result = once({ image: refusing }).safeParse({ gallery: [{ src: 'a.jpg' }, { src: 'b.gif' }] });
	expect(result.success).toBe(false);
	expect(result.error!.issues).toMatchObject([{ message: 'expected a JPEG', path: ['gallery', 1, 'src'] }]);
});

it('resolves pending images at any depth of plain objects and arrays, and leaves other values alone', () => {
	const day = new Date(0);
	const bare = Object.assign(Object.create(null), { e: new PendingImage('z') });
	const value = { a: new PendingImage('x'), b: [{ c: new PendingImage('y') }], d: bare, day, n: 1 };
	expect(resolvePendingImages(value, (src, at) => `${at.join('.')}=${src}`)).toEqual({ a: 'a=x', b: [{ c: 'b.0.c=y' }], d: Object.assign(Object.create(null), { e: 'd.e=z' }), day, n: 1 });
});
