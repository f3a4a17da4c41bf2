/**
 * `awards verify <program>`: recomputes every committed result from the committed inputs — each
 * round's assignment (from its seed), each round's tally, and the published outcome — and
 * exits 1 showing what differs when anything is not byte-identical.
 */
import { readFile } from 'node:fs/promises';
import { assignJudges } from '../../src/lib/awards/assign.ts';
import { pairsOf } from '../../src/lib/awards/program.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import { CliError, colour } from '../lib/cli.ts';
import { assignmentInput } from './assign.ts';
import type { CommandContext } from './commands.ts';
import { resultsFile, winnersFile } from './files.ts';
import { publishedRounds } from '../../src/lib/awards/announcement.ts';
import { computeFinalResults, serialiseFinal } from './final-round.ts';
import { outcomeFor } from './publish.ts';
import { computeRoundResults, serialiseResults } from './tally.ts';

/** Paths (like `tally.categories[0].entries[2].score`) where two JSON values differ. */
export function jsonDifferences(a: unknown, b: unknown, at = '', out: string[] = [], limit = 20): string[] {
	if (out.length >= limit) return out;
	if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
		if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${at || '(root)'}: committed ${JSON.stringify(a)}, recomputed ${JSON.stringify(b)}`);
		return out;
	}
	const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
	for (const key of keys) {
		const path = Array.isArray(a) ? `${at}[${key}]` : at ? `${at}.${key}` : key;
		jsonDifferences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path, out, limit);
	}
	return out;
}

/** A file's text; undefined when it does not exist (any other failure to read is thrown). */
async function readText(file: string): Promise<string | undefined> {
	try {
		return await readFile(file, 'utf8');
	} catch (cause) {
		if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw cause;
	}
}

interface Check {
	what: string;
	file: string;
	ok: boolean;
	differences: string[];
}

/** Runs one check; a failure to read or recompute (a damaged file, missing inputs) is a failed check saying why. */
async function attempt(what: string, file: string, run: () => Promise<Check | undefined> | Check | undefined): Promise<Check | undefined> {
	try {
		return await run();
	} catch (cause) {
		const code = (cause as NodeJS.ErrnoException).code;
		const reason = cause instanceof CliError ? cause.message : code ? `cannot read it (${code === 'EISDIR' ? 'it is a folder' : code})` : cause instanceof Error ? cause.message : String(cause);
		return { what, file, ok: false, differences: [reason] };
	}
}

export async function verify(context: CommandContext): Promise<number> {
	const { data, projectRoot, options } = context;
	const checks: Check[] = [];
	const add = (check: Check | undefined) => check && checks.push(check);

	for (const round of data.program.rounds) {
		const assignment = data.assignment(round.id);
		if (assignment) {
			add(await attempt(`assignment ${round.id} (seed ${assignment.data.seed})`, assignment.file, () => {
				const recomputed = assignJudges(assignmentInput(data, round.id, assignment.data));
				const committed = pairsOf(assignment.data).map((p) => `${p.judge} ${p.entry}`).sort();
				const fresh = recomputed.assignments.map((p) => `${p.judge} ${p.entry}`).sort();
				const missing = committed.filter((p) => !fresh.includes(p));
				const extra = fresh.filter((p) => !committed.includes(p));
				return {
					what: `assignment ${round.id} (seed ${assignment.data.seed})`,
					file: assignment.file,
					ok: missing.length === 0 && extra.length === 0,
					differences: [...missing.map((p) => `committed only: ${p}`), ...extra.map((p) => `recomputed only: ${p}`)].slice(0, 20),
				};
			}));
		}
		const file = resultsFile(data, round.id);
		const shown = displayPath(projectRoot, file);
		add(await attempt(`tally ${round.id}`, shown, async () => {
			const committed = await readText(file);
			if (committed === undefined) return undefined;
			let parsed: unknown;
			try {
				parsed = JSON.parse(committed);
			} catch (cause) {
				throw new CliError(`not valid JSON (${committed.trim() ? (cause as Error).message : 'the file is empty'}): damaged or hand-edited; \`npm run awards -- tally ${data.id} --round ${round.id}\` writes it again`);
			}
			const recomputed = round.kind === 'scoring' ? serialiseResults(computeRoundResults(data, round)) : serialiseFinal(computeFinalResults(data, round.id));
			return {
				what: `tally ${round.id}`,
				file: shown,
				ok: recomputed === committed,
				differences: recomputed === committed ? [] : jsonDifferences(parsed, JSON.parse(recomputed)),
			};
		}));
	}

	const winnersShown = displayPath(projectRoot, winnersFile(data));
	// The content check has validated winners.yaml (a damaged one stops every command before this).
	// Every round winners.yaml holds, the earlier rounds (the finalists) as well as the latest.
	for (const published of data.winners ? publishedRounds(data.winners) : []) {
		add(await attempt(`published outcome (${published.round})`, winnersShown, () => {
			const round = data.program.rounds.find((r) => r.id === published.round);
			if (!round) throw new CliError(`round: expected a round of ${data.id}, found "${published.round}"`);
			// Everything in winners.yaml that the inputs decide; the dates are the publisher's.
			const recomputed = { round: round.id, ...outcomeFor(data, round) };
			const differences = jsonDifferences({ round: published.round, method: published.method, categories: published.categories }, recomputed);
			return { what: `published outcome (${published.round})`, file: winnersShown, ok: differences.length === 0, differences };
		}));
	}

	const failed = checks.filter((c) => !c.ok);
	if (options.json) {
		console.log(JSON.stringify({ program: data.id, ok: failed.length === 0, checks }, null, 2));
	} else {
		if (checks.length === 0) console.log(colour.yellow(`nothing to verify yet in ${data.id}: no assignment, results or published outcome`));
		for (const c of checks) {
			console.log(`${c.ok ? colour.green('✓') : colour.red('✗')} ${c.what}  ${colour.dim(c.file)}`);
			for (const d of c.differences) console.log(`    ${d}`);
		}
		console.log(failed.length ? colour.red(`${failed.length} of ${checks.length} results differ from what the committed inputs give, or cannot be checked`) : `${colour.green('✓')} all ${checks.length} results recompute identically`);
	}
	return failed.length ? 1 : 0;
}
