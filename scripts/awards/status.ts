/** `awards status`: per judge assigned / scored / missing; per entry the scores received. */
import { pairsOf } from '../../src/lib/awards/program.ts';
import { colour, meter, plural } from '../lib/cli.ts';
import { draftsWarning, missingIn } from './tally.ts';
import type { CommandContext } from './commands.ts';

/** A ranking round: which judges have ranked each category's finalists. */
function rankingStatus({ data, round, options }: CommandContext): number {
	const context = data.rankingContext;
	const categories = [...new Set([...(context?.finalists.values() ?? [])].map((f) => f.category))].sort();
	const rows = data.rankingSheet(round.id)?.lines.map((l) => l.row) ?? [];
	const judges = data.judges.map((j) => {
		const ranked = categories.filter((c) => rows.some((r) => r.judge === j.id && context!.finalists.get(r.entry)?.category === c));
		return { judge: j.id, name: j.name, ranked: ranked.length, missing: categories.filter((c) => !ranked.includes(c)) };
	});
	if (options.json) {
		console.log(JSON.stringify({ program: data.id, round: round.id, finalistsPublished: Boolean(context), categories, judges }, null, 2));
		return 0;
	}
	console.log(colour.bold(`${data.program.name} · ${round.name} (${round.id}, ranking), closes ${round.closes.toISOString().slice(0, 10)}`));
	if (!context) {
		console.log(colour.yellow(`No finalists yet: publish the scoring round first (\`npm run awards -- publish ${data.id}\`).`));
		return 0;
	}
	const width = Math.max(...judges.map((j) => j.name.length));
	for (const j of judges) console.log(`  ${j.name.padEnd(width)}  ${meter(j.ranked, categories.length)}${j.missing.length ? `  ${colour.dim(`missing: ${j.missing.join(', ')}`)}` : ''}`);
	return 0;
}

export async function status(context: CommandContext): Promise<number> {
	if (context.round.kind === 'ranking') return rankingStatus(context);
	const { data, round, options } = context;
	const criteria = data.program.criteria.map((c) => c.id);
	const scores = data.scores(round.id);
	// An entry counts as scored by a judge once every criterion has a score.
	const criteriaScored = new Map<string, Set<string>>();
	for (const s of scores) {
		const key = `${s.judge} ${s.entry}`;
		if (!criteriaScored.has(key)) criteriaScored.set(key, new Set());
		criteriaScored.get(key)!.add(s.criterion);
	}
	const complete = (judge: string, entry: string) => criteriaScored.get(`${judge} ${entry}`)?.size === criteria.length;
	const assignment = data.assignment(round.id);
	const pairs = assignment ? pairsOf(assignment.data) : [...criteriaScored.keys()].map((k) => ({ judge: k.split(' ')[0], entry: k.split(' ')[1] }));

	const judges = data.judges.map((j) => {
		const mine = pairs.filter((p) => p.judge === j.id).map((p) => p.entry);
		const scored = mine.filter((e) => complete(j.id, e));
		return { judge: j.id, name: j.name, assigned: assignment ? mine.length : null, scored: scored.length, missing: mine.filter((e) => !complete(j.id, e)) };
	});
	const perEntry = assignment?.data.perEntry ?? null;
	const entries = data.eligible.map((e) => ({
		entry: e.id,
		category: e.category,
		assigned: pairs.filter((p) => p.entry === e.id).length,
		received: pairs.filter((p) => p.entry === e.id && complete(p.judge, e.id)).length,
	}));

	// Drafts are left out of judging: said here, or "every judge complete" would hide them.
	const drafts = data.entries.filter((e) => e.draft && (e.status === 'submitted' || e.status === 'eligible')).map((e) => e.id);
	if (options.json) {
		console.log(JSON.stringify({ program: data.id, round: round.id, assignment: assignment ? assignment.file : null, perEntry, judges, entries, drafts, missing: missingIn(data, round.id) }, null, 2));
		return 0;
	}
	console.log(colour.bold(`${data.program.name} · ${round.name} (${round.id}), closes ${round.closes.toISOString().slice(0, 10)}`));
	if (!assignment) console.log(colour.yellow(`No assignment for ${round.id} yet: run \`npm run awards -- assign ${data.id} --round ${round.id}\`.`));
	console.log(`\n${colour.bold('Judges')}`);
	const nameWidth = Math.max(...judges.map((j) => j.name.length));
	for (const j of judges) {
		const total = j.assigned ?? j.scored;
		const line = `  ${j.name.padEnd(nameWidth)}  ${meter(j.scored, total)}`;
		console.log(j.missing.length ? `${line}  ${colour.dim(`missing: ${j.missing.join(', ')}`)}` : line);
	}
	console.log(`\n${colour.bold('Entries')}`);
	const idWidth = Math.max(...entries.map((e) => e.entry.length));
	for (const e of entries) console.log(`  ${e.entry.padEnd(idWidth)}  ${meter(e.received, perEntry ?? e.assigned)}`);
	const done = entries.filter((e) => e.received >= (perEntry ?? e.assigned) && e.received > 0).length;
	console.log(`\n${done} of ${entries.length} entries fully scored; ${plural(scores.length, 'criterion score')} in total.`);
	for (const w of draftsWarning(data)) console.log(colour.yellow(`note: ${w}`));
	return 0;
}
