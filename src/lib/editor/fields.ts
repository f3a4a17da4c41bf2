/**
 * Turns a content schema (zod 4) into the editor's field list (Sveltia CMS `fields`). The editor
 * is a view of the schemas, never a second copy of them: a field added to a schema shows up in
 * the editor with its type, whether it is required, its pattern and its description as a hint.
 *
 * Zod has no public API for walking a schema, so this reads definitions through `defOf`, and the
 * marks the schema modules leave with `.meta()` (`FieldMeta` in `src/schemas/common.ts`). A type
 * this walker does not know becomes a plain text field rather than an error, so a new kind of
 * field never takes the editor down; `check` still judges what is saved.
 */
import { z } from 'astro/zod';
import type { FieldMeta } from '../../schemas/common.ts';
import { defOf } from '../content/zod-def.ts';

/** One field of the editor's config (a Sveltia CMS field); loose on purpose: it is written out as JSON. */
export interface EditorField {
	name: string;
	label: string;
	widget: string;
	required?: boolean;
	hint?: string;
	pattern?: [string, string];
	default?: unknown;
	[option: string]: unknown;
}

/** Where the images of one field are stored, and how the entry file refers to them. */
export interface ImageFolder {
	/** Folder from the repository root, with a leading slash (`/content/assets/logos`). */
	mediaFolder: string;
	/** The same folder relative to the entry file (`../assets/logos`), as `check` expects it. */
	publicFolder: string;
}

/** What the walker needs to know beyond the schema. */
export interface FieldOptions {
	/** Image fields by path (`hero.src`), with the folder their files go to. */
	images: Record<string, ImageFolder>;
	/** Labels for the values of a fixed set or the variants of a union, when the values alone would read poorly (`emea`, `youtube`). */
	labelSets: Record<string, string>[];
	/** Fields replaced outright, by path (an award entry's category, whose values live in its program). */
	overrides?: Record<string, Partial<EditorField>>;
	/** Fields left out of the editor, by path. */
	omit?: string[];
}

/** The schema's own metadata (description and `FieldMeta` marks), merged over every wrapper. */
function metaOf(schema: z.ZodType): FieldMeta & { description?: string } {
	return (z.globalRegistry.get(schema) ?? {}) as FieldMeta & { description?: string };
}

