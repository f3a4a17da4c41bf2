/**
 * Content diagnostics as GitHub Actions workflow commands (`::error file=…,line=…::message`), so a
 * pull request shows each problem on the line that caused it (`npm run check -- --format github`).
 *
 * Messages quote content, and content is hostile: the runner reads any output line that starts
 * with `::` as a command (`::add-mask::`, `::set-output`, `::stop-commands::`). A command is one
 * line, so every line break in a value is escaped (`%0A`, `%0D`, and `%` itself as `%25`, per
 * GitHub's rules); in properties `:` and `,` too, which delimit them. Control characters are shown
 * as escapes first, as in the terminal (see terminal-text.ts).
 */
import type { Diagnostic } from './diagnostics.ts';
import type { FieldPosition } from './content/field-position.ts';
import { terminalLines, terminalText } from './terminal-text.ts';

/** A workflow command's message (its data). */
export function escapeData(value: string): string {
	return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A workflow command's property value (`file=`, `title=`). */
export function escapeProperty(value: string): string {
	return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * One diagnostic as one `::error` or `::warning` command line, on `position` when known (else on
 * the file). The title names the field; the message says what was found and what is valid.
 */
export function githubAnnotation(d: Diagnostic, position?: FieldPosition): string {
	const properties = [`file=${escapeProperty(terminalText(d.file))}`];
	if (position) {
		properties.push(`line=${position.line}`);
		if (position.col !== undefined) properties.push(`col=${position.col}`);
	}
	properties.push(`title=${escapeProperty(`content check: ${terminalText(d.field)}`)}`);
	return `::${d.severity} ${properties.join(',')}::${escapeData(terminalLines(d.message))}`;
}
