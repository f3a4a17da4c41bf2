/**
 * Validates loaded files against the collection schemas, turning zod issues into diagnostics
 * that name the field, what was found and what would be valid.
 */
import { z } from 'astro/zod';
import { YamlTimestamp } from '../../schemas/common.ts';
import { COLLECTION_SCHEMAS } from '../../schemas/index.ts';
import type { SchemaContext } from '../../schemas/common.ts';
import { error, formatFieldPath, type Diagnostic } from '../diagnostics.ts';
import { closestSpelling } from '../spelling.ts';
import type { RejectedFile, SourceFile } from './load.ts';
import { defOf, type SchemaDef } from './zod-def.ts';

/**
 * Outside Astro an image is a path relative to the entry file; `integrity.ts` checks the file
 * exists and is an image Astro can process.
 */
export const cliSchemaContext: SchemaContext = {
	image: () =>
		z
			.string({ error: 'expected an image path relative to this file, like ../assets/logos/acme.svg' })
			.regex(/^\.{1,2}\/[^\s]+\.(png|jpe?g|webp|avif|gif|svg)$/i, {
				error: 'expected an image path relative to this file ending in .png, .jpg, .webp, .avif, .gif or .svg, like ../assets/logos/acme.svg',
			}),
};

export interface ValidEntry<T = any> extends Omit<SourceFile, 'data'> {
	data: T;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let current: unknown = data;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}

/** Short, safe rendering of a found value for messages. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing (the field is missing)';
	if (value === null) return 'null (an empty value)';
	if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (value instanceof Date) return value.toISOString();
	if (value instanceof YamlTimestamp) return `${value.source} without quotes, which YAML reads as a date (put it in quotes to keep it text)`;
	if (typeof value === 'object') return 'an object';
	return String(value);
}


/** The object schemas a value at `schema` may be (through optional, default, pipes and unions). */
function objectsOf(schema: z.ZodType | undefined, depth = 0): SchemaDef[] {
	if (!schema || depth > 20) return [];
	const def = defOf(schema);
	if (def.type === 'object') return [def];
	if (def.type === 'union') return (def.options ?? []).flatMap((option) => objectsOf(option, depth + 1));
	if (def.type === 'pipe') return objectsOf(def.in, depth + 1);
	if (def.type === 'lazy' && def.getter) return objectsOf(def.getter(), depth + 1);
	return objectsOf(def.innerType, depth + 1);
}

/** The schema of the value at `path` inside `schema`; undefined where it cannot be followed. */
function schemaAt(schema: z.ZodType | undefined, path: readonly PropertyKey[], depth = 0): z.ZodType | undefined {
	if (!schema || path.length === 0 || depth > 50) return schema;
	const [key, ...rest] = path;
	const def = defOf(schema);
	if (typeof key === 'number' && def.type === 'array') return schemaAt(def.element, rest, depth + 1);
	if (def.type === 'object') return def.shape && typeof key === 'string' && key in def.shape ? schemaAt(def.shape[key], rest, depth + 1) : undefined;
	if (def.type === 'union') {
		const found = (def.options ?? []).map((option) => schemaAt(option, path, depth + 1)).filter(Boolean);
		return found.length === 1 ? found[0] : undefined;
	}
	if (def.type === 'pipe') return schemaAt(def.in, path, depth + 1);
	if (def.type === 'lazy' && def.getter) return schemaAt(def.getter(), path, depth + 1);
	return schemaAt(def.innerType, path, depth + 1);
}

/** The fields an object at `path` takes, in the schema's order; empty when not known. */
export function fieldsAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): string[] {
	return [...new Set(objectsOf(schemaAt(schema, path)).flatMap((def) => Object.keys(def.shape ?? {})))];
}

/**
 * When an unexpected field is really the end of the text before it, what to write instead; undefined
 * otherwise. Unquoted text stops where YAML sees structure: a colon and a space make the words after
 * a line break a field name ("and our bins got lighter."), and a comma inside `{ … }` makes the
 * words after it a field of their own, with no value. Field names never hold spaces, and a valueless
 * name that is no misspelling of a field is taken for such words.
 */
