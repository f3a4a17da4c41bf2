/**
 * `awards new <program> [--name n] [--year y]`: starts a program from the template in
 * src/lib/awards/scaffold.ts (program.yaml, entries/, judges/) that passes `check`, and says what
 * to do next. It refuses a program folder that exists: nothing is ever overwritten.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { programIdProblem, scaffoldProgram } from '../../src/lib/awards/scaffold.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import { CliError, colour, writeAllAtomic } from '../lib/cli.ts';
import type { CommandContext } from './commands.ts';

/** What a command that runs before its program exists is given. */
export interface SetupContext {
	projectRoot: string;
	contentDir: string;
	programId: string;
	options: CommandContext['options'];
	now: Date;
}

export async function newProgram({ projectRoot, contentDir, programId, options, now }: SetupContext): Promise<number> {
	const problem = programIdProblem(programId);
	if (problem) throw new CliError(`new: ${problem}; nothing was written`);
	const year = options.year === undefined ? now.getUTCFullYear() : Number(options.year);
	if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CliError(`--year expects a year between 2000 and 2100, like ${now.getUTCFullYear()}, found "${options.year}"; nothing was written`);
	const name = options.name?.trim();
	if (options.name !== undefined && !name) throw new CliError('--name expects the program\'s name, like "2027 Customer Innovation Awards"; nothing was written');
	const folder = path.join(contentDir, 'awards', programId);
	const shown = displayPath(projectRoot, folder);
	if (existsSync(folder)) throw new CliError(`${shown} already exists: \`new\` never overwrites a program. Pick another id, or edit its program.yaml; nothing was written`);
	const files = scaffoldProgram({ id: programId, name, year }).map((f) => ({ file: path.join(folder, f.file), text: f.text }));
	await writeAllAtomic(files, (f) => displayPath(projectRoot, f));
	console.log(`${colour.green('✓')} started ${shown}: program.yaml (example rules to edit), entries/ and judges/`);
	console.log(`\nNext:
  1. Edit ${displayPath(projectRoot, path.join(folder, 'program.yaml'))}: name, summary, categories, criteria (weights sum to 100), rounds and dates.
  2. Add one judges/<id>.yaml per judge (person, independence, expertise, conflicts) and entries/<id>.md as entries arrive.
  3. npm run check
  4. npm run awards -- assign ${programId} --per-entry 3, then packets, import, tally and publish (docs/awards.md).`);
	return 0;
}
