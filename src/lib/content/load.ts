/**
 * Reads the content folder the way Astro's glob loader does, for the CLI and the build check:
 * every entry file of every collection, parsed (YAML, or Markdown/MDX frontmatter) but not yet
 * validated. Parse problems become diagnostics with line numbers, never exceptions.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { glob } from 'node:fs/promises';
import path from 'node:path';
import { CORE_SCHEMA, load, Type, YAMLException } from 'js-yaml';
import { ID_PATTERN, YamlTimestamp } from '../../schemas/common.ts';
import { error, type Diagnostic } from '../diagnostics.ts';
import { displayPath } from './display-path.ts';
import { contentEscape, contentEscapeMessage } from './inside-content.ts';
import { COLLECTION_LAYOUT, type CollectionName } from './layout.ts';

export interface SourceFile {
	collection: CollectionName;
	id: string;
	/** Path relative to the project root, forward slashes (what diagnostics print). */
	file: string;
	/** Absolute path. */
	absolutePath: string;
	/** Parsed YAML data or frontmatter. */
	data: unknown;
	/** Markdown body, for md/mdx entries. */
	body?: string;
	/** The line of the file the body starts on (1-based). */
	bodyLine?: number;
}

// Named here too: the check's modules name files as they read them.
export { displayPath };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Offset of the first byte that does not belong to a valid UTF-8 sequence; -1 when there is none. */
function firstInvalidUtf8(bytes: Uint8Array): number {
	for (let i = 0; i < bytes.length; ) {
		const b = bytes[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		// Lead byte: sequence length and the allowed range of the second byte (no overlongs, no surrogates, ≤ U+10FFFF).
		let length = 0;
		let low = 0x80;
		let high = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) length = 2;
		else if (b >= 0xe0 && b <= 0xef) {
			length = 3;
			if (b === 0xe0) low = 0xa0;
			if (b === 0xed) high = 0x9f;
		} else if (b >= 0xf0 && b <= 0xf4) {
			length = 4;
			if (b === 0xf0) low = 0x90;
			if (b === 0xf4) high = 0x8f;
		} else return i;
		for (let k = 1; k < length; k++) {
			const c = bytes[i + k];
			if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
		}
		i += length;
	}
	return -1;
}

/**
 * Decodes a file's bytes as UTF-8, strictly: a file in another encoding (Windows-1252, Latin-1,
 * UTF-16) is reported, never silently turned into replacement characters. On failure, `line` is
 * the line of the first bad byte and `message` says what to do.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { text?: undefined; line: number; message: string } {
	try {
		return { text: strictUtf8.decode(bytes) };
	} catch {
		if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
			return { line: 1, message: 'not UTF-8 text: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8' };
		}
		const at = Math.max(0, firstInvalidUtf8(bytes));
		let line = 1;
		let lineStart = 0;
		for (let i = 0; i < at; i++) {
			if (bytes[i] === 0x0a) {
				line++;
				lineStart = i + 1;
			}
		}
		const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
		return { line, message: `not UTF-8 text: byte 0x${byte} at line ${line}, column ${at - lineStart + 1} is not valid UTF-8 (the file may be in Windows-1252 or Latin-1); save it as UTF-8` };
	}
}

/**
 * A content file's text, read strictly as UTF-8. A file that cannot be read (a folder, say)
 * gives no text and a diagnostic; a file that is not UTF-8 gives a diagnostic naming the line
 * of its first bad byte, and `lenient`: its text with the bad bytes replaced, for callers that
 * report the file's other problems too.
 */
export function readContentText(absolutePath: string, file: string): { text?: string; lenient?: string; diagnostic?: Diagnostic } {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(absolutePath);
	} catch (cause) {
		const code = (cause as NodeJS.ErrnoException).code;
		return { diagnostic: error(file, '(file)', code === 'EISDIR' ? 'expected a file, found a folder' : `cannot read the file (${code ?? (cause as Error).message})`) };
	}
	const decoded = decodeUtf8(bytes);
	if (decoded.text !== undefined) return { text: decoded.text };
	return { lenient: new TextDecoder().decode(bytes), diagnostic: error(file, `line ${decoded.line}`, decoded.message) };
}

/** `key: value` with the value in double quotes, as YAML writes text that holds anything. */
const quotedLine = (indent: string, key: string, value: string) => `${indent}${key}: ${JSON.stringify(value.trim())}`;

