/**
 * `awards report <program> [--round r] [--out file]`: the private results report of a scoring
 * round (src/lib/awards/report/report.ts), computed from the committed scores like `tally`, and
 * written outside anything the site publishes.
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { renderResultsReport } from '../../src/lib/awards/report/report.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import { CliError, colour, writeAtomic } from '../lib/cli.ts';
import { previousDirFor, stagingDirFor } from '../lib/staged-output.ts';
import type { CommandContext } from './commands.ts';
import { computeRoundResults } from './tally.ts';

/**
 * Folders whose files reach the public site, or are read as content: the report holds scores and
 * severities, so it must not be written into any of them. The build moved aside last
 * (`.dist.previous/`) counts too: a failed swap renames it back into place as the site.
 */
export function publishedFolders(projectRoot: string, contentDir: string): string[] {
	const outDir = path.resolve(projectRoot, process.env.CREDENCE_OUT_DIR ?? 'dist');
	return [outDir, `${outDir}.building`, stagingDirFor(outDir), previousDirFor(outDir), path.join(projectRoot, 'public'), path.resolve(contentDir)];
}

/**
 * Whether `file` lies inside `folder`. A name that merely starts with two dots (`public/..reports/`)
 * is inside; only `..` itself as the first segment leads out.
 */
const inside = (file: string, folder: string) => {
	const relative = path.relative(folder, file);
	return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
};

/**
 * Where `file` really lands: every symbolic link on its way followed, including links whose
 * target does not exist yet (a `reports -> public` link committed by a contributor, or a link to a
 * `dist/` the next build creates). The part of the path that does not exist is kept as written.
 */
function landingPath(file: string, hops = 0): string {
	const rest: string[] = [];
	let at = path.resolve(file);
	for (;;) {
		let stats: ReturnType<typeof lstatSync> | undefined;
		try {
			stats = lstatSync(at);
		} catch {
			stats = undefined;
		}
		if (stats?.isSymbolicLink() && hops < 40) return landingPath(path.join(path.resolve(path.dirname(at), readlinkSync(at)), ...rest), hops + 1);
		if (stats) {
			try {
				return path.join(realpathSync.native(at), ...rest);
			} catch {
				return path.join(at, ...rest);
			}
		}
		const parent = path.dirname(at);
		if (parent === at) return path.join(at, ...rest);
		rest.unshift(path.basename(at));
		at = parent;
	}
}

/** Case-insensitive file systems (macOS, Windows by default) read `DIST/` as `dist/`. */
const folded = (p: string) => (process.platform === 'darwin' || process.platform === 'win32' ? p.toLowerCase() : p);

/**
 * The published or content folder `file` would land in, if any: compared as written and as the
 * file system resolves it (symbolic links followed on both sides).
 */
export function publishedFolderOf(file: string, projectRoot: string, contentDir: string): string | undefined {
	const target = folded(path.resolve(file));
	const landing = folded(landingPath(file));
	return publishedFolders(projectRoot, contentDir).find((folder) => inside(target, folded(path.resolve(folder))) || inside(landing, folded(landingPath(folder))));
}

export async function report(context: CommandContext): Promise<number> {
	const { data, round, options, projectRoot, contentDir } = context;
	if (round.kind !== 'scoring') {
		throw new CliError(`${round.id} is a ranking round: the report covers scoring rounds, where scores give intervals and severities. For ${round.id}, \`npm run awards -- tally ${data.id} --round ${round.id}\` prints the Schulze ranking; for the scoring round, run \`npm run awards -- report ${data.id}\``);
	}
	const file = path.resolve(options.out ?? path.join(projectRoot, 'reports', data.id, `${round.id}.html`));
	const published = publishedFolderOf(file, projectRoot, contentDir);
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
