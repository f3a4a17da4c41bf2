/**
 * Content text printed by the CLI reaches the terminal with its control characters shown as
 * escapes, never obeyed: an entrant's title cannot clear the screen, retitle the window, colour or
 * hide text, or reorder a line; the CLI's own colours still work.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFixture, runScript } from '../helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture()));
afterEach(() => cleanup());

const entry = () => path.join(dir, 'awards/demo-awards/entries/quarry-planning.md');
const hostile = '\x1b]0;pwned\x07\x1b[2J';
/** Any byte a terminal would obey: C0 but line feed, DEL, C1, bidi overrides and isolates. */
const OBEYED = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** The entry's title set to `title` (a YAML double-quoted string, so the control bytes are real). */
function setTitle(title: string): void {
	const text = readFileSync(entry(), 'utf8');
	writeFileSync(entry(), text.replace('title: One plan for every mill', `title: ${JSON.stringify(title)}`));
}

describe('terminal output', () => {
	it('tally shows an entrant title’s escape sequences as text, not as commands', async () => {
		setTitle(`One plan${hostile} for every mill\u202e`);
		const result = await runScript('scripts/awards.ts', ['tally', 'demo-awards', '--content', dir]);
		expect(result.code, result.out).toBe(0);
		expect(result.out).not.toMatch(OBEYED);
		expect(result.out).toContain('Top of the round: One plan\\u001b]0;pwned\\u0007\\u001b[2J for every mill\\u202e');
	}, 120_000);

	it('keeps the CLI’s own colours, and content cannot forge them', async () => {
		setTitle(`One plan\x1b[31m for every mill\x1b[8m`);
		const result = await runScript('scripts/awards.ts', ['tally', 'demo-awards', '--content', dir], { FORCE_COLOR: '1', NO_COLOR: '' });
		expect(result.code, result.out).toBe(0);
		expect(result.out).toContain('\x1b[1mOperations excellence\x1b[22m');
		expect(result.out).toContain('Top of the round: \x1b[1mOne plan\\u001b[31m for every mill\\u001b[8m\x1b[22m');
		// Every escape left is one of the CLI's colours.
		expect(result.out.replace(/\x1b\[(1|22|2|31|32|33|36|39)m/g, '')).not.toMatch(OBEYED);
	}, 120_000);

	it('check quotes a bad value without obeying it, and so do the awards commands’ errors', async () => {
		const text = readFileSync(entry(), 'utf8');
		writeFileSync(entry(), text.replace('status: eligible', `status: ${JSON.stringify(`${hostile}eligible`)}`));
		const check = await runScript('scripts/check.ts', ['--content', dir]);
		expect(check.code).toBe(1);
		expect(check.out).toContain('status: expected a status: one of submitted, eligible, ineligible, withdrawn, found "\\u001b]0;pwned\\u0007\\u001b[2Jeligible"');
		expect(check.out).not.toMatch(OBEYED);
		const awards = await runScript('scripts/awards.ts', ['tally', 'demo-awards', '--content', dir]);
		expect(awards.code).toBe(1);
		expect(awards.out).toContain('found "\\u001b]0;pwned\\u0007\\u001b[2Jeligible"');
		expect(awards.out).not.toMatch(OBEYED);
	}, 120_000);

	it('an error quoting an imported file’s values does not obey them', async () => {
		const file = path.join(dir, '..', 'export.json');
		writeFileSync(file, JSON.stringify({ format: 'credence-scores/1', program: `demo${hostile}`, round: 'round-1', judge: 'aca-demic', exportedAt: '2026-10-10T10:00:00.000Z', scores: [] }));
		const result = await runScript('scripts/awards.ts', ['import', 'demo-awards', file, '--content', dir]);
		expect(result.code).toBe(1);
		expect(result.out).not.toMatch(OBEYED);
		expect(result.out).toContain('\\u001b]0;pwned');
	}, 120_000);
});
