/**
 * A new program run end to end as a manager would, from nothing (issue #19): `awards new`, judges
 * and entries added, assign, packets, import with an assigned pair left unscored, tally, publish
 * the finalists and then the winners, each on its own announcement date, and verify.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runScript } from '../helpers.ts';

const base = mkdtempSync(path.join(tmpdir(), 'credence-new-program-'));
const content = path.join(base, 'content');
const folder = path.join(content, 'awards/demo-2027');
const sample = path.join(projectRoot, 'content/awards/cia-2026');
const awards = (...args: string[]) => runScript('scripts/awards.ts', [...args, '--content', content]);
const check = () => runScript('scripts/check.ts', ['--content', content]);

/** Sample entries, moved into the scaffold's two categories, in the order their scores rank them. */
const ENTRIES: Record<string, string[]> = {
	'data-and-ai': ['weather-aware-fresh-forecasting', 'forecasts-for-small-merchants', 'cooperative-suggested-orders', 'attribute-based-new-item-forecasts'],
	'customer-impact': ['nurses-back-at-the-bedside', 'faster-restores-for-rural-subscribers', 'medicines-in-stock-for-rural-patients', 'delivery-dates-customers-can-trust'],
};
const CRITERIA = ['impact', 'originality', 'evidence'];
let skipped: { judge: string; entry: string };

