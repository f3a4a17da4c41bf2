/**
 * `awards tally <program> --round r [--json]`: ranks each category by the declared method, with
 * bootstrap rank intervals, tie bands, judge severities, reliability and a sensitivity check;
 * writes `results/<round>.json`, which `verify` recomputes byte for byte.
 */
import { createHash } from 'node:crypto';
import { winnersDecided } from '../../src/lib/award-method.ts';
import { describeMissing, missingPairs, type MissingPair } from '../../src/lib/awards/missing.ts';
import { describeIncomplete, incompletePairs, type IncompletePair } from '../../src/lib/awards/score-rules.ts';
import { TALLY_LEGEND } from '../../src/lib/awards/report/explain.ts';
import { pairsOf } from '../../src/lib/awards/program.ts';
import { tallyRound, type TallyResult } from '../../src/lib/awards/tally.ts';
import type { ProgramData } from '../../src/lib/awards/program.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import type { Program } from '../../src/schemas/award.ts';
import { CliError, colour, plural, writeAtomic } from '../lib/cli.ts';
import type { CommandContext } from './commands.ts';
import { resultsFile } from './files.ts';
import { tallyFinalRound } from './final-round.ts';

/** The committed results of a scoring round: the inputs' fingerprint and the tally. */
export interface RoundResults {
	program: string;
	round: string;
	/** sha256 of the canonical inputs (rules, entries, scores), to spot stale results. */
	inputs: string;
	tally: TallyResult;
}


/** Results already computed in this run, per program and round (publish and verify need them several times). */
const computed = new WeakMap<ProgramData, Map<string, RoundResults>>();

/** Computes a round's results from the committed inputs: pure and deterministic. */
export function computeRoundResults(data: ProgramData, round: Program['rounds'][number]): RoundResults {
	if (!computed.has(data)) computed.set(data, new Map());
	const known = computed.get(data)!;
	if (!known.has(round.id)) known.set(round.id, tallyFromInputs(data, round));
	return known.get(round.id)!;
}

function tallyFromInputs(data: ProgramData, round: Program['rounds'][number]): RoundResults {
	const rules = data.program.tally;
	const entries = data.eligible.map(({ id, category, customer }) => ({ id, category, customer }));
	const eligible = new Set(entries.map((e) => e.id));
	// In a canonical order (judge, entry, criterion; by code unit, whatever the locale), so the
	// fingerprint and the tally depend on the scores and not on the order of the sheet's rows.
	const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	const scores = data
		.scores(round.id)
		.filter((s) => eligible.has(s.entry))
		.map(({ judge, entry, criterion, score }) => ({ judge, entry, criterion, score }))
		.sort((a, b) => byCodeUnit(a.judge, b.judge) || byCodeUnit(a.entry, b.entry) || byCodeUnit(a.criterion, b.criterion));
	if (scores.length === 0) {
		const drafts = draftsOf(data);
		const why = drafts.length && data.eligible.length === 0 ? ` (every entry of ${data.id} is a draft, and drafts are not judged: ${drafts.join(', ')}; set \`draft: false\` on the entries to judge)` : '';
		throw new CliError(`no scores for ${round.id} yet${why}: import them with \`npm run awards -- import ${data.id} --round ${round.id} <file>\``);
	}
	const criteria = data.program.criteria.map(({ id, weight }) => ({ id, weight }));
	const input = { criteria, entries, scores, method: rules.method, tieBreak: rules.tieBreak, resamples: rules.resamples, seed: rules.seed };
	const inputs = createHash('sha256').update(JSON.stringify(input)).digest('hex');
	return { program: data.id, round: round.id, inputs, tally: tallyRound(input) };
}

/** Eligible entries with no scores in a round's results, and categories with none scored at all. */
export function unscoredIn(results: RoundResults): { entries: string[]; categories: string[] } {
	const empty = results.tally.categories.filter((c) => c.entries.length === 0 && c.unscored.length > 0);
	// Entries of a category with no scores at all are counted with their category.
	const entries = results.tally.categories.filter((c) => !empty.includes(c)).flatMap((c) => c.unscored);
	return { entries, categories: empty.map((c) => c.category) };
}

/** Warnings (one line each) about entries and categories a round's results leave out. */
export function unscoredWarnings(results: RoundResults): string[] {
	const { entries, categories } = unscoredIn(results);
	const out: string[] = [];
	if (categories.length) out.push(`no scores at all in ${categories.length === 1 ? 'category' : 'categories'} ${categories.join(', ')} for ${results.round}: ${categories.length === 1 ? 'it has' : 'they have'} no ranking and no winner (not scored: ${results.tally.categories.filter((c) => categories.includes(c.category)).flatMap((c) => c.unscored).join(', ')})`);
	if (entries.length) out.push(`${entries.length} eligible entr${entries.length === 1 ? 'y has' : 'ies have'} no scores in ${results.round} and ${entries.length === 1 ? 'is' : 'are'} left out of the ranking: ${entries.join(', ')}`);
	if (out.length) out.push(`publish refuses until every eligible entry is scored (import the missing scores, or set an entry's status to withdrawn or ineligible)`);
	return out;
}