/** `publishedOn` → `Published on`. */
export function labelFor(name: string): string {
	const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A schema with its optional/default/nullable wrappers taken off, and what they said. */
interface Unwrapped {
	core: z.ZodType;
	required: boolean;
	defaultValue?: unknown;
	description?: string;
	meta: FieldMeta;
}

function unwrap(schema: z.ZodType): Unwrapped {
	let core = schema;
	let required = true;
	let defaultValue: unknown;
	let description: string | undefined;
	const meta: FieldMeta = {};
	for (let depth = 0; depth < 20; depth++) {
		const own = metaOf(core);
		description ??= own.description;
		meta.references ??= own.references;
		meta.calendar ??= own.calendar;
		const def = defOf(core);
		if (def.type === 'optional' || def.type === 'nullable') {
			required = false;
			core = def.innerType!;
		} else if (def.type === 'default' || def.type === 'prefault') {
			required = false;
			defaultValue ??= typeof def.defaultValue === 'function' ? undefined : def.defaultValue;
			core = def.innerType!;
		} else if (def.type === 'readonly' || def.type === 'catch') {
			core = def.innerType!;
		} else break;
	}
	return { core, required, defaultValue, description, meta };
}

/** The patterns a string schema checks, as `[source, message]` for the editor's validation. */
function patternOf(schema: z.ZodType): [string, string] | undefined {
	const checks = (defOf(schema) as { checks?: { _zod: { def: { check: string; format?: string; pattern?: RegExp; error?: (issue: unknown) => unknown } } }[] }).checks ?? [];
	for (const check of checks) {
		const def = check._zod.def;
		if (def.check === 'string_format' && def.format === 'regex' && def.pattern) {
			const message = def.error?.({ code: 'invalid_format', input: '' });
			return [def.pattern.source, typeof message === 'string' ? message : `expected text matching ${def.pattern.source}`];
		}
	}
	const format = (defOf(schema) as { format?: string }).format;
	if (format === 'url') return ['^https?://', 'expected a web address starting with https:// or http://'];
	return undefined;
}

/** The minimum length an array schema checks, if any. */
function minItemsOf(schema: z.ZodType): number | undefined {
	const checks = (defOf(schema) as { checks?: { _zod: { def: { check: string; minimum?: number } } }[] }).checks ?? [];
	const min = checks.find((check) => check._zod.def.check === 'min_length')?._zod.def.minimum;
	return typeof min === 'number' ? min : undefined;
}

/** Whether a number schema allows only whole numbers. */
function isInteger(schema: z.ZodType): boolean {
	const checks = (defOf(schema) as { checks?: { _zod: { def: { check: string; format?: string } } }[] }).checks ?? [];
	return checks.some((check) => check._zod.def.check === 'number_format' && /int/.test(check._zod.def.format ?? ''));
}

/** A relation to another collection: searched and shown by name, stored as the entry's id (its file name). */
function relation(collection: string): Partial<EditorField> {
	return {
		widget: 'relation',
		collection,
		value_field: '{{slug}}',
		search_fields: ['name'],
		display_fields: ['name'],
	};
}

/** Options of a fixed set, labelled from the taxonomy when one matches its values exactly. */
function selectOptions(values: string[], labelSets: Record<string, string>[]): { label: string; value: string }[] {
	const labels = labelSets.find((set) => Object.keys(set).length === values.length && values.every((value) => value in set));
	return values.map((value) => ({ label: labels?.[value] ?? value, value }));
}

/** The widget options for one schema node (without name, label, required and hint). */
function widgetFor(schema: z.ZodType, meta: FieldMeta, path: string, options: FieldOptions): Partial<EditorField> {
	const image = options.images[path];
	if (image) {
		return { widget: 'image', media_folder: image.mediaFolder, public_folder: image.publicFolder, choose_url: false };
	}
	if (meta.references) return relation(meta.references);
	if (meta.calendar === 'date') return { widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' };
	if (meta.calendar === 'date-time') return { widget: 'datetime', output_utc: true };
	const def = defOf(schema);
	switch (def.type) {
		case 'string': {
			const pattern = patternOf(schema);
			return pattern ? { widget: 'string', pattern } : { widget: 'string' };
		}
		case 'number':
			return { widget: 'number', value_type: isInteger(schema) ? 'int' : 'float' };
		case 'boolean':
			return { widget: 'boolean' };
		case 'enum':
			return { widget: 'select', options: selectOptions(Object.values(def.entries ?? {}).map(String), options.labelSets) };
		case 'object':
			return { widget: 'object', fields: fieldsOf(schema, options, path) };
		case 'array': {
			const element = unwrap(def.element!);
			const min = minItemsOf(schema);
			const bounds = min === undefined ? {} : { min };
			if (element.meta.references) return { ...relation(element.meta.references), multiple: true, ...bounds };
			const item = widgetFor(element.core, element.meta, `${path}[]`, options);
			if (item.widget === 'object') return { widget: 'list', fields: item.fields, ...bounds };
			if (item.widget === 'string' && !item.pattern) return { widget: 'list', ...bounds };
			return { widget: 'list', field: { name: 'item', label: labelFor(path.split('.').at(-1) ?? 'item'), ...item }, ...bounds };
		}
		case 'union': {
			const variants = variantsOf(schema, path, options);
			if (variants) return variants;
			break;
		}
		case 'pipe':
			return widgetFor(unwrap(def.in!).core, meta, path, options);
		case 'lazy':
			return def.getter ? widgetFor(def.getter(), meta, path, options) : { widget: 'string' };
	}
	// A kind of field this walker does not know: plain text, so the editor still opens; check judges it.
	return { widget: 'string' };
}

/**
 * A union of objects told apart by one literal field (a video's `source` by `kind`): an object
 * whose variant is picked first, then its fields filled in.
 */
function variantsOf(schema: z.ZodType, path: string, options: FieldOptions): Partial<EditorField> | undefined {
	const def = defOf(schema) as ReturnType<typeof defOf> & { discriminator?: string };
	const key = def.discriminator;
	if (!key) return undefined;
	const types = (def.options ?? []).map((option) => {
		const shape = defOf(option).shape ?? {};
		const value = String(defOf(shape[key]).values?.[0]);
		const rest = z.object(Object.fromEntries(Object.entries(shape).filter(([name]) => name !== key)));
		return { name: value, label: options.labelSets.find((set) => value in set)?.[value] ?? labelFor(value), widget: 'object', fields: fieldsOf(rest, options, path) };
	});
	return { widget: 'object', typeKey: key, types };
}

/** The editor's fields for an object schema (refinements looked through), in the schema's order. */
export function fieldsOf(schema: z.ZodType, options: FieldOptions, at = ''): EditorField[] {
	let node = schema;
	for (let depth = 0; depth < 10 && defOf(node).type !== 'object'; depth++) {
		const def = defOf(node);
		const next = def.innerType ?? def.in;
		if (!next) break;
		node = next;
	}
	const shape = defOf(node).shape ?? {};
	const fields: EditorField[] = [];
	for (const [name, child] of Object.entries(shape)) {
		const path = at ? `${at}.${name}` : name;
		if (options.omit?.includes(path)) continue;
		const { core, required, defaultValue, description, meta } = unwrap(child);
		const widget = widgetFor(core, meta, path, options);
		const field: EditorField = { name, label: labelFor(name), widget: 'string', ...widget, required };
		if (description) field.hint = description;
		if (defaultValue !== undefined && !(Array.isArray(defaultValue) && defaultValue.length === 0) && typeof defaultValue !== 'object') field.default = defaultValue;
		Object.assign(field, options.overrides?.[path]);
		fields.push(field);
	}
	return fields;
}
