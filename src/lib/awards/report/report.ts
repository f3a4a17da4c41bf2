/**
 * The results report: one private, self-contained HTML file a program manager opens from disk,
 * with every figure of a scoring round's tally drawn and explained in plain words (explain.ts):
 * rank intervals, chances of winning, tied bands, judge severities, agreement, the method and how
 * fragile each winner is. Built like the judge packets (html-tool.ts): its own script and style
 * by hash, nothing fetched, not indexed. It holds scores, ranks and severities, so it is written
 * outside the site and never published.
 */
import { escapeHtml, renderHtmlTool } from '../../html-tool.ts';
import type { CategoryResult, TallyResult } from '../tally/types.ts';
import { rankIntervalChart, severityChart } from './charts.ts';
import { alphaWords, bandWords, consistencyWords, METHOD_WORDS, rankIntervalWords, sensitivityWords, severityWords, TALLY_LEGEND } from './explain.ts';

export interface ResultsReportInput {
	program: { id: string; name: string; categories: { id: string; name: string }[] };
	round: { id: string; name: string };
	/** True when a ranking round follows: the top of this round is a finalist, not a winner. */
	finalRoundFollows: boolean;
	tally: TallyResult;
	/** sha256 of the tally's inputs (the results file's `inputs`). */
	inputs: string;
	/** Entry titles and judge names by id (ids stand in for any missing). */
	entryTitles: Record<string, string>;
	judgeNames: Record<string, string>;
	/** When the report was written (ISO 8601). */
	generatedAt: string;
}

const pct = (p: number) => `${Math.round(p * 100)}%`;
const num = (n: number) => n.toFixed(2);

/** The report's HTML. */
export function renderResultsReport(input: ResultsReportInput): string {
	const { tally, program, round } = input;
	const title = (id: string | null) => (id === null ? 'no single entry (a tie)' : (input.entryTitles[id] ?? id));
	const judgeName = (id: string) => input.judgeNames[id] ?? id;
	const categoryName = (id: string) => program.categories.find((c) => c.id === id)?.name ?? id;
	const top = input.finalRoundFollows ? 'Top of this round' : 'Winner';
	const e = escapeHtml;

	const summary = tally.categories
		.map((c) => {
			const lead = c.winner ? `${e(title(c.winner))} <span class="muted">(P(win) ${pct(c.entries[0]?.pWin ?? 0)})</span>` : c.entries.length ? 'no winner: the top is still tied after the declared tie-break' : 'nothing scored';
			const tied = c.bands[0] && c.bands[0].entries.length > 1 ? ` — statistically tied with ${c.bands[0].entries.length - 1} other${c.bands[0].entries.length > 2 ? 's' : ''}` : '';
			return `<li><a href="#category-${e(c.category)}">${e(categoryName(c.category))}</a>: ${lead}${tied}</li>`;
		})
		.join('');

	const categories = tally.categories.map((c) => categorySection(c, { title, categoryName, top, sensitivity: tally.sensitivity.find((s) => s.category === c.category) })).join('\n');

	const judges = tally.judges
		.map((j) => `<tr><th scope="row">${e(judgeName(j.id))}</th><td class="num">${j.scores}</td><td class="num">${j.severity >= 0 ? '+' : ''}${num(j.severity)}${j.severitySe === null ? '' : ` ± ${num(1.96 * j.severitySe)}`}</td><td>${e(severityWords(j))}</td><td>${e(consistencyWords(j.consistency, j.erraticP))}</td></tr>`)
		.join('');

	const body = `<header>
<p class="private">Private — not for publication. This report holds scores, ranks and judges’ severities. Keep it with the program’s managers.</p>
<h1>${e(program.name)}: ${e(round.name)}</h1>
<p>Method: <strong>${e(tally.method)}</strong> (declared before judging). ${e(METHOD_WORDS[tally.method])}</p>
<p class="muted">${tally.resamples.toLocaleString('en')} bootstrap resamples, seed ${tally.seed}; inputs ${e(input.inputs.slice(0, 12))}…; written ${e(input.generatedAt)}. <code>npm run awards -- verify ${e(program.id)}</code> recomputes every figure.</p>
</header>
<nav aria-label="Categories"><label>Show <select id="category-filter"><option value="">every category</option>${tally.categories.map((c) => `<option value="${e(c.category)}">${e(categoryName(c.category))}</option>`).join('')}</select></label></nav>
<section aria-labelledby="summary"><h2 id="summary">In short</h2><ul>${summary}</ul>
<p>${e(alphaWords(tally.reliability.alpha))} <span class="muted">(Krippendorff’s α over ${tally.reliability.units} entries with two or more judges.)</span></p>
<details><summary>How to read this report</summary><ul>${TALLY_LEGEND.map((line) => `<li>${e(line)}</li>`).join('')}<li>${e('The panel is resampled: each entry’s judges are drawn again with replacement and the whole method re-run, thousands of times. What holds in most resamples does not depend on which judges an entry happened to draw.')}</li></ul></details>
</section>
${categories}
<section aria-labelledby="judges"><h2 id="judges">Judges</h2>
<p>Dots show how much harsher (left) or more lenient (right) than the panel each judge scored, with a 95% interval. Amber dots are judges whose pattern is flagged.</p>
${severityChart(tally.judges, judgeName)}
<table><thead><tr><th scope="col">Judge</th><th scope="col">Entries</th><th scope="col">Severity</th><th scope="col">In words</th><th scope="col">Consistency</th></tr></thead><tbody>${judges}</tbody></table>
</section>
<section aria-labelledby="model"><h2 id="model">The model behind the scores</h2>
<ul>
<li>Noise: a judge’s score of an entry differs from the model’s expectation by about ${tally.model.residualSd === null ? 'an amount that cannot be estimated (too few scores)' : num(tally.model.residualSd)} points (residual SD).</li>
<li>Judges differ from one another by about ${tally.model.judgeSd === null ? 'an amount that cannot be estimated' : num(tally.model.judgeSd)} points (SD of severities); shrinkage (ridge) ${num(tally.model.ridge)}${tally.model.ridgeEstimated ? ', estimated from the scores' : ', declared'}.</li>
<li>${tally.model.components > 1 ? `<strong>The judges fall into ${tally.model.components} groups that share no entries: severities cannot be compared across groups, and neither can the offset scores of their entries.</strong>` : 'Every judge is linked to every other through shared entries, so severities compare across the whole panel.'}</li>
</ul></section>`;
	return renderHtmlTool({
		title: `Results report: ${program.name}, ${round.name}`,
		body,
		sources: { script: new URL('../../../tools/report/report.ts', import.meta.url), style: new URL('../../../tools/report/report.css', import.meta.url) },
		data: { id: 'report-data', value: { program: program.id, round: round.id } },
	});
}

