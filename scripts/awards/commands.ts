/** The awards commands, each a thin function over src/lib/awards/. */
import type { CheckResult } from '../../src/lib/content/check.ts';
import type { ProgramData } from '../../src/lib/awards/program.ts';
import type { Program } from '../../src/schemas/award.ts';
import { assign } from './assign.ts';
import { newProgram, type SetupContext } from './new.ts';
import { importScores } from './import.ts';
import { intake } from './intake.ts';
import { kit } from './kit.ts';
import { packets } from './packets.ts';
import { publish } from './publish.ts';
import { report } from './report.ts';
import { status } from './status.ts';
import { tally } from './tally.ts';
import { verify } from './verify.ts';

export interface CommandContext {
	projectRoot: string;
	contentDir: string;
	check: CheckResult;
	data: ProgramData;
	round: Program['rounds'][number];
	options: {
		round?: string;
		'per-entry'?: string;
		'max-load'?: string;
		seed?: string;
		calibration?: string;
		out?: string;
		replace?: boolean;
		'dry-run'?: boolean;
		'publish-at'?: string;
		'allow-missing'?: string;
		name?: string;
		year?: string;
		json?: boolean;
	};
	/** Positional arguments after the program id. */
	args: string[];
	now: Date;
}

export const COMMANDS: Record<string, (context: CommandContext) => Promise<number>> = {
	status,
	assign,
	import: importScores,
	intake,
	kit,
	packets,
	publish,
	report,
	tally,
	verify,
};

/** Commands that run before a program exists, so without its checked data. */
export const SETUP_COMMANDS: Record<string, (context: SetupContext) => Promise<number>> = {
	new: newProgram,
};
