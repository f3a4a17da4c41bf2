/**
 * `awards verify <program>`: recomputes every committed result from the committed inputs — each
 * round's assignment (from its seed), each round's tally, and the published outcome — and
 * exits 1 showing what differs when anything is not byte-identical.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { assignJudges } from '../../src/lib/awards/assign.ts';
import { pairsOf } from '../../src/lib/awards/program.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import { colour } from '../lib/cli.ts';
import { assignmentInput } from './assign.ts';
import type { CommandContext } from './commands.ts';
import { resultsFile, winnersFile } from './files.ts';
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

const readText = (file: string) => readFile(file, 'utf8').catch(() => undefined);

export async function verify(context: CommandContext): Promise<number> {
	const { data, projectRoot, options } = context;
	const checks: { what: string; file: string; ok: boolean; differences: string[] }[] = [];

	for (const round of data.program.rounds) {
		const assignment = data.assignment(round.id);
		if (assignment) {
			const recomputed = assignJudges(assignmentInput(data, round.id, assignment.data));
			const committed = pairsOf(assignment.data).map((p) => `${p.judge} ${p.entry}`).sort();
			const fresh = recomputed.assignments.map((p) => `${p.judge} ${p.entry}`).sort();
			const missing = committed.filter((p) => !fresh.includes(p));
			const extra = fresh.filter((p) => !committed.includes(p));
			checks.push({
				what: `assignment ${round.id} (seed ${assignment.data.seed})`,
				file: assignment.file,
				ok: missing.length === 0 && extra.length === 0,
				differences: [...missing.map((p) => `committed only: ${p}`), ...extra.map((p) => `recomputed only: ${p}`)].slice(0, 20),
			});
		}
		const file = resultsFile(data, round.id);
		const committed = await readText(file);
		if (committed !== undefined) {
			const recomputed = round.kind === 'scoring' ? serialiseResults(computeRoundResults(data, round)) : serialiseFinal(computeFinalResults(data, round.id));
			checks.push({
				what: `tally ${round.id}`,
				file: displayPath(projectRoot, file),
				ok: recomputed === committed,
				differences: recomputed === committed ? [] : jsonDifferences(JSON.parse(committed), JSON.parse(recomputed)),
			});
		}
	}

	const winnersText = await readText(winnersFile(data));
	if (winnersText !== undefined) {
		const committed = parse(winnersText) as { round: string; categories: unknown };
		const round = data.program.rounds.find((r) => r.id === committed.round)!;
		const differences = jsonDifferences(committed.categories, outcomeFor(data, round).categories, 'categories');
		checks.push({ what: `published outcome (${committed.round})`, file: displayPath(projectRoot, winnersFile(data)), ok: differences.length === 0, differences });
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
		console.log(failed.length ? colour.red(`${failed.length} of ${checks.length} results differ from what the committed inputs give`) : `${colour.green('✓')} all ${checks.length} results recompute identically`);
	}
	return failed.length ? 1 : 0;
}
