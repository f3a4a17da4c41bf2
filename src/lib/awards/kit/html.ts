/**
 * The entry kit: one self-contained HTML form per program that entrants fill in offline. It shows
 * the categories, the criteria with their level descriptors (what judges look for), the
 * eligibility questions and every field with its limit, keeps the draft in the browser as the
 * entrant types, and exports the entry file `awards intake` takes (`credence-entry/1`). The
 * limits travel as data from program.yaml, so the kit and intake count the same way.
 *
 * The form's code is `src/tools/entry-kit/`, inlined by `renderHtmlTool` with a policy that allows
 * only it and its style and no connections: the kit sends nothing anywhere.
 */
import type { Eligibility } from '../../../schemas/award.ts';
import { KIT_DATA_ID, type KitData } from '../../../tools/entry-kit/data.ts';
import { escapeHtml as e, renderHtmlTool } from '../../html-tool.ts';
import { ENTRY_FILE_FORMAT } from '../entry-file.ts';
import { scaleText, sortedLevels, type PacketCriterion } from '../packet/input.ts';

const KIT_TOOL = {
	script: new URL('../../../tools/entry-kit/main.ts', import.meta.url),
	style: [new URL('../../../tools/shared/base.css', import.meta.url), new URL('../../../tools/entry-kit/kit.css', import.meta.url)],
};