beforeAll(() => {
	cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

// Each step runs the content check on the whole sample content, several times: minutes on a busy machine.
describe('a new program, from `awards new` to the winners', { timeout: 240_000 }, () => {
	it('scaffolds a program that passes check, and never overwrites it', async () => {
		const created = await awards('new', 'demo-2027', '--name', 'Demo Innovation Awards', '--year', '2026');
		expect(created.code, created.out).toBe(0);
		expect(created.out).toMatch(/Next:/);
		expect(readdirSync(folder).sort()).toEqual(['entries', 'judges', 'program.yaml']);
		const checked = await check();
		expect(checked.code, checked.out).toBe(0);
		const program = readFileSync(path.join(folder, 'program.yaml'), 'utf8');
		const again = await awards('new', 'demo-2027');
		expect(again.code).toBe(1);
		expect(again.out).toMatch(/already exists.*nothing was written/);
		expect(readFileSync(path.join(folder, 'program.yaml'), 'utf8')).toBe(program);
		const bad = await awards('new', 'Demo 2027');
		expect(bad.code).toBe(1);
		expect(bad.out).toMatch(/expected a program id .*found "Demo 2027"/);
	});

	it('assigns judges and writes packets for the new program', async () => {
		cpSync(path.join(sample, 'judges'), path.join(folder, 'judges'), { recursive: true });
		for (const [category, ids] of Object.entries(ENTRIES)) {
			for (const id of ids) {
				const text = readFileSync(path.join(sample, 'entries', `${id}.md`), 'utf8').replace(/^category: .*$/m, `category: ${category}`);
				writeFileSync(path.join(folder, 'entries', `${id}.md`), text);
			}
		}
		const assigned = await awards('assign', 'demo-2027', '--per-entry', '3', '--seed', '7');
		expect(assigned.code, assigned.out).toBe(0);
		const packets = await awards('packets', 'demo-2027', '--out', path.join(base, 'packets'));
		expect(packets.code, packets.out).toBe(0);
		expect(packets.out).toMatch(/\(blind\)/);
	});

	it('names an assigned pair with no scores in tally, and no winner while the final round is to come', async () => {
		const assignment = parse(readFileSync(path.join(folder, 'assignments/round-1.yaml'), 'utf8')) as { judges: Record<string, string[]> };
		const judges = Object.keys(assignment.judges).sort();
		const pairs = judges.flatMap((judge) => assignment.judges[judge].map((entry) => ({ judge, entry })));
		skipped = pairs[0];
		const place = (entry: string) => Object.values(ENTRIES).find((ids) => ids.includes(entry))!.indexOf(entry);
		const rows = pairs
			.filter((p) => p !== skipped)
			.flatMap(({ judge, entry }) => CRITERIA.map((criterion) => ({ judge, entry, criterion, score: String(Math.max(1, 5 - place(entry) - (judges.indexOf(judge) % 2))), comment: '' })));
		const file = path.join(base, 'scores.csv');
		writeFileSync(file, stringify(rows, { header: true, columns: ['judge', 'entry', 'criterion', 'score', 'comment'] }));
		expect((await awards('import', 'demo-2027', file)).code).toBe(0);
		const tally = await awards('tally', 'demo-2027');
		expect(tally.code, tally.out).toBe(0);
		expect(tally.out).toContain(`1 assigned judge–entry pair has no scores in round-1`);
		expect(tally.out).toContain(`${skipped.judge} (${skipped.entry})`);
		expect(tally.out).not.toMatch(/Winner:/);
		expect(tally.out).toMatch(/Top of the round: .*\(a finalist: final ranks the finalists and picks the winner\)/);
		expect(tally.out).not.toMatch(/with without/);
	});

	it('refuses to publish while the pair is unscored, then publishes the finalists with the reason recorded', async () => {
		const refused = await awards('publish', 'demo-2027');
		expect(refused.code).toBe(1);
		expect(refused.out).toMatch(new RegExp(`no scores in round-1: ${skipped.judge} \\(${skipped.entry}\\).*--allow-missing "reason"; nothing was written`));
		expect(existsSync(path.join(folder, 'winners.yaml'))).toBe(false);

		const published = await awards('publish', 'demo-2027', '--allow-missing', 'judge unreachable; panel agreed', '--publish-at', '2026-12-18T09:00:00Z');
		expect(published.code, published.out).toBe(0);
		expect(published.out).not.toMatch(/Winner:/);
		const winners = parse(readFileSync(path.join(folder, 'winners.yaml'), 'utf8'));
		expect(winners).toMatchObject({ round: 'round-1', publishAt: '2026-12-18T09:00:00Z' });
		for (const c of winners.categories) expect(c).not.toHaveProperty('winner');
		const allowed = parse(readFileSync(path.join(folder, 'results/round-1.missing.yaml'), 'utf8'));
		expect(allowed).toMatchObject({ reason: 'judge unreachable; panel agreed', missing: [skipped] });
		const top = readFileSync(path.join(folder, 'feedback', `${ENTRIES['data-and-ai'][0]}.md`), 'utf8');
		expect(top).toMatch(/\*\*Result:\*\* Finalist\./);
		expect(top).not.toMatch(/Result:\*\* Winner/);
	});

	it('publishes the winners with their own announcement, keeping the finalists’ date', async () => {
		const winners = parse(readFileSync(path.join(folder, 'winners.yaml'), 'utf8')) as { categories: { finalists: string[] }[] };
		const conflicts = (judge: string) => (parse(readFileSync(path.join(folder, 'judges', `${judge}.yaml`), 'utf8')).conflicts ?? []).map((c: { customer: string }) => c.customer);
		const customer = (entry: string) => /^customer: (.*)$/m.exec(readFileSync(path.join(folder, 'entries', `${entry}.md`), 'utf8'))![1];
		const judges = readdirSync(path.join(folder, 'judges')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
		const rows = judges.flatMap((judge) =>
			winners.categories.flatMap((c) => c.finalists.filter((e) => !conflicts(judge).includes(customer(e))).map((entry, i) => ({ judge, entry, rank: String(i + 1) }))),
		);
		const file = path.join(base, 'rankings.csv');
		writeFileSync(file, stringify(rows, { header: true, columns: ['judge', 'entry', 'rank'] }));
		expect((await awards('import', 'demo-2027', '--round', 'final', file)).code).toBe(0);
		expect((await awards('tally', 'demo-2027', '--round', 'final')).code).toBe(0);
		const published = await awards('publish', 'demo-2027', '--round', 'final', '--publish-at', '2027-02-01T09:00:00Z');
		expect(published.code, published.out).toBe(0);
		expect(published.out).toMatch(/Winner:/);
		// The finalists' recorded reason covers the same missing pair; it is said, not asked again.
		expect(published.out).toMatch(/as recorded in .*round-1\.missing\.yaml: "judge unreachable; panel agreed"/);
		const after = parse(readFileSync(path.join(folder, 'winners.yaml'), 'utf8'));
		expect(after).toMatchObject({ round: 'final', publishAt: '2027-02-01T09:00:00Z', earlierRounds: [{ round: 'round-1', publishAt: '2026-12-18T09:00:00Z' }] });
		expect(after.categories[0].winner).toBeDefined();

		// Publishing the final again without --publish-at keeps the final's date, never the finalists'.
		const again = await awards('publish', 'demo-2027', '--round', 'final');
		expect(again.code, again.out).toBe(0);
		expect(parse(readFileSync(path.join(folder, 'winners.yaml'), 'utf8'))).toMatchObject({ publishAt: '2027-02-01T09:00:00Z', earlierRounds: [{ publishAt: '2026-12-18T09:00:00Z' }] });

		const verified = await awards('verify', 'demo-2027');
		expect(verified.code, verified.out).toBe(0);
		expect(verified.out).toMatch(/published outcome \(round-1\)/);
	});
});
