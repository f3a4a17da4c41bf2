/**
 * A zod schema's definition, read as zod 4 keeps it (`schema._zod.def`). The content check reads
 * it to name the fields a place takes in a message, and the docs tests to hold docs/authoring.md
 * to the schemas; zod has no public API for walking a schema.
 */
import type { z } from 'astro/zod';

/** The parts of a definition these readers use; which are present depends on `type`. */
export interface SchemaDef {
	type: string;
	shape?: Record<string, z.ZodType>;
	element?: z.ZodType;
	innerType?: z.ZodType;
	in?: z.ZodType;
	options?: z.ZodType[];
	getter?: () => z.ZodType;
	entries?: Record<string, string>;
	values?: unknown[];
	defaultValue?: unknown;
}

/** The definition of `schema`. */
export const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
