/**
 * The editor's config is generated from the content schemas: every reference is a relation to
 * its collection, fixed sets are selects with the taxonomy's labels, required and patterns come
 * from the schema, descriptions become hints, images are stored where `check` expects them, and
 * no private award file is ever named. A kind of field the generator does not know becomes text.
 */
import { z } from 'astro/zod';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defOf } from '../../src/lib/content/zod-def.ts';
import { cmsConfig, editorCollections, type EditorCollection } from '../../src/lib/editor/cms-config.ts';
import { fieldsOf, type EditorField } from '../../src/lib/editor/fields.ts';
import { readEditorPrograms } from '../../src/lib/editor/programs.ts';
import { entrySchema } from '../../src/schemas/award.ts';
import { customerSchema } from '../../src/schemas/customer.ts';
import { personSchema } from '../../src/schemas/person.ts';
import { storySchema } from '../../src/schemas/story.ts';
import { INDUSTRIES, REGIONS, SIZES } from '../../src/schemas/taxonomy.ts';
import { videoSchema } from '../../src/schemas/video.ts';
import { fixtureContent } from '../helpers.ts';

const programs = [{ id: 'demo-awards', name: 'Demo Awards', categories: [{ id: 'operations', name: 'Operations excellence' }] }];
const collections = editorCollections({ contentDir: 'content', programs });
const byName = (name: string) => collections.find((c) => c.name === name)!;

/** Every field of a collection by its path (`hero.src`, `metrics.label`, `source.youtube.id`). */
function fieldMap(fields: EditorField[], at = ''): Map<string, EditorField> {
	const out = new Map<string, EditorField>();
	for (const field of fields) {
		const here = at ? `${at}.${field.name}` : field.name;
		out.set(here, field);
		for (const [key, value] of fieldMap((field.fields as EditorField[]) ?? [], here)) out.set(key, value);
		for (const type of (field.types as EditorField[]) ?? []) for (const [key, value] of fieldMap((type.fields as EditorField[]) ?? [], `${here}.${type.name}`)) out.set(key, value);
	}
	return out;
}

/** Every path of a schema holding a reference, with the collection it names (from the schema's own marks). */
function referencePaths(schema: z.ZodType): Map<string, string> {
	const out = new Map<string, string>();
	const visit = (node: z.ZodType, at: string, depth: number) => {
		if (depth > 20) return;
		const meta = z.globalRegistry.get(node) as { references?: string } | undefined;
		if (meta?.references) out.set(at, meta.references);
		const def = defOf(node);
		for (const [key, child] of Object.entries(def.shape ?? {})) visit(child, at ? `${at}.${key}` : key, depth + 1);
		for (const next of [def.innerType, def.element, def.in]) if (next) visit(next, at, depth + 1);
		for (const option of def.options ?? []) visit(option, at, depth + 1);
	};
	visit(schema, '', 0);
	return out;
}

const image = () => z.string();
const SCHEMAS: [string, z.ZodType][] = [
	['customers', customerSchema({ image })],
	['people', personSchema({ image })],
	['stories', storySchema({ image })],
	['videos', videoSchema({ image })],
	['entries-demo-awards', entrySchema],
];

