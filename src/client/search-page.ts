/**
 * The search page: words from the box (as the visitor types, or `?q=` on arrival) and a choice of
 * the library's facets, answered from Pagefind's index across all its bundles. Results come ten
 * at a time, best first, with a "Show more" button; with facets and no words, the matching
 * evidence is listed newest first, as in the library. The address keeps the words and the
 * choice (shareable, restored on back/forward).
 *
 * The facet counts need the data of every filter, as much again as the search itself, so they
 * are fetched only when the visitor reaches for the facets (or arrives with a choice); until
 * then a search hides the counts rather than show the whole library's beside its results.
 */
import type { Selection } from '../lib/facets';
import { pagefindFilters, type PagefindFragment } from '../lib/library-search';
import { formatCount } from '../lib/pagination';
import type { SearchBundle } from '../lib/search-bundles';
import { excerptParts, parseSearchQuery, searchQuery, type SearchState } from '../lib/search-query';
import { batchedList } from './batched-list';
import { facetForm } from './facet-form';
import { el } from './library-card';
import { haveFilterCounts, loadFilterCounts, searchCounted, searchIndex, type PagefindResult } from './pagefind-index';

/** Results drawn at a time: each needs its own fragment of the index. */
const BATCH = 10;
/** Quiet time after a keystroke before searching. */
const TYPING_MS = 250;

/** One result: type and customer, the title as a link, the excerpt with the matched words marked. */
function renderResult(fragment: PagefindFragment): HTMLLIElement {
	// Only a path on this site is ever linked.
	const href: Record<string, string> = /^\/(?!\/)/.test(fragment.url) ? { href: fragment.url } : {};
	const excerpt = excerptParts(fragment.excerpt ?? '').map((part) => (part.marked ? el('mark', '', [part.text]) : part.text));
	return el('li', 'search-result', [
		el('p', 'search-result-meta', [el('span', 'badge', [fragment.meta.type ?? '']), ' ', el('span', '', [fragment.meta.customer ?? ''])]),
		el('p', 'search-result-title', [el('a', '', [fragment.meta.title ?? fragment.url], href)]),
		el('p', 'search-result-excerpt', excerpt),
	]);
}

export function initSearchPage(): void {
	const root = document.querySelector<HTMLElement>('[data-search]');
	const facetElement = document.querySelector<HTMLFormElement>('[data-facets]');
	if (!root || !facetElement) return;
	const facets = facetForm(facetElement);
	const searchForm = root.querySelector<HTMLFormElement>('[data-search-form]')!;
	const input = searchForm.querySelector<HTMLInputElement>('input[name="q"]')!;
	const summary = root.querySelector<HTMLElement>('[data-search-summary]')!;
	const bundles = JSON.parse(root.dataset.searchBundles ?? '[]') as SearchBundle[];

	const results = batchedList<PagefindResult>(root.querySelector('[data-search-results]')!, root.querySelector('[data-show-more]')!, BATCH, async (result) =>
		renderResult(await result.data()),
	);
	// Each search supersedes those still under way.
	let run = 0;
	let typing: ReturnType<typeof setTimeout> | undefined;

	const show = async (asked: SearchState) => {
		const ticket = ++run;
		// Values no box offers (from a hand-made or outdated link) are not filtered on.
		const state = { ...asked, selection: facets.known(asked.selection) };
		facets.check(state.selection);
		const choosing = Object.keys(state.selection).length > 0;
		if (!state.term && !choosing) {
			results.clear();
			summary.textContent = '';
			facets.showCounts();
			return;
		}
		root.setAttribute('aria-busy', 'true');
		// The whole library's counts do not belong beside a search's results: hidden until recounted.
		const counting = haveFilterCounts();
		if (!counting) facets.hideCounts();
		try {
			const search = (selection: Selection) => searchIndex(bundles, state.term, pagefindFilters(selection, facets.labels));
			const { matching, countsOf } = counting ? await searchCounted(search, state.selection, facets.labels) : { matching: await search(state.selection), countsOf: undefined };
			const found = matching.results;
			const showFirst = await results.prepare(found);
			if (ticket !== run) return;
			showFirst();
			const words = state.term ? ` for “${state.term}”` : '';
			const within = choosing ? ' in the chosen facets' : '';
			summary.textContent = found.length ? `${formatCount(found.length)} ${found.length === 1 ? 'result' : 'results'}${words}${within}` : `Nothing found${words}${within}. Try other words or fewer facets.`;
			if (countsOf) facets.showCounts(countsOf);
		} catch {
			if (ticket !== run) return;
			summary.textContent = 'Search is not available right now. The evidence library lists everything.';
		} finally {
			if (ticket === run) root.removeAttribute('aria-busy');
		}
	};

	const current = (): SearchState => ({ term: input.value, selection: facets.selection() });

	/** Searches what the page holds and puts it in the address: typing replaces the entry, a choice of facets adds one. */
	const search = (entry: 'push' | 'replace') => {
		clearTimeout(typing);
		const state = current();
		const query = searchQuery(state);
		const url = query ? `${location.pathname}?${query}` : location.pathname;
		if (url !== location.pathname + location.search) history[entry === 'push' ? 'pushState' : 'replaceState'](null, '', url);
		void show(parseSearchQuery(query));
	};

	// The counts, once every filter's data is in: recounted for what is shown.
	let recount: Promise<void> | undefined;
	const count = () => {
		recount ??= loadFilterCounts(bundles).then(
			() => show(parseSearchQuery(location.search)),
			() => {
				recount = undefined; // try again on the next reach for the facets
			},
		);
	};

	const restore = () => {
		const state = parseSearchQuery(location.search);
		input.value = state.term;
		if (Object.keys(state.selection).length) count();
		void show(state);
	};

	input.addEventListener('input', () => {
		clearTimeout(typing);
		typing = setTimeout(() => search('replace'), TYPING_MS);
	});
	searchForm.addEventListener('submit', (event) => {
		event.preventDefault();
		search('replace');
	});
	facetElement.addEventListener('change', () => {
		count();
		search('push');
	});
	facetElement.addEventListener('submit', (event) => {
		event.preventDefault();
		search('push');
	});
	facetElement.querySelector('[data-clear]')?.addEventListener('click', (event) => {
		event.preventDefault();
		facets.check({});
		search('push');
	});
	// Fetch the filters' data as soon as the visitor reaches for a facet.
	facetElement.addEventListener('pointerover', count, { once: true });
	facetElement.addEventListener('focusin', count, { once: true });
	window.addEventListener('popstate', restore);
	restore();
}
