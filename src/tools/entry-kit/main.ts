/**
 * The entry kit's form: restores the saved draft, saves it to localStorage as the entrant types,
 * keeps the word and character counts against the program's limits, adds and removes pieces of
 * evidence, and exports the entry file. Bundled into one classic script by src/lib/html-tool.ts.
 */
import { entryFileName } from '../../lib/awards/entry-file.ts';
import { countChars, countWords } from '../../lib/awards/words.ts';
import { download } from '../packet/download.ts';
import { openStorage } from '../packet/storage.ts';
import { KIT_DATA_ID, type KitData } from './data.ts';
import { draftProblems, entryFile, readDraft, type Draft } from './entry.ts';

const data = JSON.parse(document.getElementById(KIT_DATA_ID)!.textContent!) as KitData;
const storage = openStorage(`${data.storageKey}:probe`);
const draft: Draft = readDraft(storage ? storage.getItem(data.storageKey) : null);
const saved = document.getElementById('saved')!;
const message = document.getElementById('message')!;
const evidenceList = document.getElementById('evidence')!;
const addEvidence = document.getElementById('add-evidence') as HTMLButtonElement;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
const TEXT_FIELDS = [
	['customer', 'customer'],
	['submitter', 'submitter'],
	['customer-since', 'customerSince'],
	['title', 'title'],
	['summary', 'summary'],
	['narrative', 'narrative'],
] as const;

function save(): void {
	if (!storage) return;
	try {
		storage.setItem(data.storageKey, JSON.stringify(draft));
		saved.textContent = 'Draft saved in this browser.';
	} catch {
		saved.textContent = 'This browser could not save your draft: export your entry before closing this file.';
	}
}

/** "120 of 400 words": the count against the limit, marked when over it. */
function showCounts(): void {
	const counts: [string, number, number | undefined, string][] = [
		['title', countChars(draft.title), data.limits.titleMaxChars, 'characters'],
		['summary', countWords(draft.summary), data.limits.summaryMaxWords, 'words'],
		['narrative', countWords(draft.narrative), data.limits.narrativeMaxWords, 'words'],
	];
	for (const [id, n, limit, unit] of counts) {
		const out = byId(`${id}-count`)!;
		const over = limit !== undefined && n > limit;
		out.textContent = limit === undefined ? `${n} ${unit}` : `${n} of ${limit} ${unit}${over ? `: ${n - limit} over the limit` : ''}`;
		out.classList.toggle('bad', over);
		byId(id)!.setAttribute('aria-invalid', String(over));
	}
	const full = data.limits.evidenceMax !== undefined && draft.evidence.length >= data.limits.evidenceMax;
	addEvidence.disabled = full;
	addEvidence.title = full ? `At most ${data.limits.evidenceMax} pieces of evidence` : '';
}

/** One evidence row, built with the DOM (the entrant's text goes in as values, never as markup). */
function evidenceRow(i: number): HTMLLIElement {
	const item = draft.evidence[i];
	const li = document.createElement('li');
	li.id = `evidence-${i}`;
	li.tabIndex = -1;
	const field = (key: 'label' | 'detail' | 'url', label: string, type: string) => {
		const id = `evidence-${i}-${key}`;
		const l = document.createElement('label');
		l.htmlFor = id;
		l.textContent = label;
		const input = document.createElement('input');
		input.id = id;
		input.type = type;
		input.value = item[key];
		input.dataset.evidence = String(i);
		input.dataset.key = key;
		li.append(l, input);
	};
	field('label', `Evidence ${i + 1}: what it measures`, 'text');
	field('detail', 'The figure, with its baseline and period', 'text');
	field('url', 'Where it can be checked (optional web address)', 'url');
	const remove = document.createElement('button');
	remove.type = 'button';
	remove.className = 'secondary';
	remove.dataset.remove = String(i);
	remove.textContent = `Remove evidence ${i + 1}`;
	li.append(remove);
	return li;
}

