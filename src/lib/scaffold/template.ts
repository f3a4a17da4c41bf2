/**
 * A new item's files from what a person gave: every field they gave, every required field they
 * did not as a placeholder (`TODO: …`), in the schema's order, written as the hand-written files
 * in `content/` are (block YAML, lists one item a line, times in quotes).
 */
import { Document, Scalar, visit } from 'yaml';
import { parseStrictDate } from '../../schemas/common.ts';
import { parseTimestamp } from '../../schemas/video.ts';
import { didYouMean, unknownNameHint } from '../spelling.ts';
import type { FieldSpec, ValueKind } from './fields.ts';
import type { Kind } from './kinds.ts';
import { placeholder } from './placeholder.ts';
import { videoIdFromUrl } from '../video-url.ts';

/** What a person gave, by flag: text, or a list for list fields. */
export type Given = Record<string, string | string[] | undefined>;

/** Ids that exist, by collection (`people`, `customers`, `products`…). */
export type KnownIds = Record<string, readonly string[]>;

export interface ScaffoldContext {
	/** Today, `2026-12-05`: the default publication or submission day. */
	today: string;
	known: KnownIds;
	/** For an award entry: its program and the program's category ids. */
	program?: { id: string; categories: string[] };
}

/** The fields of `kind` as `npm run new` asks for them: the entry's category takes its program's categories. */
export function fieldsFor(kind: Kind, context: Pick<ScaffoldContext, 'program'>): FieldSpec[] {
	return kind.fields().map((field) =>
		kind.name === 'entry' && field.flag === 'category' && context.program ? { ...field, value: { kind: 'enum', values: context.program.categories }, description: `Category of ${context.program.id}.` } : field,
	);
}

/** Which collection a ref names, in words: `content/people/`. */
const folderOf = (collection: string) => `content/${collection}/`;

/** What a placeholder asks for, from the field's kind and description (the field's name is beside it, in the file and in check's report). */
export function requestFor(field: FieldSpec, kind: Kind, id: string): string {
	// ref()'s own description says only what any id is: the field's name beside it says more.
	const described = field.description && !/^Id of an entry in the /.test(field.description) ? field.description.replace(/\.$/, '') : undefined;
	const about = (words: string) => (described ? `${described}: ${words}` : words);
	const value: ValueKind = field.value;
	switch (value.kind) {
		case 'ref':
			return about(`the id of an entry in ${folderOf(value.collection)} (its file name without the extension)`);
		case 'date':
			return about('a date like 2026-05-01');
		case 'time':
			return about('a time like 2:21, in quotes');
		case 'enum':
			return `one of ${value.values.join(', ')}`;
		case 'image': {
			const hint = kind.imageHints[field.path.join('.')];
			return `put the image in content/assets/ and write its path from this file${hint ? `, like ${hint.replace('<id>', id)}` : ''}`;
		}
		default:
			return described ?? field.path.join('.');
	}
}

/** Why a value given for `field` is not one it takes; undefined when it is. */
export function valueProblem(field: FieldSpec, value: string, known: KnownIds): string | undefined {
	const kind = field.value;
	if (value.trim() === '') return 'is empty';
	switch (kind.kind) {
		case 'ref': {
			const ids = known[kind.collection] ?? [];
			return ids.includes(value) ? undefined : `found "${value}", which is no entry in ${folderOf(kind.collection)} (${unknownNameHint(value, ids, { none: `${folderOf(kind.collection)} has none yet: start one with npm run new` })})`;
		}
		case 'enum':
			return kind.values.includes(value) ? undefined : `expected one of ${kind.values.join(', ')}, found "${value}"${didYouMean(value, kind.values)}`;
		case 'date':
			return parseStrictDate(value, { allowTime: field.flag === 'publish-at' }) ? undefined : `expected a date like 2026-05-01, found "${value}"`;
		case 'time':
			return parseTimestamp(value) !== undefined ? undefined : `expected a time like 2:21 or 1:02:03, found "${value}"`;
		case 'boolean':
			return ['true', 'false'].includes(value) ? undefined : `expected true or false, found "${value}"`;
		case 'number':
			return Number.isFinite(Number(value)) ? undefined : `expected a number, found "${value}"`;
		default:
			return undefined;
	}
}

/** A given text as the field holds it. */
function typed(field: FieldSpec, value: string): unknown {
	if (field.value.kind === 'boolean') return value === 'true';
	if (field.value.kind === 'number') return Number(value);
	return value.trim();
}

