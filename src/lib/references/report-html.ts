/**
 * `references report --html`: the report as one private, self-contained HTML file (static tables
 * and inline SVG charts; the only script is a print button), through `renderHtmlTool`, so its
 * policy forbids any other script and any connection. Every word from content is escaped.
 */
import { escapeHtml, renderHtmlTool } from '../html-tool.ts';
import { ADVOCATE_STAGES } from '../../schemas/reference.ts';
import type { OutcomeTally, ReferenceReport } from './report.ts';

const SOURCES = {
	script: new URL('../../tools/references-report/main.ts', import.meta.url),
	style: new URL('../../tools/references-report/report.css', import.meta.url),
};

const e = escapeHtml;
const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

/** A horizontal bar chart: one labelled bar per row, an optional dashed limit line. */
export function barChart(title: string, rows: { label: string; value: number; note: string; over?: boolean }[], options: { max?: number; limit?: number } = {}): string {
	if (rows.length === 0) return '';
	const labelWidth = 170;
	const barWidth = 360;
	const rowHeight = 22;
	const max = Math.max(options.max ?? 0, options.limit ?? 0, ...rows.map((r) => r.value), 1);
	const height = rows.length * rowHeight + 10;
	const x = (value: number) => labelWidth + (value / max) * barWidth;
	const bars = rows
		.map((row, i) => {
			const y = i * rowHeight + 4;
			return `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${e(row.label)}</text><rect class="bar${row.over ? ' over' : ''}" x="${labelWidth}" y="${y}" width="${(x(row.value) - labelWidth).toFixed(1)}" height="16"/><text x="${(x(row.value) + 4).toFixed(1)}" y="${y + 13}">${e(row.note)}</text>`;
		})
		.join('');
	const limit = options.limit === undefined ? '' : `<line class="limit" x1="${x(options.limit).toFixed(1)}" x2="${x(options.limit).toFixed(1)}" y1="0" y2="${height}"/>`;
	return `<svg role="img" aria-label="${e(title)}" viewBox="0 0 ${labelWidth + barWidth + 120} ${height}" width="${labelWidth + barWidth + 120}" height="${height}"><title>${e(title)}</title>${bars}${limit}</svg>`;
}

const table = (head: string[], rows: string[][], numeric: number[] = []) =>
	rows.length === 0
		? '<p class="muted">None.</p>'
		: `<table><thead><tr>${head.map((h, i) => `<th${numeric.includes(i) ? ' class="number"' : ''}>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
				.map((r) => `<tr>${r.map((cell, i) => `<td${numeric.includes(i) ? ' class="number"' : ''}>${cell}</td>`).join('')}</tr>`)
				.join('')}</tbody></table>`;

const outcomeCells = (t: OutcomeTally) => [String(t.activities), String(t.won), String(t.lost), String(t.noDecision), String(t.open), `${percent(t.wonShare)} of ${t.decided}${t.small ? ' <span class="small-sample">(too few to read much into)</span>' : ''}`];
const OUTCOME_HEAD = ['Asks', 'Won', 'Lost', 'No decision', 'Open', 'Won share of decided'];

/** The report's HTML file. `loads` is every advocate's load, for the chart. */
export function renderReportHtml(report: ReferenceReport, loads: { name: string; load: number; limit: number }[]): string {
	const day = report.now.slice(0, 10);
	const body = `<main>
<h1>Reference program report</h1>
<p class="muted">As of ${e(day)} · window ${report.policy.windowDays} days · limit ${report.policy.maxLoad} weighted asks</p>
<p class="private"><strong>Private.</strong> Names, notes and deal figures of the reference program: do not forward or publish.</p>
<button id="print-report" type="button" hidden>Print</button>

<h2>Load in the window</h2>
${barChart('Weighted asks per advocate in the window', loads.filter((l) => l.load > 0).map((l) => ({ label: l.name, value: l.load, note: `${l.load} of ${l.limit}`, over: l.load >= l.limit })), { limit: report.policy.maxLoad })}
<h2>Over-used</h2>
${table(['Advocate', 'Customer', 'Load', 'Limit', 'Asks'], report.overUsed.map((o) => [e(o.name), e(o.customer), String(o.load), String(o.limit), String(o.asks)]), [2, 3, 4])}
<h2>Idle</h2>
<p class="muted">Active advocates not asked for ${report.policy.idleDays} days or more.</p>
${table(['Advocate', 'Customer', 'Last asked', 'Days since'], report.idle.map((i) => [e(i.name), e(i.customer), e(i.lastAsked ?? 'never'), i.daysSinceAsked === null ? '–' : String(i.daysSinceAsked)]), [3])}
<h2>Lifecycle funnel</h2>
${barChart('Advocates per lifecycle stage', ADVOCATE_STAGES.map((stage) => ({ label: stage, value: report.funnel[stage], note: String(report.funnel[stage]) })))}
<h2>Stale evidence</h2>
<h3>Metrics measured ${report.policy.staleMetricMonths} months ago or more</h3>
${table(['Story', 'Metric', 'Measured on', 'Months ago'], report.stale.metrics.map((m) => [e(m.title), e(m.metric), e(m.measuredOn), String(m.monthsAgo)]), [3])}
<h3>Approvals lapsing within 90 days</h3>
${table(['Item', 'Type', 'Lapses on', 'Days left', 'Within'], report.stale.approvalsLapsing.map((a) => [e(a.title), e(a.type), e(a.expiresOn), String(a.daysLeft), `${a.within} days`]), [3])}
<h3>Stories published ${report.policy.staleStoryYears} years ago or more</h3>
${table(['Story', 'Published on', 'Years ago'], report.stale.oldStories.map((s) => [e(s.title), e(s.publishedOn), String(s.yearsAgo)]), [2])}
<h2>Outcomes by kind of reference</h2>
${barChart('Won share of decided deals by kind of reference', report.outcomes.byKind.map((k) => ({ label: k.label, value: k.wonShare ?? 0, note: `${percent(k.wonShare)} of ${k.decided}` })), { max: 1 })}
${table(['Kind', ...OUTCOME_HEAD], report.outcomes.byKind.map((k) => [e(k.label), ...outcomeCells(k)]), [1, 2, 3, 4, 5])}
<h2>Outcomes by evidence used</h2>
${barChart('Won share of decided deals by evidence used', report.outcomes.byEvidence.map((k) => ({ label: k.label, value: k.wonShare ?? 0, note: `${percent(k.wonShare)} of ${k.decided}` })), { max: 1 })}
${table(['Evidence', ...OUTCOME_HEAD], report.outcomes.byEvidence.map((k) => [e(k.label), ...outcomeCells(k)]), [1, 2, 3, 4, 5])}
<h2>Recognition due</h2>
${table(['Advocate', 'Asks since recognition', 'Last recognised', 'Thank-you not sent for'], report.recognitionDue.map((r) => [e(r.name), String(r.asksSinceRecognition), e(r.lastRecognised ?? 'never'), e(r.thanksMissing.join(', ') || '–')]), [1])}
</main>`;
	return renderHtmlTool({ title: `Reference program report, ${day}`, body, sources: SOURCES, data: { id: 'report-data', value: { now: report.now } } });
}
