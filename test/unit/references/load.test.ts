/** Reading content/references/: defaults, files that cannot be read, and what counts as stray. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_FOLDERS, findStrayFiles, strayProblem } from '../../../src/lib/content/stray-files.ts';
import { loadReferences } from '../../../src/lib/references/load.ts';

let root: string;
const write = (file: string, text: string) => {
	mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
	writeFileSync(path.join(root, file), text);
};
beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'credence-refs-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('loadReferences', () => {
	it('is an empty program with the default policy when there is no references folder', async () => {
		const { data, diagnostics } = await loadReferences(root, root);
		expect(diagnostics).toEqual([]);
		expect(data.policy).toMatchObject({ windowDays: 90, maxLoad: 4, heavyWeight: 3, restDays: 30, idleDays: 180, staleMetricMonths: 18, staleStoryYears: 3, recognitionEvery: 3 });
		expect(data.advocates.size).toBe(0);
	});
	it('names the file and field of each problem, and leaves invalid files out', async () => {
		write('references/policy.yaml', 'maxLoad: 0\nweights:\n  site-tour: 2\n');
		write('references/advocates/Ann.yaml', 'person: ann\n');
		write('references/advocates/bo.yaml', 'person: bo\ncustomer: mill\nstage: active\nstageSince: 2026-13-01\nagreedTo: []\nnominatedBy: Vic\n');
		write('references/activities/this-year.yaml', 'activities: []\n');
		write('references/activities/2026.yaml', 'activities:\n  - date: 2026-03-01\n    advocate: bo\n    kind: reference-call\n    requestedBy: Vic\n    outcome: maybe\n  - { date: 2026-03-02\n');
		const { data, diagnostics } = await loadReferences(root, root);
		const lines = diagnostics.map((d) => `${d.file} ${d.field}: ${d.message}`);
		expect(lines.some((l) => /references\/policy\.yaml maxLoad: expected at least 1 weighted asks/.test(l)), lines.join('\n')).toBe(true);
		expect(lines).toContainEqual(expect.stringMatching(/references\/policy\.yaml weights\.site-tour: expected a kind of reference: one of reference-call, site-visit, .*, found "site-tour"/));
		expect(lines).toContainEqual(expect.stringMatching(/references\/advocates\/Ann\.yaml \(file name\): expected an advocate file named in lower-case words/));
		expect(lines).toContainEqual(expect.stringMatching(/references\/advocates\/bo\.yaml stageSince: expected a calendar date like 2026-05-01, found "2026-13-01"/));
		expect(lines).toContainEqual(expect.stringMatching(/references\/advocates\/bo\.yaml agreedTo: expected at least one kind of reference/));
		expect(lines).toContainEqual(expect.stringMatching(/references\/activities\/this-year\.yaml \(file name\): expected an activity file named for its year, like 2026\.yaml/));
		expect(lines).toContainEqual(expect.stringMatching(/references\/activities\/2026\.yaml line \d+: invalid YAML/));
		expect(data.advocates.size).toBe(0);
		expect(data.policy.maxLoad).toBe(4);
	});
});

describe('stray files under references/', () => {
	const rule = CONTENT_FOLDERS.folders!.references!;
	it('accepts the policy, advocates, activities and the lock log holds, and reports anything else', () => {
		expect(strayProblem(CONTENT_FOLDERS, 'references', true)).toBeUndefined();
		expect(strayProblem(rule, 'policy.yaml', false)).toBeUndefined();
		expect(strayProblem(rule.folders!.advocates!, 'ann.yaml', false)).toBeUndefined();
		expect(strayProblem(rule.folders!.activities!, '2026.yaml.lock', false)).toBeUndefined();
		expect(strayProblem(rule, 'policy.yml', false)).toMatch(/rename it policy\.yaml/);
		expect(strayProblem(rule.folders!.advocates!, 'ann.csv', false)).toMatch(/expected advocates \(<id>\.yaml\) in this folder, found "ann\.csv"/);
	});
	it('reports a folder nothing reads', () => {
		write('references/advocate/ann.yaml', 'x: 1\n');
		expect(findStrayFiles(root, root).map((d) => `${d.file} ${d.message}`)).toEqual([expect.stringMatching(/references\/advocate \S*expected policy\.yaml and the folders advocates\/ and activities\/ in this folder, found the folder "advocate": nothing in it is read \(did you mean advocates\/\?\)/)]);
	});
});
