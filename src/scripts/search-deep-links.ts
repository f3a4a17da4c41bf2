/**
 * Connects the address bar to Pagefind's component UI: runs the search in `?q=` (and filters)
 * on load, and keeps the address in step with what the visitor types and ticks.
 */
import { parseSearchQuery, searchQuery } from '../lib/search-query';

interface PagefindInstance {
	triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
	on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
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
	const initial = parseSearchQuery(location.search);
	if (initial.term || Object.keys(initial.filters).length) instance.triggerSearchWithFilters(initial.term, initial.filters);
}
