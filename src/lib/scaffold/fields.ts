/**
 * The fields of a content schema as `npm run new` fills them: read from the zod schema itself, so
 * a field added to a schema gets its flag, its prompt and its placeholder without a second list to
 * keep in step. Groups (hero, approval) are followed; lists of groups (metrics, quotes) are left
 * for the person to add, as they are optional.
 */
import type { z } from 'astro/zod';
import { defOf } from '../content/zod-def.ts';

/** What a field holds, as far as filling it in goes. */
export type ValueKind =
	| { kind: 'text' }
	| { kind: 'ref'; collection: string }
	| { kind: 'date' }
	| { kind: 'time' }
	| { kind: 'enum'; values: string[] }
	| { kind: 'number' }
	| { kind: 'boolean' }
	| { kind: 'image' }
	/** Anything else (a choice of shapes, like a video's source): the kind's own code fills it. */
	| { kind: 'other' };

export interface FieldSpec {
	/** Where it goes: `['hero', 'src']`. */
	path: string[];
	/** Its command-line flag, without the dashes: `hero-src`, `approval-approved-by`. */
	flag: string;
	/** Needed for the file to be valid (in a group that is needed too). */
	required: boolean;
	/** A list of values (authors, topics); at least `minItems` when required. */
	list: boolean;
	minItems: number;
	value: ValueKind;
	/** The schema's description of the field. */
	description?: string;
}

const REF_DESCRIPTION = /^Id of an entry in the (\w+) collection/;
const REF_ERROR = /^expected the id of an entry in (\w+) /;

/** `approvedBy` → `approved-by` */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The layers of wrappers around a field's schema (optional, default, pipe…), outermost first, and what is inside them. */
function unwrap(schema: z.ZodType): { layers: z.ZodType[]; optional: boolean } {
	const layers: z.ZodType[] = [];
	let optional = false;
	let current: z.ZodType | undefined = schema;
	for (let depth = 0; current && depth < 20; depth++) {
		layers.push(current);
		const def = defOf(current);
		if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') optional = true;
		if (['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(def.type)) current = def.innerType;
		else if (def.type === 'pipe' && defOf(def.in!).type !== 'union') current = def.in;
		else break;
	}
	return { layers, optional };
}

const descriptionOf = (layers: z.ZodType[]) => layers.map((l) => (l as { description?: string }).description).find(Boolean);

/** What the innermost schema holds. */
function valueKind(layers: z.ZodType[]): ValueKind {
	for (const layer of layers) {
		// ref() (schemas/common.ts) describes itself and says so in its type error; a field's own
		// .describe() replaces the first, never the second.
		const error = (defOf(layer) as { error?: (issue: object) => unknown }).error?.({});
		const ref = REF_DESCRIPTION.exec((layer as { description?: string }).description ?? '') ?? (typeof error === 'string' ? REF_ERROR.exec(error) : null);
		if (ref) return { kind: 'ref', collection: ref[1] };
	}
	const def = defOf(layers[layers.length - 1]);
	if (def.type === 'string') return { kind: 'text' };
	if (def.type === 'number') return { kind: 'number' };
	if (def.type === 'boolean') return { kind: 'boolean' };
	if (def.type === 'enum') return { kind: 'enum', values: Object.values(def.entries ?? {}) };
	if (def.type === 'pipe') {
		const options = (defOf(def.in!).options ?? []).map((o) => defOf(o).type);
		if (options.includes('date')) return { kind: 'date' };
		if (options.includes('number') && options.includes('string')) return { kind: 'time' };
	}
	return { kind: 'other' };
}

/** The least number of items a list takes (its `.min()`). */
function minItems(schema: z.ZodType): number {
	const checks = ((schema as unknown as { _zod: { def: { checks?: { _zod: { def: { check: string; minimum?: number } } }[] } } })._zod.def.checks ?? []).map((c) => c._zod.def);
	return Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0));
}

/**
 * Every field of an object schema, groups followed (their fields are `group.field`), in the
 * schema's order. `images` are the paths of image fields (their schema is the host's).
 */
export function fieldsOf(schema: z.ZodType, images: string[][] = [], parent: string[] = [], parentRequired = true): FieldSpec[] {
	const { layers } = unwrap(schema);
	const def = defOf(layers[layers.length - 1]);
	if (def.type !== 'object' || !def.shape) return [];
	const fields: FieldSpec[] = [];
	for (const [name, field] of Object.entries(def.shape)) {
		const path = [...parent, name];
		const unwrapped = unwrap(field);
		const inner = unwrapped.layers[unwrapped.layers.length - 1];
		const innerDef = defOf(inner);
		const required = parentRequired && !unwrapped.optional;
		const description = descriptionOf(unwrapped.layers);
		const flag = path.map(kebab).join('-');
		if (innerDef.type === 'object') {
			fields.push(...fieldsOf(inner, images, path, required));
			continue;
		}
		if (innerDef.type === 'array') {
			const element = unwrap(innerDef.element!);
			const elementKind = valueKind(element.layers);
			// A list of groups (metrics, quotes, chapters) is written by hand, from the docs.
			if (defOf(element.layers[element.layers.length - 1]).type === 'object' || elementKind.kind === 'other') continue;
			fields.push({ path, flag, required, list: true, minItems: minItems(inner), value: elementKind, description });
			continue;
		}
		const isImage = images.some((image) => image.join('.') === path.join('.'));
		fields.push({ path, flag, required, list: false, minItems: 0, value: isImage ? { kind: 'image' } : valueKind(unwrapped.layers), description });
	}
	return fields;
}
