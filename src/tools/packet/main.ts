/**
 * The judge packet's scorecard: restores saved scores, checks every score against the scale,
 * keeps the progress current, saves to localStorage as the judge goes, keeps two open copies of
 * the packet in step, and exports JSON or CSV. Bundled by esbuild into one classic script when a
 * packet is written (src/lib/html-tool.ts), so it runs from file:// in any current browser.
 */
import { PACKET_DATA_ID, type PacketData } from './data.ts';
import { download } from './download.ts';
import { exportCsv, exportJson, scoredRows, type ScoreRow } from './export.ts';
import { scorecardForm, type CellElement } from './form.ts';
import { count, leftOutText, orphanCommentsText, toolbarMessages } from './messages.ts';
import { readSaved, Scorebook } from './scorebook.ts';
import { onScale, readTypedScore } from './scores.ts';
import { openStorage } from './storage.ts';

const data = JSON.parse(document.getElementById(PACKET_DATA_ID)!.textContent!) as PacketData;
const totalEntries = data.entries.length;
const storage = openStorage(`${data.storageKey}:probe`);
const { say, notice } = toolbarMessages(document.getElementById('message')!, document.getElementById('notices')!);
const book = new Scorebook(data);
const { idsOf, updateProgress, showError, showCells, orphanComments } = scorecardForm(data, book);

// True from the judge's first change here until the next export: closing the page asks first.
let unexported = false;
window.addEventListener('beforeunload', (event) => {
	if (!unexported) return;
	event.preventDefault();
	// Deprecated, but older browsers ask only when it is set.
	event.returnValue = '';
});

function takeSaved(text: string | null): void {
	showCells(book.merge(readSaved(text)));
}

// Before a change, what another copy saved is taken in: the change is then stamped later than
// everything this copy has seen, even when both clocks read the same millisecond.
function syncFromStorage(): void {
	if (!storage) return;
	try {
		takeSaved(storage.getItem(data.storageKey));
	} catch {
		// Reading failed: the change is still kept here and saved when it can be.
	}
}

function setScore(entry: string, criterion: string, value: number | undefined): void {
	syncFromStorage();
	unexported = true;
	book.setScore(entry, criterion, value);
}

function setComment(entry: string, criterion: string, text: string): void {
	syncFromStorage();
	unexported = true;
	book.setComment(entry, criterion, text);
}

function save(): void {
	if (!storage) return;
	try {
		// Whatever another copy saved since we last looked is merged in first, never overwritten.
		takeSaved(storage.getItem(data.storageKey));
		storage.setItem(data.storageKey, JSON.stringify(book.saved()));
	} catch {
		notice('save-failed', 'This browser could not save your latest scores. Export them before closing this file.');
	}
}

// A typed score counts only when it is on the scale; anything else is not kept and, once the
// judge moves on (`flag`), is marked as not valid.
function readNumberInput(input: HTMLInputElement, flag: boolean): void {
	const ids = idsOf(input);
	const raw = input.value.trim();
	const typed = readTypedScore(data.scale, raw, input.validity.badInput);
	if (typed.kind === 'empty') {
		setScore(ids.entry, ids.criterion, undefined);
		showError(input, '');
	} else if (typed.kind === 'valid') {
		// Kept as the exact step (42.0000000001 is 42); the field shows it once the judge moves on.
		setScore(ids.entry, ids.criterion, typed.score);
		if (flag && String(typed.score) !== raw) input.value = String(typed.score);
		showError(input, '');
	} else {
		setScore(ids.entry, ids.criterion, undefined);
		if (flag) showError(input, `Not a valid score: enter a number from ${data.scaleText}.`);
	}
}

// Another copy of this packet (a second tab or window) saved: take its newer values and say so.
// A copy that opens says hello and every copy already open answers, so both know at once.
function openTwice(): void {
	notice('twice', 'This packet is also open in another tab or window. Scores and comments typed in either are kept in both, but it is simplest to close one.');
}
window.addEventListener('storage', (event) => {
	if (event.key === `${data.storageKey}:hello`) {
		openTwice();
		if (event.newValue !== null) storage?.setItem(`${data.storageKey}:here`, String(Date.now()) + Math.random());
	} else if (event.key === `${data.storageKey}:here`) {
		openTwice();
	} else if (event.key === data.storageKey && event.newValue !== null) {
		takeSaved(event.newValue);
		openTwice();
	}
});

document.addEventListener('change', (event) => {
	const target = event.target as HTMLInputElement;
	if (!target.matches || !target.matches('[data-score]')) return;
	if (target.type === 'radio') {
		const ids = idsOf(target);
		const n = Number(target.value);
		if (target.checked && onScale(data.scale, n)) setScore(ids.entry, ids.criterion, n);
	} else {
		readNumberInput(target, true);
	}
	save();
	updateProgress();
});