/** A video's source from what was given: a YouTube or Vimeo address, or a file name in content/videos/media/. */
export function videoSource(given: string): { kind: string; id?: string; file?: string } | undefined {
	const hosted = videoIdFromUrl(given);
	if (hosted) return hosted;
	if (/^[a-z0-9-]+\.(mp4|webm)$/.test(given)) return { kind: 'file', file: given };
	return undefined;
}

/** Sets `value` at `path` inside `target`, making the groups on the way. */
function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
	let at = target;
	for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
	at[path[path.length - 1]] = value;
}

/** Required by the rules across fields, not by the field itself: a customer's person names the customer; an analyst or academic, their firm. */
function requiredBesides(kind: Kind, given: Given): string[] {
	if (kind.name !== 'person') return [];
	if (given.role === 'customer') return ['customer'];
	if (given.role === 'analyst' || given.role === 'academic') return ['affiliation'];
	return [];
}

/** Fields a machine fills when they are not given: the publication or submission day (today), a video's captions file beside it. */
const FILLED_BY_DEFAULT = new Set(['published-on', 'submitted-on', 'captions']);

/**
 * The fields a person is asked for, in order: those an item needs (by its schema, or by the rules
 * across its fields) that were not given and that no default fills.
 */
export function fieldsToAsk(kind: Kind, given: Given, context: Pick<ScaffoldContext, 'program'>): FieldSpec[] {
	const alsoRequired = requiredBesides(kind, given);
	return fieldsFor(kind, context).filter((field) => given[field.flag] === undefined && !FILLED_BY_DEFAULT.has(field.flag) && (field.required || alsoRequired.includes(field.flag)));
}

export interface NewItem {
	/** The file, relative to the content folder. */
	file: string;
	text: string;
	/** Placeholders left in it. */
	placeholders: number;
}

/**
 * The data of a new item of `kind` with id `id`: what was `given` (already checked with
 * `valueProblem`), a placeholder for each required field not given, and the defaults a machine
 * can fill (today's date, a video's captions file beside it).
 */
export function itemData(kind: Kind, id: string, given: Given, context: ScaffoldContext): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	const alsoRequired = requiredBesides(kind, given);
	for (const field of fieldsFor(kind, context)) {
		const value = given[field.flag];
		if (field.value.kind === 'other') {
			if (kind.name === 'video' && field.flag === 'source') {
				const source = typeof value === 'string' ? videoSource(value) : undefined;
				data.source = source ?? { kind: placeholder('youtube, vimeo or file'), id: placeholder('the id from the video\'s address (or, for kind: file, write file: <name>.mp4 instead of id)') };
			}
			continue;
		}
		if (Array.isArray(value) ? value.length : value !== undefined) {
			setAt(data, field.path, Array.isArray(value) ? value.map((v) => typed(field, v)) : typed(field, value as string));
			continue;
		}
		if (kind.name === 'video' && field.flag === 'captions') {
			data.captions = `./${id}.vtt`;
			continue;
		}
		if (field.value.kind === 'date' && (field.flag === 'published-on' || field.flag === 'submitted-on')) {
			setAt(data, field.path, context.today);
			continue;
		}
		if (!field.required && !alsoRequired.includes(field.flag)) continue;
		const request = placeholder(requestFor(field, kind, id));
		setAt(data, field.path, field.list ? Array.from({ length: Math.max(1, field.minItems) }, () => request) : request);
	}
	return data;
}

/** YAML as the hand-written files are: block style, no folding, times quoted. */
export function itemYaml(data: Record<string, unknown>): string {
	const document = new Document(data, { version: '1.2' });
	visit(document, {
		Scalar(_, node) {
			// A time written unquoted (2:21) reads as a time to YAML 1.1 tools: quoted like the samples.
			if (typeof node.value === 'string' && /^\d+:\d{2}(:\d{2})?$/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
		},
	});
	return document.toString({ lineWidth: 0, flowCollectionPadding: false, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}

/** The files of a new item: its own, and a video's captions skeleton. */
export function itemFiles(kind: Kind, id: string, given: Given, context: ScaffoldContext): NewItem[] {
	const data = itemData(kind, id, given, context);
	const yaml = itemYaml(data);
	const text = kind.body === undefined ? yaml : `---\n${yaml}---\n\n${kind.body}`;
	const count = (s: string) => s.split(placeholder('')).length - 1;
	const files: NewItem[] = [{ file: kind.file(id, context.program?.id), text, placeholders: count(text) }];
	if (kind.name === 'video') {
		const captions = ['WEBVTT', '', '1', '00:00:00.000 --> 00:00:04.000', placeholder('the captions, one cue per line or two of speech, with its start and end time'), ''].join('\n');
		files.push({ file: `videos/${id}.vtt`, text: captions, placeholders: 1 });
	}
	return files;
}