/** Entries left out of judging because they are drafts (submitted or eligible otherwise). */
export function draftsOf(data: ProgramData): string[] {
	return data.entries.filter((e) => e.draft && (e.status === 'submitted' || e.status === 'eligible')).map((e) => e.id);
}

/** The warning about draft entries: judging leaves them out, and nothing else would say so. */
export function draftsWarning(data: ProgramData): string[] {
	const drafts = draftsOf(data);
	if (!drafts.length) return [];
	return [`${plural(drafts.length, 'entry is a draft', 'entries are drafts')} and left out of judging (not assigned, not ranked, never published): ${drafts.join(', ')}. Set \`draft: false\` in ${drafts.length === 1 ? 'its' : 'their'} file to judge ${drafts.length === 1 ? 'it' : 'them'}`];
}

/** Assigned judge–entry pairs of a round with no score at all (none without an assignment). */
export function missingIn(data: ProgramData, round: string): MissingPair[] {
	const assignment = data.assignment(round);
	if (!assignment) return [];
	return missingPairs(pairsOf(assignment.data), data.scores(round), new Set(data.eligible.map((e) => e.id)));
}

/** The warning about assigned pairs with no score: those entries are ranked on fewer judges than assigned. */
export function missingWarning(data: ProgramData, round: string): string[] {
	const pairs = missingIn(data, round);
	if (!pairs.length) return [];
	return [`${plural(pairs.length, 'assigned judge–entry pair has', 'assigned judge–entry pairs have')} no scores in ${round}, so ${pairs.length === 1 ? 'that entry is' : 'those entries are'} ranked on fewer judges than assigned: ${describeMissing(pairs)}. Import the missing scores; publish refuses until they are in (or until you record why with --allow-missing "reason")`];
}

/** Judge–entry pairs of a round's eligible entries scored on some criteria but not all. */
export function partlyScored(data: ProgramData, round: string): IncompletePair[] {
	const eligible = new Set(data.eligible.map((e) => e.id));
	return incompletePairs(data.scores(round).filter((s) => eligible.has(s.entry)), data.program.criteria.map((c) => c.id));
}

/** The warning about partly scored pairs, if any: the tally averages such a judge's weighted score over the criteria given. */
export function partlyScoredWarning(data: ProgramData, round: string): string[] {
	const pairs = partlyScored(data, round);
	if (!pairs.length) return [];
	return [`${plural(pairs.length, 'judge–entry pair is', 'judge–entry pairs are')} partly scored in ${round}, so ${pairs.length === 1 ? 'that judge\'s score rests' : 'those judges\' scores rest'} on some criteria only: ${describeIncomplete(pairs)}. Import the missing scores; publish refuses until they are complete`];
}

/** The exact bytes of a results file. */
export const serialiseResults = (results: RoundResults) => `${JSON.stringify(results, null, 2)}\n`;

const pct = (p: number) => `${Math.round(p * 100)}%`.padStart(4);
const num = (n: number) => n.toFixed(2);

