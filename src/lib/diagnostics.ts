/** Content problems as the CLI and the build report them: file, field, what was found, what is valid. */
import { terminalLines, terminalText } from './terminal-text.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
	severity: Severity;
	/** Path relative to the project root, forward slashes. */
	file: string;
	/** Field path like `authors[1]` or `metrics[0].baseline`; `(file)` for the file as a whole; `line 12` for line-based files. */
	field: string;
	/** What was found and what would be valid. */
	message: string;
}

/** `['metrics', 0, 'baseline']` → `metrics[0].baseline` */
export function formatFieldPath(path: readonly PropertyKey[]): string {
	if (path.length === 0) return '(file)';
	return path
		.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
		.join('');
}

export function error(file: string, field: string, message: string): Diagnostic {
	return { severity: 'error', file, field, message };
}

export function warning(file: string, field: string, message: string): Diagnostic {
	return { severity: 'warning', file, field, message };
}

/** Sorted for stable output: errors first, then by file and field. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
	return [...list].sort(
		(a, b) =>
			(a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
			a.file.localeCompare(b.file) ||
			a.field.localeCompare(b.field, undefined, { numeric: true }) ||
			a.message.localeCompare(b.message),
	);
}

/**
 * One line per problem: `error  content/stories/x.mdx  authors[1]: expected …`. For a terminal or
 * a build log: file names, fields and the values a message quotes come from content, so their
 * control characters are shown as escapes, never obeyed (see terminal-text.ts).
 */
export function formatDiagnostic(d: Diagnostic): string {
	return `${d.severity.padEnd(7)} ${terminalText(d.file)}  ${terminalText(d.field)}: ${terminalLines(d.message)}`;
}
