/**
* What `awards report --out` refuses: `awards report --out` landing in a folder the site publishes or reads
 * as content by a path the lexical check did not see through (a symbolic link, a folder whose
 * name starts with two dots, the build moved aside); the report of a program whose declared
 * method is `scaled` (merged after the report) saying "undefined" where the method is explained.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishedFolderOf } from '../../../scripts/awards/report.ts';
import { METHOD_WORDS } from '../../../src/lib/awards/report/explain.ts';
import { renderResultsReport } from '../../../src/lib/awards/report/report.ts';
import { tallyRound } from '../../../src/lib/awards/tally.ts';
import { TALLY_METHODS } from '../../../src/lib/awards/tally/types.ts';
import type { Score } from '../../../src/lib/awards/types.ts';

const project = mkdtempSync(path.join(tmpdir(), 'credence-review1-'));
const content = path.join(project, 'content');
mkdirSync(content);
const outside = mkdtempSync(path.join(tmpdir(), 'credence-review1-out-'));
afterAll(() => {
	rmSync(project, { recursive: true, force: true });
	rmSync(outside, { recursive: true, force: true });
});

describe('awards report --out', () => {
	it('refuses a path that reaches a published folder through a symbolic link', () => {
		symlinkSync(path.join(project, 'public'), path.join(project, 'reports')); // a committed `reports -> public` link; public/ need not exist yet
		expect(publishedFolderOf(path.join(project, 'reports/cia-2026/round-1.html'), project, content)).toBe(path.join(project, 'public'));
		symlinkSync(content, path.join(outside, 'link'));
		expect(publishedFolderOf(path.join(outside, 'link/awards/report.html'), project, content)).toBe(content);
	});

	it('refuses a folder inside the site whose name only starts with two dots', () => {
		expect(publishedFolderOf(path.join(project, 'public/..reports/r.html'), project, content)).toBe(path.join(project, 'public'));
		expect(publishedFolderOf(path.join(project, 'dist/..x/r.html'), project, content)).toBe(path.join(project, 'dist'));
	});

	it('refuses the build moved aside, which a failed swap puts back as the site', () => {
		expect(publishedFolderOf(path.join(project, '.dist.previous/1-2/r.html'), project, content)).toBe(path.join(project, '.dist.previous'));
	});

	it('still allows a private folder, and a sibling whose name only begins like a published one', () => {
		expect(publishedFolderOf(path.join(outside, 'report.html'), project, content)).toBeUndefined();
		expect(publishedFolderOf(path.join(project, 'private/r.html'), project, content)).toBeUndefined();
		expect(publishedFolderOf(path.join(project, 'dist-reports/r.html'), project, content)).toBeUndefined();
	});
});

describe('awards report of every declared method', () => {
	it.each(TALLY_METHODS)('explains the %s method in words, not "undefined"', (method) => {
		expect(METHOD_WORDS[method]).toMatch(/\w/);
		const quality: Record<string, number> = { e1: 8, e2: 6, e3: 5, e4: 4 };
		const judges = ['j1', 'j2', 'j3'];
		const scores: Score[] = Object.keys(quality).flatMap((entry, i) => judges.map((judge, k) => ({ judge, entry, criterion: 'x', score: quality[entry] + k * 0.5 - ((i + k) % 3) * 0.2 })));
		const tally = tallyRound({ criteria: [{ id: 'x', weight: 100 }], entries: Object.keys(quality).map((id) => ({ id, category: 'impact', customer: `c-${id}` })), scores, method, tieBreak: [], resamples: 200, seed: 1 });
		const html = renderResultsReport({
			program: { id: 'prog', name: 'Prog', categories: [{ id: 'impact', name: 'Impact' }] },
			round: { id: 'round-1', name: 'Round 1' },
			finalRoundFollows: false,
			tally,
			inputs: 'a'.repeat(64),
			entryTitles: {},
			judgeNames: {},
			generatedAt: '2026-12-05T00:00:00.000Z',
		});
		expect(html).toContain(`<strong>${method}</strong> (declared before judging). ${METHOD_WORDS[method]}</p>`);
		expect(html).not.toMatch(/\bundefined\b/);
	});
});
