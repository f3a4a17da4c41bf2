/**
 * Approval proofs: one self-contained HTML file showing a story, video page or award entry as it
 * will be published, with a form for the customer's reviewer to approve it, approve it with
 * changes, or decline, and export the approval file `npm run approval -- record` reads back.
 *
 * Every piece of content text is HTML-escaped here; a story's body arrives already sanitised by
 * the site's own allow-list (`src/lib/story-html.ts`), and images arrive as `data:` URIs. The
 * form's code is `src/tools/proof/`, inlined by `renderHtmlTool` under a Content-Security-Policy
 * that allows only it and its style (by hash), images only as `data:`, and no connections.
 */
import { PROOF_DATA_ID, type ProofData } from '../../tools/proof/data.ts';
import { APPROVAL_FILE_FORMAT } from '../../tools/proof/data.ts';
import { escapeHtml as e, renderHtmlTool } from '../html-tool.ts';
import type { ApprovableKind, FieldDigests } from './digest.ts';

/** The proof's browser code. */
const PROOF_TOOL = {
	script: new URL('../../tools/proof/main.ts', import.meta.url),
	style: [new URL('../../tools/shared/base.css', import.meta.url), new URL('../../tools/proof/proof.css', import.meta.url)],
};

/** What a reader of the published page sees, and who may approve it: plain data, loaded and checked by the caller. */
export interface ProofInput {
	item: { kind: ApprovableKind; id: string };
	/** "story", "video", "award entry": what the page is, in words. */
	kindLabel: string;
	vendor: string;
	title: string;
	summary: string;
	customer: { displayName: string; /** data: URI, only when the customer allows its logo. */ logo?: string; anonymous: boolean };
	/** Hero image or video poster. */
	image?: { src: string; alt: string };
	/** Bylines or speakers, as the site credits them. */
	people: string[];
	metrics: { figure: string; label: string; from: string; period: string; method: string; measuredOn: string }[];
	quotes: { text: string; signature: string }[];
	/** Sanitised HTML of a story's body; plain text paragraphs otherwise (`bodyText`). */
	bodyHtml?: string;
	bodyText?: string;
	/** Other published facts: disclosure, products, video source, evidence… */
	facts: { label: string; value: string }[];
	/** The published fields this approval covers, by name. */
	covers: readonly string[];
	digest: string;
	fields: FieldDigests;
	/** The customer's people, one of whom reviews. */
	reviewers: { id: string; name: string; title: string }[];
	/** ISO timestamp (the caller's clock keeps this pure). */
	generatedAt: string;
}

/** The name of the approval file a proof exports. */
export function approvalFileName(item: ProofInput['item']): string {
	return `approval-${item.kind}-${item.id.replace(/\//g, '-')}.json`;
}

const paragraphs = (text: string) =>
	text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => `<p>${e(p)}</p>`)
		.join('\n');

function itemHtml(p: ProofInput): string {
	const logo = p.customer.logo ? `<img src="${e(p.customer.logo)}" alt="${e(p.customer.displayName)} logo">` : '';
	const image = p.image ? `<figure><img src="${e(p.image.src)}" alt="${e(p.image.alt)}"></figure>` : '';
	const people = p.people.length ? `<p class="byline">${p.people.map(e).join(' · ')}</p>` : '';
	const metrics = p.metrics.length
		? `<h2>Results</h2>\n<ul class="metrics">${p.metrics
				.map((m) => `<li><span class="figure">${e(m.figure)}</span> ${e(m.label)}<br><span class="method">${e(m.from)}; ${e(m.period)}. Measured ${e(m.measuredOn)}: ${e(m.method)}</span></li>`)
				.join('\n')}</ul>`
		: '';
	const quotes = p.quotes.map((q) => `<blockquote><p>${e(q.text)}</p><footer>${e(q.signature)}</footer></blockquote>`).join('\n');
	const body = p.bodyHtml ?? (p.bodyText ? paragraphs(p.bodyText) : '');
	const facts = p.facts.length ? `<dl class="facts">${p.facts.map((f) => `<dt>${e(f.label)}</dt><dd>${e(f.value)}</dd>`).join('')}</dl>` : '';
	return `<article class="item" aria-labelledby="item-title">
	<div class="customer">${logo}<p>${e(p.customer.displayName)}${p.customer.anonymous ? ' <span class="muted">(your name is withheld: this is how the page refers to you)</span>' : ''}</p></div>
	<h1 id="item-title">${e(p.title)}</h1>
	<p class="summary">${e(p.summary)}</p>
	${people}
	${image}
	${metrics}
	${quotes}
	<div class="body">
${body}
	</div>
	${facts}
</article>`;
}

