/**
 * Score sheets: `judge,entry,criterion,score,comment` CSV, the format judges who score in
 * spreadsheets send and the private record of every round.
 */
import { SCORE_COLUMNS, scoreRowSchema, type ScoreRow } from '../../schemas/award.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { parseCsvSheet, type SheetLine } from './csv-sheet.ts';

export type ScoreLine = SheetLine<ScoreRow>;

export function parseScoreSheet(source: string, file: string): { lines: ScoreLine[]; diagnostics: Diagnostic[] } {
	return parseCsvSheet(source, file, SCORE_COLUMNS, scoreRowSchema);
}
