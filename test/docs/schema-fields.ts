/**
 * The field paths of a content schema, whether each is required, its default and its allowed
 * values, read from zod's definitions, so the docs tests can hold `docs/authoring.md` to the
 * schemas (one source of truth: a field added to a schema fails the tests until it is documented).
 */
import type { z } from 'astro/zod';
import { defOf } from '../../src/lib/content/zod-def.ts';


/** A documented place in a content file: `metrics[].unit`, `source.kind`. */
export interface FieldPath {
	path: string;
	/** Whether its group must have it; undefined where the schema's variants disagree (a union). */
	required: boolean | undefined;
	/** Its default when left out, if it has one. */
	defaultValue?: unknown;
	/** Allowed values, for a field that takes a fixed set. */
	values: string[];
}

/** Whether a field left out is accepted (optional or defaulted), and its default. */
function presence(schema: z.ZodType): { required: boolean; defaultValue?: unknown } {
	const def = defOf(schema);
	if (def.type === 'default' || def.type === 'prefault') return { required: false, defaultValue: def.defaultValue };
	if (def.type === 'optional') return { required: false };
	return { required: true };
}

/**
 * Every field path of `schema`, nested ones included (`hero.src`, `metrics[].unit`), in the
 * schema's order. Arrays add `[]`; optional, default, pipe and union wrappers are looked through.
 */
export function fieldPaths(schema: z.ZodType): FieldPath[] {
	const out = new Map<string, FieldPath>();
	const visit = (node: z.ZodType | undefined, at: string, depth: number, variant: boolean) => {
		if (!node || depth > 30) return;
		const def = defOf(node);
		switch (def.type) {
			case 'object':
				for (const [key, child] of Object.entries(def.shape ?? {})) {
					const path = at ? `${at}.${key}` : key;
					const { required, defaultValue } = presence(child);
					const seen = out.get(path);
					if (!seen) out.set(path, { path, required: variant ? undefined : required, defaultValue, values: [] });
					else if (seen.required !== required) seen.required = undefined;
					visit(child, path, depth + 1, variant);
				}
				return;
			case 'array':
				return visit(def.element, `${at}[]`, depth + 1, variant);
			case 'union':
				for (const option of def.options ?? []) visit(option, at, depth + 1, variant || (def.options ?? []).length > 1);
				return;
			case 'pipe':
				return visit(def.in, at, depth + 1, variant);
			case 'enum':
			case 'literal': {
				const field = out.get(at.replace(/\[\]$/, ''));
				const values = def.type === 'enum' ? Object.values(def.entries ?? {}) : (def.values ?? []).map(String);
				if (field) field.values.push(...values.filter((v) => !field.values.includes(v)));
				return;
			}
			default:
				return visit(def.innerType, at, depth + 1, variant);
		}
	};
	visit(schema, '', 0, false);
	return [...out.values()];
}