function printReport(data: ProgramData, results: RoundResults): void {
	const { tally } = results;
	// With a ranking round to come, this round picks finalists: its top entry is not the winner.
	const decided = winnersDecided(data.program.rounds, results.round);
	const later = data.program.rounds.slice(data.program.rounds.findIndex((r) => r.id === results.round) + 1).find((r) => r.kind === 'ranking')?.id;
	const categoryName = (id: string) => data.program.categories.find((c) => c.id === id)?.name ?? id;
	const title = (id: string) => data.entries.find((e) => e.id === id)?.title ?? id;
	console.log(colour.bold(`${data.program.name} · ${results.round} · method: ${tally.method} (declared), ${tally.resamples} bootstrap resamples, seed ${tally.seed}`));
	for (const category of tally.categories) {
		console.log(`\n${colour.bold(categoryName(category.category))}  ${colour.dim(`α = ${category.alpha === null ? 'n/a' : category.alpha.toFixed(2)}`)}`);
		console.log(colour.dim('  rank  entry                                   score   mean  z-score  judges  95% rank  P(win) P(top3) band'));
		for (const e of category.entries) {
			const row = `  ${String(e.rank).padStart(4)}  ${e.id.slice(0, 38).padEnd(38)}  ${num(e.score).padStart(5)}  ${num(e.scores.mean).padStart(5)}  ${num(e.scores.zscore).padStart(7)}  ${String(e.judges).padStart(6)}  ${`${e.rankInterval[0]}–${e.rankInterval[1]}`.padStart(8)}  ${pct(e.pWin)}   ${pct(e.pTop3)}  ${String(e.band).padStart(4)}`;
			console.log(e.rank === 1 ? colour.green(row) : row);
		}
		const winner = category.winner;
		if (winner) console.log(decided ? `  Winner: ${colour.bold(title(winner))}` : `  Top of the round: ${colour.bold(title(winner))} (a finalist: ${later} ranks the finalists and picks the winner)`);
		else if (category.entries.length === 0) console.log(colour.yellow('  No winner: no entry in this category has scores.'));
		else console.log(colour.yellow(`  No ${decided ? 'winner' : 'single top entry'}: the top is still tied after the declared tie-break.`));
		const topBand = category.bands[0];
		if (topBand && topBand.entries.length > 1) console.log(colour.yellow(`  Statistically tied with the ${decided ? 'winner' : 'top entry'}: ${topBand.entries.slice(1).join(', ')}`));
		for (const tie of category.tieBreaks) {
			tie.decidedBy.forEach((rule, i) => {
				const pair = `${tie.entries[i]} and ${tie.entries[i + 1]}`;
				console.log(rule ? `  Tie between ${pair} broken by ${rule === 'judges' ? 'the number of judges' : `the criterion "${rule}"`} (declared tie-break)` : colour.yellow(`  Tie between ${pair} remains after the declared tie-break`));
			});
		}
		if (category.unscored.length) console.log(colour.yellow(`  Not scored: ${category.unscored.join(', ')}`));
	}
	console.log(`\n${colour.bold('Judges')} ${colour.dim('(severity: negative = harsher than the panel, on the score scale)')}`);
	for (const j of tally.judges) {
		const se = j.severitySe === null ? '' : ` ± ${j.severitySe.toFixed(2)}`;
		// The scaled method tests each judge: an erratic flag shows the test's p-value (Holm-adjusted).
		const tested = j.consistency === 'erratic' && j.erraticP !== undefined ? ` (p ${j.erraticP < 0.0001 ? '< 0.0001' : `= ${j.erraticP.toFixed(4)}`}: noisier than the other judges beyond chance)` : '';
		const flag = j.consistency === 'ok' ? colour.green('ok') : colour.yellow(j.consistency + tested);
		console.log(`  ${j.id.padEnd(22)} ${(j.severity >= 0 ? '+' : '') + j.severity.toFixed(2)}${se}`.padEnd(44) + `  ${String(j.scores).padStart(3)} ${j.scores === 1 ? 'entry  ' : 'entries'}  ${flag}`);
	}
	const alpha = tally.reliability.alpha;
	console.log(`\nInter-rater reliability: Krippendorff's α (interval) = ${alpha === null ? 'n/a' : alpha.toFixed(3)} over ${plural(tally.reliability.units, 'entry', 'entries')}`);
	if (tally.model.components > 1) console.log(colour.yellow(`The judge–entry graph has ${tally.model.components} disconnected groups: severities cannot be compared across them.`));
	console.log(`\n${colour.bold('Sensitivity')}`);
	for (const s of tally.sensitivity) {
		const changes = [
			...s.methodsChangingWinner.map((m) => `method ${m} → ${s.byMethod[m] ?? 'tie'}`),
			...s.judgesChangingWinner.map((j) => `without ${j.judge} → ${j.winner ?? 'tie'}`),
		];
		console.log(`  ${categoryName(s.category)}: ${s.stable ? colour.green(`stable (no other method, and no single judge left out, changes the ${decided ? 'winner' : 'top entry'})`) : colour.yellow(`${decided ? 'winner' : 'top entry'} changes: ${changes.join('; ')}`)}`);
	}
	console.log(`\n${colour.bold('Reading the table')}`);
	for (const line of TALLY_LEGEND) console.log(colour.dim(`  ${line}`));
}

export async function tally(context: CommandContext): Promise<number> {
	const { data, round, options, projectRoot } = context;
	if (round.kind === 'ranking') return tallyFinalRound(context);
	const results = computeRoundResults(data, round);
	const file = resultsFile(data, round.id);
	await writeAtomic(file, serialiseResults(results));
	const warnings = [...missingWarning(data, round.id), ...partlyScoredWarning(data, round.id), ...unscoredWarnings(results)];
	if (options.json) {
		console.log(serialiseResults(results).trimEnd());
		for (const w of warnings) console.error(`warning: ${w}`);
		return 0;
	}
	// Drafts are no fault of the scores: said in the report (and by status --json), not as a --json warning.
	warnings.push(...draftsWarning(data));
	printReport(data, results);
	console.log(`\n${colour.green('✓')} wrote ${displayPath(projectRoot, file)} (recompute any time with \`npm run awards -- verify ${data.id}\`)`);
	for (const w of warnings) console.log(colour.yellow(`warning: ${w}`));
	return 0;
}
