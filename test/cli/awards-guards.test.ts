/**
 * The awards commands refuse what would silently undo or contradict committed work, on a copy of
 * the sample program (which has been through every step): nothing is written, and the message
 * says what to do instead.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFixture, runScript, sampleContent } from '../helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture(sampleContent)));
afterEach(() => cleanup());

const awards = (...args: string[]) => runScript('scripts/awards.ts', [...args, '--content', dir]);
const check = () => runScript('scripts/check.ts', ['--content', dir]);
const program = () => path.join(dir, 'awards/cia-2026');
/** Every file of the program with its bytes, to show nothing changed. */
function snapshot(): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (folder: string) => {
		for (const name of readdirSync(folder)) {
			const file = path.join(folder, name);
			if (statSync(file).isDirectory()) walk(file);
			else files[path.relative(program(), file)] = readFileSync(file, 'utf8');
		}
	};
	walk(program());
	return files;
}

describe('assign', () => {
	it('refuses to replace an assignment the round already has scores for', async () => {
		const before = snapshot();
		const result = await awards('assign', 'cia-2026', '--per-entry', '3', '--seed', '1');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/round-1 already has 500 imported scores in .*awards\/cia-2026\/scores\/round-1\.csv/);
		expect(result.out).toMatch(/nothing was written. To start the round over, move .*scores\/round-1\.csv/);
		expect(snapshot()).toEqual(before);
		expect((await check()).code).toBe(0);
	});
});
