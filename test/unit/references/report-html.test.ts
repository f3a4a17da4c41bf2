/** The HTML report: self-contained, private, and every word from content escaped. */
import { describe, expect, it } from 'vitest';
import { barChart, renderReportHtml } from '../../../src/lib/references/report-html.ts';
import type { ReferenceReport } from '../../../src/lib/references/report.ts';

const HOSTILE = '<img src=x onerror=alert(1)>Ann';
const tally = { activities: 2, won: 1, lost: 1, noDecision: 0, open: 0, decided: 2, wonShare: 0.5, small: true };
const report: ReferenceReport = {
	now: '2026-12-05T09:00:00.000Z',
	policy: { windowDays: 90, maxLoad: 4, idleDays: 180, staleMetricMonths: 18, staleStoryYears: 3, recognitionEvery: 3 },
	overUsed: [{ advocate: 'ann', name: HOSTILE, customer: 'mill', load: 5, limit: 4, asks: 3 }],
	idle: [],
	funnel: { nominated: 0, recruited: 1, active: 2, resting: 0, retired: 0 },
	stale: { metrics: [{ story: 's', title: '</table><script>alert(2)</script>', metric: 'M', measuredOn: '2025-01-01', monthsAgo: 23 }], approvalsLapsing: [], oldStories: [] },
	outcomes: { byKind: [{ kind: 'reference-call', label: 'Reference call', ...tally }], byEvidence: [{ evidence: 'story', label: 'Story', ...tally }] },
	recognitionDue: [],
};

describe('renderReportHtml', () => {
	const html = renderReportHtml(report, [{ name: HOSTILE, load: 5, limit: 4 }]);
	it('escapes every word from content, in tables and in the charts', () => {
		expect(html).not.toContain('<img src=x');
		expect(html).not.toContain('<script>alert(2)');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;Ann');
	});
	it('is private and self-contained: no indexing, no referrer, nothing fetched, one script allowed by hash', () => {
		expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
		expect(html).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;|Content-Security-Policy" content="default-src 'none'/);
		expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
		expect(html).toContain('too few to read much into');
	});
});

describe('barChart', () => {
	it('draws one bar per row, the over-limit ones marked, and a dashed limit line', () => {
		const svg = barChart('Load', [{ label: 'A', value: 2, note: '2 of 4' }, { label: 'B', value: 5, note: '5 of 4', over: true }], { limit: 4 });
		expect(svg.match(/<rect /g)).toHaveLength(2);
		expect(svg).toContain('class="bar over"');
		expect(svg).toContain('<line class="limit"');
		expect(barChart('Empty', [])).toBe('');
	});
});
