/**
 * The finalist round in the CLI: importing rankings, ranking by the Schulze method, and the
 * results file `verify` recomputes. Finalists are those `publish` marked for the scoring round.
 */
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { checkRankings, computeFinalRound, parseRankingSheet, type FinalRoundResults } from '../../src/lib/awards/rankings.ts';
import { describeAgreement } from '../../src/lib/awards/agreement.ts';
import type { ProgramData } from '../../src/lib/awards/program.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import { neutraliseCsvCell } from '../../src/lib/csv-cell.ts';
import { RANKING_COLUMNS, type RankingRow } from '../../src/schemas/ranking.ts';
import { CliError, colour, plural, readInputText, writeAtomic } from '../lib/cli.ts';
import type { CommandContext } from './commands.ts';
import { currentSheet, resultsFile, updatingSheet } from './files.ts';

function finalistsOf(data: ProgramData, round: string) {
	if (!data.rankingContext) throw new CliError(`${round} ranks the finalists, but none are published yet: run \`npm run awards -- publish ${data.id}\` for the scoring round first`);
	return data.rankingContext;
}

/** Recomputes a ranking round's results from the committed rankings. */
export function computeFinalResults(data: ProgramData, round: string): FinalRoundResults {
	const context = finalistsOf(data, round);
	const rows = (data.rankingSheet(round)?.lines ?? []).map((l) => l.row);
	if (rows.length === 0) throw new CliError(`no rankings for ${round} yet: import them with \`npm run awards -- import ${data.id} --round ${round} <rankings.csv>\``);
	return computeFinalRound(data.id, round, context.finalists, rows);
}

/** A round's ranking sheet: the text cells neutralised against formula injection (`=…` is written `'=…`), the rank as a number. */
export function rankingSheetText(rows: RankingRow[]): string {
	return stringify(rows.map((r) => [neutraliseCsvCell(r.judge), neutraliseCsvCell(r.entry), String(r.rank)]), { header: true, columns: [...RANKING_COLUMNS] });
}

export async function importRankings(context: CommandContext, file: string): Promise<number> {
	const { data, round, options, projectRoot } = context;
	const rankingContext = finalistsOf(data, round.id);
	const shown = displayPath(projectRoot, file);
	const text = await readInputText(file, shown);
	const parsed = parseRankingSheet(text, shown);
	if (parsed.diagnostics.length) throw new CliError(`${shown} cannot be imported:\n${parsed.diagnostics.map((d) => `  ${d.field}: ${d.message}`).join('\n')}\nNothing was imported.`);
	const incoming = parsed.lines.map(({ line, row }) => ({ where: `line ${line}`, row }));
	const sheetFile = path.join(data.folder, 'rankings', `${round.id}.csv`);
	const sheetShown = displayPath(projectRoot, sheetFile);
	await updatingSheet(sheetFile, sheetShown, options['dry-run'] === true, async () => {
		const judges = new Set(incoming.map((r) => r.row.judge));
		// With --replace a judge's rankings of the entries in the file replace their earlier ones;
		// the rest stay (and the ranks per category are checked together).
		const resubmitted = new Set(incoming.map((r) => `${r.row.judge} ${r.row.entry}`));
		const earlier = await currentSheet(sheetFile, sheetShown, parseRankingSheet);
		const replaced = options.replace ? earlier.filter(({ row }) => resubmitted.has(`${row.judge} ${row.entry}`)).length : 0;
		const kept = earlier.filter(({ row }) => !(options.replace && resubmitted.has(`${row.judge} ${row.entry}`))).map(({ line, row }) => ({ where: `${sheetShown} line ${line}`, row }));
		const problems = checkRankings(incoming, rankingContext, kept);
		if (problems.length) {
			for (const p of problems) console.error(`${colour.red('error')}   ${shown}  ${p.field ? `${p.where} ${p.field}` : p.where}: ${p.message}`);
			throw new CliError(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${shown}; nothing was imported`);
		}
		const merged: RankingRow[] = [...kept.map((k) => k.row), ...incoming.map((i) => i.row)].sort((a, b) => a.judge.localeCompare(b.judge) || a.entry.localeCompare(b.entry));
			const replacing = options.replace ? `, replacing ${plural(replaced, 'earlier ranking')} of the same entries` : '';
		if (options['dry-run']) {
			console.log(`${colour.green('✓')} ${plural(incoming.length, 'ranking')} from ${[...judges].join(', ')} would be imported into ${sheetShown}${replacing.replace('replacing', 'and would replace')} (dry run: nothing written)`);
			return;
		}
		await writeAtomic(sheetFile, rankingSheetText(merged));
		console.log(`${colour.green('✓')} imported ${plural(incoming.length, 'ranking')} from ${[...judges].join(', ')} into ${sheetShown}${replacing}`);
	});
	return 0;
}

export const serialiseFinal = (results: FinalRoundResults) => `${JSON.stringify(results, null, 2)}\n`;

export async function tallyFinalRound(context: CommandContext): Promise<number> {
	const { data, round, options, projectRoot } = context;
	const results = computeFinalResults(data, round.id);
	const file = resultsFile(data, round.id);
	await writeAtomic(file, serialiseFinal(results));
	if (options.json) {
		console.log(serialiseFinal(results).trimEnd());
		return 0;
	}
	const title = (id: string) => data.entries.find((e) => e.id === id)?.title ?? id;
	console.log(colour.bold(`${data.program.name} · ${round.name} (${round.id}) · Schulze method`));
	for (const c of results.categories) {
		const name = data.program.categories.find((x) => x.id === c.category)?.name ?? c.category;
		const rows = (data.rankingSheet(round.id)?.lines ?? []).map((l) => l.row).filter((r) => c.order.includes(r.entry));
		const rankings = [...new Set(rows.map((r) => r.judge))].map((judge) => ({ order: rows.filter((r) => r.judge === judge).map((r) => r.entry) }));
		const agreement = describeAgreement(c.kendallW, c.order, rankings, c.ties);
		console.log(`\n${colour.bold(name)}  ${colour.dim(`${plural(c.judges, 'judge')} · ${agreement}`)}`);
		c.order.forEach((id, i) => console.log(`  ${String(i + 1).padStart(2)}. ${i === 0 ? colour.green(title(id)) : title(id)}`));
		for (const tie of c.ties) console.log(colour.yellow(`  Not separable by the Schulze method: ${tie.join(', ')}`));
	}
	console.log(`\n${colour.green('✓')} wrote ${displayPath(projectRoot, file)}`);
	return 0;
}
