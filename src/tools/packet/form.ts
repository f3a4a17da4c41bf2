/**
 * The scorecard form: showing the scorebook's values in the fields, the progress of each entry and
 * of the packet, and a typed score's error. Fields name their cell by indices into the packet's
 * data (`data-entry-index`, `data-criterion-index`).
 */
import type { PacketData } from './data.ts';
import type { CellRef, Scorebook } from './scorebook.ts';

/** A score field, comment or button: it names its cell by indices into the packet's data. */
export type CellElement = HTMLElement & { dataset: { entryIndex?: string; criterionIndex?: string } };

/** The page's form, showing `book`. */
export function scorecardForm(data: PacketData, book: Scorebook) {
	const totalEntries = data.entries.length;
	const totalCriteria = data.criteria.length;

	function idsOf(element: CellElement): { entry: string; criterion: string } {
		return { entry: data.entries[Number(element.dataset.entryIndex)], criterion: data.criteria[Number(element.dataset.criterionIndex)] };
	}

	/** A selector matching the controls of one cell. */
	function cellSelector(entry: string, criterion: string): string {
		return `[data-entry-index="${data.entries.indexOf(entry)}"][data-criterion-index="${data.criteria.indexOf(criterion)}"]`;
	}

	function setText(element: Element, text: string): void {
		if (element.textContent !== text) element.textContent = text;
	}

	function updateProgress(): void {
		data.entries.forEach((entry, i) => {
			const scored = book.scoredCount(entry);
			const done = scored === totalCriteria;
			const progress = document.querySelector(`[data-entry-progress="${i}"]`)!;
			setText(progress, `${scored} of ${totalCriteria} criteria scored${done ? ': complete' : ''}`);
			progress.classList.toggle('done', done);
			const status = document.querySelector(`[data-entry-status="${i}"]`)!;
			setText(status, done ? 'Complete' : scored === 0 ? 'Not started' : `${scored} of ${totalCriteria} criteria scored`);
			status.classList.toggle('done', done);
		});
		document.querySelectorAll<HTMLButtonElement>('[data-clear]').forEach((button) => {
			const ids = idsOf(button);
			const input = document.querySelector<HTMLInputElement>(`[data-score][data-entry-index="${button.dataset.entryIndex}"][data-criterion-index="${button.dataset.criterionIndex}"]`)!;
			const empty = book.score(ids.entry, ids.criterion) === undefined && !(input.type === 'number' && (input.value !== '' || input.validity.badInput));
			if (button.disabled !== empty) {
				// The focus would be lost with the button: it goes to the criterion's first option or field.
				if (empty && document.activeElement === button) input.focus();
				button.disabled = empty;
			}
		});
		setText(document.getElementById('progress')!, `${book.completeCount()} of ${totalEntries} entries complete`);
	}

	function showError(input: HTMLInputElement, text: string): void {
		const error = document.getElementById(input.dataset.error!)!;
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

	/** Shows the saved values of the given cells in the form. */
	function showCells(cells: CellRef[]): void {
		for (const [entry, criterion] of cells) {
			const selector = cellSelector(entry, criterion);
			const score = book.score(entry, criterion);
			document.querySelectorAll<HTMLInputElement>(`[data-score]${selector}`).forEach((input) => {
				if (input.type === 'radio') {
					input.checked = score !== undefined && Number(input.value) === score;
				} else {
					input.value = score === undefined ? '' : String(score);
					showError(input, '');
				}
			});
			const text = book.comment(entry, criterion);
			document.querySelectorAll<HTMLTextAreaElement>(`[data-comment]${selector}`).forEach((textarea) => {
				if (textarea.value !== text) textarea.value = text;
			});
			document.querySelectorAll(`[data-comment-print]${selector}`).forEach((copy) => setText(copy, text));
		}
		if (cells.length) updateProgress();
	}

	// Comment fields with text whose criterion has no score, in the order of the page.
	function orphanComments(): HTMLTextAreaElement[] {
		return [...document.querySelectorAll<HTMLTextAreaElement>('[data-comment]')].filter((textarea) => {
			const ids = idsOf(textarea);
			return book.comment(ids.entry, ids.criterion).trim() !== '' && book.score(ids.entry, ids.criterion) === undefined;
		});
	}

	return { idsOf, cellSelector, updateProgress, showError, showCells, orphanComments };
}
