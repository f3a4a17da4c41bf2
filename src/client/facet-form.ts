/**
 * The facet form (src/components/FacetForm.astro) in the browser, for the library's filter and
 * the search page: the choice it holds, ticking a choice, the labels the index filters by, and
 * the option counts (the whole library's until a choice recounts them).
 */
import { FACETS, knownSelection, parseSelection, type Facet, type Selection } from '../lib/facets';
import type { FacetLabels } from '../lib/library-search';

export interface FacetForm {
	/** Facet value id → the label the evidence pages declare as the index's filter value. */
	labels: FacetLabels;
	/** What is ticked. */
	selection(): Selection;
	/** The part of a selection (from an address) that the form offers: unknown values dropped. */
	known(selection: Selection): Selection;
	/** Ticks exactly the choice. */
	check(selection: Selection): void;
	/** Shows counts for a choice; without one, the whole library's (as the page was built). */
	showCounts(countsOf?: (facet: Facet) => Map<string, number>): void;
	/** Hides the counts while they would be wrong (the search changed, new counts are on the way); `showCounts` shows them again. */
	hideCounts(): void;
}

export function facetForm(form: HTMLFormElement): FacetForm {
	const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
	const labels = Object.fromEntries(FACETS.map((facet) => [facet, {}])) as FacetLabels;
	for (const box of boxes) labels[box.name as Facet][box.value] = box.dataset.label ?? '';
	const options = boxes.map((box) => {
		const element = box.parentElement!.querySelector<HTMLElement>('[data-facet-count]')!;
		return { box, element, all: Number(element.firstChild?.textContent) };
	});
	// Beside the results on a wide screen the facets are always useful; on a phone they would
	// push the results a screen down, so they stay folded there.
	const panel = form.querySelector<HTMLDetailsElement>('[data-facet-panel]');
	if (panel && matchMedia('(min-width: 52.01rem)').matches) panel.open = true;
	const chosen = form.querySelector<HTMLElement>('[data-facet-chosen]');

	return {
		labels,
		selection: () => parseSelection(new URLSearchParams(new FormData(form) as unknown as Record<string, string>)),
		known: (selection) => knownSelection(selection, labels),
		check(selection) {
			for (const box of boxes) box.checked = selection[box.name as Facet]?.includes(box.value) ?? false;
			const n = Object.values(selection).reduce((sum, values) => sum + (values?.length ?? 0), 0);
			if (chosen) chosen.textContent = n ? `(${n} chosen)` : '';
		},
		showCounts(countsOf) {
			for (const { box, element, all } of options) {
				const n = countsOf?.(box.name as Facet)?.get(box.value) ?? all;
				const unit = element.querySelector('.visually-hidden');
				if (unit) unit.textContent = n === 1 ? ' item' : ' items';
				element.firstChild!.textContent = String(n);
			}
			form.removeAttribute('data-uncounted');
		},
		hideCounts() {
			form.setAttribute('data-uncounted', '');
		},
	};
}
