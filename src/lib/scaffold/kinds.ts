/**
 * The kinds of item `npm run new` starts: where each one's file goes, which field names it, and
 * what it gets besides its schema's fields (a story's body, a video's captions file).
 */
import type { z } from 'astro/zod';
import type { CollectionName } from '../content/layout.ts';
import { cliSchemaContext } from '../content/validate.ts';
import { COLLECTION_SCHEMAS, IMAGE_FIELDS } from '../../schemas/index.ts';
import { fieldsOf, type FieldSpec } from './fields.ts';
import { placeholder } from './placeholder.ts';

export const KIND_NAMES = ['customer', 'person', 'product', 'story', 'video', 'entry'] as const;
export type KindName = (typeof KIND_NAMES)[number];

export interface Kind {
	name: KindName;
	/** How a person calls it in a sentence. */
	noun: string;
	collection: CollectionName;
	/** The field the id is made from. */
	idFrom: 'title' | 'name';
	/** The item's file, relative to the content folder. */
	file: (id: string, program?: string) => string;
	/** The Markdown body under the front matter (Markdown kinds only). */
	body?: string;
	/** Where the images a new item needs usually go, by field: a path relative to the item's file, `<id>` for its id. */
	imageHints: Record<string, string>;
	/** The fields filled from the schema. */
	fields: () => FieldSpec[];
}

const schemaFields = (collection: CollectionName) => () => fieldsOf(COLLECTION_SCHEMAS[collection](cliSchemaContext) as z.ZodType, IMAGE_FIELDS[collection] ?? []);

const STORY_BODY = [
	placeholder('the story in Markdown, in the customer\'s words: where things stood, what changed and how, the results and how they were measured. Start sections with ## Heading.'),
	'',
].join('\n');

const ENTRY_BODY = [
	placeholder('the entry in plain Markdown: the problem, what the team did, the results against a baseline, what others can learn. Judges read it as written.'),
	'',
].join('\n');

export const KINDS: Record<KindName, Kind> = {
	customer: { name: 'customer', noun: 'customer', collection: 'customers', idFrom: 'name', file: (id) => `customers/${id}.yaml`, imageHints: { logo: '../assets/logos/<id>.svg' }, fields: schemaFields('customers') },
	person: { name: 'person', noun: 'person', collection: 'people', idFrom: 'name', file: (id) => `people/${id}.yaml`, imageHints: { headshot: '../assets/headshots/<id>.png' }, fields: schemaFields('people') },
	product: { name: 'product', noun: 'product', collection: 'products', idFrom: 'name', file: (id) => `products/${id}.yaml`, imageHints: {}, fields: schemaFields('products') },
	story: { name: 'story', noun: 'story', collection: 'stories', idFrom: 'title', file: (id) => `stories/${id}.md`, body: STORY_BODY, imageHints: { 'hero.src': '../assets/heroes/<id>.jpg' }, fields: schemaFields('stories') },
	video: { name: 'video', noun: 'video', collection: 'videos', idFrom: 'title', file: (id) => `videos/${id}.yaml`, imageHints: { 'poster.src': '../assets/posters/<id>.jpg' }, fields: schemaFields('videos') },
	entry: { name: 'entry', noun: 'award entry', collection: 'awardEntries', idFrom: 'title', file: (id, program) => `awards/${program}/entries/${id}.md`, body: ENTRY_BODY, imageHints: {}, fields: schemaFields('awardEntries') },
};

/** `award-entry` and plurals are taken too: people type what they read in the docs. */
export function kindNamed(name: string): Kind | undefined {
	const plain = name.toLowerCase().replace(/^award-?/, '').replace(/ies$/, 'y').replace(/s$/, '');
	const known = plain === 'people' ? 'person' : plain;
	return (KIND_NAMES as readonly string[]).includes(known) ? KINDS[known as KindName] : undefined;
}
