/**
 * `awards assign <program> --round r [--per-entry k] [--max-load n] [--seed s] [--calibration ids]`:
 * every eligible entry gets k judges, free of conflict, loads balanced, expertise matched where
 * possible, the judge–entry graph connected. Writes `assignments/<round>.yaml` atomically; the
 * same seed always gives the same assignment, so `verify` can recompute it.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import { assignJudges, type AssignInput } from '../../src/lib/awards/assign.ts';
import type { ProgramData } from '../../src/lib/awards/program.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import type { AssignmentFile } from '../../src/schemas/award.ts';
import { CliError, colour, meter, writeAtomic } from '../lib/cli.ts';
import { draftsWarning } from './tally.ts';
import type { CommandContext } from './commands.ts';

/** The assignment problem for a round, from the program and the parameters recorded in its file. */
export function assignmentInput(data: ProgramData, round: string, params: Pick<AssignmentFile, 'perEntry' | 'maxLoad' | 'seed' | 'calibration'>): AssignInput {
	return {
		entries: data.eligible.map(({ id, category, customer }) => ({ id, category, customer })),
		judges: data.judges.map(({ id, expertise, conflicts }) => ({ id, expertise, conflicts })),
		categories: data.program.categories.map(({ id, expertise }) => ({ id, expertise })),
		perEntry: params.perEntry,
		maxLoad: params.maxLoad,
		seed: params.seed,
		calibration: params.calibration.length ? params.calibration : undefined,
	};
}

function positiveInt(value: string | undefined, name: string, fallback: number | undefined): number | undefined {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new CliError(`--${name} expects a whole number of at least 1, found "${value}"`);
	return n;
}

export async function assign(context: CommandContext): Promise<number> {
	const { data, round, options, projectRoot } = context;
	if (round.kind !== 'scoring') throw new CliError(`${round.id} is a ${round.kind} round; assign is for scoring rounds (every judge ranks the finalists)`);
	// Scores are checked against the round's assignment: replacing it under them would leave
	// them unassigned (every command is then blocked by the content check).
	const sheet = data.scoreSheet(round.id);
	if (sheet && sheet.lines.length > 0) {
		const n = sheet.lines.length;
		throw new CliError(`${round.id} already has ${n} imported score${n === 1 ? '' : 's'} in ${sheet.file}, made against its current assignment; nothing was written. To start the round over, move ${sheet.file} (and the round's results) out of ${displayPath(projectRoot, data.folder)}, then run assign again`);
	}
	const seedText = options.seed ?? String(data.program.tally.seed);
	if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText))) {
		throw new CliError(`--seed expects a whole number from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}, found "${seedText}"`);
	}
	const params: AssignmentFile = {
		round: round.id,
		seed: Number(seedText),
		perEntry: positiveInt(options['per-entry'], 'per-entry', 3)!,
		maxLoad: positiveInt(options['max-load'], 'max-load', undefined),
		calibration: options.calibration ? options.calibration.split(',').map((s) => s.trim()).filter(Boolean) : [],
		judges: {},
	};
	const result = assignJudges(assignmentInput(data, round.id, params));

	if (!result.ok) {
		for (const p of result.problems) console.error(`${colour.red('✗')} ${p.reason}`);
		throw new CliError(`cannot assign ${params.perEntry} judges to every entry of ${data.id} (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} above); nothing was written`);
	}
	for (const judge of data.judges) params.judges[judge.id] = result.assignments.filter((a) => a.judge === judge.id).map((a) => a.entry);
	if (params.maxLoad === undefined) delete params.maxLoad;
	const file = path.join(data.folder, 'assignments', `${round.id}.yaml`);
	const header = `# Written by \`npm run awards -- assign ${data.id} --round ${round.id} --per-entry ${params.perEntry}${params.maxLoad ? ` --max-load ${params.maxLoad}` : ''} --seed ${params.seed}${params.calibration.length ? ` --calibration ${params.calibration.join(',')}` : ''}\`.\n# Private: who scores what. Recomputed by \`npm run awards -- verify ${data.id}\`.\n`;
	const dryRun = options['dry-run'] === true;
	if (!dryRun) await writeAtomic(file, header + stringify(params));

	if (options.json) {
		console.log(JSON.stringify({ file: displayPath(projectRoot, file), written: !dryRun, ...params, loads: result.loads, expertiseMatches: result.expertiseMatches, connected: result.connected, notes: result.notes.map((n) => n.reason) }, null, 2));
		return 0;
	}
	const max = Math.max(...Object.values(result.loads));
	const width = Math.max(...data.judges.map((j) => j.name.length));
	console.log(colour.bold(`${data.program.name} · ${round.name}: ${data.eligible.length} entries × ${params.perEntry} judges = ${result.assignments.length} assignments (seed ${params.seed})`));
	for (const judge of data.judges) console.log(`  ${judge.name.padEnd(width)}  ${meter(result.loads[judge.id] ?? 0, max)}`);
	console.log(`  Expertise matched in ${result.expertiseMatches} of ${result.assignments.length} assignments; judge–entry graph ${result.connected ? 'connected (severities comparable across the panel)' : colour.yellow('not connected')}.`);
	for (const note of result.notes) console.log(colour.dim(`  note: ${note.reason}`));
	for (const w of draftsWarning(data)) console.log(colour.yellow(`note: ${w}`));
	if (dryRun) console.log(`\n${header}${stringify(params)}\n${colour.green('✓')} would write ${displayPath(projectRoot, file)} (dry run: nothing written)`);
	else console.log(`${colour.green('✓')} wrote ${displayPath(projectRoot, file)}; next: \`npm run awards -- packets ${data.id} --round ${round.id}\``);
	return 0;
}
