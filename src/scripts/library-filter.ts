/**
 * The library's filter, the only script on the page: shows the cards that match the checked
 * facets, keeps the choice in the URL (shareable, and restored on load and on back/forward), and
 * announces how many items match. The page lists everything without it.
 */
import { FACETS, matchesSelection, parseSelection, selectionToQuery, type FacetValues, type Selection } from '../lib/facets';

export function initLibraryFilter(): void {
	const form = document.querySelector<HTMLFormElement>('[data-facets]');
	const cards = [...document.querySelectorAll<HTMLElement>('[data-evidence]')];
	const count = document.querySelector<HTMLElement>('[data-results-count]');
	const empty = document.querySelector<HTMLElement>('[data-no-results]');
	const panel = document.querySelector<HTMLDetailsElement>('[data-facet-panel]');
	const chosen = document.querySelector<HTMLElement>('[data-facet-chosen]');
	if (!form) return;
	// Beside the results on a wide screen the facets are always useful; on a phone they would
	// push the results a screen down, so they stay folded there.
	if (panel && matchMedia('(min-width: 52.01rem)').matches) panel.open = true;

	const valuesOf = (card: HTMLElement) =>
		Object.fromEntries(FACETS.map((facet) => [facet, (card.dataset[facet] ?? '').split(' ').filter(Boolean)])) as FacetValues;
	const cardValues = new Map(cards.map((card) => [card, valuesOf(card)]));

	const show = (selection: Selection) => {
		let shown = 0;
		for (const [card, values] of cardValues) {
			const match = matchesSelection(values, selection);
			card.hidden = !match;
			if (match) shown++;
		}
		if (count) count.textContent = shown === cards.length ? `${cards.length} pieces of evidence` : `${shown} of ${cards.length} pieces of evidence match`;
		if (empty) empty.hidden = shown > 0;
		const chosenCount = Object.values(selection).reduce((n, values) => n + (values?.length ?? 0), 0);
		if (chosen) chosen.textContent = chosenCount ? `(${chosenCount} chosen)` : '';
	};

	const check = (selection: Selection) => {
		for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
			box.checked = selection[box.name as keyof Selection]?.includes(box.value) ?? false;
		}
	};

	const fromForm = () => parseSelection(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));

	const apply = () => {
		const selection = fromForm();
		show(selection);
		const query = selectionToQuery(selection);
		history.replaceState(null, '', query ? `?${query}` : location.pathname);
	};

	const restore = () => {
		const selection = parseSelection(location.search);
		check(selection);
		show(selection);
	};

	form.addEventListener('change', apply);
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		apply();
	});
	form.querySelector('[data-clear]')?.addEventListener('click', (event) => {
		event.preventDefault();
		check({});
		apply();
	});
	window.addEventListener('popstate', restore);
	restore();
}
