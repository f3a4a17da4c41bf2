/**
 * The placeholder rule: every `TODO: …` that `npm run new` left (in a field, a body or a video's
 * captions) is an error, "to fill in", so an item can never be published half-written. The errors
 * a placeholder causes besides (a placeholder is no date, no id) are dropped: the person is told
 * once, in words, what to write there.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { error, formatFieldPath, type Diagnostic } from '../diagnostics.ts';
import { placeholderLines, placeholdersIn } from '../scaffold/placeholder.ts';
import { contentEscape } from './inside-content.ts';
import { displayPath, type SourceFile } from './load.ts';

/** A captions file named `./<name>.vtt` beside a video, inside the content folder; undefined otherwise. */
function captionsFile(source: SourceFile, contentDir: string): string | undefined {
	const captions = (source.data as { captions?: unknown } | undefined)?.captions;
	if (source.collection !== 'videos' || typeof captions !== 'string' || !/^\.\/[a-z0-9-]+\.vtt$/.test(captions)) return undefined;
	const file = path.resolve(path.dirname(source.absolutePath), captions);
	return !contentEscape(contentDir, file) && existsSync(file) ? file : undefined;
}

/** Whether field `a` is `b`, or inside it, or holds it (`source` and `source.kind`). */
const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`) || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);

/**
 * The placeholders in `files` as errors, and `diagnostics` without those about the same fields.
 */
export function applyPlaceholderRule(files: SourceFile[], diagnostics: Diagnostic[], { projectRoot, contentDir }: { projectRoot: string; contentDir: string }): Diagnostic[] {
	const found: Diagnostic[] = [];
	for (const source of files) {
		for (const { path: at, request } of placeholdersIn(source.data)) found.push(error(source.file, formatFieldPath(at), `to fill in: ${request}`));
		for (const { line, request } of placeholderLines(source.body ?? '')) found.push(error(source.file, `line ${line + (source.bodyLine ?? 1) - 1}`, `to fill in: ${request}`));
		const captions = captionsFile(source, contentDir);
		if (captions) {
			const shown = displayPath(projectRoot, captions);
			let text = '';
			try {
				text = readFileSync(captions, 'utf8');
			} catch {
				// a folder or an unreadable file: the captions rule reports it
			}
			for (const { line, request } of placeholderLines(text)) found.push(error(shown, `line ${line}`, `to fill in: ${request}`));
		}
	}
	if (found.length === 0) return diagnostics;
	const fieldsByFile = new Map<string, string[]>();
	for (const d of found) fieldsByFile.set(d.file, [...(fieldsByFile.get(d.file) ?? []), d.field]);
	const kept = diagnostics.filter((d) => !(fieldsByFile.get(d.file) ?? []).some((field) => related(d.field, field)));
	return [...kept, ...found];
}