document.addEventListener('input', (event) => {
	const target = event.target as HTMLInputElement | HTMLTextAreaElement;
	if (!target.matches) return;
	if (target.matches('[data-comment]')) {
		const ids = idsOf(target);
		setComment(ids.entry, ids.criterion, target.value);
		showCells([[ids.entry, ids.criterion]]);
	} else if (target.matches('input[type=number][data-score]')) {
		// While typing, keep valid values and drop invalid ones; the message waits for the change event.
		readNumberInput(target as HTMLInputElement, false);
		updateProgress();
	} else {
		return;
	}
	save();
});

// Clearing a criterion's score: its button, or Delete (or Backspace) on one of its options.
function clearScore(element: CellElement): void {
	const ids = idsOf(element);
	setScore(ids.entry, ids.criterion, undefined);
	showCells([[ids.entry, ids.criterion]]);
	save();
	updateProgress();
}
document.addEventListener('click', (event) => {
	const target = event.target as Element;
	const button = target.closest ? target.closest<HTMLElement>('[data-clear]') : null;
	if (button) clearScore(button);
});
document.addEventListener('keydown', (event) => {
	const target = event.target as HTMLElement;
	if ((event.key === 'Delete' || event.key === 'Backspace') && target.matches && target.matches('input[type=radio][data-score]')) {
		event.preventDefault();
		clearScore(target);
	}
});

document.getElementById('clear-all')!.addEventListener('click', () => {
	const cells = book.allCells();
	const scores = cells.filter(([entry, criterion]) => book.score(entry, criterion) !== undefined).length;
	const comments = cells.filter(([entry, criterion]) => book.comment(entry, criterion) !== '').length;
	if (scores + comments === 0) {
		say('There are no scores or comments to clear.', false);
		return;
	}
	const what = `${count(scores, 'score')} and ${count(comments, 'comment')}`;
	if (!window.confirm(`Clear all ${what} in this packet? This cannot be undone: export them first if you may want them again.`)) {
		say('Nothing was cleared.', false);
		return;
	}
	for (const [entry, criterion] of cells) {
		if (book.score(entry, criterion) !== undefined) setScore(entry, criterion, undefined);
		if (book.comment(entry, criterion) !== '') setComment(entry, criterion, '');
	}
	showCells(cells);
	save();
	updateProgress();
	say(`Cleared ${what}.`, false);
});

// Exports carry only valid scores; an incomplete scorecard exports only after the judge confirms.
function readyToExport(): ScoreRow[] | null {
	const invalid = document.querySelector<HTMLElement>('[data-score][aria-invalid="true"]');
	if (invalid) {
		say('Fix the score marked as not valid before exporting.', true);
		invalid.focus();
		return null;
	}
	const scored = scoredRows(book);
	if (scored.length === 0) {
		say('Nothing to export yet: score at least one entry first.', true);
		return null;
	}
	// A comment is exported with its criterion's score: one on a criterion with no score has no row to go in.
	const orphans = orphanComments();
	if (orphans.length) {
		const orphanText = orphanCommentsText(orphans.length);
		if (!window.confirm(`${orphanText} Export without ${orphans.length === 1 ? 'it' : 'them'}?`)) {
			say(`Export cancelled. ${orphanText}`, true);
			orphans[0].focus();
			return null;
		}
	}
	const complete = book.completeCount();
	if (complete < totalEntries) {
		const ok = window.confirm(`Only ${complete} of ${totalEntries} entries are complete. Export the ${scored.length} scores entered so far? You can export again when you finish.`);
		if (!ok) {
			say('Export cancelled.', false);
			return null;
		}
	}
	return scored;
}

document.getElementById('export-json')!.addEventListener('click', () => {
	const scored = readyToExport();
	if (!scored) return;
	download(data.files.json, 'application/json', exportJson(data, scored, new Date().toISOString()));
	unexported = false;
	say(`Exported ${scored.length} scores as ${data.files.json}. Send this file to the program team.${leftOutText(orphanComments().length)}`, false);
});
document.getElementById('export-csv')!.addEventListener('click', () => {
	const scored = readyToExport();
	if (!scored) return;
	download(data.files.csv, 'text/csv', exportCsv(data, scored));
	unexported = false;
	say(`Exported ${scored.length} scores as ${data.files.csv}.${leftOutText(orphanComments().length)}`, false);
});

// What this judge saved before (possibly in another copy of the file) fills in the form.
if (storage) book.merge(readSaved(storage.getItem(data.storageKey)));
showCells(book.allCells());
updateProgress();
if (storage) {
	try {
		storage.setItem(`${data.storageKey}:hello`, String(Date.now()) + Math.random());
	} catch {
		// Saving is checked (and warned about) separately.
	}
}
if (!storage) notice('no-storage', 'This browser does not let the packet save scores: keep it open until you have exported them.');
