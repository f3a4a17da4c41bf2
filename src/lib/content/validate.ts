/**
 * Validates loaded files against the collection schemas, turning zod issues into diagnostics
 * that name the field, what was found and what would be valid.
 */
import { z } from 'astro/zod';
import { YamlTimestamp } from '../../schemas/common.ts';
import { COLLECTION_SCHEMAS } from '../../schemas/index.ts';
import type { SchemaContext } from '../../schemas/common.ts';
import { error, formatFieldPath, type Diagnostic } from '../diagnostics.ts';
import type { RejectedFile, SourceFile } from './load.ts';

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

/** One zod issue → one diagnostic. */
export function issueToDiagnostic(file: string, data: unknown, issue: z.core.$ZodIssue): Diagnostic {
	if (issue.code === 'unrecognized_keys') {
		const where = formatFieldPath(issue.path);
		return error(file, where === '(file)' ? issue.keys.join(', ') : `${where}.${issue.keys[0]}`, `unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove it or check the spelling`);
	}
	const found = valueAt(data, issue.path);
	let message = issue.message.replace(/^Invalid input: /, '');
	if (issue.code === 'invalid_type' && found === undefined) {
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
			diagnostics.push(...result.error.issues.map((issue) => issueToDiagnostic(source.file, source.data, issue)));
			invalid.push({ collection: source.collection, id: source.id, file: source.file });
		}
	}
	return { entries, diagnostics, invalid };
}
