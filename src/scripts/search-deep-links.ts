/**
 * Connects the address bar to Pagefind's component UI: runs the search in `?q=` (and filters)
 * on load, and keeps the address in step with what the visitor types and ticks. Also says when
 * only the best matches are listed (the results element's `max-results`), and merges the search
 * index's bundles.
 */
import { formatCount } from '../lib/pagination';
import type { SearchBundle } from '../lib/search-bundles';
import { parseSearchQuery, searchQuery } from '../lib/search-query';

interface PagefindInstance {
	triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
	on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
	on(event: 'results', callback: (search: { results?: unknown[] } | null) => void): void;
}

declare global {
	interface Window {
		PagefindComponents?: {
			getInstanceManager(): { getInstance(name: string): PagefindInstance };
			configureInstance(name: string, options: { mergeIndex: { bundlePath: string }[] }): void;
		};
	}
}

export function initSearchDeepLinks(): void {
	const components = window.PagefindComponents;
	const instance = components?.getInstanceManager().getInstance('default');
	if (!components || !instance) return;
	// The index comes in bundles of whole years (src/lib/search-bundles.ts); Pagefind merges the
	// others into the primary one. Configured before the first search loads Pagefind.
	const config = document.querySelector<HTMLElement>('pagefind-config[data-search-bundles]');
	const bundles = JSON.parse(config?.dataset.searchBundles ?? '[]') as SearchBundle[];
	if (bundles.length > 1) components.configureInstance('default', { mergeIndex: bundles.slice(1).map((bundle) => ({ bundlePath: bundle.path })) });
	instance.on('search', (term, filters) => {
		const query = searchQuery({ term: term ?? '', filters: filters ?? {} });
		history.replaceState(null, '', query ? `?${query}` : location.pathname);
	});
	const note = document.querySelector<HTMLElement>('[data-more-results]');
	instance.on('results', (search) => {
		const limit = Number(document.querySelector('pagefind-results')?.getAttribute('max-results')) || Infinity;
		const found = search?.results?.length ?? 0;
		if (!note) return;
		note.hidden = found <= limit;
		note.textContent = `Showing the best ${limit} of ${formatCount(found)} matches. Add words or choose filters to narrow them down.`;
	});
	const initial = parseSearchQuery(location.search);
	if (initial.term || Object.keys(initial.filters).length) instance.triggerSearchWithFilters(initial.term, initial.filters);
}