function showEvidence(): void {
	evidenceList.replaceChildren(...draft.evidence.map((_, i) => evidenceRow(i)));
}

/** The draft into the form. */
function fill(): void {
	for (const [id, key] of TEXT_FIELDS) {
		const input = byId<HTMLInputElement>(id);
		if (input) input.value = draft[key];
	}
	document.querySelectorAll<HTMLInputElement>('input[name="category"]').forEach((r) => (r.checked = Number(r.value) === draft.category));
	document.querySelectorAll<HTMLInputElement>('input[name="in-production"]').forEach((r) => (r.checked = r.value === draft.inProduction));
	document.querySelectorAll<HTMLInputElement>('[data-product]').forEach((box) => (box.checked = draft.products.includes(Number(box.dataset.product))));
	showEvidence();
	showCounts();
}

document.addEventListener('input', (event) => {
	const target = event.target as HTMLInputElement;
	const known = TEXT_FIELDS.find(([id]) => id === target.id);
	if (known) draft[known[1]] = target.value;
	else if (target.dataset.evidence !== undefined) draft.evidence[Number(target.dataset.evidence)][target.dataset.key as 'label' | 'detail' | 'url'] = target.value;
	else return;
	showCounts();
	save();
});

document.addEventListener('change', (event) => {
	const target = event.target as HTMLInputElement;
	if (target.name === 'category') draft.category = Number(target.value);
	else if (target.name === 'in-production') draft.inProduction = target.value;
	else if (target.dataset.product !== undefined) {
		const i = Number(target.dataset.product);
		draft.products = target.checked ? [...new Set([...draft.products, i])] : draft.products.filter((p) => p !== i);
	} else return;
	save();
});

addEvidence.addEventListener('click', () => {
	draft.evidence.push({ label: '', detail: '', url: '' });
	showEvidence();
	showCounts();
	save();
	byId(`evidence-${draft.evidence.length - 1}-label`)!.focus();
});

evidenceList.addEventListener('click', (event) => {
	const button = (event.target as Element).closest<HTMLButtonElement>('[data-remove]');
	if (!button) return;
	draft.evidence.splice(Number(button.dataset.remove), 1);
	showEvidence();
	showCounts();
	save();
	addEvidence.focus();
});

document.getElementById('clear')!.addEventListener('click', () => {
	if (!window.confirm('Clear the whole form and start again? Export your entry first if you may want it.')) return;
	Object.assign(draft, readDraft(null));
	fill();
	save();
	message.textContent = 'The form is empty again.';
});

document.getElementById('export')!.addEventListener('click', () => {
	const problems = draftProblems(data, draft);
	message.replaceChildren();
	message.classList.toggle('bad', problems.length > 0);
	if (problems.length) {
		const intro = document.createElement('p');
		intro.textContent = `Your entry is not ready to export: ${problems.length === 1 ? 'one thing' : `${problems.length} things`} to fix.`;
		const list = document.createElement('ul');
		for (const p of problems) {
			const li = document.createElement('li');
			const link = document.createElement('a');
			link.href = `#${p.field}`;
			link.textContent = p.message;
			li.append(link);
			list.append(li);
		}
		message.append(intro, list);
		// The field to fix first: a choice's first option, a text field, or the first product box.
		const field = problems[0].field;
		const first = document.querySelector<HTMLElement>(`[name="${field}"]`) ?? byId(field) ?? (field === 'products' ? document.querySelector<HTMLElement>('[data-product]') : null);
		first?.focus();
		return;
	}
	const file = entryFile(data, draft, new Date().toISOString());
	const name = entryFileName(data.program, file.entry.title);
	download(name, 'application/json', `${JSON.stringify(file, null, '\t')}\n`);
	message.textContent = `Exported your entry as ${name}. Send this file to the program team.`;
});

fill();
if (!storage) saved.textContent = 'This browser does not let the kit save your draft: keep it open until you have exported your entry.';
