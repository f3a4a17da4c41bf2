/**
 * Private per-round sheets are CSV with a fixed header (scores, rankings). Parsing never throws:
 * problems come back as diagnostics naming the row's line, and valid rows keep their line.
 * Each cell is read back as it was before the CLI wrote it (`restoreCsvCell`: the `'` that keeps a
 * spreadsheet from reading `=…` as a formula is not part of the value).
 */
import { parse } from 'csv-parse/sync';
import type { z } from 'astro/zod';
import { restoreCsvCell } from '../csv-cell.ts';
import { error, type Diagnostic } from '../diagnostics.ts';

export interface SheetLine<Row> {
	/** Line number in the file (1 = header). */
	line: number;
	row: Row;
}

export function parseCsvSheet<Schema extends z.ZodType>(
	source: string,
	file: string,
	columns: readonly string[],
	rowSchema: Schema,
): { lines: SheetLine<z.output<Schema>>[]; diagnostics: Diagnostic[] } {
	let records: { record: Record<string, string>; info: { lines: number } }[];
	try {
		records = parse(source.replace(/^\uFEFF/, ''), {
			columns: (header: string[]) => {
				const names = header.map((h) => h.trim().toLowerCase());
				if (names.join(',') !== columns.join(',')) throw new Error(`expected the header "${columns.join(',')}", found "${header.join(',')}"`);
				return names;
			},
			skip_empty_lines: true,
			trim: true,
			info: true,
		});
	} catch (cause) {
		const e = cause as Error & { lines?: number };
		return { lines: [], diagnostics: [error(file, `line ${e.lines ?? 1}`, `invalid CSV: ${e.message.replace(/^Invalid Record Length: /, '')}`)] };
	}
	const lines: SheetLine<z.output<Schema>>[] = [];
	const diagnostics: Diagnostic[] = [];
	for (const { record, info } of records) {
		const result = rowSchema.safeParse(Object.fromEntries(Object.entries(record).map(([column, cell]) => [column, restoreCsvCell(cell)])));
		if (result.success) lines.push({ line: info.lines, row: result.data });
		else for (const issue of result.error.issues) diagnostics.push(error(file, `line ${info.lines} ${String(issue.path[0] ?? '')}`.trim(), issue.message));
	}
	return { lines, diagnostics };
}
