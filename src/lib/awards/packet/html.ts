/**
 * Offline judge packets: one self-contained HTML file per judge and round, holding the judge's
 * entries, the rubric and a scorecard that runs in the browser with no server. The judge scores
 * offline, the browser keeps the scores in localStorage, and Export downloads the score file that
 * `awards import` reads back (`parsePacketExport`).
 *
 * Entries are written by entrants, so every piece of their text is HTML-escaped and narratives are
 * shown as plain text blocks, never as HTML. The scorecard's code is `src/tools/packet/`, inlined by
 * `renderHtmlTool` with a Content-Security-Policy that allows only it and its style (by hash) and
 * no fetches at all: even a slip in escaping could neither run a script nor make the judge's
 * browser contact anyone.
 */
import { PACKET_DATA_ID, type PacketData } from '../../../tools/packet/data.ts';
import { escapeHtml as e, renderHtmlTool } from '../../html-tool.ts';
import { entryHtml } from './entry-html.ts';
import { PACKET_EXPORT_FORMAT, packetExportFileName } from './export-file.ts';
import { levelId, scaleText, sortedLevels, type PacketCriterion, type PacketInput } from './input.ts';

/** The scorecard's browser code. */
const PACKET_TOOL = {
	script: new URL('../../../tools/packet/main.ts', import.meta.url),
	style: [new URL('../../../tools/shared/base.css', import.meta.url), new URL('../../../tools/packet/packet.css', import.meta.url)],
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-10-16" → "16 October 2026"; anything else is shown as given. */
function formatDay(day: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return day;
	return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** A caller bug, not a content problem: fail loudly rather than send a judge an unblinded packet, or one listing an entry twice. */
function checkInput({ program, entries }: PacketInput): void {
	if (program.blind) {
		const named = entries.find((entry) => entry.entrant !== undefined);
		if (named) throw new Error(`renderPacket: ${program.id} is judged blind, but entry "${named.id}" was given its entrant`);
	}
	const ids = entries.map((entry) => entry.id);
	const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
	if (duplicate !== undefined) throw new Error(`renderPacket: entry "${duplicate}" is listed twice`);
}

function headerHtml({ program, round, judge, entries }: PacketInput): string {
	const blindNote = program.blind
		? `<p class="note blind-note"><strong>Judged blind.</strong> Entrants' names, logos, people and websites have been removed from this packet. Please judge each entry on what it says, and do not try to find out who entered it.</p>`
		: '';
	return `<a class="skip-link" href="#entries">Skip to the entries</a>
<header class="packet-header">
	<p class="eyebrow">Judging packet · private to the judge named below</p>
	<h1>${e(program.name)}</h1>
	<dl class="facts">
		<div><dt>Round</dt><dd>${e(round.name)}</dd></div>
		<div><dt>Scores due</dt><dd><time datetime="${e(round.closes)}">${e(formatDay(round.closes))}</time></dd></div>
		<div><dt>Judge</dt><dd>${e(judge.name)}</dd></div>
		<div><dt>Entries</dt><dd>${entries.length}</dd></div>
	</dl>
	${blindNote}
</header>`;
}

function toolbarHtml(entryCount: number): string {
	return `<div class="toolbar" role="region" aria-label="Progress and export">
	<p id="progress" class="progress" role="status">0 of ${entryCount} entries complete</p>
	<div class="actions">
		<button type="button" id="export-json">Export scores (JSON)</button>
		<button type="button" id="export-csv" class="secondary">Export as CSV</button>
		<button type="button" id="clear-all" class="secondary">Clear all my scores</button>
	</div>
	<p id="message" class="message" role="status"></p>
	<div id="notices" class="notices" role="alert"></div>
</div>
<noscript><p class="note warning">This packet needs JavaScript to record scores. You can still read the entries and the rubric, and score in a spreadsheet with the columns judge,entry,criterion,score,comment.</p></noscript>`;
}

function instructionsHtml({ program, round, judge }: PacketInput): string {
	const scale = e(scaleText(program.scale));
	const jsonFile = packetExportFileName(program.id, round.id, judge.id, 'json');
	const csvFile = packetExportFileName(program.id, round.id, judge.id, 'csv');
	return `<section class="instructions" aria-labelledby="instructions-title">
	<h2 id="instructions-title">Instructions</h2>
	<ol>
		<li>Read the rubric, then score each entry on every criterion from ${scale}. The level descriptors anchor the scores they name; use the values between them for an entry that falls between two descriptors.</li>
		<li>Judge each entry only on what it contains.${program.blind ? ' If an entry still names its entrant, score it as written and tell the program team.' : ''} Comments are optional; they are returned with your scores and may be used in feedback to entrants. To take a score back, use the criterion's <strong>Clear score</strong> button (or press Delete on the picked option); <strong>Clear all my scores</strong> starts the whole scorecard again.</li>
		<li>Your scores are saved in this browser, on this computer, as you go: you can close this file and open it again later. Clearing the browser's data deletes them, so export a copy if in doubt.</li>
		<li>When every entry is scored, choose <strong>Export scores (JSON)</strong> and send the downloaded file, <code>${e(jsonFile)}</code>, to the program team by <strong>${e(formatDay(round.closes))}</strong>. <strong>Export as CSV</strong> gives the same scores as a spreadsheet (<code>${e(csvFile)}</code>). Exporting before every entry is complete asks you to confirm first.</li>
		<li>This packet works offline and sends nothing anywhere: your scores leave this computer only when you send the file yourself.</li>
	</ol>
</section>`;
}

/** One criterion of the rubric: its weight, description and level descriptors. */
function criterionHtml(c: PacketCriterion, ci: number): string {
	const levels = sortedLevels(c)
		.map((l, li) => `\t\t\t<tr><td class="num">${e(String(l.score))}</td><th scope="row">${e(l.label)}</th><td id="${levelId(ci, li)}">${e(l.descriptor)}</td></tr>`)
		.join('\n');
	return `
<section class="criterion" id="criterion-${ci + 1}" aria-labelledby="criterion-${ci + 1}-name">
	<h3 id="criterion-${ci + 1}-name">${e(c.name)} <span class="weight">weight ${e(String(c.weight))}%</span></h3>
	<p>${e(c.description)}</p>
	<table>
		<caption class="visually-hidden">Level descriptors for ${e(c.name)}</caption>
		<thead><tr><th scope="col">Score</th><th scope="col">Level</th><th scope="col">What the entry shows</th></tr></thead>
		<tbody>
${levels}
		</tbody>
	</table>
</section>`;
}

function rubricHtml(program: PacketInput['program']): string {
	return `<section class="rubric" aria-labelledby="rubric-title">
	<h2 id="rubric-title">Rubric</h2>
	<p>Every criterion is scored from ${e(scaleText(program.scale))}. The weights (summing to 100%) combine the criteria into an entry's score.</p>
${program.criteria.map(criterionHtml).join('\n')}
</section>`;
}

function contentsHtml(entries: PacketInput['entries']): string {
	const items = entries.map((entry, ei) => `\t\t<li><a href="#entry-${ei + 1}">${e(entry.title)}</a> <span class="status" data-entry-status="${ei}">Not started</span></li>`);
	return `<nav class="contents" aria-labelledby="contents-title">
	<h2 id="contents-title">Your entries</h2>
	<ol>
${items.join('\n')}
	</ol>
</nav>`;
}

function entriesHtml({ program, entries }: PacketInput): string {
	return `<section id="entries" class="entries" aria-labelledby="entries-title" tabindex="-1">
	<h2 id="entries-title">Entries</h2>
${entries.map((_, ei) => entryHtml(program, entries, ei)).join('\n')}
</section>`;
}

function footerHtml({ program, round, judge, generatedAt }: PacketInput): string {
	return `<footer class="packet-footer">
	<p>Generated ${e(generatedAt)} for ${e(judge.name)} · ${e(program.name)} · ${e(round.name)}. Export format ${e(PACKET_EXPORT_FORMAT)}.</p>
</footer>`;
}

/** What the scorecard's script reads. Ids travel as data, not as markup: the script maps each field's indices back to them. */
function packetData({ program, round, judge, entries }: PacketInput): PacketData {
	return {
		storageKey: `credence-packet:${program.id}:${round.id}:${judge.id}`,
		format: PACKET_EXPORT_FORMAT,
		program: program.id,
		round: round.id,
		judge: judge.id,
		scale: program.scale,
		scaleText: scaleText(program.scale),
		criteria: program.criteria.map((c) => c.id),
		entries: entries.map((entry) => entry.id),
		files: {
			json: packetExportFileName(program.id, round.id, judge.id, 'json'),
			csv: packetExportFileName(program.id, round.id, judge.id, 'csv'),
		},
	};
}

/** Renders the packet: one HTML document with inline style and script, nothing fetched. */
export function renderPacket(input: PacketInput): string {
	checkInput(input);
	const { program, round, judge } = input;
	const main = ['<main>', instructionsHtml(input), rubricHtml(program), contentsHtml(input.entries), entriesHtml(input), '</main>'].join('\n');
	return renderHtmlTool({
		title: `Judging packet: ${program.name}, ${round.name}, ${judge.name}`,
		body: [headerHtml(input), toolbarHtml(input.entries.length), main, footerHtml(input)].join('\n'),
		sources: PACKET_TOOL,
		data: { id: PACKET_DATA_ID, value: packetData(input) },
	});
}
