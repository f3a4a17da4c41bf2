import { describe, expect, it } from 'vitest';
import { rankIntervalChart, severityChart } from '../../../src/lib/awards/report/charts.ts';
import { alphaWords, consistencyWords, rankIntervalWords, sensitivityWords, severityWords, TALLY_LEGEND } from '../../../src/lib/awards/report/explain.ts';
import { renderResultsReport, type ResultsReportInput } from '../../../src/lib/awards/report/report.ts';
import { tallyRound } from '../../../src/lib/awards/tally.ts';
import type { Score } from '../../../src/lib/awards/types.ts';

const HOSTILE = '<img src=x onerror="alert(1)">Forecasts & </svg><script>alert(2)</script>';

/** A small panel: 4 entries, 3 judges each, one judge harsh; entry e1 clearly best. */
function panel(): ResultsReportInput {
	const quality: Record<string, number> = { e1: 8, e2: 6, e3: 5.8, e4: 4 };
	const offsets: Record<string, number> = { j1: 0, j2: -1.5, j3: 0.5, j4: 0 };
	const scores: Score[] = [];
	const judges = Object.keys(offsets);
	Object.keys(quality).forEach((entry, i) => {
		for (const judge of judges.filter((_, k) => k !== i % judges.length)) {
			const wobble = ((i * 7 + judge.charCodeAt(1)) % 5) / 10 - 0.2;
			scores.push({ judge, entry, criterion: 'x', score: quality[entry] + offsets[judge] + wobble });
		}
	});
	const tally = tallyRound({ criteria: [{ id: 'x', weight: 100 }], entries: Object.keys(quality).map((id) => ({ id, category: 'impact', customer: `c-${id}` })), scores, method: 'offset', tieBreak: [], resamples: 300, seed: 3 });
	return {
		program: { id: 'prog', name: 'Awards & <b>Co</b>', categories: [{ id: 'impact', name: 'Impact' }] },
		round: { id: 'round-1', name: 'Round 1' },
		finalRoundFollows: false,
		tally,
		inputs: 'a'.repeat(64),
		entryTitles: { e1: HOSTILE, e2: 'Second', e3: 'Third', e4: 'Fourth' },
		judgeNames: { j1: 'Ada <Judge>', j2: 'Bo', j3: 'Cy', j4: 'Di' },
		generatedAt: '2026-12-05T00:00:00.000Z',
	};
}

describe('the results report', () => {
	it('escapes entry titles, judge names and the program name everywhere, in text and in chart tooltips', () => {
		const html = renderResultsReport(panel());
		const body = html.slice(html.indexOf('<body>'), html.indexOf('<script type="application/json"'));
		expect(body).not.toMatch(/<img|<script|<b>|<Judge>|<\/svg><script/);
		expect(body).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Forecasts &amp;');
		expect(body).toContain('Ada &lt;Judge&gt;');
	});

	it('is a self-contained private file: a strict policy, nothing fetched, not indexed', () => {
		const html = renderResultsReport(panel());
		const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1].replaceAll('&#39;', "'");
		expect(csp).toContain("default-src 'none'");
		expect(csp).not.toContain('unsafe-inline');
		expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
		expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
		expect(html).toContain('Private — not for publication');
	});

	it('names the winner, or the top of the round when a ranking round follows', () => {
		expect(renderResultsReport(panel())).toMatch(/Winner: <strong>&lt;img/);
		const html = renderResultsReport({ ...panel(), finalRoundFollows: true });
		expect(html).toMatch(/Top of this round: <strong>&lt;img/);
		expect(html).not.toMatch(/Winner:/);
	});

	it('draws one chart row per entry, best first, rank 1 at the left, and one row per judge', () => {
		const input = panel();
		const category = input.tally.categories[0];
		const chart = rankIntervalChart(category.entries, (id) => input.entryTitles[id]);
		expect(chart.match(/<circle /g)).toHaveLength(4);
		const dots = [...chart.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(dots[0]).toBeLessThan(dots[3]);
		expect(severityChart(input.tally.judges, (id) => id).match(/<circle /g)).toHaveLength(4);
		// Colours by attribute, never style=, which the report's policy refuses.
		expect(chart + severityChart(input.tally.judges, (id) => id)).not.toContain('style=');
	});
});

describe('the figures in plain words', () => {
	it("reads Krippendorff's α against his thresholds", () => {
		expect(alphaWords(null)).toMatch(/cannot be measured/);
		expect(alphaWords(0.85)).toMatch(/^α = 0\.85: the judges agree well/);
		expect(alphaWords(0.7)).toMatch(/agree moderately/);
		expect(alphaWords(0.3)).toMatch(/agree little/);
		expect(alphaWords(-0.1)).toMatch(/no more than chance/);
	});

	it('says a rank interval as a range, or as one rank', () => {
		expect(rankIntervalWords([2, 5])).toBe('somewhere between 2 and 5 (95% of the resampled panels)');
		expect(rankIntervalWords([1, 1])).toBe('ranked 1 in at least 95% of the resampled panels');
	});

	it('calls a severity within its interval of 0 unmeasurable, and a clear one harsher or more lenient', () => {
		expect(severityWords({ severity: -0.2, severitySe: 0.3 })).toMatch(/^Not measurably/);
		expect(severityWords({ severity: -1.2, severitySe: 0.3 })).toMatch(/^Scores 1\.20 points harsher/);
		expect(severityWords({ severity: 0.9, severitySe: null })).toMatch(/more lenient/);
		expect(consistencyWords('erratic')).toMatch(/^Erratic/);
		expect(consistencyWords('straight-lining')).toMatch(/same score/);
	});

	it('names what would change a fragile winner', () => {
		const words = sensitivityWords({ category: 'c', winner: 'a', byMethod: { offset: 'a', scaled: 'a', zscore: 'b', mean: 'a' }, methodsChangingWinner: ['zscore'], judgesChangingWinner: [{ judge: 'ada', winner: null }], stable: false }, (id) => (id === null ? 'a tie' : id.toUpperCase()));
		expect(words).toBe('Fragile: the zscore method picks B; without ada the winner would be a tie. Say so when announcing, or look again at the scores behind it.');
		expect(TALLY_LEGEND.join('\n')).toMatch(/band: .*statistically tied/);
	});
});
