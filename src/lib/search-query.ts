/**
 * The search page's address: `?q=words` plus one parameter per Pagefind filter, holding the
 * filter's values as the index stores them (labels, e.g. `industry=Retail+%26+e-commerce`).
 * Reading it on load makes `/search/?q=word` deep links work; writing it as the visitor searches
 * makes every search shareable.
 */

/** The Pagefind filters the evidence pages declare (data-pagefind-filter). */
export const SEARCH_FILTERS = ['type', 'industry', 'region', 'size', 'product'] as const;

export interface SearchState {
	term: string;
	filters: Record<string, string[]>;
}

export function parseSearchQuery(query: string): SearchState {
	const params = new URLSearchParams(query);
	const filters: Record<string, string[]> = {};
	for (const name of SEARCH_FILTERS) {
		const values = [...new Set(params.getAll(name).map((v) => v.trim()).filter(Boolean))];
		if (values.length) filters[name] = values;
	}
	return { term: (params.get('q') ?? '').trim(), filters };
}

export function searchQuery(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.term.trim()) params.set('q', state.term.trim());
	for (const name of SEARCH_FILTERS) for (const value of state.filters[name] ?? []) params.append(name, value);
	return params.toString();
}
