/**
 * `awards packets <program> --round r [--out dir]`: one self-contained HTML packet per judge,
 * written outside the public site (default `packets/<program>/<round>/`, git-ignored): a scorecard
 * of the judge's assigned entries in a scoring round, or in a ranking round the published
 * finalists of each category (less the judge's conflicts) to put in order. In a blind program
 * entrants are left out, and the command fails if an entry's text still names its entrant.
 */
import path from 'node:path';
import { judgedBlind, lintBlindEntries } from '../../src/lib/awards/blind.ts';
import { renderPacket } from '../../src/lib/awards/packet.ts';
import { renderRankingPacket } from '../../src/lib/awards/packet/ranking-html.ts';
import type { ProgramEntry } from '../../src/lib/awards/program.ts';
import { pairsOf } from '../../src/lib/awards/program.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import { CliError, colour, plural, progressBar, writeAtomic } from '../lib/cli.ts';
import type { CommandContext } from './commands.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** In a blind program, refuses (writing nothing) when any of `entries` still names its entrant. */
function refuseUnblinded(context: CommandContext, entries: ProgramEntry[]): void {
	const { data, check, round } = context;
	// The program's blindUntil decides whether a later round is still judged blind (as the site shows it).
	if (!judgedBlind(data.program, round.id)) return;
	const customerOf = (id: string) => check.index.customers.get(id)!.data;
	const problems = lintBlindEntries(
		entries.map((e) => ({
			id: e.id,
			title: e.title,
			summary: e.summary,
			narrative: e.narrative,
			evidence: e.evidence,
			entrant: {
				customer: e.customer,
				name: customerOf(e.customer).name,
				website: customerOf(e.customer).website,
				people: [...check.index.people.values()].filter((p) => p.data.customer === e.customer).map((p) => p.data.name),
			},
		})),
	);
	if (problems.length) {
		for (const p of problems) console.error(`${colour.red('error')}   entries/${p.entry}.md  ${p.field}: names its entrant (${p.found.map((f) => `"${f}"`).join(', ')}) in a blind program`);
		throw new CliError(`${problems.length} blind-judging problem${problems.length === 1 ? '' : 's'}: edit the entries so judges cannot tell who entered; no packets were written`);
	}
}

/** What a packet shows of an entry: its text, and its entrant unless the round is judged blind (`judgedBlind`). */
function packetEntry(context: CommandContext, e: ProgramEntry) {
	const customer = context.check.index.customers.get(e.customer)!.data;
	return {
		id: e.id,
		category: e.category,
		title: e.title,
		summary: e.summary,
		narrative: e.narrative,
		evidence: e.evidence,
		...(judgedBlind(context.data.program, context.round.id) ? {} : { entrant: { name: customer.name, website: customer.website } }),
	};
}

export async function packets(context: CommandContext): Promise<number> {
	const { data, round, options, projectRoot } = context;
	if (round.kind === 'ranking') return rankingPackets(context);
	const assignment = data.assignment(round.id);
	if (!assignment) throw new CliError(`no assignment for ${round.id}: run \`npm run awards -- assign ${data.id} --round ${round.id}\` first`);
	const pairs = pairsOf(assignment.data);
	const entryById = new Map(data.entries.map((e) => [e.id, e]));
	refuseUnblinded(context, [...new Set(pairs.map((p) => p.entry))].map((id) => entryById.get(id)!));

	const outDir = options.out ? path.resolve(options.out) : path.join(projectRoot, 'packets', data.id, round.id);
	const judges = data.judges.filter((j) => pairs.some((p) => p.judge === j.id));
	const bar = progressBar('Writing packets', judges.length, !options.json && process.stderr.isTTY === true);
	const written: { judge: string; entries: number; file: string }[] = [];
	for (const judge of judges) {
		const entries = pairs.filter((p) => p.judge === judge.id).map((p) => entryById.get(p.entry)!);
		const html = renderPacket({
			program: { id: data.id, name: data.program.name, blind: judgedBlind(data.program, round.id), scale: data.program.scale, criteria: data.program.criteria, categories: data.program.categories },
			round: { id: round.id, name: round.name, closes: isoDay(round.closes) },
			judge: { id: judge.id, name: judge.name },
			entries: entries.map((e) => packetEntry(context, e)),
			generatedAt: context.now.toISOString(),
		});
		const file = path.join(outDir, `${judge.id}.html`);
		await writeAtomic(file, html);
		written.push({ judge: judge.id, entries: entries.length, file: displayPath(projectRoot, file) });
		bar.tick();
	}
	bar.stop();
	return report(context, outDir, written);
}

function report(context: CommandContext, outDir: string, written: { judge: string; entries: number; file: string }[]): number {
	const { data, round, options, projectRoot } = context;
	if (options.json) {
		console.log(JSON.stringify({ program: data.id, round: round.id, blind: judgedBlind(data.program, round.id), packets: written }, null, 2));
		return 0;
	}
	for (const w of written) console.log(`  ${w.file}  ${colour.dim(round.kind === 'ranking' ? plural(w.entries, 'finalist') : plural(w.entries, 'entry', 'entries'))}`);
	const returned = round.kind === 'ranking' ? 'the rankings CSV it exports' : 'the JSON or CSV it exports';
	console.log(`${colour.green('✓')} ${written.length} packets for ${round.name}${judgedBlind(data.program, round.id) ? ' (blind)' : ''} in ${displayPath(projectRoot, outDir)}: send each judge their file; they return ${returned}.`);
	return 0;
}

/**
 * A ranking round: each judge gets every published finalist they have no conflict with, by
 * category, and ranks them; the export is the sheet `import --round <round>` takes.
 */
async function rankingPackets(context: CommandContext): Promise<number> {
	const { data, round, options, projectRoot } = context;
	const ranking = data.rankingContext;
	if (!ranking) throw new CliError(`${round.id} ranks the finalists, but none are published yet: run \`npm run awards -- publish ${data.id}\` for the scoring round first`);
	const entryById = new Map(data.entries.map((e) => [e.id, e]));
	const finalists = [...ranking.finalists.keys()].map((id) => entryById.get(id)!).filter(Boolean);
	refuseUnblinded(context, finalists);
	const outDir = options.out ? path.resolve(options.out) : path.join(projectRoot, 'packets', data.id, round.id);
	const written: { judge: string; entries: number; file: string }[] = [];
	for (const judge of data.judges) {
		const conflicts = ranking.judges.get(judge.id) ?? new Set<string>();
		const categories = data.program.categories
			.map((c) => ({
				id: c.id,
				name: c.name,
				description: c.description,
				// The published order (best first) is not shown: each judge starts from the entries' id order.
				finalists: finalists.filter((f) => ranking.finalists.get(f.id)!.category === c.id && !conflicts.has(f.customer)).sort((a, b) => a.id.localeCompare(b.id)).map((f) => packetEntry(context, f)),
			}))
			.filter((c) => c.finalists.length > 0);
		if (categories.length === 0) continue;
		const html = renderRankingPacket({
			program: { id: data.id, name: data.program.name, blind: judgedBlind(data.program, round.id) },
			round: { id: round.id, name: round.name, closes: isoDay(round.closes) },
			judge: { id: judge.id, name: judge.name },
			categories,
			generatedAt: context.now.toISOString(),
		});
		const file = path.join(outDir, `${judge.id}.html`);
		await writeAtomic(file, html);
		written.push({ judge: judge.id, entries: categories.reduce((n, c) => n + c.finalists.length, 0), file: displayPath(projectRoot, file) });
	}
	return report(context, outDir, written);
}
