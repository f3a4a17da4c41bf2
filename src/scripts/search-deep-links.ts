/**
 * Connects the address bar to Pagefind's component UI: runs the search in `?q=` (and filters)
 * on load, and keeps the address in step with what the visitor types and ticks. Also says when
 * only the best matches are listed (the results element's `max-results`).
 */
import { formatCount } from '../lib/pagination';
import { parseSearchQuery, searchQuery } from '../lib/search-query';

interface PagefindInstance {
	triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
	on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
	on(event: 'results', callback: (search: { results?: unknown[] } | null) => void): void;
}

declare global {
	interface Window {
		PagefindComponents?: { getInstanceManager(): { getInstance(name: string): PagefindInstance } };
	}
}

export function initSearchDeepLinks(): void {
	const instance = window.PagefindComponents?.getInstanceManager().getInstance('default');
	if (!instance) return;
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
