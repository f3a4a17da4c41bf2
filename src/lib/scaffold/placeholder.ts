/**
 * What `npm run new` writes where only a person can fill in a value: `TODO: <what to write>`. One
 * marker, in fields and in bodies, so `check` can name every one of them as "to fill in" (and
 * refuse to publish the item) until it is replaced.
 */

/** The marker that starts every placeholder. */
export const PLACEHOLDER_MARKER = 'TODO:';

/** A placeholder asking for `what`. */
export const placeholder = (what: string) => `${PLACEHOLDER_MARKER} ${what}`;

/** What a placeholder asks for; undefined when `value` is not one. */
export function placeholderRequest(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed.startsWith(PLACEHOLDER_MARKER) ? trimmed.slice(PLACEHOLDER_MARKER.length).trim() : undefined;
}

/** Every placeholder in parsed data, with its field path. */
export function placeholdersIn(data: unknown): { path: (string | number)[]; request: string }[] {
	const found: { path: (string | number)[]; request: string }[] = [];
	const walk = (value: unknown, at: (string | number)[], depth: number) => {
		if (depth > 50) return;
		const request = placeholderRequest(value);
		if (request !== undefined) found.push({ path: at, request });
		else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...at, i], depth + 1));
		else if (value && typeof value === 'object' && !(value instanceof Date)) for (const [key, item] of Object.entries(value)) walk(item, [...at, key], depth + 1);
	};
	walk(data, [], 0);
	return found;
}

/**
 * Every line of a text (a story's body, a captions file) that is a placeholder, starting with the
 * marker (or an HTML comment holding it): 1-based line and what it asks for. "TODO:" inside a
 * sentence is the writer's own.
 */
export function placeholderLines(text: string): { line: number; request: string }[] {
	const found: { line: number; request: string }[] = [];
	text.split('\n').forEach((line, i) => {
		const match = /^\s*(?:<!--\s*)?TODO:\s*(.*?)\s*(?:-->)?\s*$/.exec(line);
		if (match) found.push({ line: i + 1, request: match[1] });
	});
	return found;
}
