/**
 * `awards publish <program> [--round r]`: marks each category's winner, finalists and honourable
 * mentions in `winners.yaml` (public: the site reads it) and writes each entrant's feedback
 * (their criterion scores against the category average, comments anonymised) to
 * `feedback/<entry>.md`, private unless the program says otherwise.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import type { ProgramData } from '../../src/lib/awards/program.ts';
import { describeIncomplete } from '../../src/lib/awards/score-rules.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import { replaceMentions } from '../../src/lib/mentions.ts';
import { roundOutcomeSchema, winnersSchema, type RoundOutcome, type Winners } from '../../src/schemas/award.ts';
import { winnersDecided } from '../../src/lib/award-method.ts';
import { publishedRounds } from '../../src/lib/awards/announcement.ts';
import { describeMissing } from '../../src/lib/awards/missing.ts';
import { isoDateTime } from '../../src/schemas/common.ts';
import { CliError, colour, failureReason, plural, writeAllAtomic } from '../lib/cli.ts';
import type { CommandContext } from './commands.ts';
import { computeFinalResults, serialiseFinal } from './final-round.ts';
import { resultsFile, winnersFile } from './files.ts';
import { computeRoundResults, draftsWarning, missingIn, partlyScored, serialiseResults, unscoredIn, type RoundResults } from './tally.ts';
import { PUBLICATION_LABELS } from '../../src/lib/preview.ts';


/** The outcome per category, from a round's results and the program's publishing rules. */
export function computeOutcome(data: ProgramData, results: RoundResults): Winners['categories'] {
	const { finalists, honourableMentions } = data.program.results;
	const decided = winnersDecided(data.program.rounds, results.round);
	return results.tally.categories.map((category) => {
		if (category.entries.length === 0) throw new CliError(`${category.category}: no entry in this category has scores in ${results.round}; import them before publishing`);
		// A tie at the top of a round that picks finalists is no obstacle: the ranking round decides.
		if (!category.winner && decided) {
			throw new CliError(`${category.category}: the top is still tied after the declared tie-break (${category.entries.filter((e) => e.rank === 1).map((e) => e.id).join(', ')}); run a ranking round or record the panel's decision before publishing`);
		}
		const ranked = category.entries.map((e) => e.id);
		const tie = category.winner ? category.tieBreaks.find((t) => t.entries[0] === category.winner) : undefined;
		const rule = tie?.decidedBy[0];
		return {
			category: category.category,
			// With a ranking round to come, this round's top entry is a finalist, not the winner.
			...(decided ? { winner: category.winner! } : {}),
			finalists: ranked.slice(0, finalists),
			honourableMentions: ranked.slice(finalists, finalists + honourableMentions),
			decidedByTieBreak: decided && Boolean(rule),
			...(decided && rule ? { decidedBy: rule } : {}),
		};
	});
}

type Round = CommandContext['round'];

/** The scoring round a ranking round's finalists came from: the last scoring round before it. */
function scoringRoundBefore(data: ProgramData, round: Round): Round {
	const index = data.program.rounds.indexOf(round);
	const scoring = data.program.rounds.slice(0, index).filter((r) => r.kind === 'scoring').at(-1);
	if (!scoring) throw new CliError(`${round.id} ranks finalists, but no scoring round comes before it`);
	return scoring;
}

/**
 * The published outcome of a round, recomputed from the committed inputs: a scoring round's
 * ranks, or a ranking round's Schulze order (with the scoring round's honourable mentions).
 */
export function outcomeFor(data: ProgramData, round: Round): { method: Winners['method']; categories: Winners['categories'] } {
	if (round.kind === 'scoring') {
		const results = computeRoundResults(data, round);
		return { method: results.tally.method, categories: computeOutcome(data, results) };
	}
	const scoring = computeRoundResults(data, scoringRoundBefore(data, round));
	const base = computeOutcome(data, scoring);
	const final = computeFinalResults(data, round.id);
	const scoringRank = (id: string) => scoring.tally.categories.flatMap((c) => c.entries).find((e) => e.id === id)?.rank ?? Number.POSITIVE_INFINITY;
	return {
		method: 'schulze',
		categories: base.map((outcome) => {
			const ranked = final.categories.find((c) => c.category === outcome.category);
			if (!ranked) throw new CliError(`${outcome.category}: no rankings in ${round.id}`);
			// Finalists the Schulze method cannot separate keep their scoring-round order: a rule
			// fixed before judging, applied the same way every time.
			const order = [...ranked.order];
			let decidedByTieBreak = false;
			for (const group of ranked.ties) {
				const start = order.indexOf(group[0]);
				const resolved = [...group].sort((a, b) => scoringRank(a) - scoringRank(b) || a.localeCompare(b));
				order.splice(start, group.length, ...resolved);
				if (start === 0) decidedByTieBreak = true;
			}
			return { ...outcome, winner: order[0], finalists: order, decidedByTieBreak, ...(decidedByTieBreak ? { decidedBy: 'scoring-round' } : {}) };
		}),
	};
}

