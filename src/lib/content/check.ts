/**
 * The whole content check: load, validate against the schemas, then the cross-file rules. The
 * `check` CLI prints its result; the build integration fails on any error before rendering.
 */
import { existsSync, statSync } from 'node:fs';
import { glob } from 'node:fs/promises';
import path from 'node:path';
import { parseRankingSheet } from '../awards/rankings.ts';
import { parseScoreSheet } from '../awards/scores.ts';
import { assignmentFileSchema } from '../../schemas/award.ts';
import { contentEscape, contentEscapeMessage } from './inside-content.ts';
import { parseYaml } from './load.ts';
import { issueToDiagnostic } from './validate.ts';
import { error, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { checkIntegrity, indexEntries, readFileHead, referencedImages, type AssignmentSheet, type RankingSheet, type CaptionsByVideo, type ContentIndex, type IntegrityIO, type ScoreSheet } from './integrity.ts';
import { displayPath, loadSourceFiles, readContentText, readParseCache, writeParseCache } from './load.ts';
import { checkMdxSyntax } from './mdx-syntax.ts';
import { withoutDeepBodies } from './nesting.ts';
import { applyPlaceholderRule } from './placeholders.ts';
import { findEscapingLinks, findStrayFiles } from './stray-files.ts';
import { validateSourceFiles } from './validate.ts';
import { loadReferences, type ReferenceData } from '../references/load.ts';
import { checkReferences } from '../references/rules.ts';

export interface CheckOptions {
	projectRoot: string;
	contentDir: string;
	now: Date;
	io?: IntegrityIO;
	/** Where to keep the files' parses between runs (see `loadSourceFiles`); none when absent. */
	parseCacheFile?: string;
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
	/** The private reference program (`references/`), read by the references CLI, never by the site. */
	references: ReferenceData;
}

/**
 * A file's text, strictly UTF-8; undefined after adding a diagnostic naming the file when it is
 * not UTF-8 or cannot be read (a folder with a sheet's name, say).
 */
function readText(absolutePath: string, file: string, diagnostics: Diagnostic[]): string | undefined {
	const read = readContentText(absolutePath, file);
	if (read.diagnostic) diagnostics.push(read.diagnostic);
	return read.text;
}

/** Formats the build can process, as sharp names them (AVIF is sharp's `heif` with AV1 compression). */
const RASTER_FORMATS: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', gif: 'GIF', tiff: 'TIFF' };

/** A raster image's verdict as read before, by absolute path, kept while its size and modification time are unchanged. */
const rasterHeaders = new Map<string, { size: number; mtimeMs: number; problem?: string }>();

/**
 * Why sharp says the build could not process `file`; undefined when it can. The header names the
 * format and size; then the whole image is decoded, since a header is all a cut-off upload
 * keeps intact (Astro's image service decodes leniently and would publish the half image).
 */
async function rasterProblem(file: string): Promise<string | undefined> {
	const { default: sharp } = await import('sharp');
	// 'truncated' fails on a cut-off or corrupt image, not on the warnings valid files can carry.
	const image = sharp(file, { failOn: 'truncated' });
	let metadata;
	try {
		metadata = await image.metadata();
	} catch (cause) {
		return `a file sharp cannot read (not an image it knows: ${sharpReason(cause)})`;
	}
	try {
		const avif = metadata.format === 'heif' && metadata.compression === 'av1';
		if (metadata.format === 'svg') return 'an SVG drawing under a raster image name (name it .svg, so it is checked and published as one)';
		if (!avif && !RASTER_FORMATS[metadata.format ?? '']) {
			const found = metadata.format === 'heif' ? `HEIF (${metadata.compression ?? 'unknown'} compression)` : (metadata.format ?? 'unknown').toUpperCase();
			return `an image in ${found} format, which the site cannot process (save it as one of those)`;
		}
		if (!metadata.width || !metadata.height) return 'an image whose header gives no width and height (save it again)';
		// Decoded to raw pixels and dropped: the cheapest whole decode (stats() costs twice as much).
		await image.raw().toBuffer();
		return undefined;
	} catch (cause) {
		// libvips keeps its last error per thread, and with images decoded in parallel the message
		// is sometimes only "Unknown error": the format from the header says what the file is.
		return `a file sharp cannot read (a ${(metadata.format ?? 'image').toUpperCase()} file cut short or damaged, so export or upload it again: ${sharpReason(cause)})`;
	}
}

/** The first line of sharp's complaint. */
const sharpReason = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];

