/**
 * The results report's charts, as inline SVG markup: drawn when the report is written, so they
 * need no script, and coloured with presentation attributes, which the report's
 * Content-Security-Policy allows (a `style=` attribute it would refuse). Every text is escaped:
 * entry titles and judge names come from content files.
 */
import { escapeHtml } from '../../html-escape.ts';
import type { EntryResult, JudgeResult } from '../tally/types.ts';

const ROW = 26;
const LABEL = 300;
const PLOT = 420;
const WIN = 120;
const PAD = 12;

/** Text cut to `max` characters with an ellipsis: a chart row has one line. */
function cut(text: string, max: number): string {
	const chars = [...text];
	return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * One category's entries, best first: each entry's 95% rank interval as a bar on a rank axis (1
 * at the left), its rank as a dot, its P(win) as a bar on the right, and the rows of each tie
 * band on a shared background, alternating, so tied entries read as a group.
 */
export function rankIntervalChart(entries: readonly EntryResult[], title: (id: string) => string): string {
	const n = entries.length;
	if (n === 0) return '';
	const height = PAD * 2 + ROW * (n + 1);
	const width = LABEL + PLOT + WIN + PAD * 3;
	const x = (rank: number) => LABEL + PAD + (n === 1 ? PLOT / 2 : ((rank - 1) / (n - 1)) * PLOT);
	const rows: string[] = [];
	entries.forEach((e, i) => {
		const y = PAD + ROW * (i + 1);
		const shade = e.band % 2 === 1 ? '#eef3fb' : '#ffffff';
		const [low, high] = e.rankInterval;
		const label = `${e.rank}. ${title(e.id)}`;
		rows.push(
			`<g><title>${escapeHtml(`${title(e.id)}: rank ${e.rank}, 95% interval ${low}–${high}, P(win) ${Math.round(e.pWin * 100)}%, band ${e.band}`)}</title>`,
			`<rect x="0" y="${y - ROW / 2}" width="${width}" height="${ROW}" fill="${shade}"/>`,
			`<text x="${PAD}" y="${y + 4}" font-size="13" fill="#1b1f24">${escapeHtml(cut(label, 40))}</text>`,
			`<line x1="${x(low)}" y1="${y}" x2="${x(high)}" y2="${y}" stroke="#0b57d0" stroke-width="6" stroke-linecap="round" opacity="0.45"/>`,
			`<circle cx="${x(e.rank)}" cy="${y}" r="5" fill="#0b2a6b"/>`,
			`<rect x="${LABEL + PLOT + PAD * 2}" y="${y - 7}" width="${Math.max(1, e.pWin * (WIN - 40))}" height="14" fill="#1e8e3e"/>`,
			`<text x="${LABEL + PLOT + PAD * 2 + WIN - 36}" y="${y + 4}" font-size="12" fill="#1b1f24">${Math.round(e.pWin * 100)}%</text></g>`,
		);
	});
	const axis = [1, ...(n > 2 ? [Math.ceil(n / 2)] : []), ...(n > 1 ? [n] : [])]
		.map((r) => `<text x="${x(r)}" y="${PAD + 10}" font-size="12" text-anchor="middle" fill="#555">${r}</text>`)
		.join('');
	const heads = `<text x="${PAD}" y="${PAD + 10}" font-size="12" fill="#555">entry (rank)</text><text x="${LABEL + PLOT + PAD * 2}" y="${PAD + 10}" font-size="12" fill="#555">P(win)</text>`;
	return `<svg class="chart" role="img" aria-label="Rank intervals and chance of winning, best first" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${heads}${axis}${rows.join('')}</svg>`;
}

/**
 * Judges' severities with approximate 95% intervals (± 1.96 standard errors) around 0, the
 * panel's average: left of the line harsher, right more lenient. Flagged judges' dots are amber.
 */
export function severityChart(judges: readonly JudgeResult[], name: (id: string) => string): string {
	if (judges.length === 0) return '';
	const reach = Math.max(0.5, ...judges.map((j) => Math.abs(j.severity) + 1.96 * (j.severitySe ?? 0)));
	const height = PAD * 2 + ROW * (judges.length + 1);
	const width = LABEL + PLOT + PAD * 2;
	const x = (value: number) => LABEL + PAD + ((value + reach) / (2 * reach)) * PLOT;
	const rows = judges.map((j, i) => {
		const y = PAD + ROW * (i + 1);
		const half = 1.96 * (j.severitySe ?? 0);
		const flagged = j.consistency !== 'ok';
		return [
			`<g><title>${escapeHtml(`${name(j.id)}: severity ${j.severity >= 0 ? '+' : ''}${j.severity.toFixed(2)}${j.severitySe === null ? '' : ` ± ${half.toFixed(2)}`}, ${j.consistency}`)}</title>`,
			`<text x="${PAD}" y="${y + 4}" font-size="13" fill="#1b1f24">${escapeHtml(cut(name(j.id), 40))}${flagged ? ` (${j.consistency})` : ''}</text>`,
			half > 0 ? `<line x1="${x(j.severity - half)}" y1="${y}" x2="${x(j.severity + half)}" y2="${y}" stroke="#5f6368" stroke-width="2"/>` : '',
			`<circle cx="${x(j.severity)}" cy="${y}" r="5" fill="${flagged ? '#e37400' : '#0b2a6b'}"/></g>`,
		].join('');
	});
	const zero = `<line x1="${x(0)}" y1="${PAD + ROW / 2}" x2="${x(0)}" y2="${height - PAD}" stroke="#999" stroke-dasharray="4 3"/>`;
	const axis = `<text x="${x(-reach)}" y="${PAD + 10}" font-size="12" fill="#555">harsher</text><text x="${x(0)}" y="${PAD + 10}" font-size="12" text-anchor="middle" fill="#555">panel average</text><text x="${x(reach)}" y="${PAD + 10}" font-size="12" text-anchor="end" fill="#555">more lenient</text>`;
	return `<svg class="chart" role="img" aria-label="Judge severities with 95% intervals" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${axis}${zero}${rows.join('')}</svg>`;
}