/** Checks the committed results file of a round matches what its committed inputs give. */
async function assertResultsCurrent(data: ProgramData, round: Round): Promise<void> {
	const file = resultsFile(data, round.id);
	const committed = await readFile(file, 'utf8').catch(() => undefined);
	if (committed === undefined) throw new CliError(`no results for ${round.id}: run \`npm run awards -- tally ${data.id} --round ${round.id}\` first`);
	const recomputed = round.kind === 'scoring' ? serialiseResults(computeRoundResults(data, round)) : serialiseFinal(computeFinalResults(data, round.id));
	if (recomputed !== committed) throw new CliError(`results for ${round.id} do not match the committed ${round.kind === 'scoring' ? 'scores' : 'rankings'}: run \`npm run awards -- tally ${data.id} --round ${round.id}\` again`);
}

const RESULT_LABEL = { winner: 'Winner', finalist: 'Finalist', mention: 'Honourable mention', none: 'Not placed' } as const;

/** Markdown feedback for one entrant: their scores against the category, comments without names. */
/** Particles of names ("van" of "Anna van Dijk"): ordinary words on their own, naming nobody. */
const NAME_PARTICLES = new Set(['al', 'bin', 'bint', 'da', 'das', 'de', 'del', 'della', 'der', 'den', 'di', 'do', 'dos', 'du', 'el', 'ibn', 'la', 'le', 'st', 'st.', 'van', 'von', 'y', 'zu']);

export function feedbackFor(data: ProgramData, results: RoundResults, outcome: Winners['categories'][number], entryId: string): string {
	const entry = data.entries.find((e) => e.id === entryId)!;
	const category = data.program.categories.find((c) => c.id === entry.category)!;
	const result = results.tally.categories.find((c) => c.category === entry.category)!;
	const ranked = result.entries.find((e) => e.id === entryId)!;
	const scores = data.scores(results.round);
	const inCategory = new Set(result.entries.map((e) => e.id));
	const meanOf = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
	/** Mean score of one entry on one criterion. */
	const entryMean = (id: string, criterion: string) => meanOf(scores.filter((s) => s.entry === id && s.criterion === criterion).map((s) => s.score));
	const placed = outcome.winner !== undefined && outcome.winner === entryId ? 'winner' : outcome.finalists.includes(entryId) ? 'finalist' : outcome.honourableMentions.includes(entryId) ? 'mention' : 'none';
	// Judges' names, found as the blind check finds an entrant's (`replaceMentions`: whole words,
	// case-insensitive, look-alike letters and invisible characters seen through): the full name and
	// each part of it on its own, "Ana" and "Lyst" of "Ana Lyst" too. Unlike `personNeedles`, short
	// parts are kept: a comment signed "Ana" names its judge to an entrant who saw the panel, and a
	// part only ever matches as a whole word, so "Ana" does not touch "analysis". Left out are
	// initials ("J.") and name particles ("van", "de", "al"), which are ordinary words on their own and
	// name nobody. A judge whose name is also a word ("Will", "Mark") turns that word into "a judge":
	// an awkward sentence, rather than an entrant learning who scored them.
	const judgeNames = data.judges.flatMap((j) => [j.name, ...j.name.split(/\s+/).filter((part) => part.replace(/\.$/, '').length >= 2 && !NAME_PARTICLES.has(part.toLowerCase()))]);
	const anonymise = (text: string) => replaceMentions(text, judgeNames, 'a judge');
	// Sorted, so the order says nothing about which judge wrote what.
	const comments = [...new Set(scores.filter((s) => s.entry === entryId && s.comment?.trim()).map((s) => anonymise(s.comment!.trim())))].sort();
	const rows = data.program.criteria.map((c) => {
		const average = meanOf([...inCategory].map((id) => entryMean(id, c.id)));
		return `| ${c.name} | ${c.weight}% | ${entryMean(entryId, c.id).toFixed(2)} | ${average.toFixed(2)} |`;
	});
	return [
		`# Feedback: ${entry.title}`,
		'',
		`${data.program.name} · ${category.name} · ${results.round}`,
		'',
		`**Result:** ${RESULT_LABEL[placed]}. Rank ${ranked.rank} of ${result.entries.length} (95% interval ${ranked.rankInterval[0]}–${ranked.rankInterval[1]}), scored by ${ranked.judges} judge${ranked.judges === 1 ? '' : 's'}.`,
		'',
		`| Criterion | Weight | Your mean score | Category average |`,
		`| --- | --- | --- | --- |`,
		...rows,
		'',
		`Scores run from ${data.program.scale.min} to ${data.program.scale.max}. Ranks use the ${results.tally.method} method declared before judging, which corrects for more and less lenient judges.`,
		'',
		'## Judges’ comments',
		'',
		...(comments.length ? comments.map((c) => `- ${c}`) : ['No written comments.']),
		'',
	].join('\n');
}

