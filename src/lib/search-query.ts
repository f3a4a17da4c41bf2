/**
 * The search page's address: `?q=words` plus the library's facet choice, in the library's own
 * form (value ids: `&industry=retail&type=video`). Reading it on load makes `/search/?q=word`
 * deep links work; writing it as the visitor searches makes every search shareable, and a
 * choice of facets means the same on the search page and in the library.
 */
import { parseSelection, selectionToQuery, type Selection } from './facets.ts';

export interface SearchState {
	/** The words searched for, trimmed, runs of spaces as one. */
	term: string;
	/** The facets chosen. */
	selection: Selection;
}

export function parseSearchQuery(query: string): SearchState {
	const params = new URLSearchParams(query);
	return { term: normaliseTerm(params.get('q') ?? ''), selection: parseSelection(params) };
}

/** The query string of a search (no leading `?`): '' when there are neither words nor facets. */
export function searchQuery(state: SearchState): string {
	const term = normaliseTerm(state.term);
	return [term ? new URLSearchParams({ q: term }).toString() : '', selectionToQuery(state.selection)].filter(Boolean).join('&');
}

const normaliseTerm = (term: string) => term.trim().replace(/\s+/g, ' ');

/** One run of an excerpt: text, and whether it is a match of the search (Pagefind's `<mark>`). */
export interface ExcerptPart {
	text: string;
	marked: boolean;
}

/**
 * Pagefind's excerpt as runs of text. Pagefind writes it as HTML: the page's text with `<` and `>`
 * escaped and the matched words in `<mark>`. The text comes from entrants, so it is never parsed
 * as HTML: the page draws each run as a text node.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
	const parts: ExcerptPart[] = [];
	for (const [i, piece] of excerpt.split(/<\/?mark>/).entries()) {
		const text = piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
		// Pieces alternate outside and inside <mark>; matches next to each other join into one run.
		const marked = i % 2 === 1;
		if (!text) continue;
		const last = parts.at(-1);
		if (last?.marked === marked) last.text += text;
		else parts.push({ text, marked });
	}
	return parts;
}
