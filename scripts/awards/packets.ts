/**
 * `awards packets <program> --round r [--out dir]`: one self-contained HTML packet per judge,
 * written outside the public site (default `packets/<program>/<round>/`, git-ignored). In a blind
 * program entrants are left out, and the command fails if an entry's text still names its entrant.
 */
import path from 'node:path';
import { judgedBlind, lintBlindEntries } from '../../src/lib/awards/blind.ts';
import { renderPacket } from '../../src/lib/awards/packet.ts';
import { pairsOf } from '../../src/lib/awards/program.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import { CliError, colour, plural, progressBar, writeAtomic } from '../lib/cli.ts';
import type { CommandContext } from './commands.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function packets(context: CommandContext): Promise<number> {
	const { data, round, options, check, projectRoot } = context;
	if (round.kind !== 'scoring') throw new CliError(`${round.id} is a ${round.kind} round; packets are for scoring rounds`);
	const assignment = data.assignment(round.id);
	if (!assignment) throw new CliError(`no assignment for ${round.id}: run \`npm run awards -- assign ${data.id} --round ${round.id}\` first`);
	const pairs = pairsOf(assignment.data);
	const entryById = new Map(data.entries.map((e) => [e.id, e]));
	const customerOf = (id: string) => check.index.customers.get(id)!.data;
	// The program's blindUntil decides whether a later round is still judged blind (as the site shows it).
	const blind = judgedBlind(data.program, round.id);

	if (blind) {
		const assigned = [...new Set(pairs.map((p) => p.entry))].map((id) => entryById.get(id)!);
		const problems = lintBlindEntries(
			assigned.map((e) => ({
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

	const outDir = options.out ? path.resolve(options.out) : path.join(projectRoot, 'packets', data.id, round.id);
	const judges = data.judges.filter((j) => pairs.some((p) => p.judge === j.id));
	const bar = progressBar('Writing packets', judges.length, !options.json && process.stderr.isTTY === true);
	const written: { judge: string; entries: number; file: string }[] = [];
	for (const judge of judges) {
		const entries = pairs.filter((p) => p.judge === judge.id).map((p) => entryById.get(p.entry)!);
		const html = renderPacket({
			program: { id: data.id, name: data.program.name, blind, scale: data.program.scale, criteria: data.program.criteria, categories: data.program.categories },
			round: { id: round.id, name: round.name, closes: isoDay(round.closes) },
			judge: { id: judge.id, name: judge.name },
			entries: entries.map((e) => ({
				id: e.id,
				category: e.category,
				title: e.title,
				summary: e.summary,
				narrative: e.narrative,
				evidence: e.evidence,
				...(blind ? {} : { entrant: { name: customerOf(e.customer).name, website: customerOf(e.customer).website } }),
			})),
			generatedAt: context.now.toISOString(),
		});
		const file = path.join(outDir, `${judge.id}.html`);
		await writeAtomic(file, html);
		written.push({ judge: judge.id, entries: entries.length, file: displayPath(projectRoot, file) });
		bar.tick();
	}
	bar.stop();
	if (options.json) {
		console.log(JSON.stringify({ program: data.id, round: round.id, blind, packets: written }, null, 2));
		return 0;
	}
	for (const w of written) console.log(`  ${w.file}  ${colour.dim(`${plural(w.entries, 'entry', 'entries')}`)}`);
	console.log(`${colour.green('✓')} ${written.length} packets for ${round.name}${blind ? ' (blind)' : ''} in ${displayPath(projectRoot, outDir)}: send each judge their file; they return the JSON or CSV it exports.`);
	return 0;
}
