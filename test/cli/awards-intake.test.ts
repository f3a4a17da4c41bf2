/**
 * `awards intake` on a new blind program with eligibility rules: an entrant's file becomes
 * `entries/<id>.md` (status submitted, the instant of intake) that passes `check`; every other
 * file is rejected with the field, what was found and what the program accepts, writing nothing
 * for it, while the good files of the same run are still taken; nothing is ever overwritten.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, projectRoot, runScript } from '../helpers.ts';
import { entryFileText, INTAKE_PROGRAM, scaffoldIntakeProgram } from '../fixtures/intake-program.ts';

const base = mkdtempSync(path.join(tmpdir(), 'credence-intake-'));
const content = path.join(base, 'content');
let folder: string;
const awards = (...args: string[]) => runScript('scripts/awards.ts', [...args, '--content', content]);
const check = () => runScript('scripts/check.ts', ['--content', content]);
let n = 0;
/** Writes an entrant's file and returns its path. */
const file = (text: string) => {
	const where = path.join(base, `entry-${++n}.json`);
	writeFileSync(where, text);
	return where;
};
const entries = () => readdirSync(path.join(folder, 'entries')).sort();

beforeAll(() => {
	cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
	folder = scaffoldIntakeProgram(content);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('awards intake', { timeout: 120_000 }, () => {
	it('takes an eligible entry as entries/<id>.md, status submitted, that passes check', async () => {
		const result = await awards('intake', INTAKE_PROGRAM, file(entryFileText()));
		expect(result.code, result.out).toBe(0);
		expect(entries()).toEqual(['forecasts-that-learn-from-the-shelf.md']);
		const text = readFileSync(path.join(folder, 'entries/forecasts-that-learn-from-the-shelf.md'), 'utf8');
		const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]);
		expect(front).toMatchObject({ status: 'submitted', submittedOn: NOW.toISOString().slice(0, 10), submittedAt: NOW.toISOString(), customer: 'alder-finch-home', eligibility: { customerSince: '2024-02-01', inProduction: true } });
		expect(text).toContain('\n- Gaps on the shelf fell by a third\n');
		const checked = await check();
		expect(checked.out).toMatch(/0 errors/);
	});

	it('rejects a second entry of the same title, and one per customer per category, overwriting nothing', async () => {
		const before = readFileSync(path.join(folder, 'entries/forecasts-that-learn-from-the-shelf.md'), 'utf8');
		const again = await awards('intake', INTAKE_PROGRAM, file(entryFileText({ summary: 'Changed.' })));
		expect(again.code).toBe(1);
		expect(again.out).toMatch(/title: duplicate entry: "Forecasts that learn from the shelf" is already entered/);
		const other = await awards('intake', INTAKE_PROGRAM, file(entryFileText({ title: 'A second idea' })));
		expect(other.code).toBe(1);
		expect(other.out).toMatch(/category: expected one entry per organisation in each category, found "forecasts-that-learn-from-the-shelf"/);
		expect(readFileSync(path.join(folder, 'entries/forecasts-that-learn-from-the-shelf.md'), 'utf8')).toBe(before);
		expect(entries()).toHaveLength(1);
	});

	it('names each broken eligibility rule and limit, in words the entrant can act on', async () => {
		const words = (k: number) => Array.from({ length: k }, (_, i) => `word${i}`).join(' ');
		const result = await awards(
			'intake',
			INTAKE_PROGRAM,
			file(
				entryFileText({
					category: 'resilient-operations',
					title: 'x'.repeat(81),
					summary: words(31),
					narrative: words(61),
					evidence: [1, 2, 3].map((i) => ({ label: `L${i}`, detail: `D${i}` })),
					products: ['tessellate-flow'],
					eligibility: { customerSince: '2026-01-15', inProduction: false },
				}),
			),
		);
		expect(result.code).toBe(1);
		const lines = result.out.split('\n').filter((l) => l.startsWith('rejected'));
		expect(lines.join('\n')).toMatch(/eligibility\.customerSince: expected a customer since 2025-06-30 or earlier, found 2026-01-15/);
		expect(lines.join('\n')).toMatch(/eligibility\.inProduction: expected work that is in production \(answer yes\), found no/);
		expect(lines.join('\n')).toMatch(/products: expected at least one of the products Tessellate Forecast, found Tessellate Flow/);
		expect(lines.join('\n')).toMatch(/title: expected a title of at most 80 characters, found 81: shorten it by 1/);
		expect(lines.join('\n')).toMatch(/summary: expected a summary of at most 30 words, found 31/);
		expect(lines.join('\n')).toMatch(/\(body\): expected a narrative of at most 60 words, found 61/);
		expect(lines.join('\n')).toMatch(/evidence: expected at most 2 pieces of evidence, found 3/);
		expect(lines.every((l) => l.includes(path.basename(base)) || l.includes('entry-'))).toBe(true);
		expect(entries()).toHaveLength(1);
	});

	it('rejects an entrant outside the regions, and text naming the entrant in a blind program', async () => {
		const result = await awards(
			'intake',
			INTAKE_PROGRAM,
			file(entryFileText({ customer: 'ashgrove-university', submitter: 'fiona-mcallister', title: 'Campus menus planned by forecast' })),
			file(entryFileText({ category: 'resilient-operations', title: 'How Alder & Finch Home plans', narrative: 'Maya Chen led it.' })),
		);
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/customer: expected an organisation in north-america, found one in emea/);
		expect(result.out).toMatch(/title: names your organisation or its people \("Alder & Finch Home"[^)]*\), but this program is judged blind/);
		expect(result.out).toMatch(/narrative: names your organisation or its people \("Maya Chen"/);
		expect(entries()).toHaveLength(1);
	});

	it('refuses fields that are the program team\'s to set, unknown ids and files that are not entries', async () => {
		const result = await awards(
			'intake',
			INTAKE_PROGRAM,
			file(entryFileText({ category: 'resilient-operations', title: 'Spares by telemetry', status: 'eligible', approval: { approvedBy: 'maya-chen' } })),
			file(entryFileText({ category: 'resilient-operations', title: 'Spares by telemetry', customer: 'nobody-at-all' })),
			file(entryFileText({ category: 'resilient-operations', title: 'Spares by telemetry', evidence: [{ label: 'x', detail: 'y', url: 'javascript:alert(1)' }] })),
			file('{"format":"credence-scores/1"}'),
			file(entryFileText({}, { program: 'cia-2026' })),
		);
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/status: unexpected field "status"/);
		expect(result.out).toMatch(/approval: unexpected field "approval"/);
		expect(result.out).toMatch(/customer: expected the organisation id the program team gave you, found "nobody-at-all"/);
		expect(result.out).toMatch(/evidence\[0\]\.url: expected a web address starting with https:\/\/ or http:\/\//);
		expect(result.out).toMatch(/\(file\): expected format "credence-entry\/1", found "credence-scores\/1"/);
		expect(result.out).toMatch(/program: expected an entry for kit-2027, found one for "cia-2026"/);
		expect(result.out).toMatch(/0 entries taken with status submitted, 5 files rejected/);
		expect(entries()).toHaveLength(1);
	});

	it('takes the good files of a run that also has rejected ones, and exits 1', async () => {
		const good = file(entryFileText({ category: 'resilient-operations', title: 'Spares where the faults are' }));
		const bad = file(entryFileText({ category: 'resilient-operations', title: 'Spares where the faults are, again', eligibility: {} }));
		const result = await awards('intake', INTAKE_PROGRAM, bad, good, '--json');
		expect(result.code).toBe(1);
		const report = JSON.parse(result.out);
		expect(report.accepted.map((a: { entry: string }) => a.entry)).toEqual(['spares-where-the-faults-are']);
		expect(report.rejected).toHaveLength(1);
		expect(entries()).toEqual(['forecasts-that-learn-from-the-shelf.md', 'spares-where-the-faults-are.md']);
	});

	it('is re-checked by check: an entry edited past the rules is an error until fixed or marked ineligible', async () => {
		const entry = path.join(folder, 'entries/spares-where-the-faults-are.md');
		const text = readFileSync(entry, 'utf8');
		writeFileSync(entry, text.replace('customerSince: "2024-02-01"', 'customerSince: "2026-02-01"'));
		const broken = await check();
		expect(broken.code).toBe(1);
		expect(broken.out).toMatch(/spares-where-the-faults-are\.md\s+eligibility\.customerSince: expected a customer since 2025-06-30 or earlier, found 2026-02-01/);
		writeFileSync(entry, text.replace('customerSince: "2024-02-01"', 'customerSince: "2026-02-01"').replace('status: submitted', 'status: ineligible'));
		expect((await check()).out).toMatch(/0 errors/);
		expect(existsSync(entry)).toBe(true);
	});

	it('with --dry-run checks and writes nothing; without a file says what it needs', async () => {
		const before = entries();
		const dry = await awards('intake', INTAKE_PROGRAM, file(entryFileText({ category: 'resilient-operations', title: 'Dry run entry' })), '--dry-run');
		expect(dry.code, dry.out).toBe(0);
		expect(dry.out).toMatch(/1 entry would be taken/);
		expect(entries()).toEqual(before);
		const none = await awards('intake', INTAKE_PROGRAM);
		expect(none.code).toBe(1);
		expect(none.out).toMatch(/intake needs one or more entry files/);
		const misplaced = await awards('kit', INTAKE_PROGRAM, '--json');
		expect(misplaced.code).toBe(1);
		expect(misplaced.out).toMatch(/kit does not take --json/);
	});
});
