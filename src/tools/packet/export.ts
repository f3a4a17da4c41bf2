/**
 * The score files a packet exports: the JSON the importer reads (`parsePacketExport`) and the same
 * scores as a `judge,entry,criterion,score,comment` CSV sheet. Only scored criteria become rows; a
 * comment travels with its criterion's score.
 */
import { neutraliseCsvCell } from '../../lib/csv-cell.ts';
import type { PacketData } from './data.ts';
import type { Scorebook } from './scorebook.ts';

/** One exported row. */
export interface ScoreRow {
	entry: string;
	criterion: string;
	score: number;
	comment: string;
}

/** Every scored criterion, entry by entry, in the order of the page. */
export function scoredRows(book: Scorebook): ScoreRow[] {
	return book.allCells().flatMap(([entry, criterion]) => {
		const score = book.score(entry, criterion);
		return score === undefined ? [] : [{ entry, criterion, score, comment: book.comment(entry, criterion).trim() }];
	});
}

/** The JSON score file; `exportedAt` is the judge's clock, as an ISO timestamp. */
export function exportJson(data: PacketData, rows: ScoreRow[], exportedAt: string): string {
	const file = { format: data.format, program: data.program, round: data.round, judge: data.judge, exportedAt, scores: rows };
	return `${JSON.stringify(file, null, '\t')}\n`;
}

/** A CSV field: quoted when it holds a quote, comma or line break, or starts or ends with space. */
export function csvField(text: string): string {
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV sheet. Text cells that a spreadsheet would run as a formula (a comment such as
 * `=HYPERLINK(…)`) are written as text with a leading `'` (OWASP's rule, `neutraliseCsvCell`);
 * the score is a number and is written as it is.
 */
export function exportCsv(data: PacketData, rows: ScoreRow[]): string {
	const text = (value: string) => csvField(neutraliseCsvCell(value));
	const lines = ['judge,entry,criterion,score,comment'].concat(
		rows.map((row) => [text(data.judge), text(row.entry), text(row.criterion), csvField(String(row.score)), text(row.comment)].join(',')),
	);
	return `${lines.join('\n')}\n`;
}
