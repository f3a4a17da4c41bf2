/**
 * `npm run awards -- <command> <program> [options]`: the judging workflow, from git.
 * Each command is thin: it loads the checked content, calls the pure code in src/lib/awards/,
 * prints a report (or --json) and writes files atomically.
 */
import path from 'node:path';
import { runCheck, type CheckResult } from '../src/lib/content/check.ts';
import { contentRoot } from '../src/lib/content/layout.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { programData, UnknownProgramError, type ProgramData } from '../src/lib/awards/program.ts';
import { publicationTime } from '../src/lib/publication.ts';
import { didYouMean } from '../src/lib/spelling.ts';
import { CliError, parseCommandLine, runMain } from './lib/cli.ts';
import { COMMANDS, SETUP_COMMANDS, type CommandContext } from './awards/commands.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run awards -- <command> <program> [options]

Commands:
  kit      <program> [--out dir]                          the offline HTML entry form entrants fill in
  intake   <program> <entry.json>… [--dry-run] [--json]   take entrants' files as entries (status submitted)
  new      <program> [--name n] [--year y]                start a program: program.yaml, entries/, judges/
  status   <program> [--round r] [--json]                 who has scored what
  assign   <program> [--round r] [--per-entry k] [--max-load n] [--seed s] [--calibration e1,e2] [--dry-run] [--json]
                                                          assign judges to entries, free of conflicts
  packets  <program> [--round r] [--out dir] [--json]     one offline HTML packet per judge: scoring,
                                                          or ranking the finalists in a ranking round
  import   <program> [--round r] <file> [--replace] [--dry-run]
                                                          import a judge's scores (CSV or packet export)
  tally    <program> [--round r] [--json]                 rank the entries, with uncertainty
  report   <program> [--round r] [--out file] [--json]    a private HTML report of the tally, with charts, in plain words
  verify   <program> [--json]                             recompute every result from the committed inputs
  publish  <program> [--round r] [--publish-at t] [--allow-missing reason] [--dry-run] [--json]
                                                          mark winners, finalists and mentions; write feedback

Options:
  --round <r>       the round (default: the program's first scoring round)
  --dry-run         check and show what would be written; write nothing
  --replace         (import) replace the judge's earlier scores for the entries in the file
  --publish-at <t>  (publish) announce the results at this date-time, e.g. 2026-12-10T09:00:00Z
                    (without it, the round's announcement date already in winners.yaml is kept;
                    each round has its own)
  --allow-missing <reason>
                    (publish) publish although assigned judges have not scored some entries,
                    saying why; the reason and the pairs are kept in results/<round>.missing.yaml
  --name <n>, --year <y>
                    (new) the program's name and year
  --json            machine-readable output
  --content <dir>   content folder (default: content/, or $CREDENCE_CONTENT_DIR)
  -h, --help        this help`;

const OPTIONS = {
	round: { type: 'string' },
	'per-entry': { type: 'string' },
	'max-load': { type: 'string' },
	seed: { type: 'string' },
	calibration: { type: 'string' },
	out: { type: 'string' },
	replace: { type: 'boolean' },
	'dry-run': { type: 'boolean' },
	'publish-at': { type: 'string' },
	'allow-missing': { type: 'string' },
	name: { type: 'string' },
	year: { type: 'string' },
	content: { type: 'string' },
	json: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' },
} as const;

/** The options each command takes, besides --content and --help; any other is an error. */
const COMMAND_OPTIONS: Record<string, (keyof typeof OPTIONS)[]> = {
	kit: ['out'],
	intake: ['dry-run', 'json'],
	status: ['round', 'json'],
	assign: ['round', 'per-entry', 'max-load', 'seed', 'calibration', 'dry-run', 'json'],
	packets: ['round', 'out', 'json'],
	import: ['round', 'replace', 'dry-run'],
	tally: ['round', 'json'],
	report: ['round', 'out', 'json'],
	verify: ['json'],
	publish: ['round', 'publish-at', 'allow-missing', 'dry-run', 'json'],
	new: ['name', 'year'],
};

async function main(): Promise<number> {
	const { values, positionals, given } = parseCommandLine(process.argv.slice(2), OPTIONS, USAGE);
	const [command, programId, ...rest] = positionals;
	if (values.help || !command) {
		console.log(USAGE);
		return command || values.help ? 0 : 1;
	}
	const run = COMMANDS[command];
	const setup = SETUP_COMMANDS[command];
	if (!run && !setup) throw new CliError(`unknown command "${command}"${didYouMean(command, [...Object.keys(COMMANDS), ...Object.keys(SETUP_COMMANDS)])}\n\n${USAGE}`);
	const allowed = COMMAND_OPTIONS[command];
	const misplaced = given.filter((name) => name !== 'content' && name !== 'help' && !allowed.includes(name as keyof typeof OPTIONS));
	if (misplaced.length) {
		const takes = allowed.length ? `its options are ${allowed.map((o) => `--${o}`).join(', ')} (and --content)` : 'it takes only --content';
		throw new CliError(`${command} does not take ${misplaced.map((o) => `--${o}`).join(', ')}: ${takes}`);
	}
	if (!programId) throw new CliError(`${command} needs a program id, e.g. npm run awards -- ${command} cia-2026`);
	if (command !== 'import' && command !== 'intake' && rest.length) throw new CliError(`${command} takes one program id, found also ${rest.map((a) => `"${a}"`).join(', ')}\n\n${USAGE}`);

	const contentDir = typeof values.content === 'string' ? path.resolve(values.content) : contentRoot(projectRoot);
	// A program that does not exist yet has no data to load: `new` runs before the content check.
	if (setup) return setup({ projectRoot, contentDir, programId, options: values as CommandContext['options'], now: publicationTime() });
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
	const round = (values.round as string | undefined) ?? data.program.rounds.find((r) => r.kind === 'scoring')?.id;
	const roundDef = data.program.rounds.find((r) => r.id === round);
	if (!roundDef) throw new CliError(`no round "${round}" in ${programId} (rounds: ${data.program.rounds.map((r) => r.id).join(', ')})${didYouMean(round ?? "", data.program.rounds.map((r) => r.id))}`);
	const context: CommandContext = { projectRoot, contentDir, check, data, round: roundDef, options: values as CommandContext['options'], args: rest, now };
	return run(context);
}

runMain(main);
