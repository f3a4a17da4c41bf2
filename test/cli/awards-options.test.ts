/**
 * Command-line options of `awards` and `check`: a mistyped or misplaced option is a clean error
 * naming it (exit 1, the usage, no stack trace), and `--dry-run` writes nothing.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFixture, runScript, sampleContent } from '../helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture(sampleContent)));
afterEach(() => cleanup());

const awards = (...args: string[]) => runScript('scripts/awards.ts', [...args, '--content', dir]);
const program = () => path.join(dir, 'awards/cia-2026');
const noStack = (out: string) => expect(out).not.toMatch(/\n\s+at .*:\d+:\d+|TypeError|ERR_PARSE_ARGS/);

describe('awards options', () => {
	it('a mistyped program or round id gets the nearest existing one first', async () => {
		const programTypo = await awards('status', 'cia-2062');
		expect(programTypo.code).toBe(1);
		expect(programTypo.out).toMatch(/no award program "cia-2062" \(did you mean "cia-2026"\?\)/);
		const commandTypo = await awards('statsu', 'cia-2026');
		expect(commandTypo.code).toBe(1);
		expect(commandTypo.out).toMatch(/unknown command "statsu" \(did you mean "status"\?\)/);
		const roundTypo = await awards('status', 'cia-2026', '--round', 'round-l');
		expect(roundTypo.code).toBe(1);
		expect(roundTypo.out).toMatch(/no round "round-l" in cia-2026 \(rounds: .*\) \(did you mean "round-1"\?\)/);
		noStack(programTypo.out + roundTypo.out);
	}, 90_000);
	it('rejects an unknown option with the usage, suggesting the nearest', async () => {
		for (const option of ['--bogus', '-x']) {
			const result = await awards('status', 'cia-2026', option);
			expect(result.code, result.out).toBe(1);
			expect(result.out).toContain(`error: unknown option ${option}`);
			expect(result.out).toMatch(/Usage: npm run awards/);
			noStack(result.out);
		}
		const typo = await awards('assign', 'cia-2026', '--perentry', '4');
		expect(typo.code).toBe(1);
		expect(typo.out).toMatch(/unknown option --perentry \(did you mean --per-entry\?\)/);
	});

	it('rejects a missing value and a value given to a switch', async () => {
		const missing = await awards('assign', 'cia-2026', '--seed');
		expect(missing.code).toBe(1);
		expect(missing.out).toMatch(/--seed needs a value/);
		const valued = await awards('status', 'cia-2026', '--json=yes');
		expect(valued.code).toBe(1);
		expect(valued.out).toMatch(/--json takes no value, found "yes"/);
		noStack(missing.out + valued.out);
	});

	it('rejects an option the command does not take, naming its options, and writes nothing', async () => {
		const winners = path.join(program(), 'winners.yaml');
		const before = readFileSync(winners, 'utf8');
		const result = await awards('publish', 'cia-2026', '--replace');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/publish does not take --replace: its options are --round, --publish-at, --allow-missing, --dry-run, --json/);
		const verify = await awards('verify', 'cia-2026', '--dry-run');
		expect(verify.code).toBe(1);
		expect(verify.out).toMatch(/verify does not take --dry-run: its options are --json/);
		const extra = await awards('status', 'cia-2026', 'stray');
		expect(extra.code).toBe(1);
		expect(extra.out).toMatch(/status takes one program id, found also "stray"/);
		expect(readFileSync(winners, 'utf8')).toBe(before);
	});

	it('publish --dry-run shows the outcome and writes nothing', async () => {
		const winners = path.join(program(), 'winners.yaml');
		const feedback = path.join(program(), 'feedback/nurses-back-at-the-bedside.md');
		// A marker a rewrite would drop.
		writeFileSync(winners, `# marker\n${readFileSync(winners, 'utf8')}`);
		writeFileSync(feedback, `marker\n${readFileSync(feedback, 'utf8')}`);
		const result = await awards('publish', 'cia-2026', '--round', 'final', '--dry-run');
		expect(result.code, result.out).toBe(0);
		expect(result.out).toMatch(/Winner: Giving nurses 150 hours a week back for patients/);
		expect(result.out).toMatch(/would write .*winners\.yaml .*dry run: nothing written/);
		expect(readFileSync(winners, 'utf8')).toMatch(/^# marker\n/);
		expect(readFileSync(feedback, 'utf8')).toMatch(/^marker\n/);
	});

	it('assign --dry-run prints the assignment and writes nothing', async () => {
		for (const folder of ['assignments', 'scores', 'rankings', 'results', 'feedback']) rmSync(path.join(program(), folder), { recursive: true, force: true });
		rmSync(path.join(program(), 'winners.yaml'));
		const result = await awards('assign', 'cia-2026', '--per-entry', '4', '--seed', '2026', '--dry-run');
		expect(result.code, result.out).toBe(0);
		expect(result.out).toContain(readFileSync(path.join(sampleContent, 'awards/cia-2026/assignments/round-1.yaml'), 'utf8').split('\n').slice(2).join('\n').trim());
		expect(result.out).toMatch(/dry run: nothing written/);
		expect(existsSync(path.join(program(), 'assignments'))).toBe(false);
	});
});

describe('assign parameters', () => {
	it('requires a safe whole-number seed and echoes what was given; the header records --calibration', async () => {
		for (const folder of ['assignments', 'scores', 'rankings', 'results', 'feedback']) rmSync(path.join(program(), folder), { recursive: true, force: true });
		rmSync(path.join(program(), 'winners.yaml'));
		const huge = await awards('assign', 'cia-2026', '--seed', '99999999999999999999');
		expect(huge.code).toBe(1);
		expect(huge.out).toMatch(/--seed expects a whole number from -9007199254740991 to 9007199254740991, found "99999999999999999999"/);
		const exponent = await awards('assign', 'cia-2026', '--per-entry', '1e3');
		expect(exponent.code).toBe(1);
		expect(exponent.out).toMatch(/--per-entry expects a whole number of at least 1, found "1e3"/);
		const calibrated = await awards('assign', 'cia-2026', '--per-entry', '3', '--calibration', 'nurses-back-at-the-bedside');
		expect(calibrated.code, calibrated.out).toBe(0);
		expect(readFileSync(path.join(program(), 'assignments/round-1.yaml'), 'utf8')).toMatch(/^# Written by `npm run awards -- assign cia-2026 --round round-1 --per-entry 3 --seed 2026 --calibration nurses-back-at-the-bedside`/);
	});
});

describe('check options', () => {
	it('rejects an unknown option and stray arguments with the usage, exit 1', async () => {
		const result = await runScript('scripts/check.ts', ['--bogus']);
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/error: unknown option --bogus\n\nUsage: npm run check/);
		const stray = await runScript('scripts/check.ts', ['content']);
		expect(stray.code).toBe(1);
		expect(stray.out).toMatch(/check takes no arguments, found "content"/);
		noStack(result.out + stray.out);
	});
});