function formHtml(p: ProofInput): string {
	const options = p.reviewers.map((r) => `<option value="${e(r.id)}">${e(r.name)}, ${e(r.title)}</option>`).join('');
	return `<form id="approval-form" class="decision" aria-labelledby="decision-title" novalidate>
	<h2 id="decision-title">Your decision</h2>
	<p>Your approval covers exactly the ${e(p.kindLabel)} shown above: ${p.covers.map(e).join(', ')}. If any of it changes later, ${e(p.vendor)} will ask you again before it is published.</p>
	<label for="reviewer-person">Who you are</label>
	<select id="reviewer-person" required><option value="">Choose your name</option>${options}</select>
	<label for="reviewer-name">Your name</label>
	<input type="text" id="reviewer-name" autocomplete="name" required>
	<label for="reviewer-title">Your job title</label>
	<input type="text" id="reviewer-title" autocomplete="organization-title" required>
	<fieldset>
		<legend>Decision</legend>
		<label><input type="radio" name="decision" value="approve"> Approve for publication as shown</label>
		<label><input type="radio" name="decision" value="approve-with-changes"> Approve once the changes in my comments are made</label>
		<label><input type="radio" name="decision" value="decline"> Decline: do not publish</label>
	</fieldset>
	<label for="expires-on">Approval ends on (optional)</label>
	<input type="date" id="expires-on">
	<p class="muted">Without a date, the approval lasts two years; the page comes down when it ends unless you renew it.</p>
	<label for="comments">Comments</label>
	<textarea id="comments" rows="5"></textarea>
	<button type="submit" id="export">Export my decision</button>
	<p id="export-message" class="message" role="status"></p>
	<noscript><p class="note">This proof needs JavaScript to export your decision. You can still read it, and reply to your contact in writing.</p></noscript>
</form>`;
}

/** Renders the proof: one HTML document with inline style and script, images as data: URIs, nothing fetched. */
export function renderProof(p: ProofInput): string {
	const data: ProofData = {
		format: APPROVAL_FILE_FORMAT,
		item: p.item,
		digest: p.digest,
		fields: p.fields,
		people: p.reviewers,
		fileName: approvalFileName(p.item),
	};
	const header = `<header>
	<p class="eyebrow">Approval proof · ${e(p.kindLabel)} · ${e(p.vendor)}</p>
	<p class="note">This is how the ${e(p.kindLabel)} below will appear on ${e(p.vendor)}'s site. Please read it, then record your decision at the end and send the exported file back. This file works offline and sends nothing anywhere.</p>
</header>`;
	const footer = `<footer><p class="covers">Proof of ${e(p.item.kind)} ${e(p.item.id)}, made ${e(p.generatedAt)}. Content digest (SHA-256) <code>${e(p.digest)}</code>.</p></footer>`;
	return renderHtmlTool({
		title: `Approval proof: ${p.title}`,
		body: [header, '<main>', itemHtml(p), formHtml(p), '</main>', footer].join('\n'),
		sources: PROOF_TOOL,
		data: { id: PROOF_DATA_ID, value: data },
	});
}
