/** Where the awards commands keep each program's private working files and public outcome. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SheetLine } from '../../src/lib/awards/csv-sheet.ts';
import { decodeUtf8 } from '../../src/lib/content/load.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { CliError } from '../lib/cli.ts';
import { withLock } from '../lib/lock.ts';
import type { ProgramData } from '../../src/lib/awards/program.ts';

/** A round's results (`results/<round>.json`): private, recomputed by verify. */
export const resultsFile = (data: ProgramData, round: string) => path.join(data.folder, 'results', `${round}.json`);
/** The published outcome (`winners.yaml`): public. */
export const winnersFile = (data: ProgramData) => path.join(data.folder, 'winners.yaml');

/**
 * A sheet's rows as they are on disk now (none when it does not exist yet): read again under the
 * sheet's lock, since another import may have written it after this command's content check.
 */
export async function currentSheet<Row>(file: string, shown: string, parse: (text: string, file: string) => { lines: SheetLine<Row>[]; diagnostics: Diagnostic[] }): Promise<SheetLine<Row>[]> {
	let bytes: Uint8Array;
	try {
		bytes = await readFile(file);
	} catch (cause) {
		if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw new CliError(`cannot read ${shown} (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`);
	}
	const decoded = decodeUtf8(bytes);
	if (decoded.text === undefined) throw new CliError(`${shown} line ${decoded.line}: ${decoded.message}`);
	const { lines, diagnostics } = parse(decoded.text, shown);
	if (diagnostics.length) throw new CliError(`${shown} has changed and is no longer valid (${diagnostics[0].field}: ${diagnostics[0].message}); run npm run check`);
	return lines;
}

/** Runs a sheet's read-modify-write under its lock (see `withLock`); a dry run writes nothing, so takes none. */
export const updatingSheet = <T>(file: string, shown: string, dryRun: boolean, update: () => Promise<T>): Promise<T> => (dryRun ? update() : withLock(file, shown, update));
