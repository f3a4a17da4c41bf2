/**
 * `npm run check`: validates the content folder exactly as the build does, without rendering.
 * Prints one line per problem (file, field, what was found, what is valid); exits 1 on any error.
 *
 *   node scripts/check.ts [--content <dir>] [--json] [--format text|json|github]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentCheckOptions } from '../src/integrations/content-check.ts';
import { runCheck } from '../src/lib/content/check.ts';
import { fieldPosition, type FieldPosition } from '../src/lib/content/field-position.ts';
import { realPathInsideContent } from '../src/lib/content/inside-content.ts';
import { contentRoot } from '../src/lib/content/layout.ts';
import { displayPath } from '../src/lib/content/load.ts';
import { formatDiagnostic, type Diagnostic } from '../src/lib/diagnostics.ts';
import { githubAnnotation } from '../src/lib/github-annotations.ts';
import { PublicationTimeError, publicationTime } from '../src/lib/publication.ts';
import { CliError, guardConsole, parseCommandLine } from './lib/cli.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

const FORMATS = ['text', 'json', 'github'] as const;

const USAGE = 'Usage: npm run check -- [--content <dir>] [--format text|json|github] [--json] [--cache]\n\nValidates every content file, and the rules across files, as the build does.\n--format github prints each problem as a GitHub Actions annotation on its file and line (for pull-request checks); --json is --format json.\n--cache keeps each file\'s parse in the build\'s cache folder between runs (npm run build checks with it).\nExit 0 when there are no errors (warnings allowed), 1 otherwise.';

async function main(): Promise<number> {
	const { values, positionals } = parseCommandLine(process.argv.slice(2), { content: { type: 'string' }, json: { type: 'boolean' }, format: { type: 'string' }, cache: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, USAGE);
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	if (positionals.length) throw new CliError(`check takes no arguments, found ${positionals.map((p) => `"${p}"`).join(', ')} (for another content folder: --content <dir>)\n\n${USAGE}`);
	const format = values.json ? 'json' : (values.format ?? 'text');
	if (!FORMATS.includes(format as (typeof FORMATS)[number])) throw new CliError(`--format takes ${FORMATS.join(', ')}, found "${String(format)}"\n\n${USAGE}`);
	const contentDir = typeof values.content === 'string' ? path.resolve(values.content) : contentRoot(projectRoot);
	const parseCacheFile = values.cache ? contentCheckOptions(projectRoot).parseCacheFile : undefined;
	const result = await runCheck({ projectRoot, contentDir, now: publicationTime(), parseCacheFile });
	if (format === 'json') {
		console.log(JSON.stringify({ errors: result.errors, warnings: result.warnings, diagnostics: result.diagnostics }, null, 2));
	} else {
		for (const d of result.diagnostics) console.log(format === 'github' ? githubAnnotation(d, positionOf(d, contentDir)) : formatDiagnostic(d));
		const counted = `${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}`;
		const entries = Object.values(result.index).reduce((n, v) => n + (v instanceof Map ? v.size : v ? 1 : 0), 0);
		console.log(`${result.errors ? '✗' : '✓'} checked ${entries} entr${entries === 1 ? 'y' : 'ies'} and ${result.scoreSheets.length} score sheet${result.scoreSheets.length === 1 ? '' : 's'} in ${displayPath(projectRoot, contentDir)}: ${counted}`);
	}
	return result.errors > 0 ? 1 : 0;
}

/** Where a diagnostic's field is in its file, for an annotation; undefined when the file cannot be read from inside the content folder. */
function positionOf(d: Diagnostic, contentDir: string): FieldPosition | undefined {
	try {
		return fieldPosition(readFileSync(realPathInsideContent(contentDir, path.resolve(projectRoot, d.file)), 'utf8'), d.file, d.field);
	} catch {
		return undefined;
	}
}

guardConsole();
main().then(
	(code) => process.exit(code),
	(cause: unknown) => {
		if (cause instanceof CliError) {
			console.error(`error: ${cause.message}`);
			process.exit(cause.code);
		}
		if (cause instanceof PublicationTimeError) {
			console.error(`error: ${cause.message}`);
			process.exit(2);
		}
		// Content problems are diagnostics above; reaching here means a bug or an unreadable folder.
		console.error(`check failed: ${cause instanceof Error ? cause.message : String(cause)}`);
		process.exit(2);
	},
);
