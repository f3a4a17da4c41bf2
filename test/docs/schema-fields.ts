/**
 * The field paths and allowed values of a content schema, read from zod's definitions, so the
 * docs tests can hold `docs/authoring.md` to the schemas (one source of truth: a field added
 * to a schema fails the tests until it is documented).
 */
import type { z } from 'astro/zod';

/** A schema's definition, as zod 4 keeps it. */
interface SchemaDef {
	type: string;
	shape?: Record<string, z.ZodType>;
	element?: z.ZodType;
	innerType?: z.ZodType;
	in?: z.ZodType;
	options?: z.ZodType[];
	entries?: Record<string, string>;
	values?: unknown[];
}
const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** A documented place in a content file: `metrics[].unit`, `source.kind`, with its enum values if any. */
export interface FieldPath {
	path: string;
	values: string[];
}

/**
 * Every field path of `schema`, nested ones included (`hero.src`, `metrics[].unit`), in the
 * schema's order. Arrays add `[]`; optional, default, pipe and union wrappers are looked through.
 */
export function fieldPaths(schema: z.ZodType, prefix = ''): FieldPath[] {
	const out = new Map<string, FieldPath>();
	const visit = (node: z.ZodType | undefined, at: string, depth: number) => {
		if (!node || depth > 30) return;
		const def = defOf(node);
		switch (def.type) {
			case 'object':
				for (const [key, child] of Object.entries(def.shape ?? {})) {
					const path = at ? `${at}.${key}` : key;
					if (!out.has(path)) out.set(path, { path, values: [] });
					visit(child, path, depth + 1);
				}
				return;
			case 'array':
				return visit(def.element, `${at}[]`, depth + 1);
			case 'union':
				for (const option of def.options ?? []) visit(option, at, depth + 1);
				return;
			case 'pipe':
				return visit(def.in, at, depth + 1);
			case 'enum': {
				const field = out.get(at.replace(/\[\]$/, ''));
				if (field) field.values.push(...Object.values(def.entries ?? {}).filter((v) => !field.values.includes(v)));
				return;
			}
			case 'literal': {
				const field = out.get(at.replace(/\[\]$/, ''));
				if (field) field.values.push(...(def.values ?? []).map(String).filter((v) => !field.values.includes(v)));
				return;
			}
			default:
				return visit(def.innerType, at, depth + 1);
		}
	};
	visit(schema, prefix, 0);
	return [...out.values()];
}