function unquotedTextHint(object: Record<string, unknown>, key: string, fields: string[]): string | undefined {
	const value = object[key];
	const commaInBraces = value === null && !closestSpelling(key, fields);
	if (!/\s/.test(key) && !commaInBraces) return undefined;
	const keys = Object.keys(object);
	const before = keys[keys.indexOf(key) - 1];
	const text = before !== undefined && typeof object[before] === 'string' ? (object[before] as string) : undefined;
	const joined = text === undefined ? key : commaInBraces ? `${text}, ${key}` : `${text} ${key}`;
	const line = `${text === undefined ? '<field>' : before}: ${JSON.stringify(joined)}`;
	const why = commaInBraces
		? 'a comma inside { … } ends unquoted text, so the words after it became a field of their own'
		: 'a colon and a space in unquoted text (or a line break before it) make YAML read the words as a field name';
	return `"${key}" is not a field but text: ${why}. Put the text in quotes: ${line}`;
}

/** One zod issue → one diagnostic; with `schema` (the file's), messages name the fields a place takes. */
export function issueToDiagnostic(file: string, data: unknown, issue: z.core.$ZodIssue, schema?: z.ZodType): Diagnostic {
	if (issue.code === 'unrecognized_keys') {
		const where = formatFieldPath(issue.path);
		const fields = fieldsAt(schema, issue.path);
		const present = valueAt(data, issue.path);
		const given = present && typeof present === 'object' ? Object.keys(present) : [];
		const quoting = issue.keys.length === 1 && present && typeof present === 'object' ? unquotedTextHint(present as Record<string, unknown>, issue.keys[0], fields) : undefined;
		if (quoting) return error(file, where === '(file)' ? issue.keys[0] : `${where}.${issue.keys[0]}`, quoting);
		const hints = issue.keys.map((key) => {
			const meant = closestSpelling(key, fields.filter((field) => !given.includes(field)));
			return meant ? `"${key}" (did you mean "${meant}"?)` : `"${key}"`;
		});
		const known = fields.length ? `; the fields here are ${fields.join(', ')}` : '';
		return error(file, where === '(file)' ? issue.keys.join(', ') : `${where}.${issue.keys[0]}`, `unexpected field${issue.keys.length > 1 ? 's' : ''} ${hints.join(', ')}: remove it or check the spelling${known}`);
	}
	const found = valueAt(data, issue.path);
	let message = issue.message.replace(/^Invalid input: /, '');
	if (issue.code === 'invalid_type' && (issue.expected === 'array' || issue.expected === 'object') && /^expected (array|object)\b/.test(message)) {
		if (issue.expected === 'array') message = 'expected a list (one "- item" per line under the field, or [a, b] on one line)';
		else {
			const fields = fieldsAt(schema, issue.path);
			message = `expected a group of fields${fields.length ? ` (${fields.join(', ')})` : ''}, each on its own line${issue.path.length ? ', indented under the field' : ''}`;
		}
	}
	if (found === undefined && issue.path.length > 0 && !/\bfound\b/.test(message)) {
		message = `required field is missing: ${message.replace(/, received undefined$/, '')}`;
	} else if (!/\bfound\b/.test(message)) {
		message = `${message.replace(/, received \w+$/, '')}, found ${describeValue(found)}`;
	}
	return error(file, formatFieldPath(issue.path), message);
}

export function validateSourceFiles(files: SourceFile[], context: SchemaContext = cliSchemaContext): { entries: ValidEntry[]; diagnostics: Diagnostic[]; invalid: RejectedFile[] } {
	const entries: ValidEntry[] = [];
	const diagnostics: Diagnostic[] = [];
	const invalid: RejectedFile[] = [];
	const schemas = new Map<string, z.ZodType>();
	for (const source of files) {
		let schema = schemas.get(source.collection);
		if (!schema) schemas.set(source.collection, (schema = COLLECTION_SCHEMAS[source.collection](context)));
		const result = schema.safeParse(source.data);
		if (result.success) {
			entries.push({ ...source, data: result.data });
		} else {
			diagnostics.push(...result.error.issues.map((issue) => issueToDiagnostic(source.file, source.data, issue, schema)));
			invalid.push({ collection: source.collection, id: source.id, file: source.file });
		}
	}
	return { entries, diagnostics, invalid };
}
