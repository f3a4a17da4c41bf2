/**
 * `npm run awards -- <command> <program> [options]`: the judging workflow, from git.
 * Each command is thin: it loads the checked content, calls the pure code in src/lib/awards/,
 * prints a report (or --json) and writes files atomically.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCheck, type CheckResult } from '../src/lib/content/check.ts';
import { contentRoot } from '../src/lib/content/layout.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { programData, UnknownProgramError, type ProgramData } from '../src/lib/awards/program.ts';
import { publicationTime } from '../src/lib/publication.ts';
import { CliError, runMain } from './lib/cli.ts';
import { COMMANDS, type CommandContext } from './awards/commands.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run awards -- <command> <program> [options]

Commands:
  status   <program> [--round r]                          who has scored what
  assign   <program> [--round r] [--per-entry k] [--max-load n] [--seed s] [--calibration e1,e2]
                                                          assign judges to entries, free of conflicts
  packets  <program> [--round r] [--out dir]              one offline HTML scoring packet per judge
  import   <program> [--round r] <file> [--replace] [--dry-run]
                                                          import a judge's scores (CSV or packet export)
  tally    <program> [--round r] [--json]                 rank the entries, with uncertainty
  verify   <program>                                      recompute every result from the committed inputs
  publish  <program> [--round r]                          mark winners, finalists and mentions; write feedback

Options:
  --content <dir>   content folder (default: content/, or $CREDENCE_CONTENT_DIR)
  --json            machine-readable output
  -h, --help        this help

The round defaults to the program's first scoring round.`;

async function main(): Promise<number> {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			round: { type: 'string' },
			'per-entry': { type: 'string' },
			'max-load': { type: 'string' },
			seed: { type: 'string' },
			calibration: { type: 'string' },
			out: { type: 'string' },
			replace: { type: 'boolean', default: false },
			'dry-run': { type: 'boolean', default: false },
			content: { type: 'string' },
			json: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
	const [command, programId, ...rest] = positionals;
	if (values.help || !command) {
		console.log(USAGE);
		return command || values.help ? 0 : 1;
	}
	const run = COMMANDS[command];
	if (!run) throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
	if (!programId) throw new CliError(`${command} needs a program id, e.g. npm run awards -- ${command} cia-2026`);

	const contentDir = values.content ? path.resolve(values.content) : contentRoot(projectRoot);
	const now = publicationTime();
	const check: CheckResult = await runCheck({ projectRoot, contentDir, now });
	if (check.errors > 0) {
		for (const d of check.diagnostics.filter((d) => d.severity === 'error')) console.error(formatDiagnostic(d));
		throw new CliError(`the content has ${check.errors} error${check.errors === 1 ? '' : 's'} (listed above); fix them first (npm run check)`);
	}
	let data: ProgramData;
	try {
		data = programData(check, contentDir, programId, now);
	} catch (cause) {
		if (cause instanceof UnknownProgramError) throw new CliError(cause.message);
		throw cause;
	}
	const round = values.round ?? data.program.rounds.find((r) => r.kind === 'scoring')?.id;
	const roundDef = data.program.rounds.find((r) => r.id === round);
	if (!roundDef) throw new CliError(`no round "${round}" in ${programId} (rounds: ${data.program.rounds.map((r) => r.id).join(', ')})`);
	const context: CommandContext = { projectRoot, contentDir, check, data, round: roundDef, options: values, args: rest, now };
	return run(context);
}

runMain(main);
