/**
 * The reference program through the CLI, as a reference manager runs it on the sample (pinned to
 * 2026-12-05): a sales request answered by `find`, the report's figures (each counted by hand
 * from content/references/ and the stories), `log` writing a valid activity atomically, and bad
 * input refused with messages naming what to fix.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runScript } from '../helpers.ts';

const NOW = { CREDENCE_NOW: '2026-12-05T09:00:00Z' };
const base = mkdtempSync(path.join(tmpdir(), 'credence-references-'));
const content = path.join(base, 'content');
cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Each run checks the whole sample first (a few seconds on a busy machine). */
const SLOW = 120_000;

const references = (...args: string[]) => runScript('scripts/references.ts', [...args, '--content', content], NOW);
const sample = (...args: string[]) => runScript('scripts/references.ts', args, NOW);

describe('find on the sample', () => {
	it('answers a manufacturing, Asia-Pacific reference call with a fresh advocate, leaving the over-asked one out with the reason', async () => {
		const result = await sample('find', '--industry', 'manufacturing', '--region', 'apac', '--kind', 'reference-call', '--json');
		expect(result.code, result.out).toBe(0);
		const found = JSON.parse(result.out);
		expect(found.suggested.map((c: { advocate: string }) => c.advocate)).toEqual(['yui-takahashi', 'mateo-salinas', 'ben-harcourt', 'nurul-aziz', 'aroha-ngata']);
		expect(found.suggested[0]).toMatchObject({ load: 0, limit: 4, lastAsked: '2026-08-20', score: 8, cautions: [] });
		// Kereru's story approval lapses in five days: still suggested, with a caution.
		expect(found.suggested.find((c: { advocate: string }) => c.advocate === 'aroha-ngata').cautions).toEqual(['the approval of "One forecast for 212 independent pharmacies" lapses on 2026-12-10: renew it before a prospect reads it']);
		const leftOut = Object.fromEntries(found.leftOut.map((c: { advocate: string; leftOutBecause: string[] }) => [c.advocate, c.leftOutBecause]));
		expect(leftOut['kenji-morita']).toEqual(['at their limit: load 8 of 4 in the last 90 days (5 asks)']);
		expect(leftOut['priyanka-nair']).toEqual(['resting since 2026-09-01']);
		expect(leftOut['alejandra-ruiz']).toEqual(['resting after an event talk until 2026-12-20 (30-day rest after a heavy ask)']);
	}, SLOW);
	it('says why in words, with load and last ask', async () => {
		const result = await sample('find', '--industry', 'manufacturing', '--region', 'apac', '--kind', 'reference-call');
		expect(result.code, result.out).toBe(0);
		expect(result.out).toMatch(/1\. Yui Takahashi, .*Hoshino Precision Components \(active; score 8\)\n\s+why: same industry \(Manufacturing\); same region \(Asia-Pacific\); appears in the story/);
		expect(result.out).toMatch(/load 0 of 4 in the window · last asked 2026-08-20 \(107 days ago\)/);
		expect(result.out).toMatch(/Left out\n\s+Kenji Morita, Hoshino Precision Components: at their limit: load 8 of 4 in the last 90 days \(5 asks\)/);
	}, SLOW);
	it('leaves out an advocate whose customer let an approval lapse', async () => {
		const found = JSON.parse((await sample('find', '--industry', 'retail', '--json')).out);
		const nell = found.leftOut.find((c: { advocate: string }) => c.advocate === 'nell-paterson');
		expect(nell.leftOutBecause).toEqual(['Saltmarsh Coffee Roasters\'s approval has lapsed ("Roasting to demand for cafés, wholesale and subscriptions"): renew it first']);
	}, SLOW);
	it('shows control characters from content as escapes, never obeyed', async () => {
		const hostile = mkdtempSync(path.join(tmpdir(), 'credence-references-hostile-'));
		try {
			cpSync(path.join(projectRoot, 'content'), hostile, { recursive: true });
			const person = path.join(hostile, 'people/yui-takahashi.yaml');
			writeFileSync(person, readFileSync(person, 'utf8').replace('name: Yui Takahashi', 'name: "Yui \\e[2J\\e]0;pwned\\a Takahashi"'));
			const result = await runScript('scripts/references.ts', ['find', '--industry', 'manufacturing', '--content', hostile], NOW);
			expect(result.code, result.out).toBe(0);
			expect(result.out).toContain('Yui \\u001b[2J\\u001b]0;pwned\\u0007 Takahashi');
			expect(result.out).not.toMatch(/\u001b|\u0007/);
		} finally {
			rmSync(hostile, { recursive: true, force: true });
		}
	}, SLOW);
	it('refuses a facet value that does not exist, naming the valid ones', async () => {
		const result = await sample('find', '--industry', 'manufactring');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/--industry "manufactring" is not one of financial-services, .* \(did you mean manufacturing\?\)/);
	}, SLOW);
});

