/**
 * The editor's whole configuration (Sveltia CMS), generated from the content schemas: which
 * collections a marketer can edit, where their files live, and the fields of each.
 *
 * Only public-facing content is listed. Judges, scores, rankings, assignments, results, feedback
 * and any other private record are never named here: the editor cannot open what its config does
 * not name, and a hosted editor's config is public. The cross-file rules (a customer's person
 * approves, authors from both sides) stay in `check`.
 */
import path from 'node:path';
import { z } from 'astro/zod';
import { entrySchema } from '../../schemas/award.ts';
import type { SchemaContext } from '../../schemas/common.ts';
import { customerSchema } from '../../schemas/customer.ts';
import { personSchema } from '../../schemas/person.ts';
import { productSchema } from '../../schemas/product.ts';
import { storySchema } from '../../schemas/story.ts';
import { INDUSTRIES, REGIONS, SIZES } from '../../schemas/taxonomy.ts';
import { videoSchema } from '../../schemas/video.ts';
import { COLLECTION_LAYOUT } from '../content/layout.ts';
import { type EditorField, type FieldOptions, type ImageFolder, fieldsOf } from './fields.ts';

/** Images are plain paths to the editor; which file they name is `check`'s business. */
const editorContext: SchemaContext = { image: () => z.string() };

/** Where each kind of image goes under the content folder (the sample content's layout). */
export const IMAGE_FOLDERS = {
	logos: 'assets/logos',
	headshots: 'assets/headshots',
	heroes: 'assets/heroes',
	posters: 'assets/posters',
} as const;

/** An award program, as far as the editor needs it: its folder name and categories. */
export interface EditorProgram {
	id: string;
	name: string;
	categories: { id: string; name: string }[];
}

/** How the hosted editor reaches the repository (`editor` in `site.yaml`). */
export interface EditorBackend {
	/** `owner/name` on GitHub. */
	repository: string;
	/** Branch the editor commits to. */
	branch: string;
	/** Address of an OAuth helper (e.g. a Cloudflare Worker running sveltia-cms-auth), if used. */
	authEndpoint?: string;
}

export interface CmsConfigInput {
	/** The content folder, relative to the repository root, with forward slashes (`content`). */
	contentDir: string;
	/** Award programs whose entries can be edited. */
	programs: EditorProgram[];
	/** The hosted backend; absent for local editing only. */
	backend?: EditorBackend;
	/** The editor's title. */
	title?: string;
	/** Name of the working copy's folder, which local editing asks the editor to choose. */
	localFolder?: string;
}

/** A collection of the editor's config (a Sveltia CMS folder collection). */
export interface EditorCollection {
	name: string;
	label: string;
	label_singular: string;
	description?: string;
	folder: string;
	extension: 'yaml' | 'md' | 'mdx';
	format: 'yaml' | 'frontmatter';
	identifier_field: string;
	slug: string;
	create: boolean;
	delete: boolean;
	fields: EditorField[];
	editor?: { preview: boolean };
	summary?: string;
}

/** Where a video plays from (`source.kind`), as its owners spell it. */
const VIDEO_SOURCES = { youtube: 'YouTube', vimeo: 'Vimeo', file: 'Video file (content/videos/media/)' };

const LABEL_SETS = [INDUSTRIES, REGIONS, SIZES, VIDEO_SOURCES] as Record<string, string>[];