/**
 * Decodes every raster image in `files` (SVG, missing files and files outside `contentDir` are
 * left to the rules), each once and in parallel; many entries share a few images. Verdicts
 * already reached are reused while the file's size and modification time are unchanged.
 */
export async function readRasterImages(files: Iterable<string>, contentDir: string): Promise<Map<string, string | undefined>> {
	const problems = new Map<string, string | undefined>();
	await Promise.all(
		[...files]
			.filter((file) => !/\.svg$/i.test(file) && !contentEscape(contentDir, file))
			.map(async (file) => {
				let stat;
				try {
					stat = statSync(file);
				} catch {
					return; // missing: reported by the rules
				}
				if (!stat.isFile()) return problems.set(file, 'a folder, not a file');
				const known = rasterHeaders.get(file);
				if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return problems.set(file, known.problem);
				const problem = await rasterProblem(file);
				rasterHeaders.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, problem });
				problems.set(file, problem);
			}),
	);
	return problems;
}

/** File access for the cross-file rules: captions are read strictly as UTF-8, like every other file. */
function strictNodeIO(projectRoot: string, diagnostics: Diagnostic[], rasterImages: Map<string, string | undefined>): IntegrityIO {
	return {
		exists: (p) => existsSync(p),
		rasterImageProblem: (p) => rasterImages.get(p),
		readHead: readFileHead,
		readText: (p) => {
			const read = readContentText(p, displayPath(projectRoot, p));
			if (read.diagnostic) diagnostics.push(read.diagnostic);
			// A file that is not UTF-8 is parsed anyway (bad bytes replaced), so its other problems are reported too.
			return read.text ?? read.lenient ?? '';
		},
	};
}

/**
 * Reads every `awards/<program>/<folder>/<round>.<ext>` (score sheets, ranking sheets,
 * assignments): the program and round come from the path, `read` parses one file.
 */
async function loadRoundFiles<Sheet>(
	projectRoot: string,
	contentDir: string,
	folder: string,
	extension: string,
	read: (text: string, file: string, program: string, round: string) => { sheet?: Sheet; diagnostics: Diagnostic[] },
): Promise<{ sheets: Sheet[]; diagnostics: Diagnostic[] }> {
	const sheets: Sheet[] = [];
	const diagnostics: Diagnostic[] = [];
	const base = path.join(contentDir, 'awards');
	const matches: string[] = [];
	for await (const match of glob(`*/${folder}/*.${extension}`, { cwd: base })) matches.push(match.split(path.sep).join('/'));
	for (const relative of matches.sort()) {
		const absolutePath = path.join(base, relative);
		const [program, , name] = relative.split('/');
		const file = displayPath(projectRoot, absolutePath);
		const escape = contentEscape(contentDir, absolutePath);
		if (escape) {
			diagnostics.push(error(file, '(file)', contentEscapeMessage('a sheet', escape)));
			continue;
		}
		const text = readText(absolutePath, file, diagnostics);
		if (text === undefined) continue;
		const result = read(text, file, program, name.slice(0, -extension.length - 1));
		diagnostics.push(...result.diagnostics);
		if (result.sheet) sheets.push(result.sheet);
	}
	return { sheets, diagnostics };
}

/** Every round's score sheet. */
export const loadScoreSheets = (projectRoot: string, contentDir: string) =>
	loadRoundFiles<ScoreSheet>(projectRoot, contentDir, 'scores', 'csv', (text, file, program, round) => {
		const parsed = parseScoreSheet(text, file);
		return { sheet: { program, round, file, lines: parsed.lines }, diagnostics: parsed.diagnostics };
	});

