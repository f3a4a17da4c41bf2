/**
 * Offline judge packets: one self-contained HTML file per judge and round, holding the judge's
 * entries, the rubric and a scorecard that runs in the browser with no server. The judge scores
 * offline, the browser keeps the scores in localStorage, and Export downloads the score file that
 * `awards import` reads back (`parsePacketExport`).
 *
 * Entries are written by entrants, so every piece of their text is HTML-escaped and narratives are
 * shown as plain text blocks, never as HTML. A Content-Security-Policy allows only this packet's
 * own script and style (by hash) and no fetches at all: even a slip in escaping could neither run
 * a script nor make the judge's browser contact anyone.
 */
import { createHash } from 'node:crypto';
import { ID_PATTERN } from '../../schemas/common.ts';
import { markdownToTextBlocks } from '../plaintext.ts';

/** The `format` of a score file exported by a packet; bump when its shape changes. */
export const PACKET_EXPORT_FORMAT = 'credence-scores/1';

/** Scales with more allowed values than this get a number field instead of radio buttons. */
export const MAX_RADIO_OPTIONS = 21;

/** Everything one packet shows: plain data, loaded and checked by the caller. */
export interface PacketInput {
	program: {
		id: string;
		name: string;
		blind: boolean;
		scale: { min: number; max: number; step: number };
		criteria: { id: string; name: string; description: string; weight: number; levels: { score: number; label: string; descriptor: string }[] }[];
		categories: { id: string; name: string; description: string }[];
	};
	round: { id: string; name: string; /** YYYY-MM-DD */ closes: string };
	judge: { id: string; name: string };
	/** The judge's entries only, in the order the judge should see them. */
	entries: {
		id: string;
		category: string;
		title: string;
		summary: string;
		/** Markdown body, shown as plain text blocks. */
		narrative: string;
		evidence: { label: string; detail: string; url?: string }[];
		/** Who entered; must be omitted when the program is blind. */
		entrant?: { name: string; website?: string };
	}[];
	/** ISO timestamp shown in the packet (the caller's clock keeps this function pure). */
	generatedAt: string;
}