describe('report on the sample', () => {
	it('gives the figures a reference manager counts by hand', async () => {
		const result = await sample('report', '--json');
		expect(result.code, result.out).toBe(0);
		const report = JSON.parse(result.out);
		// Kenji: calls on 15 Sep, 21 Oct, 12 Nov (1 each), site visit 2 Oct (3), briefing 30 Nov (2) = 8.
		expect(report.overUsed).toEqual([{ advocate: 'kenji-morita', name: 'Kenji Morita', customer: 'hoshino-precision', load: 8, limit: 4, asks: 5 }]);
		expect(report.idle).toEqual([{ advocate: 'ben-harcourt', name: 'Ben Harcourt', customer: 'brolga-cycles', lastAsked: '2026-04-14', daysSinceAsked: 235 }]);
		expect(report.funnel).toEqual({ nominated: 1, recruited: 2, active: 11, resting: 1, retired: 1 });
		expect(report.stale.metrics).toEqual([{ story: 'kereru-pharmacy-shared-forecast', title: 'One forecast for 212 independent pharmacies', metric: 'Member order lines generated automatically', measuredOn: '2025-04-14', monthsAgo: 19 }]);
		expect(report.stale.approvalsLapsing.map((a: { id: string; expiresOn: string; within: number }) => [a.id, a.expiresOn, a.within])).toEqual([['kereru-pharmacy-shared-forecast', '2026-12-10', 30]]);
		expect(report.stale.oldStories).toEqual([]);
		const kinds = Object.fromEntries(report.outcomes.byKind.map((k: Record<string, unknown>) => [k.kind, [k.activities, k.won, k.lost, k.noDecision, k.open, k.small]]));
		expect(kinds).toEqual({
			'reference-call': [18, 9, 4, 1, 4, false],
			'site-visit': [3, 2, 0, 0, 1, true],
			'event-talk': [2, 1, 0, 0, 1, true],
			'analyst-briefing': [3, 0, 0, 0, 3, true],
			'case-study': [1, 1, 0, 0, 0, true],
			video: [1, 0, 1, 0, 0, true],
			'peer-review': [2, 1, 1, 0, 0, true],
		});
		const evidence = Object.fromEntries(report.outcomes.byEvidence.map((k: Record<string, unknown>) => [k.evidence, [k.activities, k.won, k.decided]]));
		expect(evidence).toEqual({ story: [17, 9, 13], video: [6, 2, 4], 'award-entry': [6, 4, 4], none: [8, 3, 5] });
		expect(report.recognitionDue.map((r: { advocate: string; asksSinceRecognition: number; thanksMissing: string[] }) => [r.advocate, r.asksSinceRecognition, r.thanksMissing])).toEqual([
			['kenji-morita', 5, ['2026-11-30']],
			['denise-holloway', 3, ['2026-11-26']],
			['eleanor-whitcombe', 3, []],
		]);
	}, SLOW);
	it('writes a private, self-contained HTML report with charts, and never into dist/', async () => {
		const out = path.join(base, 'report.html');
		const result = await references('report', '--html', '--out', out);
		expect(result.code, result.out).toBe(0);
		const html = readFileSync(out, 'utf8');
		expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;|<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
		expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
		expect(html).toMatch(/<svg role="img" aria-label="Weighted asks per advocate in the window"/);
		expect(html).toContain('Kenji Morita');
		expect(html).not.toMatch(/(src|href)="https?:/);
		const refused = await references('report', '--html', '--out', path.join(projectRoot, 'dist/reference-report.html'));
		expect(refused.code).toBe(1);
		expect(refused.out).toMatch(/refusing to write the private report into dist\//);
	}, SLOW);
});

describe('log', () => {
	const yearFile = path.join(content, 'references/activities/2026.yaml');
	it('records a valid activity in its year file, and the check still passes', async () => {
		const before = readFileSync(yearFile, 'utf8');
		const result = await references('log', '--advocate', 'yui-takahashi', '--kind', 'reference-call', '--requested-by', 'Tom Reyes', '--date', '2026-12-04', '--opportunity', 'OPP-2026-140', '--stage', 'evaluation', '--amount', '99000', '--stories', 'hoshino-precision-telemetry-planning', '--thank-you');
		expect(result.code, result.out).toBe(0);
		expect(result.out).toMatch(/Logged 2026-12-04 reference-call with Yui Takahashi for OPP-2026-140 in .*2026\.yaml\nYui Takahashi's load in the last 90 days is now 1 of 4\./);
		const text = readFileSync(yearFile, 'utf8');
		// Appended: every line already there is kept as it was, comments included.
		expect(text.startsWith(before)).toBe(true);
		expect(text).toMatch(/- date: 2026-12-04\n\s+advocate: yui-takahashi\n\s+kind: reference-call\n\s+requestedBy: Tom Reyes\n\s+opportunity: \{ id: OPP-2026-140, stage: evaluation, amount: 99000 \}/);
		const found = JSON.parse((await references('find', '--industry', 'manufacturing', '--json')).out);
		expect(found.suggested.find((c: { advocate: string }) => c.advocate === 'yui-takahashi')).toMatchObject({ load: 1, lastAsked: '2026-12-04' });
		const check = await runScript('scripts/check.ts', [], { ...NOW, CREDENCE_CONTENT_DIR: content });
		expect(check.out).toMatch(/: 0 errors/);
	}, SLOW);
	it('starts a new year file when the year has none', async () => {
		const result = await references('log', '--advocate', 'maya-chen', '--kind', 'video', '--requested-by', 'Lena Fischer', '--date', '2027-01-12', '--json');
		expect(result.code, result.out).toBe(0);
		expect(JSON.parse(result.out)).toMatchObject({ logged: true, load: 3, limit: 4 });
		expect(readFileSync(path.join(content, 'references/activities/2027.yaml'), 'utf8')).toMatch(/activities:\n\s+- date: 2027-01-12\n\s+advocate: maya-chen/);
	}, SLOW);
	it('refuses bad input naming each option to fix, and writes nothing', async () => {
		const before = readFileSync(yearFile, 'utf8');
		const result = await references('log', '--advocate', 'yui-takahasi', '--kind', 'call', '--requested-by', 'Tom', '--date', '2026-02-30');
		expect(result.code).toBe(1);
		expect(result.out).toContain('error: the activity is not valid, nothing was logged:');
		expect(result.out).toMatch(/--date: expected a calendar date like 2026-05-01, found "2026-02-30" which is not a real date/);
		expect(result.out).toMatch(/--kind: expected a kind of reference: one of reference-call, site-visit,/);
		const unknown = await references('log', '--advocate', 'yui-takahasi', '--kind', 'reference-call', '--requested-by', 'Tom', '--stories', 'no-such-story');
		expect(unknown.code).toBe(1);
		expect(unknown.out).toMatch(/--advocate: expected the id of an advocate \(a file in references\/advocates\/\), found "yui-takahasi" \(did you mean yui-takahashi\?\)/);
		expect(unknown.out).toMatch(/--stories: expected the id of a story in stories\/, found "no-such-story"/);
		expect(readFileSync(yearFile, 'utf8')).toBe(before);
	}, SLOW);
	it('logs an ask of a resting advocate with a warning', async () => {
		const result = await references('log', '--advocate', 'priyanka-nair', '--kind', 'reference-call', '--requested-by', 'Tom Reyes', '--date', '2026-12-03', '--dry-run');
		expect(result.code, result.out).toBe(0);
		expect(result.out).toMatch(/Dry run, nothing written/);
		expect(result.out).toMatch(/warning: priyanka-nair is resting \(since 2026-09-01\), but was asked on 2026-12-03/);
	}, SLOW);
});

describe('check on reference records', () => {
	it('refuses an advocate who is not a person of the customer named, naming file and field', async () => {
		const bad = mkdtempSync(path.join(tmpdir(), 'credence-references-bad-'));
		try {
			cpSync(path.join(projectRoot, 'content'), bad, { recursive: true });
			const file = path.join(bad, 'references/advocates/yui-takahashi.yaml');
			writeFileSync(file, readFileSync(file, 'utf8').replace('customer: hoshino-precision', 'customer: brolga-cycles').replace('stage: active', 'stage: sleeping'));
			writeFileSync(path.join(bad, 'references/activities/notes.txt'), 'x');
			const result = await runScript('scripts/check.ts', [], { ...NOW, CREDENCE_CONTENT_DIR: bad });
			expect(result.code).toBe(1);
			expect(result.out).toMatch(/references\/advocates\/yui-takahashi\.yaml {2}stage: expected a stage: one of nominated, recruited, active, resting, retired/);
			expect(result.out).toMatch(/references\/activities\/notes\.txt {2}\(file name\): expected a year's activities \(<year>\.yaml\) in this folder, found "notes\.txt"/);
			writeFileSync(file, readFileSync(file, 'utf8').replace('stage: sleeping', 'stage: active'));
			const mismatch = await runScript('scripts/check.ts', [], { ...NOW, CREDENCE_CONTENT_DIR: bad });
			expect(mismatch.out).toMatch(/references\/advocates\/yui-takahashi\.yaml {2}customer: expected yui-takahashi's customer, "hoshino-precision" \(people\/yui-takahashi\.yaml\), found "brolga-cycles"/);
		} finally {
			rmSync(bad, { recursive: true, force: true });
		}
	}, SLOW);
	it('is not a collection: nothing of it is in the sample site build inputs', () => {
		expect(existsSync(path.join(content, 'references/policy.yaml'))).toBe(true);
		expect(readFileSync(path.join(projectRoot, 'src/content.config.ts'), 'utf8')).not.toMatch(/references/);
	});
});