/** Every finalist round's ranking sheet. */
export const loadRankingSheets = (projectRoot: string, contentDir: string) =>
	loadRoundFiles<RankingSheet>(projectRoot, contentDir, 'rankings', 'csv', (text, file, program, round) => {
		const parsed = parseRankingSheet(text, file);
		return { sheet: { program, round, file, lines: parsed.lines }, diagnostics: parsed.diagnostics };
	});

/** Every round's assignment. */
export const loadAssignments = (projectRoot: string, contentDir: string) =>
	loadRoundFiles<AssignmentSheet>(projectRoot, contentDir, 'assignments', 'yaml', (text, file, program, round) => {
		const parsed = parseYaml(text, file);
		if (parsed.data === undefined) return { diagnostics: parsed.diagnostics };
		const result = assignmentFileSchema.safeParse(parsed.data);
		if (!result.success) return { diagnostics: result.error.issues.map((issue) => issueToDiagnostic(file, parsed.data, issue, assignmentFileSchema)) };
		return { sheet: { program, round, file, data: result.data }, diagnostics: [] };
	});

/**
 * How many files parsed anew (or gone) make the parse cache worth writing back. Writing it is V8
 * serializing every parse (0.4–0.7 s of CPU at 10,000 items), and under `npm run build` it comes
 * before the check's verdict, which Astro waits for. A file the written cache does not have as it
 * is now is only parsed again by the next run (its size or time tells), so after a few edits the
 * write is left to a run that has more to keep.
 */
export const PARSE_CACHE_REWRITE_AFTER = 100;

export async function runCheck(options: CheckOptions): Promise<CheckResult> {
	const cache = options.parseCacheFile ? readParseCache(options.parseCacheFile) : undefined;
	const cachedFiles = cache?.size ?? 0;
	const loaded = await loadSourceFiles(options.projectRoot, options.contentDir, cache);
	if (loaded.cacheChanged && (cachedFiles === 0 || loaded.cacheChanges > PARSE_CACHE_REWRITE_AFTER)) writeParseCache(options.parseCacheFile!, cache!);
	// Before any body is parsed (the parsers recurse): a story nested thousands deep is refused here.
	const nesting = withoutDeepBodies(loaded.files);
	const validated = validateSourceFiles(nesting.files);
	const mdx = checkMdxSyntax(nesting.files);
	const stray = [...findStrayFiles(options.projectRoot, options.contentDir), ...findEscapingLinks(options.projectRoot, options.contentDir)];
	const indexed = indexEntries(validated.entries);
	const scores = await loadScoreSheets(options.projectRoot, options.contentDir);
	const assignments = await loadAssignments(options.projectRoot, options.contentDir);
	const rankings = await loadRankingSheets(options.projectRoot, options.contentDir);
	const references = await loadReferences(options.projectRoot, options.contentDir);
	const reading: Diagnostic[] = [];
	const rejected = [...loaded.unreadable, ...validated.invalid];
	// Image headers are read here, asynchronously, for the rules (which are synchronous) to report.
	const io = options.io ?? strictNodeIO(options.projectRoot, reading, await readRasterImages(referencedImages(indexed.index), options.contentDir));
	const integrity = checkIntegrity(indexed.index, scores.sheets, { ...options, io, rejected }, assignments.sheets, rankings.sheets);
	const diagnostics = sortDiagnostics(applyPlaceholderRule(nesting.files, [
		...loaded.diagnostics,
		...nesting.diagnostics,
		...validated.diagnostics,
		...mdx,
		...stray,
		...indexed.diagnostics,
		...scores.diagnostics,
		...assignments.diagnostics,
		...rankings.diagnostics,
		...references.diagnostics,
		...checkReferences(indexed.index, references.data),
		...integrity.diagnostics,
		...reading,
	], options));
	return {
		diagnostics,
		errors: diagnostics.filter((d) => d.severity === 'error').length,
		warnings: diagnostics.filter((d) => d.severity === 'warning').length,
		index: indexed.index,
		scoreSheets: scores.sheets,
		assignments: assignments.sheets,
		rankingSheets: rankings.sheets,
		captions: integrity.captions,
		references: references.data,
	};
}
