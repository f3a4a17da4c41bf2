/**
 * What every CLI command shares: colours (off for pipes and NO_COLOR), progress bars on a TTY,
 * atomic file writes, and clean failures (a message and exit code, never a stack trace for a
 * user's mistake).
 */
import cliProgress from 'cli-progress';
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format, parseArgs, styleText, type ParseArgsOptionsConfig } from 'node:util';
import writeFileAtomic from 'write-file-atomic';
import { decodeUtf8 } from '../../src/lib/content/load.ts';
import { countOf } from '../../src/lib/evidence.ts';
import { closestSpelling } from '../../src/lib/spelling.ts';
import { terminalLines } from '../../src/lib/terminal-text.ts';

type Style = Parameters<typeof styleText>[0];

/*
 * Content reaches the terminal inside the CLI's own lines, so the one place to keep its control
 * characters from being obeyed is the output itself: `guardConsole` passes everything printed
 * through `terminalLines`. The colours the CLI adds must survive that, and content must not be
 * able to forge them, so `colour` marks where its codes go with a per-run secret (a noncharacter,
 * U+FDD0, and random digits content cannot guess), and the guard puts the codes in after escaping.
 */
const secret = `\uFDD0${randomBytes(6).toString('hex')}:`;
const marked = new RegExp(`${secret}(\\d+)\uFDD1`, 'g');
const codes: string[] = [];
/** The marker for one of the CLI's own escape sequences (an SGR colour code). */
function mark(code: string): string {
	if (code === '') return '';
	let i = codes.indexOf(code);
	if (i < 0) i = codes.push(code) - 1;
	return `${secret}${i}\uFDD1`;
}
/** Printed text as the terminal gets it: control characters from content escaped, the CLI's own colours in place. */
export const terminalOutput = (text: string): string => terminalLines(text).replace(marked, (_, i: string) => codes[Number(i)]);

/**
 * Routes console output through `terminalOutput`; every CLI entry point calls it first (runMain
 * does). `--json` output is unchanged in meaning: JSON already escapes C0 controls, and the
 * escapes written for the others are JSON's own.
 */
export function guardConsole(): void {
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		const print = console[method].bind(console);
		console[method] = (...args: unknown[]) => print('%s', terminalOutput(format(...args)));
	}
}

const paint = (style: Style) => (text: string) => {
	const [open, close] = styleText(style, '\0', { stream: process.stdout }).split('\0');
	return close === undefined ? text : `${mark(open)}${text}${mark(close)}`;
};
export const colour = {
	bold: paint('bold'),
	dim: paint('dim'),
	red: paint('red'),
	green: paint('green'),
	yellow: paint('yellow'),
	cyan: paint('cyan'),
};

/** `1 score`, `2 scores` (`plural(n, 'entry', 'entries')` for irregular plurals). */
export const plural = (n: number, noun: string, nouns = `${noun}s`) => countOf(n, noun, nouns);

/** A user-facing failure: printed without a stack trace, exits with `code`. */
export class CliError extends Error {
	code: number;
	constructor(message: string, code = 1) {
		super(message);
		this.code = code;
	}
}

/** An option's spelling for messages: `--round`. */
const shownOption = (name: string) => (name.length === 1 ? `-${name}` : `--${name}`);

/** The known option closest to a mistyped one (`--perentry` → `--per-entry`), if any is close: dashes, underscores and case aside, within two edits and a third of what was typed. */
const nearestOption = (name: string, known: string[]): string | undefined =>
	closestSpelling(
		name,
		known.filter((k) => k.length > 1),
		{ normalise: (s) => s.toLowerCase().replace(/[-_]/g, ''), maxEdits: (typed) => Math.min(2, Math.floor(typed.length / 3)) },
	);

/**
 * Parses command-line arguments against `options`. Unlike `parseArgs` in strict mode, a mistake
 * is a CliError that names the option and ends with `usage` (never a TypeError with a stack): an
 * unknown option (with the nearest known one), a value missing (`--seed` at the end, or followed
 * by another option) or a value given to a switch (`--json=yes`).
 */
export function parseCommandLine<T extends ParseArgsOptionsConfig>(args: string[], options: T, usage: string) {
	const { values, positionals, tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
	for (const token of tokens) {
		if (token.kind !== 'option') continue;
		const spec = options[token.name];
		if (!spec) {
			const near = nearestOption(token.name, Object.keys(options));
			throw new CliError(`unknown option ${token.rawName}${near ? ` (did you mean ${shownOption(near)}?)` : ''}\n\n${usage}`);
		}
		if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && /^-(?!\d)/.test(token.value)))) {
			throw new CliError(`${shownOption(token.name)} needs a value, e.g. ${shownOption(token.name)} <value>\n\n${usage}`);
		}
		if (spec.type === 'boolean' && token.value !== undefined) throw new CliError(`${shownOption(token.name)} takes no value, found "${token.value}"\n\n${usage}`);
	}
	/** The options given on the command line (not the defaults). */
	const given = [...new Set(tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : [])))];
	return { values, positionals, given };
}