const isoInstant = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/**
 * When this round's results are announced: `--publish-at`, or else the announcement this round
 * already has in winners.yaml (publishing again, after a correction, must not lift an embargo
 * someone set by hand). Another round's announcement is never inherited: the finalists' date is
 * not the winners'.
 */
function announcementTime(data: ProgramData, round: string, given: string | undefined): string | undefined {
	const earlier = data.winners && publishedRounds(data.winners).find((r) => r.round === round);
	if (given === undefined) return earlier?.publishAt && isoInstant(earlier.publishAt);
	const parsed = isoDateTime().safeParse(given);
	if (!parsed.success) throw new CliError(`--publish-at expects a date-time with its zone, like 2026-12-10T09:00:00Z, found "${given}"`);
	return isoInstant(parsed.data);
}

/** A round's outcome as winners.yaml spells it: days and instants as text, no empty fields. */
function outcomeYaml(outcome: RoundOutcome) {
	const { publishedOn, publishAt, ...rest } = outcome;
	return { round: rest.round, publishedOn: publishedOn.toISOString().slice(0, 10), ...(publishAt ? { publishAt: isoInstant(publishAt) } : {}), method: rest.method, categories: rest.categories };
}

/** The reason and pairs an earlier `publish --allow-missing` recorded, if any. */
async function recordedAllowance(file: string): Promise<{ reason: string; missing: { judge: string; entry: string }[] } | undefined> {
	const text = await readFile(file, 'utf8').catch(() => undefined);
	if (text === undefined) return undefined;
	const data = parseYaml(text) as { reason?: unknown; missing?: unknown } | null;
	if (typeof data?.reason !== 'string' || !Array.isArray(data.missing)) return undefined;
	return { reason: data.reason, missing: data.missing.filter((m): m is { judge: string; entry: string } => typeof m?.judge === 'string' && typeof m?.entry === 'string') };
}

/** Where a manager's reason for publishing with scores missing is kept (private, beside the round's results). */
const allowedMissingFile = (data: ProgramData, round: string) => path.join(data.folder, 'results', `${round}.missing.yaml`);

/**
 * Refuses to publish a round once a later round has started from its outcome: the later round's
 * rankings were made for the finalists published now, and its published outcome would be taken back.
 */
function assertNoLaterRound(data: ProgramData, round: Round, projectRoot: string): void {
	const rounds = data.program.rounds;
	const later = rounds.slice(rounds.indexOf(round) + 1);
	const publishLater = (r: Round) => `\`npm run awards -- publish ${data.id} --round ${r.id}\``;
	const published = data.winners && later.find((r) => r.id === data.winners!.round);
	if (published) {
		throw new CliError(`${displayPath(projectRoot, winnersFile(data))} holds the outcome of ${published.id}, a later round than ${round.id}: publishing ${round.id} again would take it back. To update the published outcome run ${publishLater(published)}; nothing was written`);
	}
	for (const r of later) {
		const sheet = r.kind === 'ranking' ? data.rankingSheet(r.id) : data.scoreSheet(r.id);
		if (sheet && sheet.lines.length > 0) {
			throw new CliError(`${r.id} already has ${r.kind === 'ranking' ? 'rankings' : 'scores'} (${sheet.file}) made for the finalists of ${round.id}: publishing ${round.id} again could change them. Publish ${r.id} instead (${publishLater(r)}), or, to redo ${round.id}, move ${sheet.file} and the results of ${r.id} out of ${displayPath(projectRoot, data.folder)} first; nothing was written`);
		}
	}
}

