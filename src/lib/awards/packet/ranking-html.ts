/**
 * Ranking-round packets: one self-contained HTML file per judge with their finalists per category
 * (those they have no conflict with), each category an ordered list the judge arranges with
 * "Move up" / "Move down" buttons or a rank picker, all by keyboard, every move announced. Export
 * downloads the rankings sheet (`judge,entry,rank`) that `awards import --round <round>` takes.
 * The entrants' text is escaped and shown as plain text, as in the scoring packet; the ranking
 * code is `src/tools/ranking/`, inlined by `renderHtmlTool` under the same strict policy.
 */
import { RANKING_DATA_ID, type RankingData } from '../../../tools/ranking/data.ts';
import { escapeHtml as e, renderHtmlTool } from '../../html-tool.ts';
import { entrantHtml, evidenceHtml, narrativeHtml } from './entry-html.ts';
import { packetExportFileName } from './export-file.ts';
import type { PacketEntry } from './input.ts';

const RANKING_TOOL = {
	script: new URL('../../../tools/ranking/main.ts', import.meta.url),
	style: [new URL('../../../tools/shared/base.css', import.meta.url), new URL('../../../tools/packet/packet.css', import.meta.url), new URL('../../../tools/ranking/ranking.css', import.meta.url)],
};

export interface RankingPacketInput {
	program: { id: string; name: string; blind: boolean };
	round: { id: string; name: string; /** YYYY-MM-DD */ closes: string };
	judge: { id: string; name: string };
	/** The categories with the finalists this judge ranks, in the order shown (at least one each). */
	categories: { id: string; name: string; description: string; finalists: PacketEntry[] }[];
	/** ISO timestamp shown in the packet. */
	generatedAt: string;
}

/** A caller bug, not a content problem: fail loudly rather than send a judge an unblinded packet. */
function checkInput({ program, categories }: RankingPacketInput): void {
	const all = categories.flatMap((c) => c.finalists);
	if (program.blind && all.some((f) => f.entrant !== undefined)) throw new Error(`renderRankingPacket: ${program.id} is judged blind, but a finalist was given its entrant`);
	const ids = all.map((f) => f.id);
	const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
	if (duplicate !== undefined) throw new Error(`renderRankingPacket: finalist "${duplicate}" is listed twice`);
}

/** One category's ranking control: an ordered list, each finalist with its rank picker and move buttons. */
function rankingListHtml(category: RankingPacketInput['categories'][number], ci: number, first: number): string {
	const n = category.finalists.length;
	const items = category.finalists.map((f, k) => {
		const ei = first + k;
		const options = Array.from({ length: n }, (_, r) => `<option value="${r + 1}"${r === k ? ' selected' : ''}>${r + 1}</option>`).join('');
		return `\t<li class="ranked" data-entry="${ei}">
		<span class="rank-title" id="rank-title-${ei}">${e(f.title)}</span>
		<label class="rank-label">Rank <select data-rank="${ei}" aria-describedby="rank-title-${ei}">${options}</select></label>
		<button type="button" class="secondary" data-move="up" data-entry="${ei}" aria-describedby="rank-title-${ei}">Move up</button>
		<button type="button" class="secondary" data-move="down" data-entry="${ei}" aria-describedby="rank-title-${ei}">Move down</button>
		<a href="#finalist-${ei}">Read the entry</a>
	</li>`;
	});
	return `<section class="category" id="category-${ci + 1}" aria-labelledby="category-${ci + 1}-name">
	<h2 id="category-${ci + 1}-name">${e(category.name)}</h2>
	<p>${e(category.description)}</p>
	<p class="hint" id="category-${ci + 1}-hint">Best first. Move a finalist with its buttons, or pick its rank; the others make room.</p>
	<ol class="ranking" data-category="${ci}" aria-labelledby="category-${ci + 1}-name" aria-describedby="category-${ci + 1}-hint">
${items.join('\n')}
	</ol>
	<label class="confirm"><input type="checkbox" data-confirm="${ci}"> This order is my ranking of ${e(category.name)}</label>
</section>`;
}

