/** Reads an option whose value must be one of a fixed list, with a clear error (and the nearest value) otherwise. */
import { closestSpelling } from '../../src/lib/spelling.ts';
import { CliError } from '../lib/cli.ts';

/** `value` when it is one of `valid`; otherwise a CliError naming the option, what was found and the valid values. */
export function choice<T extends string>(option: string, value: string | undefined, valid: readonly T[]): T | undefined {
	if (value === undefined) return undefined;
	if ((valid as readonly string[]).includes(value)) return value as T;
	const near = closestSpelling(value, valid);
	throw new CliError(`--${option} "${value}" is not one of ${valid.join(', ')}${near ? ` (did you mean ${near}?)` : ''}`);
}

/** A comma-separated list option (`--stories a,b`), empty when absent. */
export const listOption = (value: string | undefined): string[] => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
