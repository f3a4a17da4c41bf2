/**
 * The rules every score must satisfy, shared by `check` (the committed score sheets) and
 * `awards import` (a judge's incoming file): known judge, entry and criterion; on the scale and
 * its step; no duplicates; assigned to that judge; no conflict of interest.
 */
import { isOnStep, type ScoreRow } from '../../schemas/award.ts';
import { closestSpelling } from '../spelling.ts';

export interface ScoreContext {
	program: string;
	criteria: string[];
	scale: { min: number; max: number; step: number };
	/** Judge id → customers the judge may not score. */
	judges: Map<string, Set<string>>;
	/** Entry id → entrant customer. */
	entries: Map<string, string>;
	/** `judge entry` pairs of the round's assignment; when absent, any pair may be scored. */
	assigned?: Set<string>;
}

/** A score with where it came from: `line 4` of a CSV, `scores[3]` of a packet export. */
export interface LocatedScore {
	where: string;
	row: ScoreRow;
}

export interface ScoreProblem {
	where: string;
	/** The column at fault, when one is. */
	field?: string;
	message: string;
}

/**
 * The exact step value a score within float error of one stands for (4.5000000001 → 4.5 on a
 * 0.5 step); any other score is returned as it is, for `checkScores` to report.
 */
export function snapToStep(score: number, scale: { min: number; max: number; step: number }): number {
	if (!isOnStep(score, scale.min, scale.step)) return score;
	const snapped = Number((scale.min + Math.round((score - scale.min) / scale.step) * scale.step).toFixed(10));
	return snapped >= scale.min && snapped <= scale.max ? snapped : score;
}

/** ` (did you mean "x"?)` for a near miss among `known`, else nothing. */
function didYouMean(found: string, known: readonly string[]): string {
	const near = closestSpelling(found, known);
	return near ? ` (did you mean "${near}"?)` : '';
}

export const pairKey = (judge: string, entry: string) => `${judge} ${entry}`;

/**
 * Checks `rows`; `earlier` are scores already accepted (e.g. the committed sheet during an
 * import), against which duplicates are also reported.
 */
export function checkScores(rows: LocatedScore[], context: ScoreContext, earlier: LocatedScore[] = []): ScoreProblem[] {
	const problems: ScoreProblem[] = [];
	const { scale, criteria, program } = context;
	const seen = new Map<string, string>();
	for (const { where, row } of earlier) seen.set(`${row.judge} ${row.entry} ${row.criterion}`, where);
	for (const { where, row } of rows) {
		const conflicts = context.judges.get(row.judge);
		const customer = context.entries.get(row.entry);
		if (!conflicts) problems.push({ where, field: 'judge', message: `expected a judge of ${program}, found "${row.judge}"${didYouMean(row.judge, [...context.judges.keys()])}` });
		if (customer === undefined) problems.push({ where, field: 'entry', message: `expected an entry of ${program}, found "${row.entry}"${didYouMean(row.entry, [...context.entries.keys()])}` });
		if (!criteria.includes(row.criterion)) problems.push({ where, field: 'criterion', message: `expected a criterion of ${program} (${criteria.join(', ')}), found "${row.criterion}"${didYouMean(row.criterion, criteria)}` });
		if (row.score < scale.min || row.score > scale.max || !isOnStep(row.score, scale.min, scale.step)) {
			problems.push({ where, field: 'score', message: `expected a score from ${scale.min} to ${scale.max} in steps of ${scale.step}, found ${row.score}` });
		} else if (snapToStep(row.score, scale) !== row.score) {
			// Within float error of a step, but not the step itself: only its exact value is stored.
			problems.push({ where, field: 'score', message: `expected a score exactly on a step of ${scale.step}, found ${row.score}: write ${snapToStep(row.score, scale)}` });
		}
		const key = `${row.judge} ${row.entry} ${row.criterion}`;
		const first = seen.get(key);
		if (first !== undefined) {
			problems.push({ where, message: `duplicate score: ${row.judge} already scored ${row.entry} on ${row.criterion} at ${first}` });
		} else {
			seen.set(key, where);
		}
		if (conflicts && customer !== undefined) {
			if (conflicts.has(customer)) {
				problems.push({ where, field: 'judge', message: `judge "${row.judge}" has a conflict with "${customer}", the entrant of ${row.entry}: their scores for it cannot count` });
			} else if (context.assigned && !context.assigned.has(pairKey(row.judge, row.entry))) {
				problems.push({ where, field: 'judge', message: `judge "${row.judge}" is not assigned to ${row.entry} in this round` });
			}
		}
	}
	return problems;
}

/** A judge–entry pair with some criteria scored and others not. */
export interface IncompletePair {
	judge: string;
	entry: string;
	/** The criteria without a score, in the program's order. */
	missing: string[];
}

/**
 * Judge–entry pairs scored on some criteria but not all, by judge then entry. A pair with no
 * scores at all is not listed (it is a matter of who has not scored yet, not a half-scored entry).
 */
export function incompletePairs(rows: readonly { judge: string; entry: string; criterion: string }[], criteria: readonly string[]): IncompletePair[] {
	const scored = new Map<string, { judge: string; entry: string; criteria: Set<string> }>();
	for (const row of rows) {
		const key = pairKey(row.judge, row.entry);
		if (!scored.has(key)) scored.set(key, { judge: row.judge, entry: row.entry, criteria: new Set() });
		scored.get(key)!.criteria.add(row.criterion);
	}
	const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	return [...scored.values()]
		.map(({ judge, entry, criteria: given }) => ({ judge, entry, missing: criteria.filter((c) => !given.has(c)) }))
		.filter((p) => p.missing.length > 0)
		.sort((a, b) => byCodeUnit(a.judge, b.judge) || byCodeUnit(a.entry, b.entry));
}

/** "judge on entry (missing a, b)", for messages. */
export const describeIncomplete = (pairs: readonly IncompletePair[]): string => pairs.map((p) => `${p.judge} on ${p.entry} (missing ${p.missing.join(', ')})`).join('; ');