function finalistHtml(f: PacketEntry, ei: number): string {
	return `<article class="entry" id="finalist-${ei}" aria-labelledby="finalist-${ei}-title" tabindex="-1">
	<h3 id="finalist-${ei}-title">${e(f.title)}</h3>
	<p class="entry-meta">id <code>${e(f.id)}</code></p>
	${entrantHtml(f.entrant)}
	<p class="summary">${e(f.summary)}</p>
	<h4>Narrative</h4>
	<div class="narrative">
${narrativeHtml(f.narrative)}
	</div>
	<h4>Evidence</h4>
	${evidenceHtml(f.evidence)}
</article>`;
}

/** Renders a judge's ranking packet: one HTML document with inline style and script, nothing fetched. */
export function renderRankingPacket(input: RankingPacketInput): string {
	checkInput(input);
	const { program, round, judge, categories } = input;
	const file = packetExportFileName(program.id, round.id, judge.id, 'csv');
	let next = 0;
	const starts = categories.map((c) => {
		const start = next;
		next += c.finalists.length;
		return start;
	});
	const all = categories.flatMap((c) => c.finalists);
	const data: RankingData = {
		storageKey: `credence-ranking:${program.id}:${round.id}:${judge.id}`,
		program: program.id,
		round: round.id,
		judge: judge.id,
		categories: categories.map((c, ci) => ({ id: c.id, name: c.name, entries: c.finalists.map((_, k) => starts[ci] + k) })),
		entries: all.map((f) => ({ id: f.id, title: f.title })),
		file,
	};
	const blindNote = program.blind ? '<p class="note"><strong>Judged blind.</strong> Entrants\' names, logos, people and websites have been removed. Please rank each finalist on what it says.</p>' : '';
	const body = `<a class="skip-link" href="#rankings">Skip to the rankings</a>
<header class="packet-header">
	<p class="eyebrow">Ranking packet · private to the judge named below</p>
	<h1>${e(program.name)}</h1>
	<dl class="facts">
		<div><dt>Round</dt><dd>${e(round.name)}</dd></div>
		<div><dt>Rankings due</dt><dd><time datetime="${e(round.closes)}">${e(round.closes)}</time></dd></div>
		<div><dt>Judge</dt><dd>${e(judge.name)}</dd></div>
		<div><dt>Finalists</dt><dd>${all.length}</dd></div>
	</dl>
	${blindNote}
</header>
<div class="toolbar" role="region" aria-label="Progress and export">
	<p id="progress" class="progress">0 of ${categories.length} categories ranked</p>
	<button type="button" id="export-csv">Export rankings (CSV)</button>
	<p id="announce" class="visually-hidden" aria-live="assertive"></p>
	<p id="message" class="message" role="status"></p>
</div>
<noscript><p class="note">This packet needs JavaScript to record rankings. You can still read the finalists, and rank them in a spreadsheet with the columns judge,entry,rank.</p></noscript>
<main>
<section class="instructions" aria-labelledby="instructions-title">
	<h2 id="instructions-title">Instructions</h2>
	<ol>
		<li>In each category, put the finalists in order, best first: use <strong>Move up</strong> and <strong>Move down</strong>, or pick a finalist's rank from its list. Everything works with the keyboard.</li>
		<li>When a category's order is your ranking, tick <strong>This order is my ranking</strong> under it. Your order is saved in this browser as you go.</li>
		<li>Choose <strong>Export rankings (CSV)</strong> and send the downloaded file, <code>${e(file)}</code>, to the program team by <strong>${e(round.closes)}</strong>. Only ticked categories are in it.</li>
		<li>This packet works offline and sends nothing anywhere.</li>
	</ol>
</section>
<div id="rankings" tabindex="-1">
${categories.map((c, ci) => rankingListHtml(c, ci, starts[ci])).join('\n')}
</div>
<section class="entries" aria-labelledby="finalists-title">
	<h2 id="finalists-title">The finalists</h2>
${all.map(finalistHtml).join('\n')}
</section>
</main>
<footer class="packet-footer"><p>Generated ${e(input.generatedAt)} for ${e(judge.name)} · ${e(program.name)} · ${e(round.name)}.</p></footer>`;
	return renderHtmlTool({ title: `Ranking packet: ${program.name}, ${round.name}, ${judge.name}`, body, sources: RANKING_TOOL, data: { id: RANKING_DATA_ID, value: data } });
}