describe('the editor config', () => {
	it.each(SCHEMAS)('%s: every reference in the schema is a relation to its collection', (name, schema) => {
		const refs = referencePaths(schema);
		expect(refs.size).toBeGreaterThan(0);
		const fields = fieldMap(byName(name).fields);
		for (const [at, collection] of refs) {
			expect(fields.get(at), at).toMatchObject({ widget: 'relation', collection, value_field: '{{slug}}', search_fields: ['name'] });
		}
	});

	it('lists several people as one relation field (authors, speakers)', () => {
		expect(fieldMap(byName('stories').fields).get('authors')).toMatchObject({ widget: 'relation', collection: 'people', multiple: true, min: 2 });
		expect(fieldMap(byName('videos').fields).get('speakers')).toMatchObject({ widget: 'relation', collection: 'people', multiple: true, min: 1 });
	});

	it('names no private award file, judges, scores, rankings, assignments, results, feedback or winners', () => {
		const config = JSON.stringify(cmsConfig({ contentDir: 'content', programs }));
		expect(config).not.toMatch(/awards\/[^"]*\/(judges|scores|rankings|assignments|results|feedback)|winners\.yaml|program\.yaml|content\/references/);
		expect(collections.map((c) => c.folder)).toEqual([
			'content/customers',
			'content/people',
			'content/products',
			'content/stories',
			'content/stories',
			'content/videos',
			'content/awards/demo-awards/entries',
		]);
	});

	it('offers fixed sets as selects labelled from the taxonomy', () => {
		const fields = fieldMap(byName('customers').fields);
		expect(fields.get('industry')).toMatchObject({ widget: 'select', options: Object.entries(INDUSTRIES).map(([value, label]) => ({ label, value })) });
		expect(fields.get('region')?.options).toContainEqual({ label: REGIONS.emea, value: 'emea' });
		expect(fields.get('size')?.options).toContainEqual({ label: SIZES.enterprise, value: 'enterprise' });
		expect(fieldMap(byName('stories').fields).get('metrics.better')).toMatchObject({ widget: 'select', options: [{ label: 'higher', value: 'higher' }, { label: 'lower', value: 'lower' }] });
	});

	it('takes required, pattern and hints from the schema', () => {
		const fields = fieldMap(byName('customers').fields);
		expect(fields.get('name')).toMatchObject({ required: true, hint: 'Organisation name.' });
		expect(fields.get('anonymousLabel')).toMatchObject({ required: false });
		expect(fields.get('website')?.pattern?.[0]).toBe('^https?://');
		const video = fieldMap(byName('videos').fields);
		expect(video.get('source.youtube.id')?.pattern).toEqual(['^[A-Za-z0-9_-]{11}$', 'expected an 11-character YouTube video id']);
		expect(video.get('source')).toMatchObject({ widget: 'object', typeKey: 'kind' });
		expect(fieldMap(byName('stories').fields).get('topics')).toMatchObject({ widget: 'list', field: { widget: 'string', pattern: ['^[a-z0-9]+(?:-[a-z0-9]+)*$', 'expected a topic like "demand-planning"'] } });
	});

	it('uses date and date-time pickers for dates, lists of objects for metrics, quotes, chapters and evidence', () => {
		const story = fieldMap(byName('stories').fields);
		expect(story.get('publishedOn')).toMatchObject({ widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' });
		expect(story.get('publishAt')).toMatchObject({ widget: 'datetime', output_utc: true });
		for (const [collection, at] of [['stories', 'metrics'], ['stories', 'quotes'], ['videos', 'chapters'], ['entries-demo-awards', 'evidence']]) {
			expect(fieldMap(byName(collection).fields).get(at), at).toMatchObject({ widget: 'list', fields: expect.any(Array) });
		}
	});

	it('stores images where check expects them, by a path relative to the entry', () => {
		expect(fieldMap(byName('customers').fields).get('logo')).toMatchObject({ widget: 'image', media_folder: '/content/assets/logos', public_folder: '../assets/logos' });
		expect(fieldMap(byName('stories').fields).get('hero.src')).toMatchObject({ widget: 'image', media_folder: '/content/assets/heroes', public_folder: '../assets/heroes' });
		const captions = fieldMap(byName('videos').fields).get('captions');
		expect(captions).toMatchObject({ widget: 'file', media_folder: '/content/videos', public_folder: '.' });
		// An upload is a blob: address until saved: a pattern would refuse every new file.
		expect(captions?.pattern).toBeUndefined();
	});

	it('edits Markdown stories with their body, and shows MDX stories read-only', () => {
		expect(byName('stories')).toMatchObject({ extension: 'md', format: 'frontmatter', create: true });
		expect(byName('stories').fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
		const mdx: EditorCollection = byName('stories-mdx');
		expect(mdx).toMatchObject({ extension: 'mdx', create: false, delete: false });
		expect(mdx.fields.every((field) => field.readonly === true)).toBe(true);
	});

	it("offers an award entry's category from its program", () => {
		expect(fieldMap(byName('entries-demo-awards').fields).get('category')).toMatchObject({ widget: 'select', options: [{ label: 'Operations excellence', value: 'operations' }] });
	});

	it('makes a text field of a kind of field it does not know, rather than failing', () => {
		const fields = fieldsOf(z.object({ big: z.bigint(), odd: z.custom<string>(() => true), when: z.map(z.string(), z.string()) }), { images: {}, labelSets: [] });
		expect(fields.map((f) => [f.name, f.widget])).toEqual([['big', 'string'], ['odd', 'string'], ['when', 'string']]);
	});

	it('uses the GitHub backend from site.yaml for hosted editing', () => {
		expect(cmsConfig({ contentDir: 'content', programs, backend: { repository: 'acme/evidence', branch: 'main', authEndpoint: 'https://auth.example.workers.dev' } }).backend).toMatchObject({
			name: 'github',
			repo: 'acme/evidence',
			branch: 'main',
			base_url: 'https://auth.example.workers.dev',
		});
	});
});

describe('the programs the editor lists', () => {
	it('reads each program folder for its name and categories', () => {
		expect(readEditorPrograms(fixtureContent)).toEqual([{ id: 'demo-awards', name: expect.any(String), categories: expect.arrayContaining([expect.objectContaining({ id: expect.any(String) })]) }]);
	});

	it('does not follow a program file that links outside the content folder', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'credence-editor-'));
		try {
			writeFileSync(path.join(dir, 'secret.yaml'), 'name: Secret outside\ncategories: []\n');
			mkdirSync(path.join(dir, 'awards/linked'), { recursive: true });
			symlinkSync(path.join(dir, 'secret.yaml'), path.join(dir, 'awards/linked/program.yaml'));
			expect(readEditorPrograms(dir)).toEqual([]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe("site.yaml's editor block", () => {
	it('is off unless turned on, and needs a repository when on', async () => {
		const { editorSettingsSchema } = await import('../../src/schemas/site.ts');
		expect(editorSettingsSchema.parse({})).toEqual({ enabled: false, branch: 'main' });
		const refused = editorSettingsSchema.safeParse({ enabled: true });
		expect(refused.success).toBe(false);
		expect(refused.error?.issues[0]).toMatchObject({ path: ['repository'], message: expect.stringMatching(/expected repository \(owner\/name on GitHub\) when the editor is enabled/) });
		expect(editorSettingsSchema.safeParse({ enabled: true, repository: 'not a repo' }).success).toBe(false);
		expect(editorSettingsSchema.parse({ enabled: true, repository: 'acme/evidence' })).toMatchObject({ enabled: true, repository: 'acme/evidence', branch: 'main' });
	});
});