/** Everything the kit shows: plain data, loaded and checked by the caller. */
export interface KitInput {
	program: {
		id: string;
		name: string;
		summary: string;
		blind: boolean;
		scale: { min: number; max: number; step: number };
		categories: { id: string; name: string; description: string }[];
		criteria: PacketCriterion[];
		eligibility?: Eligibility;
	};
	/** The products an entry may name (the eligible ones when the program lists them). */
	products: { id: string; name: string }[];
	/** ISO timestamp shown in the kit. */
	generatedAt: string;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const limitNote = (text: string | undefined) => (text ? ` <span class="limit">(${e(text)})</span>` : '');

function eligibilityHtml(rules: Eligibility | undefined): string {
	if (!rules) return '';
	const items: string[] = [];
	if (rules.closes) items.push(`Entries close on <strong>${e(day(rules.closes))}</strong>.`);
	if (rules.customerSince) items.push(`Your organisation must have been a customer since <strong>${e(day(rules.customerSince))}</strong> or earlier.`);
	if (rules.inProduction) items.push('The work must be in production, in everyday use: not a pilot.');
	if (rules.regions.length) items.push(`Open to organisations in: ${e(rules.regions.join(', '))}.`);
	if (rules.onePerCustomerPerCategory) items.push('One entry per organisation in each category.');
	if (!items.length) return '';
	return `<section aria-labelledby="rules-title"><h2 id="rules-title">Who may enter</h2><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></section>`;
}

function criteriaHtml(program: KitInput['program']): string {
	const criteria = program.criteria.map((c, ci) => {
		const levels = sortedLevels(c).map((l) => `<tr><td class="num">${e(String(l.score))}</td><th scope="row">${e(l.label)}</th><td>${e(l.descriptor)}</td></tr>`).join('');
		return `<section class="criterion" aria-labelledby="criterion-${ci + 1}"><h3 id="criterion-${ci + 1}">${e(c.name)} <span class="weight">weight ${e(String(c.weight))}%</span></h3>
<p>${e(c.description)}</p>
<table><caption class="visually-hidden">What judges look for: ${e(c.name)}</caption><thead><tr><th scope="col">Score</th><th scope="col">Level</th><th scope="col">What the entry shows</th></tr></thead><tbody>${levels}</tbody></table></section>`;
	});
	return `<details class="rubric"><summary>What judges look for: the criteria (${e(scaleText(program.scale))})</summary>${criteria.join('\n')}</details>`;
}

function formHtml(input: KitInput): string {
	const { program, products } = input;
	const rules = program.eligibility;
	const categories = program.categories
		.map((c, i) => `<label class="choice"><input type="radio" name="category" value="${i}" data-field="category"> <span><strong>${e(c.name)}</strong><br><span class="muted">${e(c.description)}</span></span></label>`)
		.join('\n');
	const productBoxes = products.map((p, i) => `<label class="choice"><input type="checkbox" data-product="${i}"> ${e(p.name)}</label>`).join('\n');
	const questions = [
		rules?.customerSince ? `<label for="customer-since">Since when has your organisation been a customer?</label><input type="date" id="customer-since" data-field="customerSince" required>` : '',
		rules?.inProduction
			? `<fieldset id="in-production" tabindex="-1"><legend>Is the work described in production, in everyday use (not a pilot)?</legend><label class="choice"><input type="radio" name="in-production" value="yes" data-field="inProduction"> Yes</label> <label class="choice"><input type="radio" name="in-production" value="no" data-field="inProduction"> No</label></fieldset>`
			: '',
	].join('\n');
	const limits = rules ?? ({} as Partial<Eligibility>);
	const counter = (id: string) => `<p class="counter" id="${id}-count" aria-live="polite"></p>`;
	return `<form id="entry-form" novalidate>
<fieldset><legend>Who is entering</legend>
<p class="hint">Use the ids in your invitation from the program team.</p>
<label for="customer">Your organisation's id</label><input id="customer" data-field="customer" autocomplete="off" spellcheck="false" required>
<label for="submitter">Your own id</label><input id="submitter" data-field="submitter" autocomplete="off" spellcheck="false" required>
</fieldset>
${questions ? `<fieldset><legend>Eligibility</legend>${questions}</fieldset>` : ''}
<fieldset id="category" tabindex="-1"><legend>Category</legend>
${categories}
</fieldset>
<label for="title">Title${limitNote(limits.titleMaxChars ? `at most ${limits.titleMaxChars} characters` : undefined)}</label>
<input id="title" data-field="title" aria-describedby="title-count" required>
${counter('title')}
<label for="summary">Summary: one or two sentences${limitNote(limits.summaryMaxWords ? `at most ${limits.summaryMaxWords} words` : undefined)}</label>
<textarea id="summary" data-field="summary" rows="3" aria-describedby="summary-count" required></textarea>
${counter('summary')}
<label for="narrative">Narrative: what you did, how, and what changed${limitNote(limits.narrativeMaxWords ? `at most ${limits.narrativeMaxWords} words` : undefined)}</label>
<p class="hint" id="narrative-hint">Plain text; blank lines separate paragraphs, and lines starting with "- " make a list.${program.blind ? ' This program is judged blind: do not name your organisation, its people or its website anywhere in your entry.' : ''}</p>
<textarea id="narrative" data-field="narrative" rows="14" aria-describedby="narrative-hint narrative-count" required></textarea>
${counter('narrative')}
${products.length ? `<fieldset id="products" tabindex="-1"><legend>Products involved${rules?.products.length ? ' (at least one)' : ''}</legend>${productBoxes}</fieldset>` : ''}
<fieldset><legend>Evidence and metrics${limitNote(limits.evidenceMax ? `at most ${limits.evidenceMax}` : undefined)}</legend>
<p class="hint">Each piece: what it measures, the figure (with its baseline and period), and where it can be checked (a web address starting with https://, optional).</p>
<ol id="evidence" class="evidence-list" tabindex="-1"></ol>
<button type="button" id="add-evidence" class="secondary">Add evidence</button>
</fieldset>
</form>`;
}

/** What the kit's script reads. */
function kitData({ program, products }: KitInput): KitData {
	const rules = program.eligibility;
	return {
		storageKey: `credence-entry-kit:${program.id}`,
		format: ENTRY_FILE_FORMAT,
		program: program.id,
		categories: program.categories.map((c) => c.id),
		products: products.map((p) => p.id),
		productRequired: Boolean(rules?.products.length),
		questions: { customerSince: Boolean(rules?.customerSince), inProduction: Boolean(rules?.inProduction) },
		limits: { titleMaxChars: rules?.titleMaxChars, summaryMaxWords: rules?.summaryMaxWords, narrativeMaxWords: rules?.narrativeMaxWords, evidenceMax: rules?.evidenceMax },
	};
}

/** Renders the entry kit: one HTML document with inline style and script, nothing fetched. */
export function renderKit(input: KitInput): string {
	const { program } = input;
	const body = `<header class="kit-header">
	<p class="eyebrow">Entry kit · works offline · sends nothing</p>
	<h1>${e(program.name)}</h1>
	<p>${e(program.summary)}</p>
</header>
<div class="toolbar" role="region" aria-label="Save and export">
	<button type="button" id="export">Export my entry</button>
	<button type="button" id="clear" class="secondary">Start again</button>
	<p id="saved" class="saved" role="status"></p>
	<div id="message" class="message" role="alert"></div>
</div>
<noscript><p class="note warning">This entry kit needs JavaScript to save and export your entry.</p></noscript>
<main>
<section class="instructions" aria-labelledby="how-title"><h2 id="how-title">How to enter</h2><ol>
	<li>Fill in the form below. Your draft is saved in this browser as you type: you can close this file and open it again later, on the same computer.</li>
	<li>Choose <strong>Export my entry</strong>: it checks the entry and downloads one file. Send that file to the program team.</li>
	<li>This file works offline and sends nothing anywhere: your entry leaves this computer only when you send it.</li>
</ol></section>
${eligibilityHtml(program.eligibility)}
${criteriaHtml(program)}
<h2>Your entry</h2>
${formHtml(input)}
</main>
<footer class="kit-footer"><p>Generated ${e(input.generatedAt)} · ${e(program.name)} · entry format ${e(ENTRY_FILE_FORMAT)}.</p></footer>`;
	return renderHtmlTool({ title: `Entry kit: ${program.name}`, body, sources: KIT_TOOL, data: { id: KIT_DATA_ID, value: kitData(input) } });
}