function categorySection(c: CategoryResult, ctx: { title: (id: string | null) => string; categoryName: (id: string) => string; top: string; sensitivity?: ResultsReportInput['tally']['sensitivity'][number] }): string {
	const e = escapeHtml;
	const { title } = ctx;
	const lead = c.winner ? `<p class="winner">${e(ctx.top)}: <strong>${e(title(c.winner))}</strong></p>` : c.entries.length ? '<p class="warning">No winner: the top is still tied after the declared tie-break.</p>' : '<p class="warning">No entry in this category has scores.</p>';
	const rows = c.entries
		.map((r) => `<tr><td class="num">${r.rank}</td><th scope="row">${e(title(r.id))}</th><td class="num">${num(r.score)}</td><td class="num">${num(r.scores.mean)}</td><td class="num">${num(r.scores.zscore)}</td><td class="num">${r.judges}</td><td>${e(rankIntervalWords(r.rankInterval))}</td><td class="num">${pct(r.pWin)}</td><td class="num">${pct(r.pTop3)}</td><td class="num">${r.band}</td></tr>`)
		.join('');
	const bands = c.bands.map((b) => `<li>Band ${b.band}: ${b.entries.map((id) => e(title(id))).join(', ')}. ${e(bandWords(b.entries.length))}</li>`).join('');
	const tiedBands = c.bands.some((b) => b.entries.length > 1);
	const ties = c.tieBreaks
		.flatMap((t) => t.decidedBy.map((rule, i) => `<li>${e(title(t.entries[i]))} and ${e(title(t.entries[i + 1]))} had equal scores; ${rule ? `the declared tie-break decided: ${rule === 'judges' ? 'more judges scored the first' : `a higher mean on the criterion “${e(rule)}”`}` : 'they remain tied after every declared tie-break rule'}.</li>`))
		.join('');
	return `<section class="category" data-category="${e(c.category)}" id="category-${e(c.category)}" aria-labelledby="heading-${e(c.category)}">
<h2 id="heading-${e(c.category)}">${e(ctx.categoryName(c.category))}</h2>
${lead}
<p>${e(alphaWords(c.alpha))}</p>
${ctx.sensitivity ? `<p>${e(sensitivityWords(ctx.sensitivity, title))}</p>` : ''}
${rankIntervalChart(c.entries, (id) => title(id))}
<table><thead><tr><th scope="col">Rank</th><th scope="col">Entry</th><th scope="col">Score</th><th scope="col">Mean</th><th scope="col">z-score</th><th scope="col">Judges</th><th scope="col">95% rank interval</th><th scope="col">P(win)</th><th scope="col">P(top 3)</th><th scope="col">Band</th></tr></thead><tbody>${rows}</tbody></table>
${tiedBands ? `<h3>Bands</h3><p>Entries in one band are statistically tied; each band is separated from the next by the scores.</p><ul>${bands}</ul>` : '<p>Every entry is separated from the next by the scores: no statistical ties.</p>'}
${ties ? `<h3>Equal scores</h3><ul>${ties}</ul>` : ''}
${c.unscored.length ? `<p class="warning">Not scored, so not ranked: ${c.unscored.map((id) => e(title(id))).join(', ')}.</p>` : ''}
</section>`;
}