/** Ids are file names: lower-case words joined by hyphens, as the content rules want them. */
const SLUG_OPTIONS = { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-', lowercase: true, trim: true };

/** An image stored in `folder` (relative to the content root), referred to from an entry in `entryFolder`. */
function imageFolder(contentDir: string, entryFolder: string, folder: string): ImageFolder {
	return {
		mediaFolder: `/${path.posix.join(contentDir, folder)}`,
		publicFolder: path.posix.relative(entryFolder, folder),
	};
}

/** The body of a Markdown file, below its front matter. */
const BODY: EditorField = { name: 'body', label: 'Body', widget: 'markdown', required: true, hint: 'The text of the piece, in Markdown.' };

/** Turns every field read-only: a file the editor may show but must not rewrite. */
function readOnly(fields: EditorField[]): EditorField[] {
	return fields.map((field) => ({ ...field, readonly: true, ...(Array.isArray(field.fields) ? { fields: readOnly(field.fields as EditorField[]) } : {}) }));
}

function collection(contentDir: string, base: string, spec: Omit<EditorCollection, 'folder' | 'slug' | 'create' | 'delete'> & Partial<Pick<EditorCollection, 'create' | 'delete'>>): EditorCollection {
	const { name, label, label_singular, ...rest } = spec;
	return { name, label, label_singular, folder: path.posix.join(contentDir, base), create: true, delete: true, ...rest, slug: `{{${spec.identifier_field}}}` };
}

/** The editor's collections: the public content a marketer edits, and nothing private. */
export function editorCollections({ contentDir, programs }: Pick<CmsConfigInput, 'contentDir' | 'programs'>): EditorCollection[] {
	const options = (images: Record<string, ImageFolder>, more: Partial<FieldOptions> = {}): FieldOptions => ({ images, labelSets: LABEL_SETS, ...more });
	const base = (name: 'customers' | 'people' | 'products' | 'stories' | 'videos') => COLLECTION_LAYOUT[name].base;
	const storyFields = fieldsOf(storySchema(editorContext), options({ 'hero.src': imageFolder(contentDir, base('stories'), IMAGE_FOLDERS.heroes) }));
	const collections: EditorCollection[] = [
		collection(contentDir, base('customers'), {
			name: 'customers', label: 'Customers', label_singular: 'Customer', extension: 'yaml', format: 'yaml', identifier_field: 'name',
			description: 'Customer organisations: the record every story, video and award entry hangs on.',
			fields: fieldsOf(customerSchema(editorContext), options({ logo: imageFolder(contentDir, base('customers'), IMAGE_FOLDERS.logos) })),
		}),
		collection(contentDir, base('people'), {
			name: 'people', label: 'People', label_singular: 'Person', extension: 'yaml', format: 'yaml', identifier_field: 'name',
			description: 'Authors, speakers and approvers, at customers and at the vendor.',
			fields: fieldsOf(personSchema(editorContext), options({ headshot: imageFolder(contentDir, base('people'), IMAGE_FOLDERS.headshots) })),
		}),
		collection(contentDir, base('products'), {
			name: 'products', label: 'Products', label_singular: 'Product', extension: 'yaml', format: 'yaml', identifier_field: 'name',
			fields: fieldsOf(productSchema, options({})),
		}),
		collection(contentDir, base('stories'), {
			name: 'stories', label: 'Stories', label_singular: 'Story', extension: 'md', format: 'frontmatter', identifier_field: 'title',
			description: 'Co-authored customer stories, with measured results and pull quotes.',
			fields: [...storyFields, BODY],
		}),
		collection(contentDir, base('stories'), {
			name: 'stories-mdx', label: 'Stories with components (MDX, read-only)', label_singular: 'Story with components', extension: 'mdx', format: 'frontmatter', identifier_field: 'title',
			description: 'Stories that use components are MDX: edit them in a text editor, not here.',
			create: false, delete: false,
			fields: readOnly([...storyFields, { ...BODY, widget: 'text', hint: 'MDX source, shown as written.' }]),
		}),
		collection(contentDir, base('videos'), {
			name: 'videos', label: 'Videos', label_singular: 'Video', extension: 'yaml', format: 'yaml', identifier_field: 'title',
			description: 'Video testimonials; each needs a WebVTT captions file beside it.',
			fields: fieldsOf(videoSchema(editorContext), options(
				{ 'poster.src': imageFolder(contentDir, base('videos'), IMAGE_FOLDERS.posters) },
				{
					overrides: {
						captions: {
							widget: 'file',
							// While unsaved, an upload's value is a blob: address, which the schema's pattern would refuse; check holds the saved path to it.
							pattern: undefined,
							media_folder: `/${path.posix.join(contentDir, base('videos'))}`,
							public_folder: '.',
							accept: '.vtt,text/vtt',
							choose_url: false,
							hint: 'WebVTT captions file, stored beside the video file (like ./acme-story.vtt). No captions, no video.',
						},
					},
				},
			)),
		}),
	];
	for (const program of programs) {
		const folder = path.posix.join('awards', program.id, 'entries');
		collections.push(collection(contentDir, folder, {
			name: `entries-${program.id}`, label: `Entries: ${program.name}`, label_singular: 'Entry', extension: 'md', format: 'frontmatter', identifier_field: 'title',
			description: `Entries to ${program.name}. The program's private files are not in the editor.`,
			fields: [
				...fieldsOf(entrySchema, options({}, {
					overrides: { category: { widget: 'select', pattern: undefined, options: program.categories.map((category) => ({ label: category.name, value: category.id })) } },
				})),
				{ ...BODY, hint: 'The entry itself, in Markdown.' },
			],
		}));
	}
	return collections;
}

/** The full config handed to `CMS.init({ config })`. */
export function cmsConfig(input: CmsConfigInput): Record<string, unknown> {
	const backend = input.backend
		? {
				name: 'github',
				repo: input.backend.repository,
				branch: input.backend.branch,
				...(input.backend.authEndpoint ? { base_url: input.backend.authEndpoint } : {}),
				commit_messages: { create: 'Add {{collection}} "{{slug}}" (editor)', update: 'Update {{collection}} "{{slug}}" (editor)', delete: 'Delete {{collection}} "{{slug}}" (editor)', uploadMedia: 'Upload "{{path}}" (editor)', deleteMedia: 'Delete "{{path}}" (editor)' },
			}
		: // Local editing only: Sveltia's local-repository mode works with any Git backend named here.
			{ name: 'github', repo: `local/${input.localFolder ?? 'credence'}`, branch: 'main' };
	return {
		load_config_file: false,
		app_title: input.title ?? 'Credence editor',
		backend,
		media_folder: `${input.contentDir}/${IMAGE_FOLDERS.heroes}`,
		show_preview_links: false,
		slug: SLUG_OPTIONS,
		output: { omit_empty_optional_fields: true, yaml: { indent_size: 2, indent_sequences: true, quote: 'none' } },
		collections: editorCollections(input),
	};
}
