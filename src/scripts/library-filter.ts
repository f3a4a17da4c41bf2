/**
 * The library's filter, the only script on its pages. A page lists one page of cards; a choice of
 * facets asks Pagefind's index (loaded on first use) for the matching evidence of the whole
 * library, newest first, and lists it in place of the page's cards and pagination, a page of
 * cards at a time with a "Show more" button. It recounts the facet options for the choice,
 * keeps the choice in the URL (shareable, restored on load and on back/forward) and announces how
 * many items match. Clearing the choice shows the first page again. Without the script the facets
 * are hidden and the pagination reaches everything.
 */
import { FACETS, parseSelection, selectionToQuery, type Facet, type Selection } from '../lib/facets';
import { cardFromFragment, countsById, pagefindFilters, selectionWithout, SORT_KEY, type FacetLabels, type PagefindFilters, type PagefindFragment } from '../lib/library-search';
import { formatCount } from '../lib/pagination';
import { mergeBundleSearches, PRIMARY_BUNDLE_PATH, YEAR_FILTER, type SearchBundle } from '../lib/search-bundles';
import { renderCard } from './library-card';

/** The part of Pagefind's JS API (`/pagefind/pagefind.js`) used here. */
interface Pagefind {
	init(): Promise<void>;
	mergeIndex(bundlePath: string): Promise<void>;
	filters(): Promise<unknown>;
	search(term: null, options: { filters: PagefindFilters & Record<string, { any: string[] }>; sort: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch>;
}
interface PagefindSearch {
	results: { data(): Promise<PagefindFragment> }[];
	/** Per filter, how many of the results carry each value. */
	filters: Record<string, Record<string, number>>;
}

// Written by the index build, after bundling: the bundler must leave the import alone.
const PAGEFIND_URL = `${PRIMARY_BUNDLE_PATH}pagefind.js`;
let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(bundles: SearchBundle[]): Promise<Pagefind> {
	pagefind ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>).then(
		async (module) => {
			await module.init();
			for (const bundle of bundles.slice(1)) await module.mergeIndex(bundle.path);
			// Pagefind counts the values of the filters it has loaded; loading them all up front makes
			// every search count every facet, not only the ones in its filter.
			await module.filters();
			return module;
		},
		(error) => {
			pagefind = undefined; // try again on the next choice
			throw error;
		},
	);
	return pagefind;
}

const NO_MATCH: PagefindSearch = { results: [], filters: {} };

export function initLibraryFilter(): void {
	const form = document.querySelector<HTMLFormElement>('[data-facets]');
	const library = document.querySelector<HTMLElement>('[data-library]');
	if (!form || !library) return;
	const find = <T extends HTMLElement>(selector: string) => library.querySelector<T>(selector);
	const pageCards = find('[data-page-cards]');
	const pagination = find('[data-pagination]');
	const filtered = find<HTMLUListElement>('[data-filtered-cards]')!;
	const more = find('[data-show-more]')!;
	const moreButton = more.querySelector('button')!;
	const count = find('[data-results-count]')!;
	const empty = find('[data-no-results]')!;
	const panel = document.querySelector<HTMLDetailsElement>('[data-facet-panel]');
	const chosen = document.querySelector<HTMLElement>('[data-facet-chosen]');
	const pageOf = document.querySelector<HTMLElement>('[data-page-of]');
	const base = form.getAttribute('action') ?? location.pathname;
	const total = Number(library.dataset.total);
	const bundles = JSON.parse(library.dataset.searchBundles ?? '[]') as SearchBundle[];
	const pageSize = Number(library.dataset.pageSize);
	const page = Number(library.dataset.page);
	// What the page says of its own cards ("Showing 49–96 of 310 …"), for when the choice is cleared.
	const pageCountText = count.textContent;
	const pageTitle = document.title;
	// A filtered view lists the whole library: no "page 3 of 5" in its heading or title.
	const libraryTitle = pageOf ? pageTitle.replace(pageOf.textContent ?? '', '') : pageTitle;
	// Beside the results on a wide screen the facets are always useful; on a phone they would
	// push the results a screen down, so they stay folded there.
	if (panel && matchMedia('(min-width: 52.01rem)').matches) panel.open = true;

	const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
	const labels = Object.fromEntries(FACETS.map((facet) => [facet, {}])) as FacetLabels;
	for (const box of boxes) labels[box.name as Facet][box.value] = box.dataset.label ?? '';
	const optionCounts = boxes.map((box) => {
		const element = box.parentElement!.querySelector<HTMLElement>('[data-facet-count]')!;
		return { box, element, all: Number(element.firstChild?.textContent) };
	});
	const showCounts = (countsOf: (facet: Facet) => Map<string, number> | undefined) => {
		for (const { box, element, all } of optionCounts) {
			const n = countsOf(box.name as Facet)?.get(box.value) ?? all;
			const unit = element.querySelector('.visually-hidden');
			if (unit) unit.textContent = n === 1 ? ' item' : ' items';
			element.firstChild!.textContent = String(n);
		}
	};

	let results: PagefindSearch['results'] = [];
	let listed = 0;
	let listing = false;
	// Each choice supersedes the searches of earlier ones still under way.
	let run = 0;

	const setFiltered = (on: boolean) => {
		if (pageCards) pageCards.hidden = on;
		if (pagination) pagination.hidden = on;
		filtered.hidden = !on;
		if (pageOf) pageOf.hidden = on;
		document.title = on ? libraryTitle : pageTitle;
		if (!on) {
			more.hidden = true;
			empty.hidden = true;
			count.textContent = pageCountText;
			showCounts(() => undefined);
		}
	};

	/** The cards of the next page of matches after the first `from`. */
	const cardsFrom = async (matches: PagefindSearch['results'], from: number) =>
		(await Promise.all(matches.slice(from, from + pageSize).map((result) => result.data()))).map((fragment) => renderCard(cardFromFragment(fragment, labels)));

	const showMoreButton = () => {
		more.hidden = listed >= results.length;
		moreButton.textContent = `Show ${Math.min(pageSize, results.length - listed)} more`;
	};

	const listMore = async () => {
		if (listing) return; // a second press while a batch loads would list it twice
		listing = true;
		const ticket = run;
		try {
			const cards = await cardsFrom(results, listed);
			if (ticket !== run) return;
			filtered.append(...cards);
			listed += cards.length;
			showMoreButton();
			// Keyboard and screen-reader users continue at the first card that was added.
			cards[0]?.querySelector('a')?.focus();
		} finally {
			listing = false;
		}
	};

	const show = async (selection: Selection) => {
		const ticket = ++run;
		const chosenCount = Object.values(selection).reduce((n, values) => n + (values?.length ?? 0), 0);
		if (chosen) chosen.textContent = chosenCount ? `(${chosenCount} chosen)` : '';
		if (!chosenCount) return setFiltered(false);
		library.setAttribute('aria-busy', 'true');
		try {
			const index = await loadPagefind(bundles);
			// Each bundle answers for its own years, newest bundle first: a sorted search ranks
			// results within their bundle, so one search over all of them would interleave years.
			const search = async (choice: Selection): Promise<PagefindSearch> => {
				const filters = pagefindFilters(choice, labels);
				if (!filters) return NO_MATCH;
				const sort = { [SORT_KEY]: 'desc' as const };
				return mergeBundleSearches(await Promise.all(bundles.map((bundle) => index.search(null, { filters: { ...filters, [YEAR_FILTER]: { any: bundle.years } }, sort }))));
			};
			// A facet's options are counted over the choices in the other facets, so each count says
			// what ticking that option would add (any value within a facet matches).
			const facetsChosen = FACETS.filter((facet) => selection[facet]?.length);
			const [matching, ...without] = await Promise.all([search(selection), ...facetsChosen.map((facet) => search(selectionWithout(selection, facet)))]);
			const cards = await cardsFrom(matching.results, 0);
			if (ticket !== run) return;
			// Cards, count and options change together, once the first cards are ready.
			results = matching.results;
			listed = cards.length;
			filtered.replaceChildren(...cards);
			setFiltered(true);
			showMoreButton();
			count.textContent = `${formatCount(results.length)} of ${formatCount(total)} pieces of evidence match`;
			empty.hidden = results.length > 0;
			showCounts((facet) => countsById((facetsChosen.includes(facet) ? without[facetsChosen.indexOf(facet)] : matching).filters, facet, labels));
		} catch {
			if (ticket !== run) return;
			setFiltered(false);
			count.textContent = 'Filtering is not available right now; the pages below list everything.';
		} finally {
			if (ticket === run) library.removeAttribute('aria-busy');
		}
	};

	const check = (selection: Selection) => {
		for (const box of boxes) box.checked = selection[box.name as Facet]?.includes(box.value) ?? false;
	};

	const fromForm = () => parseSelection(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));

	// A choice made by the visitor: a new history entry, so Back undoes it.
	const apply = () => {
		const selection = fromForm();
		const query = selectionToQuery(selection);
		// Cleared on a later page: back to the first page, whose cards this page does not hold.
		if (!query && page > 1) return location.assign(base);
		const url = query ? `${base}?${query}` : base;
		if (url !== location.pathname + location.search) history.pushState(null, '', url);
		void show(selection);
	};

	// The choice in the address: on load (a shared link) and on back/forward.
	const restore = () => {
		const selection = parseSelection(location.search);
		check(selection);
		void show(selection);
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
	moreButton.addEventListener('click', () => void listMore());
	// Start fetching the index as soon as the visitor reaches for a filter.
	form.addEventListener('pointerover', () => void loadPagefind(bundles).catch(() => {}), { once: true });
	form.addEventListener('focusin', () => void loadPagefind(bundles).catch(() => {}), { once: true });
	window.addEventListener('popstate', restore);
	restore();
}
