/**
 * `awards import <program> --round r <file>`: a judge's scores, from a spreadsheet CSV
 * (judge,entry,criterion,score,comment) or a packet export (JSON). Every row is checked first;
 * if anything is wrong nothing is imported, and each problem names its row.
 */
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { parsePacketExport } from '../../src/lib/awards/packet.ts';
import { neutraliseCsvCell } from '../../src/lib/csv-cell.ts';
import { checkScores, describeIncomplete, incompletePairs, snapToStep, type LocatedScore } from '../../src/lib/awards/score-rules.ts';
import { parseScoreSheet } from '../../src/lib/awards/scores.ts';
import { scoreContextFor } from '../../src/lib/content/integrity.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import { SCORE_COLUMNS, type ScoreRow } from '../../src/schemas/award.ts';
import { RANKING_COLUMNS } from '../../src/schemas/ranking.ts';
import { CliError, colour, plural, readInputText, writeAtomic } from '../lib/cli.ts';
import type { CommandContext } from './commands.ts';
import { currentSheet, updatingSheet } from './files.ts';
import { importRankings } from './final-round.ts';

/** Reads the incoming file into located rows, or fails with every parse problem. */
async function readIncoming(file: string, context: CommandContext): Promise<LocatedScore[]> {
	const shown = displayPath(context.projectRoot, file);
	const text = await readInputText(file, shown);
	if (/\.json$/i.test(file) || text.trimStart().startsWith('{')) {
		const parsed = parsePacketExport(text);
		if (!parsed.ok) throw new CliError(`${shown}: ${parsed.error}`);
		const { value } = parsed;
		if (value.program !== context.data.id || value.round !== context.round.id) {
			throw new CliError(`${shown} holds scores for ${value.program} round ${value.round}, not ${context.data.id} round ${context.round.id}`);
		}
		return value.scores.map((s, i) => ({ where: `scores[${i}]`, row: { judge: value.judge, entry: s.entry, criterion: s.criterion, score: s.score, comment: s.comment } }));
	}
	// A rankings file sent to a scoring round (import without --round) would only meet a header
	// mismatch: say which round takes it.
	const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].split(',').map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ''));
	if (header.join(',') === RANKING_COLUMNS.join(',')) {
		const ranking = context.data.program.rounds.filter((r) => r.kind === 'ranking').map((r) => r.id);
		const how = ranking.length ? `import it into the ranking round: npm run awards -- import ${context.data.id} --round ${ranking[0]} ${shown}` : `${context.data.id} has no ranking round`;
		throw new CliError(`${shown} holds rankings (header ${RANKING_COLUMNS.join(',')}), but ${context.round.id} is a scoring round, which takes scores (${SCORE_COLUMNS.join(',')}): ${how}. Nothing was imported.`);
	}
	const { lines, diagnostics } = parseScoreSheet(text, shown);
	if (diagnostics.length) {
		throw new CliError(`${shown} cannot be imported:\n${diagnostics.map((d) => `  ${d.field}: ${d.message}`).join('\n')}\nNothing was imported.`);
	}
	return lines.map(({ line, row }) => ({ where: `line ${line}`, row }));
}

/** Rows in a stable order: judge, entry, then the program's criterion order. */
export function sortScores(rows: ScoreRow[], criteria: string[]): ScoreRow[] {
	return [...rows].sort((a, b) => a.judge.localeCompare(b.judge) || a.entry.localeCompare(b.entry) || criteria.indexOf(a.criterion) - criteria.indexOf(b.criterion));
}

/** A round's score sheet: every text cell neutralised against formula injection (`=…` is written `'=…`), the score as a number. */
export function scoreSheetText(rows: ScoreRow[]): string {
	return stringify(rows.map((r) => SCORE_COLUMNS.map((c) => (c === 'score' ? String(r.score) : neutraliseCsvCell(r[c])))), { header: true, columns: [...SCORE_COLUMNS] });
}

