/**
 * The whole content check: load, validate against the schemas, then the cross-file rules. The
 * `check` CLI prints its result; the build integration fails on any error before rendering.
 */
import { glob, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseRankingSheet } from '../awards/rankings.ts';
import { parseScoreSheet } from '../awards/scores.ts';
import { assignmentFileSchema } from '../../schemas/award.ts';
import { parseYaml } from './load.ts';
import { issueToDiagnostic } from './validate.ts';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { checkIntegrity, indexEntries, type AssignmentSheet, type RankingSheet, type CaptionsByVideo, type ContentIndex, type IntegrityIO, type ScoreSheet } from './integrity.ts';
import { displayPath, loadSourceFiles } from './load.ts';
import { validateSourceFiles } from './validate.ts';

export interface CheckOptions {
	projectRoot: string;
	contentDir: string;
	now: Date;
	io?: IntegrityIO;
}

export interface CheckResult {
	diagnostics: Diagnostic[];
	errors: number;
	warnings: number;
	index: ContentIndex;
	scoreSheets: ScoreSheet[];
	assignments: AssignmentSheet[];
	rankingSheets: RankingSheet[];
	captions: CaptionsByVideo;
}

/** Reads every `awards/<program>/scores/<round>.csv`. */
export async function loadScoreSheets(projectRoot: string, contentDir: string): Promise<{ sheets: ScoreSheet[]; diagnostics: Diagnostic[] }> {
	const sheets: ScoreSheet[] = [];
	const diagnostics: Diagnostic[] = [];
	const base = path.join(contentDir, 'awards');
	const matches: string[] = [];
	for await (const match of glob('*/scores/*.csv', { cwd: base })) matches.push(match.split(path.sep).join('/'));
	for (const relative of matches.sort()) {
		const absolutePath = path.join(base, relative);
		const file = displayPath(projectRoot, absolutePath);
		const [program, , name] = relative.split('/');
		const parsed = parseScoreSheet(await readFile(absolutePath, 'utf8'), file);
		diagnostics.push(...parsed.diagnostics);
		sheets.push({ program, round: name.replace(/\.csv$/, ''), file, lines: parsed.lines });
	}
	return { sheets, diagnostics };
}

/** Reads every `awards/<program>/rankings/<round>.csv` (finalist rounds). */
export async function loadRankingSheets(projectRoot: string, contentDir: string): Promise<{ sheets: RankingSheet[]; diagnostics: Diagnostic[] }> {
	const sheets: RankingSheet[] = [];
	const diagnostics: Diagnostic[] = [];
	const base = path.join(contentDir, 'awards');
	const matches: string[] = [];
	for await (const match of glob('*/rankings/*.csv', { cwd: base })) matches.push(match.split(path.sep).join('/'));
	for (const relative of matches.sort()) {
		const file = displayPath(projectRoot, path.join(base, relative));
		const [program, , name] = relative.split('/');
		const parsed = parseRankingSheet(await readFile(path.join(base, relative), 'utf8'), file);
		diagnostics.push(...parsed.diagnostics);
		sheets.push({ program, round: name.replace(/\.csv$/, ''), file, lines: parsed.lines });
	}
	return { sheets, diagnostics };
}

/** Reads every `awards/<program>/assignments/<round>.yaml`. */
export async function loadAssignments(projectRoot: string, contentDir: string): Promise<{ sheets: AssignmentSheet[]; diagnostics: Diagnostic[] }> {
	const sheets: AssignmentSheet[] = [];
	const diagnostics: Diagnostic[] = [];
	const base = path.join(contentDir, 'awards');
	const matches: string[] = [];
	for await (const match of glob('*/assignments/*.yaml', { cwd: base })) matches.push(match.split(path.sep).join('/'));
	for (const relative of matches.sort()) {
		const file = displayPath(projectRoot, path.join(base, relative));
		const [program, , name] = relative.split('/');
		const parsed = parseYaml(await readFile(path.join(base, relative), 'utf8'), file);
		diagnostics.push(...parsed.diagnostics);
		if (parsed.data === undefined) continue;
		const result = assignmentFileSchema.safeParse(parsed.data);
		if (!result.success) {
			diagnostics.push(...result.error.issues.map((issue) => issueToDiagnostic(file, parsed.data, issue)));
			continue;
		}
		sheets.push({ program, round: name.replace(/\.yaml$/, ''), file, data: result.data });
	}
	return { sheets, diagnostics };
}

export async function runCheck(options: CheckOptions): Promise<CheckResult> {
	const loaded = await loadSourceFiles(options.projectRoot, options.contentDir);
	const validated = validateSourceFiles(loaded.files);
	const indexed = indexEntries(validated.entries);
	const scores = await loadScoreSheets(options.projectRoot, options.contentDir);
	const assignments = await loadAssignments(options.projectRoot, options.contentDir);
	const rankings = await loadRankingSheets(options.projectRoot, options.contentDir);
	const integrity = checkIntegrity(indexed.index, scores.sheets, options, assignments.sheets, rankings.sheets);
	const diagnostics = sortDiagnostics([
		...loaded.diagnostics,
		...validated.diagnostics,
		...indexed.diagnostics,
		...scores.diagnostics,
		...assignments.diagnostics,
		...rankings.diagnostics,
		...integrity.diagnostics,
	]);
	return {
		diagnostics,
		errors: diagnostics.filter((d) => d.severity === 'error').length,
		warnings: diagnostics.filter((d) => d.severity === 'warning').length,
		index: indexed.index,
		scoreSheets: scores.sheets,
		assignments: assignments.sheets,
		rankingSheets: rankings.sheets,
		captions: integrity.captions,
	};
}