/** The score file a packet exports (`<program>-<round>-<judge>.json`). */
export interface PacketExport {
	format: typeof PACKET_EXPORT_FORMAT;
	program: string;
	round: string;
	judge: string;
	/** ISO timestamp of the export, from the judge's browser. */
	exportedAt: string;
	/** One row per scored criterion; an entry's unscored criteria are left out. */
	scores: { entry: string; criterion: string; score: number; comment: string }[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
	return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON safe inside a `<script>` element: no `<` (so no `</script>` or `<!--`), no `>` or `&`, and
 * no U+2028/U+2029 line separators, all written as JSON unicode escapes.
 */
export function jsonForScript(value: unknown): string {
	return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every score the scale allows, lowest first (rounded so 0.1 steps do not drift). */
export function allowedScores(scale: { min: number; max: number; step: number }): number[] {
	const count = Math.floor((scale.max - scale.min) / scale.step + 1e-9) + 1;
	return Array.from({ length: count }, (_, k) => Number((scale.min + k * scale.step).toFixed(10)));
}

/** A file-name-safe version of an id, for the download names. */
const fileSafe = (id: string) => id.replace(/[^A-Za-z0-9._-]+/g, '-');

/** The file names a packet's exports download as. */
export function packetExportFileName(program: string, round: string, judge: string, extension: 'json' | 'csv'): string {
	return `${fileSafe(program)}-${fileSafe(round)}-${fileSafe(judge)}.${extension}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-10-16" → "16 October 2026"; anything else is shown as given. */
function formatDay(day: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return day;
	return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Renders the packet: one HTML document with inline style and script, nothing fetched. */
export function renderPacket(input: PacketInput): string {
	const { program, round, judge, entries } = input;
	if (program.blind) {
		const named = entries.find((e) => e.entrant !== undefined);
		// A caller bug, not a content problem: fail loudly rather than send a judge an unblinded packet.
		if (named) throw new Error(`renderPacket: ${program.id} is judged blind, but entry "${named.id}" was given its entrant`);
	}
	const ids = entries.map((e) => e.id);
	const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
	if (duplicate !== undefined) throw new Error(`renderPacket: entry "${duplicate}" is listed twice`);

	const scores = allowedScores(program.scale);
	const useRadios = scores.length <= MAX_RADIO_OPTIONS;
	const scaleText = `${program.scale.min} to ${program.scale.max} in steps of ${program.scale.step}`;
	const categoryName = new Map(program.categories.map((c) => [c.id, c.name]));
	const closes = formatDay(round.closes);
	const jsonFile = packetExportFileName(program.id, round.id, judge.id, 'json');
	const csvFile = packetExportFileName(program.id, round.id, judge.id, 'csv');
	const e = escapeHtml;

	// Each level descriptor has an id, so the score options it anchors can point at it (aria-describedby).
	const sortedLevels = (c: PacketInput['program']['criteria'][number]) => [...c.levels].sort((a, b) => a.score - b.score);
	const levelId = (ci: number, li: number) => `criterion-${ci + 1}-level-${li + 1}`;
	const rubric = program.criteria
		.map(
			(c, ci) => `
<section class="criterion" id="criterion-${ci + 1}" aria-labelledby="criterion-${ci + 1}-name">
	<h3 id="criterion-${ci + 1}-name">${e(c.name)} <span class="weight">weight ${e(String(c.weight))}%</span></h3>
	<p>${e(c.description)}</p>
	<table>
		<caption class="visually-hidden">Level descriptors for ${e(c.name)}</caption>
		<thead><tr><th scope="col">Score</th><th scope="col">Level</th><th scope="col">What the entry shows</th></tr></thead>
		<tbody>
${sortedLevels(c)
	.map((l, li) => `\t\t\t<tr><td class="num">${e(String(l.score))}</td><th scope="row">${e(l.label)}</th><td id="${levelId(ci, li)}">${e(l.descriptor)}</td></tr>`)
	.join('\n')}
		</tbody>
	</table>
</section>`,
		)
		.join('\n');

	const contents = entries
		.map((entry, ei) => `\t\t<li><a href="#entry-${ei + 1}">${e(entry.title)}</a> <span class="status" data-entry-status="${ei}">Not started</span></li>`)
		.join('\n');

	const renderNarrative = (markdown: string) =>
		markdownToTextBlocks(markdown)
			.map((block) => {
				if (block.kind === 'heading') return `<h5>${e(block.text)}</h5>`;
				if (block.kind === 'list') return `<ul>${block.items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`;
				return `<p>${e(block.text)}</p>`;
			})
			.join('\n');

	const renderEvidence = (evidence: PacketInput['entries'][number]['evidence']) =>
		evidence.length === 0
			? '<p class="muted">No evidence listed.</p>'
			: `<ul class="evidence">${evidence
					.map(
						(item) =>
							// URLs stay text: the packet must not load or link anything, and judges can copy them if they choose to check.
							`<li><strong>${e(item.label)}:</strong> ${e(item.detail)}${item.url ? `<br><span class="muted">Source (not opened by this packet):</span> <code class="url">${e(item.url)}</code>` : ''}</li>`,
					)
					.join('\n')}</ul>`;

	// Each criterion is a fieldset whose legend names it. The hint is plain text (no link to the rubric)
	// so that Tab goes from one criterion's comment straight to the next criterion's scores.
	const scoreField = (ei: number, ci: number, criterion: PacketInput['program']['criteria'][number]) => {
		const base = `e${ei + 1}-c${ci + 1}`;
		// Disabled (and so out of the tab order) until the criterion has a score; Delete on a picked option does the same.
		const clear = `<button type="button" class="clear secondary" data-clear data-entry-index="${ei}" data-criterion-index="${ci}" disabled>Clear score<span class="visually-hidden"> for ${e(criterion.name)}</span></button>`;
		const comment = `
		<label class="comment-label" for="${base}-comment">Comment on ${e(criterion.name)} <span class="muted">(optional)</span></label>
		<textarea id="${base}-comment" rows="2" data-comment data-entry-index="${ei}" data-criterion-index="${ci}"></textarea>
		<div class="comment-print" data-comment-print data-entry-index="${ei}" data-criterion-index="${ci}"></div>`;
		if (useRadios) {
			const options = scores
				.map((score) => {
					const li = sortedLevels(criterion).findIndex((l) => Math.abs(l.score - score) < 1e-9);
					const level = li >= 0 ? sortedLevels(criterion)[li] : undefined;
					const describedBy = level ? ` aria-describedby="${levelId(ci, li)}"` : '';
					return `<label class="option"><input type="radio" name="${base}" value="${score}"${describedBy} data-score data-entry-index="${ei}" data-criterion-index="${ci}"><span class="value">${score}</span>${level ? `<span class="level">${e(level.label)}</span>` : ''}</label>`;
				})
				.join('\n\t\t\t');
			return `
	<fieldset class="score" data-entry-index="${ei}" data-criterion-index="${ci}">
		<legend>${e(criterion.name)} <span class="weight">(${e(String(criterion.weight))}%)</span></legend>
		<p class="hint">${e(criterion.description)}</p>
		<div class="options">
			${options}
		</div>
		${clear}${comment}
	</fieldset>`;
		}
		return `
	<fieldset class="score" data-entry-index="${ei}" data-criterion-index="${ci}">
		<legend>${e(criterion.name)} <span class="weight">(${e(String(criterion.weight))}%)</span></legend>
		<p class="hint">${e(criterion.description)}</p>
		<label class="number-label" for="${base}-score">Score <span class="muted">(${e(scaleText)})</span></label>
		<input type="number" id="${base}-score" min="${program.scale.min}" max="${program.scale.max}" step="${program.scale.step}" inputmode="decimal" aria-describedby="${base}-levels ${base}-error" data-error="${base}-error" data-score data-entry-index="${ei}" data-criterion-index="${ci}">
		${clear}
		<p class="error" id="${base}-error" hidden></p>
		<ul class="levels" id="${base}-levels">
${sortedLevels(criterion)
	.map((l) => `\t\t\t<li><strong>${e(String(l.score))} ${e(l.label)}:</strong> ${e(l.descriptor)}</li>`)
	.join('\n')}
		</ul>${comment}
	</fieldset>`;
	};

	const renderedEntries = entries
		.map((entry, ei) => {
			const n = ei + 1;
			const entrant = entry.entrant
				? `<p class="entrant"><span class="muted">Entrant:</span> ${e(entry.entrant.name)}${entry.entrant.website ? ` <code class="url">${e(entry.entrant.website)}</code>` : ''}</p>`
				: '';
			return `
<article class="entry" id="entry-${n}" aria-labelledby="entry-${n}-title">
	<p class="entry-meta">Entry ${n} of ${entries.length} · <span class="category">${e(categoryName.get(entry.category) ?? entry.category)}</span> · id <code>${e(entry.id)}</code></p>
	<h3 id="entry-${n}-title">${e(entry.title)}</h3>
	${entrant}
	<p class="summary">${e(entry.summary)}</p>
	<h4>Narrative</h4>
	<div class="narrative">
${renderNarrative(entry.narrative)}
	</div>
	<h4>Evidence</h4>
	${renderEvidence(entry.evidence)}
	<section class="scorecard" aria-labelledby="entry-${n}-scorecard">
		<h4 id="entry-${n}-scorecard">Scorecard: ${e(entry.title)}</h4>
		<p class="entry-progress" data-entry-progress="${ei}">0 of ${program.criteria.length} criteria scored</p>
${program.criteria.map((c, ci) => scoreField(ei, ci, c)).join('\n')}
	</section>
</article>`;
		})
		.join('\n');

	const blindNote = program.blind
		? `<p class="note blind-note"><strong>Judged blind.</strong> Entrants' names, logos, people and websites have been removed from this packet. Please judge each entry on what it says, and do not try to find out who entered it.</p>`
		: '';

	// Ids travel as data, not as markup: the script maps each field's indices back to them.
	const data = jsonForScript({
		storageKey: `credence-packet:${program.id}:${round.id}:${judge.id}`,
		format: PACKET_EXPORT_FORMAT,
		program: program.id,
		round: round.id,
		judge: judge.id,
		scale: program.scale,
		scaleText,
		criteria: program.criteria.map((c) => c.id),
		entries: entries.map((entry) => entry.id),
		files: { json: jsonFile, csv: csvFile },
	});

	const csp = [
		"default-src 'none'",
		`script-src ${sha256(CLIENT_SCRIPT)}`,
		`style-src ${sha256(STYLE)}`,
		"img-src data:",
		"form-action 'none'",
		"base-uri 'none'",
	].join('; ');

	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${e(`Judging packet: ${program.name}, ${round.name}, ${judge.name}`)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<a class="skip-link" href="#entries">Skip to the entries</a>
<header class="packet-header">
	<p class="eyebrow">Judging packet · private to the judge named below</p>
	<h1>${e(program.name)}</h1>
	<dl class="facts">
		<div><dt>Round</dt><dd>${e(round.name)}</dd></div>
		<div><dt>Scores due</dt><dd><time datetime="${e(round.closes)}">${e(closes)}</time></dd></div>
		<div><dt>Judge</dt><dd>${e(judge.name)}</dd></div>
		<div><dt>Entries</dt><dd>${entries.length}</dd></div>
	</dl>
	${blindNote}
</header>
<div class="toolbar" role="region" aria-label="Progress and export">
	<p id="progress" class="progress" role="status">0 of ${entries.length} entries complete</p>
	<div class="actions">
		<button type="button" id="export-json">Export scores (JSON)</button>
		<button type="button" id="export-csv" class="secondary">Export as CSV</button>
		<button type="button" id="clear-all" class="secondary">Clear all my scores</button>
	</div>
	<p id="message" class="message" role="status"></p>
	<div id="notices" class="notices" role="alert"></div>
</div>
<noscript><p class="note warning">This packet needs JavaScript to record scores. You can still read the entries and the rubric, and score in a spreadsheet with the columns judge,entry,criterion,score,comment.</p></noscript>
<main>
<section class="instructions" aria-labelledby="instructions-title">
	<h2 id="instructions-title">Instructions</h2>
	<ol>
		<li>Read the rubric, then score each entry on every criterion from ${e(scaleText)}. The level descriptors anchor the scores they name; use the values between them for an entry that falls between two descriptors.</li>
		<li>Judge each entry only on what it contains.${program.blind ? ' If an entry still names its entrant, score it as written and tell the program team.' : ''} Comments are optional; they are returned with your scores and may be used in feedback to entrants. To take a score back, use the criterion's <strong>Clear score</strong> button (or press Delete on the picked option); <strong>Clear all my scores</strong> starts the whole scorecard again.</li>
		<li>Your scores are saved in this browser, on this computer, as you go: you can close this file and open it again later. Clearing the browser's data deletes them, so export a copy if in doubt.</li>
		<li>When every entry is scored, choose <strong>Export scores (JSON)</strong> and send the downloaded file, <code>${e(jsonFile)}</code>, to the program team by <strong>${e(closes)}</strong>. <strong>Export as CSV</strong> gives the same scores as a spreadsheet (<code>${e(csvFile)}</code>). Exporting before every entry is complete asks you to confirm first.</li>
		<li>This packet works offline and sends nothing anywhere: your scores leave this computer only when you send the file yourself.</li>
	</ol>
</section>
<section class="rubric" aria-labelledby="rubric-title">
	<h2 id="rubric-title">Rubric</h2>
	<p>Every criterion is scored from ${e(scaleText)}. The weights (summing to 100%) combine the criteria into an entry's score.</p>
${rubric}
</section>
<nav class="contents" aria-labelledby="contents-title">
	<h2 id="contents-title">Your entries</h2>
	<ol>
${contents}
	</ol>
</nav>
<section id="entries" class="entries" aria-labelledby="entries-title" tabindex="-1">
	<h2 id="entries-title">Entries</h2>
${renderedEntries}
</section>
</main>
<footer class="packet-footer">
	<p>Generated ${e(input.generatedAt)} for ${e(judge.name)} · ${e(program.name)} · ${e(round.name)}. Export format ${e(PACKET_EXPORT_FORMAT)}.</p>
</footer>
<script type="application/json" id="packet-data">${data}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

type ParseResult = { ok: true; value: PacketExport } | { ok: false; error: string };

const EXPORT_KEYS = ['format', 'program', 'round', 'judge', 'exportedAt', 'scores'];
const SCORE_KEYS = ['entry', 'criterion', 'score', 'comment'];
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** At most this many problems are listed; a file that is wrong everywhere says so once. */
const MAX_PROBLEMS = 10;

const describeValue = (value: unknown) =>
	value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? `"${value}"` : typeof value === 'object' ? 'an object' : String(value);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a score file exported by a packet, strictly: the right format tag, every field present
 * with the right type, no unknown fields, ids shaped like ids, numbers as JSON numbers. Whether
 * the ids exist, the judge is assigned and the scores are on the program's scale is for the
 * importer to check against the program (`checkScores`).
 */
export function parsePacketExport(text: string): ParseResult {
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (cause) {
		return { ok: false, error: `expected a JSON score file exported by a judging packet: ${(cause as Error).message}` };
	}
	if (!isRecord(value)) return { ok: false, error: `expected a JSON object exported by a judging packet, found ${describeValue(value)}` };
	if (value.format !== PACKET_EXPORT_FORMAT) {
		return {
			ok: false,
			error:
				value.format === undefined
					? `missing "format": expected "${PACKET_EXPORT_FORMAT}" (is this a score file exported by a judging packet?)`
					: `expected format "${PACKET_EXPORT_FORMAT}", found ${describeValue(value.format)}`,
		};
	}

	const problems: string[] = [];
	for (const key of Object.keys(value)) {
		if (!EXPORT_KEYS.includes(key)) problems.push(`unexpected field "${key}"`);
	}
	for (const key of ['program', 'round', 'judge'] as const) {
		const field = value[key];
		if (field === undefined) problems.push(`missing "${key}": expected an id`);
		else if (typeof field !== 'string' || !ID_PATTERN.test(field)) problems.push(`${key}: expected an id like "round-1", found ${describeValue(field)}`);
	}
	if (value.exportedAt === undefined) problems.push('missing "exportedAt": expected an ISO date-time');
	else if (typeof value.exportedAt !== 'string' || !ISO_INSTANT.test(value.exportedAt) || Number.isNaN(Date.parse(value.exportedAt))) {
		problems.push(`exportedAt: expected an ISO date-time like "2026-10-14T09:30:00.000Z", found ${describeValue(value.exportedAt)}`);
	}

	const scores: PacketExport['scores'] = [];
	if (value.scores === undefined) problems.push('missing "scores": expected a list of scores');
	else if (!Array.isArray(value.scores)) problems.push(`scores: expected a list of scores, found ${describeValue(value.scores)}`);
	else {
		value.scores.forEach((row: unknown, i: number) => {
			const where = `scores[${i}]`;
			if (!isRecord(row)) {
				problems.push(`${where}: expected an object with ${SCORE_KEYS.join(', ')}, found ${describeValue(row)}`);
				return;
			}
			const before = problems.length;
			for (const key of Object.keys(row)) {
				if (!SCORE_KEYS.includes(key)) problems.push(`${where}: unexpected field "${key}"`);
			}
			for (const key of ['entry', 'criterion'] as const) {
				if (row[key] === undefined) problems.push(`${where}: missing "${key}": expected an id`);
				else if (typeof row[key] !== 'string' || !ID_PATTERN.test(row[key])) problems.push(`${where}.${key}: expected an id, found ${describeValue(row[key])}`);
			}
			// A number, not a numeric string: the packet writes numbers, so a string means the file was edited.
			if (row.score === undefined) problems.push(`${where}: missing "score": expected a number`);
			else if (typeof row.score !== 'number' || !Number.isFinite(row.score)) problems.push(`${where}.score: expected a number, found ${describeValue(row.score)}`);
			if (row.comment === undefined) problems.push(`${where}: missing "comment": expected text (empty when there is none)`);
			else if (typeof row.comment !== 'string') problems.push(`${where}.comment: expected text, found ${describeValue(row.comment)}`);
			if (problems.length === before) {
				scores.push({ entry: row.entry as string, criterion: row.criterion as string, score: row.score as number, comment: row.comment as string });
			}
		});
	}

	if (problems.length) {
		const shown = problems.slice(0, MAX_PROBLEMS);
		const more = problems.length - shown.length;
		return { ok: false, error: `invalid score file: ${shown.join('; ')}${more ? `; and ${more} more problem${more === 1 ? '' : 's'}` : ''}` };
	}
	return {
		ok: true,
		value: {
			format: PACKET_EXPORT_FORMAT,
			program: value.program as string,
			round: value.round as string,
			judge: value.judge as string,
			exportedAt: value.exportedAt as string,
			scores,
		},
	};
}

/**
 * The packet's stylesheet: the site's palette (light and dark), a visible focus ring on every
 * control, and a print layout that drops the controls and starts each entry on a new page.
 */
const STYLE = `
:root {
	color-scheme: light dark;
	--bg: #ffffff; --surface: #f5f6f8; --text: #16181d; --muted: #505866; --border: #8a93a3;
	--accent: #0b57d0; --accent-text: #ffffff; --good: #116329; --bad: #a40e26; --radius: 8px;
	font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
	line-height: 1.55;
}
@media (prefers-color-scheme: dark) {
	:root { --bg: #111318; --surface: #1b1e25; --text: #e8eaee; --muted: #a9b0bc; --border: #5c6473; --accent: #8ab4f8; --accent-text: #0b1220; --good: #6fdc8c; --bad: #ff9aa8; }
}
*, *::before, *::after { box-sizing: border-box; }
/* Keeps anchors and focused fields clear of the sticky toolbar. */
html { scroll-padding-top: 6rem; }
body { margin: 0 auto; max-width: 62rem; padding: 0 1rem 3rem; background: var(--bg); color: var(--text); }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--accent); color: var(--accent-text); padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { left: 1rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.muted { color: var(--muted); }
code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 0.92em; }
.url { overflow-wrap: anywhere; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.3rem 0 1rem; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; }
h3 { font-size: 1.25rem; }
.eyebrow { margin: 1.5rem 0 0; color: var(--muted); font-size: 0.9rem; text-transform: uppercase; letter-spacing: 0.05em; }
.facts { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 0 0 1rem; }
.facts dt { font-size: 0.85rem; color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; }
.note { border-left: 4px solid var(--accent); background: var(--surface); padding: 0.6rem 1rem; }
.warning { border-left-color: var(--bad); }
.toolbar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.6rem 0; background: var(--bg); border-bottom: 1px solid var(--border); }
.progress { margin: 0; font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.message { margin: 0; flex-basis: 100%; }
.message:empty { display: none; }
.message.bad { color: var(--bad); font-weight: 600; }
.notices { flex-basis: 100%; }
.notices:empty { display: none; }
.notice { margin: 0; color: var(--bad); font-weight: 600; }
button { font: inherit; padding: 0.45rem 1rem; border-radius: var(--radius); border: 2px solid var(--accent); background: var(--accent); color: var(--accent-text); cursor: pointer; }
button.secondary { background: transparent; color: var(--accent); }
button:disabled { border-color: var(--border); color: var(--muted); cursor: default; }
button.clear { font-size: 0.85rem; padding: 0.15rem 0.6rem; margin-bottom: 0.3rem; }
.number-label + input + button.clear { margin-left: 0.5rem; }
.weight { font-weight: 400; color: var(--muted); font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--border); }
td.num { font-variant-numeric: tabular-nums; width: 4rem; }
.contents ol { padding-left: 1.5rem; }
.status { font-size: 0.85rem; color: var(--muted); }
.status.done { color: var(--good); font-weight: 600; }
.entry { border-top: 3px solid var(--text); margin-top: 3rem; padding-top: 0.5rem; }
.entry-meta { color: var(--muted); font-size: 0.9rem; margin-bottom: 0; }
.entry h3 { font-size: 1.45rem; margin-top: 0.3rem; }
.summary { font-size: 1.1rem; }
.narrative, .evidence { max-width: 70ch; }
.evidence li { margin-bottom: 0.4rem; }
.scorecard { background: var(--surface); border-radius: var(--radius); padding: 0.5rem 1rem 1rem; margin-top: 1.5rem; }
.entry-progress { font-weight: 600; }
.entry-progress.done { color: var(--good); }
fieldset.score { border: 1px solid var(--border); border-radius: var(--radius); margin: 0 0 1rem; padding: 0.5rem 1rem 1rem; background: var(--bg); }
fieldset.score legend { font-weight: 700; padding: 0 0.3rem; }
.hint { margin: 0 0 0.5rem; font-size: 0.92rem; color: var(--muted); }
.options { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-bottom: 0.6rem; }
.option { display: inline-flex; flex-direction: column; align-items: center; min-width: 4.2rem; padding: 0.3rem 0.4rem; border: 1px solid var(--border); border-radius: var(--radius); cursor: pointer; text-align: center; }
.option input { margin: 0 0 0.15rem; accent-color: var(--accent); }
.option .value { font-weight: 700; font-variant-numeric: tabular-nums; }
.option .level { font-size: 0.78rem; color: var(--muted); }
.option:has(input:checked) { border: 2px solid var(--accent); background: var(--surface); }
.option:has(input:focus-visible) { outline: 3px solid var(--accent); outline-offset: 2px; }
.levels { margin: 0.2rem 0 0.6rem; padding-left: 1.2rem; font-size: 0.92rem; }
.number-label, .comment-label { display: block; font-weight: 600; margin: 0.3rem 0 0.2rem; }
input[type='number'] { font: inherit; width: 8rem; padding: 0.3rem 0.5rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--text); }
input[aria-invalid='true'] { border: 2px solid var(--bad); }
.error { color: var(--bad); font-weight: 600; margin: 0.3rem 0; }
textarea { font: inherit; width: 100%; padding: 0.3rem 0.5rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--text); }
/* The comment as printed: a copy of the text area's text, shown in full (a text area prints only its visible rows). */
.comment-print { display: none; }
.packet-footer { margin-top: 3rem; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.9rem; }
@media print {
	:root { color-scheme: light; --bg: #fff; --surface: #fff; --text: #000; --muted: #333; --border: #777; }
	body { max-width: none; padding: 0; }
	.toolbar, .skip-link, .contents, button.clear { display: none; }
	.entry { break-before: page; border-top: none; }
	fieldset.score, .criterion, tr { break-inside: avoid; }
	.option:has(input:checked) { border: 3px solid #000; }
	textarea { display: none; }
	.comment-print { display: block; white-space: pre-wrap; overflow-wrap: anywhere; min-height: 2.5em; padding: 0.3rem 0.5rem; border: 1px solid #777; border-radius: 6px; }
}
`;

/**
 * The scorecard: restores saved scores, validates every score against the scale, keeps the
 * progress current, saves to localStorage and exports JSON or CSV. Plain ES2020, no modules and
 * no template literals (it lives in one), so it runs from file:// in any current browser.
 */
const CLIENT_SCRIPT = `
(function () {
	'use strict';
	var data = JSON.parse(document.getElementById('packet-data').textContent);
	var scale = data.scale;
	var totalEntries = data.entries.length;
	var totalCriteria = data.criteria.length;

	// Same rule as the importer: within the bounds and a whole number of steps from the minimum.
	function onScale(n) {
		if (typeof n !== 'number' || !isFinite(n) || n < scale.min || n > scale.max) return false;
		var k = (n - scale.min) / scale.step;
		return Math.abs(k - Math.round(k)) < 1e-9;
	}
	// The exact step value a score on the scale stands for (4.5000000001 is 4.5).
	function snap(n) {
		return Number((scale.min + Math.round((n - scale.min) / scale.step) * scale.step).toFixed(10));
	}

	var storage = null;
	try {
		storage = window.localStorage;
		storage.setItem(data.storageKey + ':probe', '1');
		storage.removeItem(data.storageKey + ':probe');
	} catch (e) {
		storage = null;
	}

	var message = document.getElementById('message');
	function say(text, bad) {
		message.textContent = text;
		message.classList.toggle('bad', Boolean(bad));
	}
	// Warnings that stay up whatever else is said (export messages come and go in #message).
	var notices = document.getElementById('notices');
	function notice(id, text) {
		if (document.getElementById('notice-' + id)) return;
		var p = document.createElement('p');
		p.id = 'notice-' + id;
		p.className = 'notice';
		p.textContent = text;
		notices.appendChild(p);
	}

	// Each cell (an entry's criterion) keeps its score and its comment with the time each was last
	// set: state.scores[entry][criterion] = { v: number or null (cleared), t: ms }, and likewise
	// state.comments with text. Two copies of the packet open at once (two tabs, two windows) share
	// one saved record: every save merges what is saved with what is here, newest value per cell
	// winning, and a 'storage' event brings the other copy's changes into this one's form, so
	// neither copy overwrites scores or comments typed in the other.
	var state = { scores: {}, comments: {} };
	var lastStamp = 0;
	function stamp() {
		var t = Date.now();
		if (t <= lastStamp) t = lastStamp + 1;
		lastStamp = t;
		return t;
	}
	function cellOf(table, entry, criterion) {
		return table[entry] ? table[entry][criterion] : undefined;
	}
	function putCell(table, entry, criterion, cell) {
		if (!table[entry]) table[entry] = {};
		table[entry][criterion] = cell;
		if (cell.t > lastStamp) lastStamp = cell.t;
	}
	// True from the judge's first change here until the next export: closing the page asks first.
	var unexported = false;
	window.addEventListener('beforeunload', function (event) {
		if (!unexported) return;
		event.preventDefault();
		event.returnValue = '';
	});
	// Before a change, what another copy saved is taken in: the change is then stamped later than
	// everything this copy has seen, even when both clocks read the same millisecond.
	function syncFromStorage() {
		if (!storage) return;
		try {
			showCells(merge(readSaved(storage.getItem(data.storageKey))));
		} catch (e) {
			// Reading failed: the change is still kept here and saved when it can be.
		}
	}
	function setScore(entry, criterion, value) {
		syncFromStorage();
		unexported = true;
		putCell(state.scores, entry, criterion, { v: value === undefined ? null : value, t: stamp() });
	}
	function setComment(entry, criterion, text) {
		syncFromStorage();
		unexported = true;
		putCell(state.comments, entry, criterion, { v: text === '' ? null : text, t: stamp() });
	}
	// A saved record as cells: version 2 carries times; version 1 (no times) counts as oldest.
	function cellsOf(saved, kind, entry, criterion, valid) {
		var table = saved && saved[kind] && saved[kind][entry];
		if (!table || !Object.prototype.hasOwnProperty.call(table, criterion)) return undefined;
		var raw = table[criterion];
		var cell = saved.version === 2 ? raw : { v: raw, t: 0 };
		if (!cell || typeof cell !== 'object' || typeof cell.t !== 'number' || !isFinite(cell.t)) return undefined;
		if (cell.v !== null && !valid(cell.v)) return undefined;
		return { v: cell.v, t: cell.t };
	}
	function validComment(text) {
		return typeof text === 'string' && text !== '';
	}
	// Takes every cell of 'saved' newer than ours; returns the cells that changed, as [entry, criterion].
	function merge(saved) {
		var changed = [];
		if (!saved || typeof saved !== 'object') return changed;
		// Keep only what still fits this packet: a reissued packet may have other entries or a new scale.
		data.entries.forEach(function (entry) {
			data.criteria.forEach(function (criterion) {
				var touched = false;
				[['scores', onScale], ['comments', validComment]].forEach(function (kind) {
					var theirs = cellsOf(saved, kind[0], entry, criterion, kind[1]);
					var mine = cellOf(state[kind[0]], entry, criterion);
					if (theirs && (!mine || theirs.t > mine.t)) {
						if (kind[0] === 'scores' && theirs.v !== null) theirs.v = snap(theirs.v);
						putCell(state[kind[0]], entry, criterion, theirs);
						touched = touched || !mine || mine.v !== theirs.v;
					}
				});
				if (touched) changed.push([entry, criterion]);
			});
		});
		return changed;
	}
	function readSaved(text) {
		try {
			return JSON.parse(text || 'null');
		} catch (e) {
			return null;
		}
	}
	function load() {
		if (!storage) return;
		merge(readSaved(storage.getItem(data.storageKey)));
	}
	function save() {
		if (!storage) return;
		try {
			// Whatever another copy saved since we last looked is merged in first, never overwritten.
			showCells(merge(readSaved(storage.getItem(data.storageKey))));
			storage.setItem(data.storageKey, JSON.stringify({ version: 2, scores: state.scores, comments: state.comments }));
		} catch (e) {
			notice('save-failed', 'This browser could not save your latest scores. Export them before closing this file.');
		}
	}
	function scoreOf(entry, criterion) {
		var cell = cellOf(state.scores, entry, criterion);
		return cell && cell.v !== null ? cell.v : undefined;
	}
	function commentOf(entry, criterion) {
		var cell = cellOf(state.comments, entry, criterion);
		return cell && cell.v !== null ? cell.v : '';
	}
	function idsOf(element) {
		return { entry: data.entries[Number(element.dataset.entryIndex)], criterion: data.criteria[Number(element.dataset.criterionIndex)] };
	}

	function scoredCount(entry) {
		return data.criteria.filter(function (criterion) { return scoreOf(entry, criterion) !== undefined; }).length;
	}
	function completeCount() {
		return data.entries.filter(function (entry) { return scoredCount(entry) === totalCriteria; }).length;
	}
	function setText(element, text) {
		if (element.textContent !== text) element.textContent = text;
	}
	function updateProgress() {
		data.entries.forEach(function (entry, i) {
			var scored = scoredCount(entry);
			var done = scored === totalCriteria;
			var progress = document.querySelector('[data-entry-progress="' + i + '"]');
			setText(progress, scored + ' of ' + totalCriteria + ' criteria scored' + (done ? ': complete' : ''));
			progress.classList.toggle('done', done);
			var status = document.querySelector('[data-entry-status="' + i + '"]');
			setText(status, done ? 'Complete' : scored === 0 ? 'Not started' : scored + ' of ' + totalCriteria + ' criteria scored');
			status.classList.toggle('done', done);
		});
		document.querySelectorAll('[data-clear]').forEach(function (button) {
			var ids = idsOf(button);
			var input = document.querySelector('[data-score][data-entry-index="' + button.dataset.entryIndex + '"][data-criterion-index="' + button.dataset.criterionIndex + '"]');
			var empty = scoreOf(ids.entry, ids.criterion) === undefined && !(input.type === 'number' && (input.value !== '' || input.validity.badInput));
			if (button.disabled !== empty) {
				// The focus would be lost with the button: it goes to the criterion's first option or field.
				if (empty && document.activeElement === button) input.focus();
				button.disabled = empty;
			}
		});
		setText(document.getElementById('progress'), completeCount() + ' of ' + totalEntries + ' entries complete');
	}

	function showError(input, text) {
		var error = document.getElementById(input.dataset.error);
		if (text) {
			input.setAttribute('aria-invalid', 'true');
			error.textContent = text;
			error.hidden = false;
		} else {
			input.removeAttribute('aria-invalid');
			error.textContent = '';
			error.hidden = true;
		}
	}
	// A typed score counts only when it is on the scale; anything else is not kept and is flagged.
	function readNumberInput(input, flag) {
		var ids = idsOf(input);
		var raw = input.value.trim();
		if (raw === '' && !input.validity.badInput) {
			setScore(ids.entry, ids.criterion, undefined);
			showError(input, '');
			return;
		}
		var n = Number(raw);
		if (raw !== '' && onScale(n)) {
			// Kept as the exact step (42.0000000001 is 42); the field shows it once the judge moves on.
			setScore(ids.entry, ids.criterion, snap(n));
			if (flag && String(snap(n)) !== raw) input.value = String(snap(n));
			showError(input, '');
		} else {
			setScore(ids.entry, ids.criterion, undefined);
			if (flag) showError(input, 'Not a valid score: enter a number from ' + data.scaleText + '.');
		}
	}

	// Shows the saved values of the given cells ([entry, criterion] pairs) in the form.
	function showCells(cells) {
		cells.forEach(function (cell) {
			var selector = '[data-entry-index="' + data.entries.indexOf(cell[0]) + '"][data-criterion-index="' + data.criteria.indexOf(cell[1]) + '"]';
			var score = scoreOf(cell[0], cell[1]);
			document.querySelectorAll('[data-score]' + selector).forEach(function (input) {
				if (input.type === 'radio') {
					input.checked = score !== undefined && Number(input.value) === score;
				} else {
					input.value = score === undefined ? '' : String(score);
					showError(input, '');
				}
			});
			var text = commentOf(cell[0], cell[1]);
			document.querySelectorAll('[data-comment]' + selector).forEach(function (textarea) {
				if (textarea.value !== text) textarea.value = text;
			});
			document.querySelectorAll('[data-comment-print]' + selector).forEach(function (copy) {
				setText(copy, text);
			});
		});
		if (cells.length) updateProgress();
	}
	function allCells() {
		var out = [];
		data.entries.forEach(function (entry) {
			data.criteria.forEach(function (criterion) { out.push([entry, criterion]); });
		});
		return out;
	}

	// Another copy of this packet (a second tab or window) saved: take its newer values and say so.
	// A copy that opens says hello and every copy already open answers, so both know at once.
	function openTwice() {
		notice('twice', 'This packet is also open in another tab or window. Scores and comments typed in either are kept in both, but it is simplest to close one.');
	}
	window.addEventListener('storage', function (event) {
		if (event.key === data.storageKey + ':hello') {
			openTwice();
			if (event.newValue !== null) storage.setItem(data.storageKey + ':here', String(Date.now()) + Math.random());
		} else if (event.key === data.storageKey + ':here') {
			openTwice();
		} else if (event.key === data.storageKey && event.newValue !== null) {
			showCells(merge(readSaved(event.newValue)));
			openTwice();
		}
	});

	document.addEventListener('change', function (event) {
		var target = event.target;
		if (!target.matches || !target.matches('[data-score]')) return;
		if (target.type === 'radio') {
			var ids = idsOf(target);
			var n = Number(target.value);
			if (target.checked && onScale(n)) setScore(ids.entry, ids.criterion, n);
		} else {
			readNumberInput(target, true);
		}
		save();
		updateProgress();
	});
	document.addEventListener('input', function (event) {
		var target = event.target;
		if (!target.matches) return;
		if (target.matches('[data-comment]')) {
			var ids = idsOf(target);
			setComment(ids.entry, ids.criterion, target.value);
			showCells([[ids.entry, ids.criterion]]);
		} else if (target.matches('input[type=number][data-score]')) {
			// While typing, keep valid values and drop invalid ones; the message waits for the change event.
			readNumberInput(target, false);
			updateProgress();
		} else {
			return;
		}
		save();
	});

	// Clearing a criterion's score: its button, or Delete (or Backspace) on one of its options.
	function clearScore(element) {
		var ids = idsOf(element);
		setScore(ids.entry, ids.criterion, undefined);
		showCells([[ids.entry, ids.criterion]]);
		save();
		updateProgress();
	}
	document.addEventListener('click', function (event) {
		var button = event.target.closest && event.target.closest('[data-clear]');
		if (button) clearScore(button);
	});
	document.addEventListener('keydown', function (event) {
		var target = event.target;
		if ((event.key === 'Delete' || event.key === 'Backspace') && target.matches && target.matches('input[type=radio][data-score]')) {
			event.preventDefault();
			clearScore(target);
		}
	});
	document.getElementById('clear-all').addEventListener('click', function () {
		var cells = allCells();
		var scores = cells.filter(function (c) { return scoreOf(c[0], c[1]) !== undefined; }).length;
		var comments = cells.filter(function (c) { return commentOf(c[0], c[1]) !== ''; }).length;
		if (scores + comments === 0) {
			say('There are no scores or comments to clear.', false);
			return;
		}
		var what = scores + ' score' + (scores === 1 ? '' : 's') + ' and ' + comments + ' comment' + (comments === 1 ? '' : 's');
		if (!window.confirm('Clear all ' + what + ' in this packet? This cannot be undone: export them first if you may want them again.')) {
			say('Nothing was cleared.', false);
			return;
		}
		cells.forEach(function (c) {
			if (scoreOf(c[0], c[1]) !== undefined) setScore(c[0], c[1], undefined);
			if (commentOf(c[0], c[1]) !== '') setComment(c[0], c[1], '');
		});
		showCells(cells);
		save();
		updateProgress();
		say('Cleared ' + what + '.', false);
	});

	function rows() {
		var out = [];
		data.entries.forEach(function (entry) {
			data.criteria.forEach(function (criterion) {
				var score = scoreOf(entry, criterion);
				if (score !== undefined) out.push({ entry: entry, criterion: criterion, score: score, comment: commentOf(entry, criterion).trim() });
			});
		});
		return out;
	}
	// Exports carry only valid scores; an incomplete scorecard exports only after the judge confirms.
	function readyToExport() {
		var invalid = document.querySelector('[data-score][aria-invalid="true"]');
		if (invalid) {
			say('Fix the score marked as not valid before exporting.', true);
			invalid.focus();
			return null;
		}
		var scored = rows();
		if (scored.length === 0) {
			say('Nothing to export yet: score at least one entry first.', true);
			return null;
		}
		// A comment is exported with its criterion's score: one on a criterion with no score has no row to go in.
		var orphans = orphanComments();
		if (orphans.length) {
			var orphanText = orphans.length === 1 ? '1 comment is on a criterion without a score, so it is not in the file: score that criterion or clear the comment.' : orphans.length + ' comments are on criteria without a score, so they are not in the file: score those criteria or clear the comments.';
			if (!window.confirm(orphanText + ' Export without ' + (orphans.length === 1 ? 'it' : 'them') + '?')) {
				say('Export cancelled. ' + orphanText, true);
				orphans[0].focus();
				return null;
			}
		}
		var complete = completeCount();
		if (complete < totalEntries) {
			var ok = window.confirm('Only ' + complete + ' of ' + totalEntries + ' entries are complete. Export the ' + scored.length + ' scores entered so far? You can export again when you finish.');
			if (!ok) {
				say('Export cancelled.', false);
				return null;
			}
		}
		return scored;
	}
	// Comment fields with text whose criterion has no score, in the order of the page.
	function orphanComments() {
		return Array.prototype.filter.call(document.querySelectorAll('[data-comment]'), function (textarea) {
			var ids = idsOf(textarea);
			return commentOf(ids.entry, ids.criterion).trim() !== '' && scoreOf(ids.entry, ids.criterion) === undefined;
		});
	}
	function leftOut() {
		var n = orphanComments().length;
		return n === 0 ? '' : n === 1 ? ' 1 comment on a criterion without a score is not in the file.' : ' ' + n + ' comments on criteria without a score are not in the file.';
	}
	function download(name, type, text) {
		var url = URL.createObjectURL(new Blob([text], { type: type }));
		var link = document.createElement('a');
		link.href = url;
		link.download = name;
		document.body.appendChild(link);
		link.click();
		link.remove();
		setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
	}
	function csvCell(value) {
		var text = String(value);
		return /[",\\r\\n]|^\\s|\\s$/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
	}

	document.getElementById('export-json').addEventListener('click', function () {
		var scored = readyToExport();
		if (!scored) return;
		var file = { format: data.format, program: data.program, round: data.round, judge: data.judge, exportedAt: new Date().toISOString(), scores: scored };
		download(data.files.json, 'application/json', JSON.stringify(file, null, '\\t') + '\\n');
		unexported = false;
		say('Exported ' + scored.length + ' scores as ' + data.files.json + '. Send this file to the program team.' + leftOut(), false);
	});
	document.getElementById('export-csv').addEventListener('click', function () {
		var scored = readyToExport();
		if (!scored) return;
		var lines = ['judge,entry,criterion,score,comment'].concat(scored.map(function (row) {
			return [data.judge, row.entry, row.criterion, String(row.score), row.comment].map(csvCell).join(',');
		}));
		download(data.files.csv, 'text/csv', lines.join('\\n') + '\\n');
		unexported = false;
		say('Exported ' + scored.length + ' scores as ' + data.files.csv + '.' + leftOut(), false);
	});

	load();
	showCells(allCells());
	updateProgress();
	if (storage) {
		try {
			storage.setItem(data.storageKey + ':hello', String(Date.now()) + Math.random());
		} catch (e) {
			// Saving is checked (and warned about) separately.
		}
	}
	if (!storage) notice('no-storage', 'This browser does not let the packet save scores: keep it open until you have exported them.');
})();
`;
