/**
 * Score sheets: `judge,entry,criterion,score,comment` CSV, the format judges who score in
 * spreadsheets send and the private record of every round. Parsing never throws: problems come
 * back as diagnostics naming the row's line.
 */
import { parse } from 'csv-parse/sync';
import { SCORE_COLUMNS, scoreRowSchema, type ScoreRow } from '../../schemas/award.ts';
import { error, type Diagnostic } from '../diagnostics.ts';

export interface ScoreLine {
	/** Line number in the file (1 = header). */
	line: number;
	row: ScoreRow;
}

export function parseScoreSheet(source: string, file: string): { lines: ScoreLine[]; diagnostics: Diagnostic[] } {
	const diagnostics: Diagnostic[] = [];
	let records: { record: Record<string, string>; info: { lines: number } }[];
	try {
		records = parse(source.replace(/^\uFEFF/, ''), {
			columns: (header: string[]) => {
				const names = header.map((h) => h.trim().toLowerCase());
				const expected = SCORE_COLUMNS.join(',');
				if (names.join(',') !== expected) {
					throw new Error(`expected the header "${expected}", found "${header.join(',')}"`);
				}
				return names;
			},
			skip_empty_lines: true,
			trim: true,
			info: true,
		});
	} catch (cause) {
		const e = cause as Error & { lines?: number };
		const where = e.lines ? `line ${e.lines}` : 'line 1';
		return { lines: [], diagnostics: [error(file, where, `invalid CSV: ${e.message.replace(/^Invalid Record Length: /, '')}`)] };
	}
	const lines: ScoreLine[] = [];
	for (const { record, info } of records) {
		const result = scoreRowSchema.safeParse(record);
		if (!result.success) {
			for (const issue of result.error.issues) {
				diagnostics.push(error(file, `line ${info.lines} ${String(issue.path[0] ?? '')}`.trim(), issue.message));
			}
			continue;
		}
		lines.push({ line: info.lines, row: result.data });
	}
	return { lines, diagnostics };
}
