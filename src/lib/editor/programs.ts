/**
 * The award programs whose entries the editor lists: each `awards/<program>/program.yaml`, read
 * for its name and categories only. A program file `check` would refuse is listed by its folder
 * name with no categories rather than stopping the editor; `check` explains what is wrong.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ID_PATTERN } from '../../schemas/common.ts';
import type { EditorProgram } from './cms-config.ts';

/** What a program file holds, as far as the editor reads it. */
function programOf(id: string, source: string): EditorProgram {
	let data: unknown;
	try {
		data = YAML.parse(source, { maxAliasCount: 0 });
	} catch {
		return { id, name: id, categories: [] };
	}
	const record = (data && typeof data === 'object' ? data : {}) as { name?: unknown; categories?: unknown };
	const categories = (Array.isArray(record.categories) ? record.categories : [])
		.filter((c): c is { id: string; name?: unknown } => !!c && typeof c === 'object' && typeof c.id === 'string' && ID_PATTERN.test(c.id))
		.map((c) => ({ id: c.id, name: typeof c.name === 'string' && c.name.trim() ? c.name.trim() : c.id }));
	return { id, name: typeof record.name === 'string' && record.name.trim() ? record.name.trim() : id, categories };
}

/** The programs under `contentDir/awards/`, in folder-name order. */
export function readEditorPrograms(contentDir: string): EditorProgram[] {
	const awards = path.join(contentDir, 'awards');
	if (!existsSync(awards)) return [];
	return readdirSync(awards, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && ID_PATTERN.test(entry.name))
		.map((entry) => entry.name)
		.sort()
		.flatMap((id) => {
			const file = path.join(awards, id, 'program.yaml');
			try {
				// A directory entry's type is not followed through links: content may not point the editor outside content/.
				const entry = readdirSync(path.join(awards, id), { withFileTypes: true }).find((e) => e.name === 'program.yaml');
				if (!entry?.isFile()) return [];
				return [programOf(id, readFileSync(file, 'utf8'))];
			} catch {
				return [];
			}
		});
}
