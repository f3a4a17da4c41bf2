/**
 * An entry in a judge packet: its text, written by the entrant, and its scorecard. Every piece of
 * the entrant's text is HTML-escaped, the narrative is shown as plain text blocks (never as HTML),
 * and URLs stay text: the packet must not load or link anything.
 */
import { escapeHtml as e } from '../../html-tool.ts';
import { markdownToTextBlocks } from '../../plaintext.ts';
import type { PacketEntry, PacketInput } from './input.ts';
import { scoreField } from './scorecard-html.ts';

/** The Markdown narrative as headings, paragraphs and lists of plain text. */
export function narrativeHtml(markdown: string): string {
	return markdownToTextBlocks(markdown)
		.map((block) => {
			if (block.kind === 'heading') return `<h5>${e(block.text)}</h5>`;
			if (block.kind === 'list') return `<ul>${block.items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`;
			return `<p>${e(block.text)}</p>`;
		})
		.join('\n');
}

/** The evidence list; URLs are shown as text, which judges can copy if they choose to check. */
export function evidenceHtml(evidence: PacketEntry['evidence']): string {
	if (evidence.length === 0) return '<p class="muted">No evidence listed.</p>';
	const items = evidence.map((item) => {
		const source = item.url ? `<br><span class="muted">Source (not opened by this packet):</span> <code class="url">${e(item.url)}</code>` : '';
		return `<li><strong>${e(item.label)}:</strong> ${e(item.detail)}${source}</li>`;
	});
	return `<ul class="evidence">${items.join('\n')}</ul>`;
}

/** Who entered, in a program that is not judged blind ('' otherwise). */
export function entrantHtml(entrant: PacketEntry['entrant']): string {
	if (!entrant) return '';
	const website = entrant.website ? ` <code class="url">${e(entrant.website)}</code>` : '';
	return `<p class="entrant"><span class="muted">Entrant:</span> ${e(entrant.name)}${website}</p>`;
}

/** Entry `ei` of the packet's entries, with its scorecard. */
export function entryHtml(program: PacketInput['program'], entries: readonly PacketEntry[], ei: number): string {
	const entry = entries[ei];
	const n = ei + 1;
	const category = program.categories.find((c) => c.id === entry.category)?.name ?? entry.category;
	const fields = program.criteria.map((c, ci) => scoreField(program.scale, ei, ci, c)).join('\n');
	return `
<article class="entry" id="entry-${n}" aria-labelledby="entry-${n}-title">
	<p class="entry-meta">Entry ${n} of ${entries.length} · <span class="category">${e(category)}</span> · id <code>${e(entry.id)}</code></p>
	<h3 id="entry-${n}-title">${e(entry.title)}</h3>
	${entrantHtml(entry.entrant)}
	<p class="summary">${e(entry.summary)}</p>
	<h4>Narrative</h4>
	<div class="narrative">
${narrativeHtml(entry.narrative)}
	</div>
	<h4>Evidence</h4>
	${evidenceHtml(entry.evidence)}
	<section class="scorecard" aria-labelledby="entry-${n}-scorecard">
		<h4 id="entry-${n}-scorecard">Scorecard: ${e(entry.title)}</h4>
		<p class="entry-progress" data-entry-progress="${ei}">0 of ${program.criteria.length} criteria scored</p>
${fields}
	</section>
</article>`;
}
