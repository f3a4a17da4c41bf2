/**
 * A collection schema built once, not once per entry. A schema with image fields is a function of
 * Astro's `image()` helper, and Astro calls it for every entry it parses, with an `image()` of that
 * entry's own (it resolves a path relative to the entry's file). Building a story's schema is far
 * dearer than parsing a story with it: zod makes and registers every field's schema again, and a
 * new schema starts with none of the work zod keeps between parses of the same schema. Measured in
 * one process on the 1,000-item benchmark corpus's 522 stories: a new schema per story 0.7–1.2 s,
 * one schema for all 19–32 ms (docs/performance.md).
 *
 * Here the schema is built once with a stand-in for `image()` that accepts what Astro's accepts (a
 * string) and keeps it as it was given (`PendingImage`); each entry's schema is that one schema
 * followed by a step that hands every kept path to the entry's own `image()`. What an entry parses
 * to is what the per-entry schema gave: the same fields, the same values, the same image paths.
 */
import { z } from 'astro/zod';

/** An image path the shared schema accepted, waiting for the entry's own `image()`. */
export class PendingImage {
	readonly path: string;
	constructor(path: string) {
		this.path = path;
	}
}

/** What `image()` stands for in the shared schema: a string, kept for the entry's `image()`. */
const pendingImage = () => z.string().transform((path) => new PendingImage(path));

/**
 * `value` with every `PendingImage` in it (at any depth of plain objects and arrays) replaced, in
 * place, by what `resolve` makes of its path; `at` is where in the entry the image was.
 */
export function resolvePendingImages(value: unknown, resolve: (path: string, at: PropertyKey[]) => unknown, at: PropertyKey[] = []): unknown {
	if (value instanceof PendingImage) return resolve(value.path, at);
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) value[i] = resolvePendingImages(value[i], resolve, [...at, i]);
		return value;
	}
	const prototype = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
	if (prototype === Object.prototype || prototype === null) {
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) record[key] = resolvePendingImages(record[key], resolve, [...at, key]);
	}
	return value;
}

/** What a collection's schema function is given: Astro's `image()` helper (schemas/common.ts's `SchemaContext`). */
type ImageContext = { image: () => z.ZodType };

/**
 * `build` (a collection's `(context) => schema`), as a schema function that builds the schema only
 * once. Typed as `build` itself: every entry parses to what `build(context)` would give it (the
 * shared schema's input is the same, and its output once the images are resolved).
 */
export function schemaBuiltOnce<Context extends ImageContext, Schema extends z.ZodType>(build: (context: Context) => Schema): (context: Context) => Schema {
	let shared: z.ZodType | undefined;
	const perEntry = (context: Context) => {
		shared ??= build({ image: pendingImage } as unknown as Context);
		let image: z.ZodType | undefined;
		// The entry's own image() may refuse a path or transform it; its result is the field's value.
		// (Astro's image() for content layer collections transforms synchronously.)
		return shared.transform((data, ctx) =>
			resolvePendingImages(data, (path, at) => {
				image ??= context.image();
				const parsed = image.safeParse(path);
				if (parsed.success) return parsed.data;
				for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, input: path, path: [...at, ...issue.path] } as never);
				return z.NEVER;
			}),
		);
	};
	return perEntry as unknown as (context: Context) => Schema;
}
