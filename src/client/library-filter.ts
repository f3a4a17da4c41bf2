/**
 * The library's filter, the only script on its pages. A page lists one page of cards; a choice of
 * facets asks Pagefind's index (loaded on first use) for the matching evidence of the whole
 * library, newest first, and lists it in place of the page's cards and pagination, a page of
 * cards at a time with a "Show more" button. It recounts the facet options for the choice,
 * keeps the choice in the URL (shareable, restored on load and on back/forward) and announces how
 * many items match. Clearing the choice shows the first page again. Without the script the facets
 * are hidden and the pagination reaches everything.
 */
import { parseSelection, selectionToQuery, type Selection } from '../lib/facets';
import { cardFromFragment, pagefindFilters } from '../lib/library-search';
import { formatCount } from '../lib/pagination';
import type { SearchBundle } from '../lib/search-bundles';
import { batchedList } from './batched-list';
import { facetForm } from './facet-form';
import { renderCard } from './library-card';
import { haveFilterCounts, loadFilterCounts, searchCounted, searchIndex, type PagefindResult } from './pagefind-index';

export function initLibraryFilter(): void {
	const formElement = document.querySelector<HTMLFormElement>('[data-facets]');
	const library = document.querySelector<HTMLElement>('[data-library]');
	if (!formElement || !library) return;
	const facets = facetForm(formElement);
	const find = <T extends HTMLElement>(selector: string) => library.querySelector<T>(selector);
	const pageCards = find('[data-page-cards]');
	const pagination = find('[data-pagination]');
	const filtered = find<HTMLUListElement>('[data-filtered-cards]')!;
	const count = find('[data-results-count]')!;
	const empty = find('[data-no-results]')!;
	const pageOf = document.querySelector<HTMLElement>('[data-page-of]');
	const base = formElement.getAttribute('action') ?? location.pathname;
	const total = Number(library.dataset.total);
	const bundles = JSON.parse(library.dataset.searchBundles ?? '[]') as SearchBundle[];
	const pageSize = Number(library.dataset.pageSize);
	const page = Number(library.dataset.page);
	// What the page says of its own cards ("Showing 49–96 of 310 …"), for when the choice is cleared.
	const pageCountText = count.textContent;
	const pageTitle = document.title;
	// A filtered view lists the whole library: no "page 3 of 5" in its heading or title.
	const libraryTitle = pageOf ? pageTitle.replace(pageOf.textContent ?? '', '') : pageTitle;

	const cards = batchedList<PagefindResult>(filtered, find('[data-show-more]')!, pageSize, async (result) => renderCard(cardFromFragment(await result.data(), facets.labels)));
	// Each choice supersedes the searches of earlier ones still under way.
	let run = 0;

	const setFiltered = (on: boolean) => {
		if (pageCards) pageCards.hidden = on;
		if (pagination) pagination.hidden = on;
		filtered.hidden = !on;
		if (pageOf) pageOf.hidden = on;
		document.title = on ? libraryTitle : pageTitle;
		if (!on) {
			cards.clear();
			empty.hidden = true;
			count.textContent = pageCountText;
			facets.showCounts();
		}
	};

	const show = async (asked: Selection) => {
		const ticket = ++run;
		// Values no box offers (from a hand-made or outdated link) are not filtered on.
		const selection = facets.known(asked);
		facets.check(selection);
		if (!Object.keys(selection).length) return setFiltered(false);
		library.setAttribute('aria-busy', 'true');
		try {
			const search = (choice: Selection) => searchIndex(bundles, '', pagefindFilters(choice, facets.labels));
			// The options are recounted for the choice, which needs every filter's data. On the first
			// choice that is still on its way, and the cards, which need only the chosen filters'
			// data, do not wait for it; after that, cards and counts change together.
			const counting = loadFilterCounts(bundles);
			counting.catch(() => {}); // a failure leaves the counts hidden (below)
			const counted = haveFilterCounts() ? await searchCounted(search, selection, facets.labels) : undefined;
			const matching = counted?.matching ?? (await search(selection));
			const showFirst = await cards.prepare(matching.results);
			if (ticket !== run) return;
			showFirst();
			setFiltered(true);
			count.textContent = `${formatCount(matching.results.length)} of ${formatCount(total)} ${total === 1 ? 'piece' : 'pieces'} of evidence match`;
			empty.hidden = matching.results.length > 0;
			library.removeAttribute('aria-busy');
			if (counted) return facets.showCounts(counted.countsOf);
			facets.hideCounts();
			// Without the filters' data the cards are still right; the counts stay hidden.
			if (!(await counting.then(() => true, () => false))) return;
			const { countsOf } = await searchCounted(search, selection, facets.labels);
			if (ticket === run) facets.showCounts(countsOf);
		} catch {
			if (ticket !== run) return;
			setFiltered(false);
			count.textContent = 'Filtering is not available right now; the pages below list everything.';
		} finally {
			if (ticket === run) library.removeAttribute('aria-busy');
		}
	};

	// A choice made by the visitor: a new history entry, so Back undoes it.
	const apply = () => {
		const selection = facets.selection();
		const query = selectionToQuery(selection);
		// Cleared on a later page: back to the first page, whose cards this page does not hold.
		if (!query && page > 1) return location.assign(base);
		const url = query ? `${base}?${query}` : base;
		if (url !== location.pathname + location.search) history.pushState(null, '', url);
		void show(selection);
	};

	// The choice in the address: on load (a shared link) and on back/forward.
	const restore = () => void show(parseSelection(location.search));

	formElement.addEventListener('change', apply);
	formElement.addEventListener('submit', (event) => {
		event.preventDefault();
		apply();
	});
	formElement.querySelector('[data-clear]')?.addEventListener('click', (event) => {
		event.preventDefault();
		facets.check({});
		apply();
	});
	// Start fetching the index as soon as the visitor reaches for a filter.
	const prefetch = () => void loadFilterCounts(bundles).catch(() => {});
	formElement.addEventListener('pointerover', prefetch, { once: true });
	formElement.addEventListener('focusin', prefetch, { once: true });
	window.addEventListener('popstate', restore);
	restore();
}
