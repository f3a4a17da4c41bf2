/**
 * `npm run references -- <command> [options]`: the private reference program, from git. Each
 * command loads the checked content (the references among it), calls the pure code in
 * src/lib/references/ and prints a report (or --json); `log` writes atomically.
 */
import path from 'node:path';
import { runCheck } from '../src/lib/content/check.ts';
import { contentRoot } from '../src/lib/content/layout.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { publicationTime } from '../src/lib/publication.ts';
import { CliError, parseCommandLine, runMain } from './lib/cli.ts';
import { find } from './references/find.ts';
import { log } from './references/log.ts';
import { report } from './references/report.ts';
import type { ReferencesContext } from './references/context.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run references -- <command> [options]

Commands:
  find    [--industry i] [--region r] [--size s] [--product p] [--kind k] [--json]
                          advocates who fit a sales request, best first, and who is left out and why
  log     --advocate a --kind k --requested-by name [--date d] [--opportunity id --stage s [--amount n]]
          [--outcome o] [--stories s1,s2] [--videos v1] [--entries program/entry] [--thank-you]
          [--notes text] [--dry-run] [--json]
                          record an activity in references/activities/<year>.yaml
  report  [--json] [--html --out file.html]
                          over-used and idle advocates, funnel, stale evidence, outcomes, recognition due

Options:
  --kind <k>        reference-call, site-visit, event-talk, analyst-briefing, case-study, video,
                    award-entry or peer-review
  --outcome <o>     won, lost, open (default) or no-decision
  --date <d>        day of the activity, like 2026-12-05 (default: today)
  --json            machine-readable output
  --content <dir>   content folder (default: content/, or $CREDENCE_CONTENT_DIR)
  -h, --help        this help`;

const OPTIONS = {
	industry: { type: 'string' },
	region: { type: 'string' },
	size: { type: 'string' },
	product: { type: 'string' },
	kind: { type: 'string' },
	advocate: { type: 'string' },
	date: { type: 'string' },
	'requested-by': { type: 'string' },
	opportunity: { type: 'string' },
	stage: { type: 'string' },
	amount: { type: 'string' },
	outcome: { type: 'string' },
	stories: { type: 'string' },
	videos: { type: 'string' },
	entries: { type: 'string' },
	'thank-you': { type: 'boolean' },
	notes: { type: 'string' },
	'dry-run': { type: 'boolean' },
	html: { type: 'boolean' },
	out: { type: 'string' },
	content: { type: 'string' },
	json: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' },
} as const;

/** The options each command takes, besides --content and --help; any other is an error. */
const COMMAND_OPTIONS: Record<string, (keyof typeof OPTIONS)[]> = {
	find: ['industry', 'region', 'size', 'product', 'kind', 'json'],
	log: ['advocate', 'kind', 'date', 'requested-by', 'opportunity', 'stage', 'amount', 'outcome', 'stories', 'videos', 'entries', 'thank-you', 'notes', 'dry-run', 'json'],
	report: ['json', 'html', 'out'],
};

const COMMANDS: Record<string, (context: ReferencesContext) => Promise<number>> = { find, log, report };

async function main(): Promise<number> {
	const { values, positionals, given } = parseCommandLine(process.argv.slice(2), OPTIONS, USAGE);
	const [command, ...rest] = positionals;
	if (values.help || !command) {
		console.log(USAGE);
		return command || values.help ? 0 : 1;
	}
	const run = COMMANDS[command];
	if (!run) throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
	const allowed = COMMAND_OPTIONS[command];
	const misplaced = given.filter((name) => name !== 'content' && name !== 'help' && !allowed.includes(name as keyof typeof OPTIONS));
	if (misplaced.length) throw new CliError(`${command} does not take ${misplaced.map((o) => `--${o}`).join(', ')}: its options are ${allowed.map((o) => `--${o}`).join(', ')} (and --content)`);
	if (rest.length) throw new CliError(`${command} takes no arguments besides options, found ${rest.map((a) => `"${a}"`).join(', ')}\n\n${USAGE}`);

	const contentDir = typeof values.content === 'string' ? path.resolve(values.content) : contentRoot(projectRoot);
	const now = publicationTime();
	const check = await runCheck({ projectRoot, contentDir, now });
	if (check.errors > 0) {
		for (const d of check.diagnostics.filter((d) => d.severity === 'error')) console.error(formatDiagnostic(d));
		throw new CliError(`the content has ${check.errors} error${check.errors === 1 ? '' : 's'} (listed above); fix them first (npm run check)`);
	}
	return run({ projectRoot, contentDir, check, now, options: values as ReferencesContext['options'] });
}

runMain(main);
