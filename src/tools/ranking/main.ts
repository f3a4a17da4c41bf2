/**
 * A ranking packet's control: per category an ordered list the judge rearranges with "Move up" /
 * "Move down" or a rank picker (no dragging needed), each move announced to screen readers and
 * focus kept on the control that made it. The order is saved in localStorage as the judge goes;
 * Export downloads the rankings sheet of the categories the judge has confirmed.
 */
import { download } from '../packet/download.ts';
import { openStorage } from '../packet/storage.ts';
import { RANKING_DATA_ID, type RankingData } from './data.ts';
import { move, rankingsCsv, readSaved } from './order.ts';

const data = JSON.parse(document.getElementById(RANKING_DATA_ID)!.textContent!) as RankingData;
const storage = openStorage(`${data.storageKey}:probe`);
const state = readSaved(data, storage ? storage.getItem(data.storageKey) : null);
const announce = document.getElementById('announce')!;
const message = document.getElementById('message')!;
const progress = document.getElementById('progress')!;

function save(): void {
	if (!storage) return;
	try {
		storage.setItem(data.storageKey, JSON.stringify(state));
	} catch {
		message.textContent = 'This browser could not save your latest order: export your rankings before closing this file.';
	}
}

function updateProgress(): void {
	const done = state.confirmed.filter(Boolean).length;
	progress.textContent = `${done} of ${data.categories.length} categories ranked`;
}

/** Puts category `ci`'s list items in the state's order, with their rank pickers and buttons to match. */
function render(ci: number): void {
	const list = document.querySelector<HTMLOListElement>(`ol[data-category="${ci}"]`)!;
	const order = state.orders[ci];
	order.forEach((ei, position) => {
		const item = list.querySelector<HTMLLIElement>(`li[data-entry="${ei}"]`)!;
		list.appendChild(item);
		item.querySelector<HTMLSelectElement>('select')!.value = String(position + 1);
		item.querySelector<HTMLButtonElement>('[data-move="up"]')!.disabled = position === 0;
		item.querySelector<HTMLButtonElement>('[data-move="down"]')!.disabled = position === order.length - 1;
	});
	document.querySelector<HTMLInputElement>(`[data-confirm="${ci}"]`)!.checked = state.confirmed[ci];
}

const categoryOf = (ei: number) => data.categories.findIndex((c) => c.entries.includes(ei));

/** Moves finalist `ei` to position `to`, then says where it is and puts focus back on `focus` (or its enabled twin). */
function moveTo(ei: number, to: number, focus: 'up' | 'down' | 'select'): void {
	const ci = categoryOf(ei);
	const from = state.orders[ci].indexOf(ei);
	const at = move(state, ci, from, to);
	render(ci);
	save();
	const item = document.querySelector<HTMLLIElement>(`li[data-entry="${ei}"]`)!;
	const up = item.querySelector<HTMLButtonElement>('[data-move="up"]')!;
	const down = item.querySelector<HTMLButtonElement>('[data-move="down"]')!;
	const target = focus === 'select' ? item.querySelector('select')! : focus === 'up' ? (up.disabled ? down : up) : down.disabled ? up : down;
	target.focus();
	const n = state.orders[ci].length;
	announce.textContent = `${data.entries[ei].title}: rank ${at + 1} of ${n} in ${data.categories[ci].name}.`;
}

document.addEventListener('click', (event) => {
	const button = (event.target as Element).closest<HTMLButtonElement>('[data-move]');
	if (!button || button.disabled) return;
	const ei = Number(button.dataset.entry);
	const position = state.orders[categoryOf(ei)].indexOf(ei);
	const direction = button.dataset.move === 'up' ? 'up' : 'down';
	moveTo(ei, direction === 'up' ? position - 1 : position + 1, direction);
});

document.addEventListener('change', (event) => {
	const target = event.target as HTMLInputElement | HTMLSelectElement;
	if (target.dataset.rank !== undefined) {
		moveTo(Number(target.dataset.rank), Number(target.value) - 1, 'select');
	} else if (target.dataset.confirm !== undefined) {
		state.confirmed[Number(target.dataset.confirm)] = (target as HTMLInputElement).checked;
		save();
		updateProgress();
	}
});

document.getElementById('export-csv')!.addEventListener('click', () => {
	const done = state.confirmed.filter(Boolean).length;
	if (done === 0) {
		message.textContent = 'Nothing to export yet: tick "This order is my ranking" under at least one category first.';
		return;
	}
	if (done < data.categories.length && !window.confirm(`Only ${done} of ${data.categories.length} categories are ranked. Export those? You can export again when you finish.`)) {
		message.textContent = 'Export cancelled.';
		return;
	}
	download(data.file, 'text/csv', rankingsCsv(data, state));
	message.textContent = `Exported your rankings of ${done} ${done === 1 ? 'category' : 'categories'} as ${data.file}. Send this file to the program team.`;
});

data.categories.forEach((_, ci) => render(ci));
updateProgress();
if (!storage) message.textContent = 'This browser does not let the packet save your order: keep it open until you have exported your rankings.';
