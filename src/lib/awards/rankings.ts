/**
 * The finalist round: ranking sheets (`judge,entry,rank`), their rules, and the round's result
 * (Schulze order and Kendall's W per category), shared by `check`, `awards import`, `tally`,
 * `publish` and `verify`.
 */
import { createHash } from 'node:crypto';
import { RANKING_COLUMNS, rankingRowSchema, type RankingRow } from '../../schemas/ranking.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { didYouMean, unknownNameHint } from '../spelling.ts';
import { parseCsvSheet, type SheetLine } from './csv-sheet.ts';
import { rankFinalists, type FinalistResult } from './schulze.ts';

export type RankingLine = SheetLine<RankingRow>;

export function parseRankingSheet(source: string, file: string): { lines: RankingLine[]; diagnostics: Diagnostic[] } {
	return parseCsvSheet(source, file, RANKING_COLUMNS, rankingRowSchema);
}

/** What the ranking rules need: the panel's conflicts and the finalists with their category and entrant. */
export interface RankingContext {
	program: string;
	judges: Map<string, Set<string>>;
	/** Finalist entry id → category and entrant customer. */
	finalists: Map<string, { category: string; customer: string }>;
}

export interface LocatedRanking {
	where: string;
	row: RankingRow;
}

export interface RankingProblem {
	where: string;
	field?: string;
	message: string;
}

/**
 * Checks ranking rows: known judge, a finalist, no conflict, each (judge, entry) once, and per
 * judge and category the ranks 1..n with n the finalists that judge may rank.
 */
export function checkRankings(rows: LocatedRanking[], context: RankingContext, earlier: LocatedRanking[] = []): RankingProblem[] {
	const problems: RankingProblem[] = [];
	const seen = new Map<string, string>();
	for (const { where, row } of earlier) seen.set(`${row.judge} ${row.entry}`, where);
	const all = [...earlier, ...rows];
	for (const { where, row } of rows) {
		const conflicts = context.judges.get(row.judge);
		const finalist = context.finalists.get(row.entry);
		if (!conflicts) problems.push({ where, field: 'judge', message: `expected a judge of ${context.program}, found "${row.judge}" (${unknownNameHint(row.judge, [...context.judges.keys()], { none: 'it has no judges yet' })})` });
		if (!finalist) problems.push({ where, field: 'entry', message: `expected a finalist of ${context.program} (${[...context.finalists.keys()].join(', ')}), found "${row.entry}"${didYouMean(row.entry, [...context.finalists.keys()])}` });
		const key = `${row.judge} ${row.entry}`;
		const first = seen.get(key);
		if (first !== undefined) problems.push({ where, message: `duplicate ranking: ${row.judge} already ranked ${row.entry} at ${first}` });
		else seen.set(key, where);
		if (conflicts && finalist && conflicts.has(finalist.customer)) {
			problems.push({ where, field: 'judge', message: `judge "${row.judge}" has a conflict with "${finalist.customer}", the entrant of ${row.entry}: leave it out of their ranking` });
		}
	}
	// Ranks per judge and category must be 1..n, each once, n = finalists the judge may rank.
	const groups = new Map<string, LocatedRanking[]>();
	for (const r of all) {
		const finalist = context.finalists.get(r.row.entry);
		if (!finalist || !context.judges.has(r.row.judge)) continue;
		const key = `${r.row.judge} ${finalist.category}`;
		groups.set(key, [...(groups.get(key) ?? []), r]);
	}
	const incoming = new Set(rows);
	for (const [key, group] of groups) {
		if (!group.some((r) => incoming.has(r))) continue;
		const [judge, category] = key.split(' ');
		const conflicts = context.judges.get(judge)!;
		const rankable = [...context.finalists].filter(([, f]) => f.category === category && !conflicts.has(f.customer)).length;
		const ranks = group.map((r) => r.row.rank).sort((a, b) => a - b);
		const expected = Array.from({ length: rankable }, (_, i) => i + 1);
		if (ranks.join(',') !== expected.join(',')) {
			problems.push({ where: group.filter((r) => incoming.has(r))[0].where, field: 'rank', message: `expected ${judge}'s ranks in ${category} to be ${expected.join(', ')} (each once, one per finalist they may rank), found ${ranks.join(', ')}` });
		}
	}
	return problems;
}

/** A finalist round's result, per category. */
export interface FinalRoundResults {
	program: string;
	round: string;
	/** sha256 of the canonical inputs. */
	inputs: string;
	categories: ({ category: string; judges: number } & FinalistResult)[];
}

/** Schulze order and Kendall's W per category, from the ranking rows (input order does not matter). */
export function computeFinalRound(program: string, round: string, finalists: Map<string, { category: string }>, rows: RankingRow[]): FinalRoundResults {
	const sorted = [...rows].sort((a, b) => a.judge.localeCompare(b.judge) || a.entry.localeCompare(b.entry));
	const categories = [...new Set([...finalists.values()].map((f) => f.category))].sort();
	const inputs = createHash('sha256').update(JSON.stringify({ finalists: [...finalists].sort(([a], [b]) => a.localeCompare(b)), rows: sorted })).digest('hex');
	return {
		program,
		round,
		inputs,
		categories: categories.map((category) => {
			const inCategory = sorted.filter((r) => finalists.get(r.entry)?.category === category);
			const judges = [...new Set(inCategory.map((r) => r.judge))];
			const rankings = judges.map((judge) => ({
				judge,
				order: inCategory.filter((r) => r.judge === judge).sort((a, b) => a.rank - b.rank).map((r) => r.entry),
			}));
			return { category, judges: judges.length, ...rankFinalists(rankings) };
		}),
	};
}
