/**
 * What every CLI command shares: colours (off for pipes and NO_COLOR), progress bars on a TTY,
 * atomic file writes, and clean failures (a message and exit code, never a stack trace for a
 * user's mistake).
 */
import cliProgress from 'cli-progress';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { styleText } from 'node:util';
import writeFileAtomic from 'write-file-atomic';

type Style = Parameters<typeof styleText>[0];
const paint = (style: Style) => (text: string) => styleText(style, text, { stream: process.stdout });
export const colour = {
	bold: paint('bold'),
	dim: paint('dim'),
	red: paint('red'),
	green: paint('green'),
	yellow: paint('yellow'),
	cyan: paint('cyan'),
};

/** A user-facing failure: printed without a stack trace, exits with `code`. */
export class CliError extends Error {
	code: number;
	constructor(message: string, code = 1) {
		super(message);
		this.code = code;
	}
}

/** Writes a file atomically (temp file + rename), creating its folder. */
export async function writeAtomic(file: string, contents: string): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	await writeFileAtomic(file, contents);
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

/** Runs a command's main function and maps failures to exit codes. */
export function runMain(main: () => Promise<number>): void {
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
