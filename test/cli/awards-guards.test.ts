/**
 * The awards commands refuse what would silently undo or contradict committed work, on a copy of
 * the sample program (which has been through every step): nothing is written, and the message
 * says what to do instead.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

describe('publish', () => {
	it('refuses to publish the scoring round again once the final round is published', async () => {
		const before = snapshot();
		const result = await awards('publish', 'cia-2026');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/winners\.yaml holds the outcome of final, a later round than round-1: publishing round-1 again would take it back\. To update the published outcome run `npm run awards -- publish cia-2026 --round final`; nothing was written/);
		expect(snapshot()).toEqual(before);
		expect((await awards('verify', 'cia-2026')).code).toBe(0);
	});

	it('refuses to publish the scoring round again once the final round has rankings', async () => {
		// The finalists are published (round-1) and judges have ranked them, but the final is not published yet.
		const winners = path.join(program(), 'winners.yaml');
		const text = readFileSync(winners, 'utf8');
		writeFileSync(winners, text.replace('round: final', 'round: round-1').replace('method: schulze', 'method: offset'));
		const before = snapshot();
		const result = await awards('publish', 'cia-2026', '--round', 'round-1');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/final already has rankings \(.*rankings\/final\.csv\) made for the finalists of round-1: publishing round-1 again could change them\. Publish final instead/);
		expect(snapshot()).toEqual(before);
	});
});
