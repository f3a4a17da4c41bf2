/**
 * The category ids a program file declares, read even when the file fails validation for some
 * other reason (weights summing to 95, say): an entry's wrong category is then still reported,
 * rather than hidden until the program is fixed and only then revealed.
 */
import { parse } from 'yaml';
import { ID_PATTERN } from '../../schemas/common.ts';

/** The well-formed category ids of a program file's text; undefined when it declares none readable. */
export function declaredCategories(programText: string): string[] | undefined {
	let data: unknown;
	try {
		data = parse(programText);
	} catch {
		return undefined;
	}
	const categories = (data as { categories?: unknown } | null)?.categories;
	if (!Array.isArray(categories)) return undefined;
	const ids = categories.map((c) => (c as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string' && ID_PATTERN.test(id));
	return ids.length ? ids : undefined;
}