export async function importScores(context: CommandContext): Promise<number> {
	const { data, round, options, args } = context;
	if (args.length !== 1) throw new CliError(`import needs one file: npm run awards -- import ${data.id} --round ${round.id} <scores.csv|export.json>`);
	const file = path.resolve(args[0]);
	if (round.kind === 'ranking') return importRankings(context, file);
	const incoming = await readIncoming(file, context);
	// A score within float error of a step (4.5000000001, as spreadsheets sometimes write 4.5) is
	// stored as the step itself, and the import says so.
	const rounded: string[] = [];
	for (const s of incoming) {
		const snapped = snapToStep(s.row.score, data.program.scale);
		if (snapped !== s.row.score) {
			rounded.push(`${s.where} ${s.row.score} → ${snapped}`);
			s.row = { ...s.row, score: snapped };
		}
	}
	if (rounded.length) console.log(colour.yellow(`note: ${plural(rounded.length, 'score was', 'scores were')} within rounding error of a step of the scale and ${rounded.length === 1 ? 'is' : 'are'} imported as that step: ${rounded.join(', ')}`));
	if (incoming.length === 0) throw new CliError(`${displayPath(context.projectRoot, file)} has no scores`);

	const sheetFile = path.join(data.folder, 'scores', `${round.id}.csv`);
	const sheetShown = displayPath(context.projectRoot, sheetFile);
	await updatingSheet(sheetFile, sheetShown, options['dry-run'] === true, async () => {
		const judges = new Set(incoming.map((s) => s.row.judge));
		// With --replace a judge's resubmission replaces what they sent before for the entries in
		// the file (every criterion of them); their scores for other entries stay.
		const resubmitted = new Set(incoming.map((s) => `${s.row.judge} ${s.row.entry}`));
		const earlier = await currentSheet(sheetFile, sheetShown, parseScoreSheet);
		const replaced = options.replace ? earlier.filter(({ row }) => resubmitted.has(`${row.judge} ${row.entry}`)).length : 0;
		const kept = earlier
			.filter(({ row }) => !(options.replace && resubmitted.has(`${row.judge} ${row.entry}`)))
			.map(({ line, row }) => ({ where: `${sheetShown} line ${line}`, row }));
		const scoreContext = scoreContextFor(context.check.index, data.id, data.assigned(round.id))!;
		const problems = checkScores(incoming, scoreContext, kept);
		if (problems.length) {
			const shown = displayPath(context.projectRoot, file);
			// Scores already in the sheet (the same file imported twice, or a judge's resubmission)
			// are one problem with one remedy, said once rather than row by row.
			const already = problems.filter((p) => p.message.startsWith('duplicate score') && p.message.includes(sheetShown));
			for (const p of problems.filter((p) => !already.includes(p))) console.error(`${colour.red('error')}   ${shown}  ${p.field ? `${p.where} ${p.field}` : p.where}: ${p.message}`);
			if (already.length) {
				const judgesAgain = [...new Set(incoming.filter((s) => already.some((p) => p.where === s.where)).map((s) => s.row.judge))].sort();
				console.error(`${colour.red('error')}   ${shown}: ${plural(already.length, 'score is', 'scores are')} already in ${sheetShown} (${judgesAgain.join(', ')}; first: ${already[0].where}, ${already[0].message}). Was this file imported before? To replace ${judgesAgain.length === 1 ? 'that judge\'s' : 'those judges\''} earlier scores for these entries, run the import again with --replace`);
			}
			const count = problems.length - already.length + (already.length ? 1 : 0);
			const hint = already.length && !options.replace ? ' (to replace a judge\'s earlier scores, pass --replace)' : '';
			throw new CliError(`${count} problem${count === 1 ? '' : 's'} in ${shown}; nothing was imported${hint}`);
		}
		const criteria = data.program.criteria.map((c) => c.id);
		const merged = sortScores([...kept.map((k) => k.row), ...incoming.map((i) => i.row)], criteria);
		const entries = new Set(incoming.map((s) => s.row.entry));
		// Imported all the same (a judge may send the rest later), but said: tally warns and publish refuses until they are complete.
		const incomplete = incompletePairs(merged, criteria).filter((p) => resubmitted.has(`${p.judge} ${p.entry}`));
		const warnIncomplete = () => {
			if (!incomplete.length) return;
			const shown = displayPath(context.projectRoot, file);
			console.log(colour.yellow(`warning: ${shown} leaves ${plural(incomplete.length, 'entry', 'entries')} partly scored, with criteria missing: ${describeIncomplete(incomplete)}. ${incomplete.length === 1 ? 'It is' : 'They are'} imported; ask the judge for the missing scores and import them when they come: publish refuses while any entry is partly scored`));
		};
		const summary = `${plural(incoming.length, 'score')} from ${[...judges].sort().join(', ')} for ${entries.size} entr${entries.size === 1 ? 'y' : 'ies'}`;
		const replacing = options.replace ? `, replacing ${plural(replaced, 'earlier score')} of ${entries.size === 1 ? 'that entry' : 'those entries'}` : '';
		if (options['dry-run']) {
			console.log(`${colour.green('✓')} ${summary} would be imported into ${sheetShown}${replacing.replace('replacing', 'and would replace')} (dry run: nothing written)`);
			warnIncomplete();
			return;
		}
		await writeAtomic(sheetFile, scoreSheetText(merged));
		console.log(`${colour.green('✓')} imported ${summary} into ${sheetShown}${replacing} (${plural(merged.length, 'score')} in the round)`);
		warnIncomplete();
	});
	return 0;
}