export async function publish(context: CommandContext): Promise<number> {
	const { data, round, options, projectRoot, now } = context;
	const dryRun = options['dry-run'] === true;
	assertNoLaterRound(data, round, projectRoot);
	await assertResultsCurrent(data, round);
	// Entrant feedback comes from the scoring round (a ranking round has no criterion scores).
	const results = computeRoundResults(data, round.kind === 'scoring' ? round : scoringRoundBefore(data, round));
	const unscored = unscoredIn(results);
	if (unscored.entries.length || unscored.categories.length) {
		const what = [
			...(unscored.categories.length ? [`no scores at all in ${unscored.categories.length === 1 ? 'category' : 'categories'} ${unscored.categories.join(', ')}`] : []),
			...(unscored.entries.length ? [`eligible entries with no scores: ${unscored.entries.join(', ')}`] : []),
		];
		throw new CliError(`cannot publish ${round.id} while eligible entries of ${data.id} are unscored in ${results.round} (${what.join('; ')}): import their scores, or set an entry's status to withdrawn or ineligible, then tally again; nothing was written`);
	}
	// A half-scored entry's judge counts on some criteria only: the missing scores come first.
	const partly = partlyScored(data, results.round);
	if (partly.length) {
		throw new CliError(`cannot publish ${round.id} while ${plural(partly.length, 'judge–entry pair is', 'judge–entry pairs are')} partly scored in ${results.round}: ${describeIncomplete(partly)}. Import the missing criteria's scores (or remove the pair's scores from ${displayPath(projectRoot, path.join(data.folder, 'scores', `${results.round}.csv`))}), then tally again; nothing was written`);
	}
	// An assigned pair with no score leaves an entry ranked on fewer judges than assigned: it blocks
	// publishing unless the manager records why (--allow-missing), kept beside the round's results.
	const missing = missingIn(data, results.round);
	if (options['allow-missing'] !== undefined && !options['allow-missing'].trim()) throw new CliError('--allow-missing needs the reason, e.g. --allow-missing "judge withdrew for illness; panel agreed on 3 judges"; nothing was written');
	// A reason recorded before (publishing the finalists, say) still covers the same missing pairs.
	const recorded = await recordedAllowance(allowedMissingFile(data, results.round));
	const covered = recorded !== undefined && missing.every((m) => recorded.missing.some((r) => r.judge === m.judge && r.entry === m.entry));
	const allowMissing = options['allow-missing']?.trim() ?? (covered ? recorded.reason : undefined);
	if (missing.length && !allowMissing) {
		throw new CliError(`cannot publish ${round.id} while ${plural(missing.length, 'assigned judge–entry pair has', 'assigned judge–entry pairs have')} no scores in ${results.round}: ${describeMissing(missing)}. Import the missing scores and tally again, or, if the panel decided to go ahead without them, record why with --allow-missing "reason"; nothing was written`);
	}
	const publishAt = announcementTime(data, round.id, options['publish-at']);
	const { method, categories } = outcomeFor(data, round);
	const outcome = roundOutcomeSchema.parse({ round: round.id, publishedOn: now.toISOString().slice(0, 10), ...(publishAt ? { publishAt } : {}), method, categories });
	// Rounds published before this one keep their own announcement (a later round is refused above).
	const earlierRounds = data.winners ? publishedRounds(data.winners).filter((r) => r.round !== round.id) : [];
	const winners = winnersSchema.parse({ ...outcomeYaml(outcome), ...(earlierRounds.length ? { earlierRounds: earlierRounds.map(outcomeYaml) } : {}) });
	const file = winnersFile(data);
	const yamlText = `# Written by \`npm run awards -- publish ${data.id}\`; public: the site shows these results${publishAt ? ` from ${publishAt}` : ''}.\n${stringify({ ...outcomeYaml(outcome), ...(winners.earlierRounds ? { earlierRounds: earlierRounds.map(outcomeYaml) } : {}) })}`;
	const allowedFile = allowedMissingFile(data, results.round);
	const allowedText = missing.length && allowMissing && !(covered && options['allow-missing'] === undefined) ? `# Written by \`npm run awards -- publish ${data.id} --allow-missing\`: published without these assigned scores. Private.\n${stringify({ round: results.round, publishedRound: round.id, recordedAt: isoInstant(now), reason: allowMissing, missing })}` : undefined;

	const feedbackDir = path.join(data.folder, 'feedback');
	const scored = categories.flatMap((c) => results.tally.categories.find((r) => r.category === c.category)!.entries.map((e) => ({ outcome: c, id: e.id })));
	// Every file's text is prepared before anything is written.
	// The public winners.yaml goes last, so the entrants' feedback is in place when it changes.
	const writes = [...scored.map(({ outcome, id }) => ({ file: path.join(feedbackDir, `${id}.md`), text: feedbackFor(data, results, outcome, id) })), ...(allowedText ? [{ file: allowedFile, text: allowedText }] : []), { file, text: yamlText }];
	// Feedback of an entry no longer judged (withdrawn, ineligible, a draft again) would be stale:
	// removed, but only files named after entries of this program.
	const written = new Set(scored.map((s) => `${s.id}.md`));
	const entryFiles = new Set(data.entries.map((e) => `${e.id}.md`));
	const existing = await readdir(feedbackDir).catch(() => [] as string[]);
	const stale = existing.filter((name) => entryFiles.has(name) && !written.has(name)).sort().map((name) => path.join(feedbackDir, name));
	if (!dryRun) {
		await writeAllAtomic(writes, (f) => displayPath(projectRoot, f));
		for (const f of stale) {
			await rm(f, { force: true }).catch((cause: unknown) => {
				throw new CliError(`wrote ${displayPath(projectRoot, file)} and the feedback, but cannot remove the stale ${displayPath(projectRoot, f)}: ${failureReason(cause)}`);
			});
		}
	}

	const notPublic = categories.flatMap((c) => [...c.finalists, ...c.honourableMentions]).filter((id) => !data.entries.find((e) => e.id === id)?.public);
	if (options.json) {
		console.log(JSON.stringify({ winners: file, written: !dryRun, publishAt: publishAt ?? null, feedback: scored.length, removedFeedback: stale.map((f) => displayPath(projectRoot, f)), categories, notPublic: [...new Set(notPublic)] }, null, 2));
		return 0;
	}
	const title = (id: string) => data.entries.find((e) => e.id === id)?.title ?? id;
	for (const c of categories) {
		const name = data.program.categories.find((x) => x.id === c.category)?.name ?? c.category;
		if (c.winner) console.log(`${colour.bold(name)}\n  Winner: ${colour.green(title(c.winner))}${c.decidedByTieBreak ? colour.yellow(` (decided by the declared tie-break: ${c.decidedBy})`) : ''}`);
		else console.log(`${colour.bold(name)}\n  Finalists announced; ${round.id} is not the last round, so no winner yet`);
		console.log(`  Finalists: ${c.finalists.map(title).join('; ')}`);
		if (c.honourableMentions.length) console.log(`  Honourable mentions: ${c.honourableMentions.map(title).join('; ')}`);
	}
	for (const id of new Set(notPublic)) {
		const state = data.entries.find((e) => e.id === id)?.publication;
		const why = state && state !== 'public' ? PUBLICATION_LABELS[state].toLowerCase() : 'not an entry';
		console.log(colour.yellow(`note: ${id} is placed but not public (${why}): the site lists it as "entry not public" until it is`));
	}
	if (publishAt) console.log(colour.yellow(`announced ${publishAt}: until then (and until the next build after it) the site shows ${earlierRounds.length ? `the results of ${earlierRounds.map((r) => r.round).join(', ')}` : 'that judging is in progress'}`));
	if (allowedText) console.log(colour.yellow(`published without ${plural(missing.length, 'assigned pair', 'assigned pairs')}' scores (${describeMissing(missing)}); the reason is kept in ${displayPath(projectRoot, allowedFile)}`));
	else if (missing.length) console.log(colour.yellow(`published without ${plural(missing.length, 'assigned pair', 'assigned pairs')}' scores (${describeMissing(missing)}), as recorded in ${displayPath(projectRoot, allowedFile)}: "${allowMissing}"`));
	for (const w of draftsWarning(data)) console.log(colour.yellow(`note: ${w}`));
	for (const f of stale) console.log(`${dryRun ? 'would remove' : 'removed'} ${displayPath(projectRoot, f)}: the entry is no longer judged`);
	if (dryRun) {
		console.log(`\n${colour.green('✓')} would write ${displayPath(projectRoot, file)} (public) and ${plural(scored.length, 'feedback file')} in ${displayPath(projectRoot, feedbackDir)} (dry run: nothing written)`);
		return 0;
	}
	console.log(`\n${colour.green('✓')} wrote ${displayPath(projectRoot, file)} (public) and ${plural(scored.length, 'feedback file')} in ${displayPath(projectRoot, feedbackDir)} (${data.program.results.feedback})`);
	return 0;
}