/**
 * The line to write instead, when YAML stopped on unquoted text: a colon and a space inside a
 * value (`text: We cut waste: and our bins…`), text inside `{ … }` holding one, or text wrapped
 * onto the next line at the field's own indentation (which YAML reads as a new field name).
 * Empty when the error is something else.
 */
function quotingHint(lines: string[], at: number, reason: string, lineOffset: number): string {
	const line = lines[at] ?? '';
	const field = /^(\s*(?:-\s+)?)([\w.-]+):\s+(.*)$/.exec(line);
	if (field && field[3].startsWith('{')) {
		if (/:\s.*:\s|,/.test(field[3])) return '; inside { … } a colon and a space, or a comma, ends unquoted text: put each text in quotes, like alt: "A team, smiling", or write the group one field a line';
		return '';
	}
	if (field && !/^["'|>]/.test(field[3]) && /:\s/.test(field[3])) {
		return `; the value on this line holds a colon and a space, which YAML reads as the start of another field: put the whole value in quotes: ${quotedLine(field[1], field[2], field[3]).trim()}`;
	}
	// Wrapped text: "key: words" then "more words" at the same indentation, then the next field.
	if (/multiline key/.test(reason)) {
		for (let start = at - 1; start >= 0 && start >= at - 20; start--) {
			const opening = /^(\s*(?:-\s+)?)([\w.-]+):\s+(.+)$/.exec(lines[start]);
			if (!opening || /^["'|>{[]/.test(opening[3])) continue;
			const continued = lines.slice(start + 1, at).map((l) => l.trim()).filter(Boolean);
			if (continued.length === 0) return '';
			return `; the text of ${opening[2]} (line ${start + 1 + lineOffset}) goes on at the start of the next line, which YAML reads as a new field: put the whole text in quotes on one line: ${quotedLine(opening[1], opening[2], [opening[3], ...continued].join(' ')).trim()}`;
		}
	}
	return '';
}

/**
 * Parses YAML text; syntax errors (and duplicate keys) become a diagnostic naming the line.
 *
 * With js-yaml, the parser Astro reads content with: it is about eight times faster than `yaml`
 * (which the CLI writes with), and reading every file is most of the check's time (10,000
 * items: 2.0 s with `yaml`, 0.3 s with js-yaml, the same data for every file).
 */
export function parseYaml(source: string, file: string, lineOffset = 0): { data?: unknown; diagnostics: Diagnostic[] } {
	try {
		// Unquoted timestamps stay their source text (YamlTimestamp), so dates are validated strictly
		// by the schemas, and one where text belongs is reported as Astro would read it: a Date.
		return { data: load(source, { schema: CHECK_SCHEMA }) ?? {}, diagnostics: [] };
	} catch (cause) {
		if (!(cause instanceof YAMLException)) throw cause;
		// A few errors (a second document, say) belong to no position.
		if (!cause.mark) return { diagnostics: [error(file, '(file)', `invalid YAML: ${cause.reason}`)] };
		const line = cause.mark.line + 1 + lineOffset;
		return { diagnostics: [error(file, `line ${line}`, `invalid YAML: ${cause.reason} (column ${cause.mark.column + 1})${quotingHint(source.split('\n'), cause.mark.line, cause.reason, lineOffset)}`)] };
	}
}

/** YAML 1.1's timestamps (what Astro's YAML reader makes Dates of): a date, or a date and time. */
const TIMESTAMP = /^(?:\d{4}-\d\d-\d\d|\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*Z|[-+]\d\d?(?::\d\d)?)?)$/;
const CHECK_SCHEMA = CORE_SCHEMA.extend({
	implicit: [
		new Type('tag:yaml.org,2002:timestamp', {
			kind: 'scalar',
			resolve: (text: string | null) => text !== null && TIMESTAMP.test(text),
			construct: (text: string) => new YamlTimestamp(text),
			instanceOf: YamlTimestamp,
		}),
	],
});

const FRONTMATTER_RE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Splits `---` frontmatter from a Markdown/MDX body. */
export function parseFrontmatter(source: string, file: string): { data?: unknown; body: string; bodyLine?: number; diagnostics: Diagnostic[] } {
	const match = FRONTMATTER_RE.exec(source.replace(/^\uFEFF/, ''));
	if (!match) {
		return { body: source, diagnostics: [error(file, '(frontmatter)', 'expected YAML frontmatter between two "---" lines at the top of the file')] };
	}
	// +1: the opening "---" line precedes the YAML.
	const parsed = parseYaml(match[1], file, 1);
	return { data: parsed.data, body: source.slice(match[0].length), bodyLine: match[0].split('\n').length, diagnostics: parsed.diagnostics };
}

/** A file's parse, kept to be reused while the file's size and modification time are unchanged. */
export interface ParsedFile {
	size: number;
	mtimeMs: number;
	data?: unknown;
	body?: string;
	/** The line of the file the body starts on. */
	bodyLine?: number;
	diagnostics: Diagnostic[];
}

/** Parses from an earlier run, by absolute path (see `loadSourceFiles`). */
export type ParseCache = Map<string, ParsedFile>;

/** Bumped whenever what a parse holds changes, so an older cache file is ignored. */
const PARSE_CACHE_VERSION = 5;

/** A step from a value to one inside it: a key of an object or an index of an array. */
type DataPath = (string | number)[];

/** A parse as the cache file keeps it: each YamlTimestamp as its source text, and where those are. */
interface StoredParse extends ParsedFile {
	timestamps?: DataPath[];
}

/**
 * A copy of `value` with every YamlTimestamp as its source text (V8's serializer keeps data, not
 * classes), each one's place added to `found`.
 */
function detachTimestamps(value: unknown, found: DataPath[], at: DataPath = []): unknown {
	if (value instanceof YamlTimestamp) {
		found.push(at);
		return value.source;
	}
	if (Array.isArray(value)) return value.map((item, index) => detachTimestamps(item, found, [...at, index]));
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		const copy: Record<string, unknown> = {};
		// Defined, not assigned: a YAML key `__proto__` stays an own key, as the parse has it.
		for (const [key, item] of Object.entries(value)) Object.defineProperty(copy, key, { value: detachTimestamps(item, found, [...at, key]), enumerable: true, writable: true, configurable: true });
		return copy;
	}
	return value;
}

/**
 * Puts the YamlTimestamps back where `detachTimestamps` found them, in place: only those places are
 * visited (a whole walk of every parse, rebuilding each object, was a fifth of a 10,000-item
 * rebuild's check), and no key content can write is taken for a timestamp. The cache file is the
 * build cache's, which CI may restore from elsewhere: every step must be an own key of an object
 * or array the parse holds, and the place must hold a string; anything else throws, and the whole
 * cache is dropped (a path through `__proto__` would otherwise write into every object's prototype).
 */
function reattachTimestamps(parsed: StoredParse): void {
	const timestamps = parsed.timestamps ?? [];
	delete parsed.timestamps;
	if (!Array.isArray(timestamps)) throw new TypeError('timestamps is not a list');
	for (const at of timestamps) {
		if (!Array.isArray(at)) throw new TypeError('a timestamp place is not a list');
		let holder: Record<string | number, unknown> = parsed as unknown as Record<string, unknown>;
		let key: string | number = 'data';
		for (const step of at) {
			const next = holder[key];
			if (!next || typeof next !== 'object' || (typeof step !== 'string' && typeof step !== 'number') || !Object.hasOwn(next, step)) throw new TypeError('a timestamp place the parse does not hold');
			holder = next as Record<string | number, unknown>;
			key = step;
		}
		if (!Object.hasOwn(holder, key) || typeof holder[key] !== 'string') throw new TypeError('a timestamp place that holds no text');
		holder[key] = new YamlTimestamp(holder[key] as string);
	}
}

/** The parse cache kept in `file` by an earlier run; empty when there is none or it cannot be read. */
export function readParseCache(file: string): ParseCache {
	try {
		const stored = deserialize(readFileSync(file)) as { version?: number; files?: unknown };
		if (stored.version === PARSE_CACHE_VERSION && stored.files instanceof Map) {
			const files = stored.files as Map<string, StoredParse>;
			for (const parsed of files.values()) reattachTimestamps(parsed);
			return files;
		}
	} catch {
		// no cache yet, or an unreadable one: parse everything
	}
	return new Map();
}

/** Keeps the parse cache in `file` (written whole, then renamed into place). A cache that cannot be written is skipped. */
export function writeParseCache(file: string, cache: ParseCache): void {
	try {
		mkdirSync(path.dirname(file), { recursive: true });
		const temporary = `${file}.${process.pid}.tmp`;
		const files = new Map(
			[...cache].map(([key, parsed]): [string, StoredParse] => {
				const timestamps: DataPath[] = [];
				const data = detachTimestamps(parsed.data, timestamps);
				return [key, timestamps.length ? { ...parsed, data, timestamps } : { ...parsed, data }];
			}),
		);
		writeFileSync(temporary, serialize({ version: PARSE_CACHE_VERSION, files }));
		renameSync(temporary, file);
	} catch {
		// a read-only cache folder only costs the next run its speed
	}
}

/**
 * Loads every entry file of every collection under `contentDir`. With a `cache`, a file whose
 * size and modification time are those of its cached parse is not read again (reading and
 * parsing YAML is most of a large library's check); the cache is updated to the files found,
 * `cacheChanged` says whether it differs from what was given, and `cacheChanges` by how many
 * files (parsed anew, or gone).
 * Validation is never cached: it always runs with the current schemas.
 */
/** An entry file that exists but could not be read or parsed (its problems are diagnostics). */
export type RejectedFile = Pick<SourceFile, 'collection' | 'id' | 'file'>;

export async function loadSourceFiles(projectRoot: string, contentDir: string, cache?: ParseCache): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[]; cacheChanged: boolean; cacheChanges: number; unreadable: RejectedFile[] }> {
	const unreadable: RejectedFile[] = [];
	const files: SourceFile[] = [];
	const diagnostics: Diagnostic[] = [];
	const seen = new Set<string>();
	let cacheChanges = 0;
	/** Award program folders whose name cannot be an id (reported once, on the first file found in them). */
	const badFolders = new Set<string>();
	for (const [collection, layout] of Object.entries(COLLECTION_LAYOUT) as [CollectionName, (typeof COLLECTION_LAYOUT)[CollectionName]][]) {
		const base = path.join(contentDir, layout.base);
		const matches: string[] = [];
		for await (const match of glob(layout.pattern, { cwd: base })) matches.push(match.split(path.sep).join('/'));
		matches.sort();
		for (const relative of matches) {
			const absolutePath = path.join(base, relative);
			const file = displayPath(projectRoot, absolutePath);
			const name = path.posix.basename(relative).replace(/\.[^.]+$/, '');
			// An award program's folder name is its id (and its URL, /awards/<folder>/), and part of its entries' and judges' ids.
			const folder = layout.base === 'awards' ? relative.split('/')[0] : undefined;
			if (folder !== undefined && !ID_PATTERN.test(folder)) {
				if (!badFolders.has(folder)) {
					badFolders.add(folder);
					diagnostics.push(error(file, '(folder name)', `expected an award program folder named in lower-case words joined by hyphens (it becomes the program's id and URL, /awards/<folder>/), found "${folder}": rename the folder (its files are left out until then)`));
				}
				continue;
			}
			if (collection !== 'site' && !ID_PATTERN.test(name)) {
				diagnostics.push(error(file, '(file name)', `expected a file name of lower-case words joined by hyphens (it becomes the id and the URL), found "${name}"`));
				continue;
			}
			// An entry file that is a symbolic link out of the content folder is never read.
			const escape = contentEscape(contentDir, absolutePath);
			if (escape) {
				diagnostics.push(error(file, '(file)', contentEscapeMessage('an entry file', escape)));
				unreadable.push({ collection, id: layout.idFromPath(relative), file });
				continue;
			}
			seen.add(absolutePath);
			const { size, mtimeMs } = cache ? statSync(absolutePath) : { size: 0, mtimeMs: 0 };
			let parsed = cache?.get(absolutePath);
			if (!parsed || parsed.size !== size || parsed.mtimeMs !== mtimeMs) {
				// Synchronous: thousands of small files read one by one, each async read three round
				// trips to the thread pool (half of a large library's check was waiting on them).
				const read = readContentText(absolutePath, file);
				if (read.text === undefined && read.lenient === undefined) {
					diagnostics.push(read.diagnostic!);
					continue;
				}
				const isMarkdown = /\.mdx?$/.test(relative);
				if (read.text === undefined) parsed = { size, mtimeMs, diagnostics: [read.diagnostic!] };
				else parsed = { size, mtimeMs, ...(isMarkdown ? parseFrontmatter(read.text, file) : { ...parseYaml(read.text, file), body: undefined }) };
				cache?.set(absolutePath, parsed);
				if (cache) cacheChanges++;
			}
			diagnostics.push(...parsed.diagnostics);
			if (parsed.data === undefined) {
				unreadable.push({ collection, id: layout.idFromPath(relative), file });
				continue;
			}
			files.push({ collection, id: layout.idFromPath(relative), file, absolutePath, data: parsed.data, body: parsed.body, bodyLine: parsed.bodyLine });
		}
	}
	for (const cached of cache?.keys() ?? []) {
		if (seen.has(cached)) continue;
		cache!.delete(cached);
		cacheChanges++;
	}
	return { files, diagnostics, cacheChanged: cacheChanges > 0, cacheChanges, unreadable };
}