/** A user's input file as text, strictly UTF-8; a CliError naming the file (`shown`) otherwise. */
export async function readInputText(file: string, shown: string): Promise<string> {
	let bytes: Uint8Array;
	try {
		bytes = await readFile(file);
	} catch (cause) {
		const code = (cause as NodeJS.ErrnoException).code;
		throw new CliError(`cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(cause))}`);
	}
	const decoded = decodeUtf8(bytes);
	if (decoded.text === undefined) throw new CliError(`${shown}: ${decoded.message}; nothing was imported`);
	return decoded.text;
}

/** Writes a file atomically (temp file + rename), creating its folder. */
export async function writeAtomic(file: string, contents: string): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	await writeFileAtomic(file, contents);
}

/** Why a file operation failed, in words (never a raw error object). */
export function failureReason(cause: unknown): string {
	const code = (cause as NodeJS.ErrnoException).code;
	const words: Record<string, string> = {
		EISDIR: 'it is a folder',
		ENOTDIR: 'a folder on its path is a file',
		EACCES: 'permission denied',
		EPERM: 'permission denied',
		ENOSPC: 'no space left on the device',
		EROFS: 'the file system is read-only',
		ENOENT: 'no such file or folder',
	};
	return (code && words[code]) ?? (code || (cause instanceof Error ? cause.message : String(cause)));
}

/**
 * Writes several files as one step, as far as a file system allows: every file's text goes to a
 * temporary file beside it first, and only when all of them are written (and no target is a
 * folder) are they renamed into place, in order. A failure before the renames changes nothing;
 * either way it is a CliError naming the file. `shown` gives a file's name for messages.
 */
export async function writeAllAtomic(writes: { file: string; text: string }[], shown: (file: string) => string): Promise<void> {
	const staged: { file: string; temporary: string }[] = [];
	const discard = () => Promise.all(staged.map((s) => unlink(s.temporary).catch(() => {})));
	for (const [i, { file, text }] of writes.entries()) {
		const temporary = `${file}.${process.pid}.${i}.tmp`;
		try {
			const target = await lstat(file).catch(() => undefined);
			if (target?.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
			await mkdir(path.dirname(file), { recursive: true });
			await writeFile(temporary, text);
			staged.push({ file, temporary });
		} catch (cause) {
			await unlink(temporary).catch(() => {});
			await discard();
			throw new CliError(`cannot write ${shown(file)}: ${failureReason(cause)}; nothing was written`);
		}
	}
	for (const [i, { file, temporary }] of staged.entries()) {
		try {
			await rename(temporary, file);
		} catch (cause) {
			await Promise.all(staged.slice(i).map((s) => unlink(s.temporary).catch(() => {})));
			const done = staged.slice(0, i).map((s) => shown(s.file));
			throw new CliError(`cannot write ${shown(file)}: ${failureReason(cause)}; ${done.length ? `already written: ${done.join(', ')}` : 'nothing was written'}`);
		}
	}
}

/** A progress bar on an interactive terminal; silent otherwise (CI logs, --json). */
export function progressBar(label: string, total: number, enabled = process.stderr.isTTY === true) {
	if (!enabled || total === 0) return { tick: (_n = 1) => {}, stop: () => {} };
	const bar = new cliProgress.SingleBar(
		{ format: `${label} {bar} {value}/{total}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
		cliProgress.Presets.shades_classic,
	);
	bar.start(total, 0);
	return { tick: (n = 1) => bar.increment(n), stop: () => bar.stop() };
}

/** A static bar for reports: `███████░░░ 7/10`. */
export function meter(done: number, total: number, width = 20): string {
	if (total === 0) return `${colour.dim('·'.repeat(width))} –`;
	const filled = total === 0 ? width : Math.round((done / total) * width);
	const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
	const painted = done >= total ? colour.green(bar) : done === 0 ? colour.red(bar) : colour.yellow(bar);
	return `${painted} ${done}/${total}`;
}

/** Runs a command's main function and maps failures to exit codes; its output goes through `guardConsole`. */
export function runMain(main: () => Promise<number>): void {
	guardConsole();
	main().then(
		(code) => process.exit(code),
		(cause: unknown) => {
			if (cause instanceof CliError) {
				console.error(colour.red(`error: ${cause.message}`));
				process.exit(cause.code);
			}
			console.error(cause);
			process.exit(2);
		},
	);
}
