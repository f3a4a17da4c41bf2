/**
 * `awards report <program> [--round r] [--out file]`: the private results report of a scoring
 * round (src/lib/awards/report/report.ts), computed from the committed scores like `tally`, and
 * written outside anything the site publishes.
 */
import path from 'node:path';
import { renderResultsReport } from '../../src/lib/awards/report/report.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import { CliError, colour, writeAtomic } from '../lib/cli.ts';
import type { CommandContext } from './commands.ts';
import { computeRoundResults } from './tally.ts';

/**
 * Folders whose files reach the public site, or are read as content: the report holds scores and
 * severities, so it must not be written into any of them.
 */
export function publishedFolders(projectRoot: string, contentDir: string): string[] {
	const outDir = path.resolve(projectRoot, process.env.CREDENCE_OUT_DIR ?? 'dist');
	return [outDir, `${outDir}.building`, path.join(path.dirname(outDir), `.${path.basename(outDir)}.building`), path.join(projectRoot, 'public'), path.resolve(contentDir)];
}

/** Whether `file` lies inside `folder`. */
const inside = (file: string, folder: string) => {
	const relative = path.relative(folder, file);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

export async function report(context: CommandContext): Promise<number> {
	const { data, round, options, projectRoot, contentDir } = context;
	if (round.kind !== 'scoring') {
		throw new CliError(`${round.id} is a ranking round: the report covers scoring rounds, where scores give intervals and severities. For ${round.id}, \`npm run awards -- tally ${data.id} --round ${round.id}\` prints the Schulze ranking; for the scoring round, run \`npm run awards -- report ${data.id}\``);
	}
	const file = path.resolve(options.out ?? path.join(projectRoot, 'reports', data.id, `${round.id}.html`));
	const published = publishedFolders(projectRoot, contentDir).find((folder) => inside(file, folder));
	if (published) throw new CliError(`--out ${options.out}: ${displayPath(projectRoot, file)} is inside ${displayPath(projectRoot, published)}, which is published or read as content; the report holds scores and judges' severities and must stay private. Write it elsewhere, e.g. --out reports/${data.id}-${round.id}.html`);
	const results = computeRoundResults(data, round);
	const rounds = data.program.rounds;
	const html = renderResultsReport({
		program: { id: data.id, name: data.program.name, categories: data.program.categories.map((c) => ({ id: c.id, name: c.name })) },
		round: { id: round.id, name: round.name },
		finalRoundFollows: rounds.slice(rounds.findIndex((r) => r.id === round.id) + 1).some((r) => r.kind === 'ranking'),
		tally: results.tally,
		inputs: results.inputs,
		entryTitles: Object.fromEntries(data.entries.map((e) => [e.id, e.title])),
		judgeNames: Object.fromEntries(data.judges.map((j) => [j.id, j.name])),
		generatedAt: context.now.toISOString(),
	});
	await writeAtomic(file, html);
	if (options.json) {
		console.log(JSON.stringify({ program: data.id, round: round.id, file: displayPath(projectRoot, file) }, null, 2));
		return 0;
	}
	console.log(`${colour.green('✓')} wrote ${displayPath(projectRoot, file)}: the results of ${round.name}, explained. It is private (scores, ranks, severities): open it in a browser, and keep it out of the site and the repository.`);
	return 0;
}
