/**
 * The evidence library's filter runs on Pagefind's index, so a choice of facets covers the whole
 * library and not only the page of cards in the browser. This module is the contract between the
 * two sides: what every evidence page declares in the index for its library card (metadata and a
 * sort key), how a facet selection (ids, `retail`) becomes Pagefind filters (the labels the pages
 * declare, `Retail & e-commerce`), and how a Pagefind result becomes a card again.
 */
import { FACETS, type Facet, type FacetValues, type Selection } from './facets.ts';

/**
 * The Pagefind sort key every evidence page declares: its date as `YYYY-MM-DD`, so sorting it
 * descending lists the newest first as the library does. Pagefind leaves pages without the key
 * out of sorted results, so every indexed page must declare it.
 */
export const SORT_KEY = 'date';

/**
 * What an evidence page declares as Pagefind metadata for its library card (`data-pagefind-meta`),
 * beyond Pagefind's own `title` (the page's h1) and the `customer` and `type` the customer fact
 * box declares. Only what the card shows, and only what the page may show.
 */
export interface CardMeta {
	/** The summary, shown when there is no quote. */
	summary: string;
	/** A short quote the customer lets us show, and how it is signed. */
	quote?: string;
	quote_by?: string;
	/** The headline result (a story's first metric): figure and label. */
	metric?: string;
	metric_label?: string;
	/** For award entries: "Category · Program". */
	award?: string;
	/** A finalist's or honourable mention's placement (a winner is its own type). */
	placement?: string;
	/** `YYYY-MM-DD`, and as the site writes dates ("12 May 2026"). */
	date: string;
	date_text: string;
	/** A video's length, `m:ss`. */
	duration?: string;
	/** The customer's logo as the card shows it (a srcset for raster logos), only when the customer allows name and logo. */
	logo?: string;
	logo_srcset?: string;
	logo_width?: string;
	logo_height?: string;
}

/** Facet value id → the label the evidence pages declare as the Pagefind filter value, per facet. */
export type FacetLabels = Record<Facet, Record<string, string>>;

/** Pagefind's filter argument: every facet listed must match, any of its values. */
export type PagefindFilters = Partial<Record<Facet, { any: string[] }>>;

/**
 * The Pagefind filters for a selection, with the library's semantics (any chosen value within a
 * facet, every facet with a choice). Values nothing is labelled with (a hand-edited address) are
 * dropped; `null` when a facet is left with none, since then nothing can match.
 */
export function pagefindFilters(selection: Selection, labels: FacetLabels): PagefindFilters | null {
	const filters: PagefindFilters = {};
	for (const facet of FACETS) {
		const chosen = selection[facet];
		if (!chosen?.length) continue;
		const known = chosen.map((id) => labels[facet][id]).filter((label): label is string => label !== undefined);
		if (!known.length) return null;
		filters[facet] = { any: known };
	}
	return filters;
}

/** The selection without one facet's choice: what that facet's option counts are counted over. */
export function selectionWithout(selection: Selection, facet: Facet): Selection {
	const { [facet]: _, ...rest } = selection;
	return rest;
}

/**
 * A facet's option counts (id → count) from Pagefind's counts by label. Options Pagefind did not
 * count (none of the results carries them) count 0.
 */
export function countsById(counts: Record<string, Record<string, number>> | undefined, facet: Facet, labels: FacetLabels): Map<string, number> {
	const byLabel = counts?.[facet] ?? {};
	return new Map(Object.entries(labels[facet]).map(([id, label]) => [id, byLabel[label] ?? 0]));
}

/** What Pagefind's `result.data()` holds for an evidence page (the fields the card uses). */
export interface PagefindFragment {
	url: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
	/** Text around the search's matches, as Pagefind writes it (see `excerptParts`); none for a search without words. */
	excerpt?: string;
}

/** A library card drawn from the search index: the same fields EvidenceCard shows. */
export interface LibraryCard extends Partial<CardMeta> {
	url: string;
	title: string;
	/** The content type's id (the card's class) and label (its badge). */
	type: string;
	typeLabel: string;
	customer: string;
	industryLabel: string;
	/** Facet ids, as the server-rendered cards carry them. */
	facetValues: FacetValues;
}

/** Every `CardMeta` field (the object makes the compiler check none is missing). */
const CARD_META_FIELDS = Object.keys({
	summary: true,
	quote: true,
	quote_by: true,
	metric: true,
	metric_label: true,
	award: true,
	placement: true,
	date: true,
	date_text: true,
	duration: true,
	logo: true,
	logo_srcset: true,
	logo_width: true,
	logo_height: true,
} satisfies Record<keyof CardMeta, true>) as (keyof CardMeta)[];

/** Reads a card from a Pagefind result, mapping its filter labels back to facet ids. */
export function cardFromFragment(fragment: PagefindFragment, labels: FacetLabels): LibraryCard {
	const ids = Object.fromEntries(
		FACETS.map((facet) => {
			const idOf = new Map(Object.entries(labels[facet]).map(([id, label]) => [label, id]));
			return [facet, (fragment.filters[facet] ?? []).flatMap((label) => idOf.get(label) ?? [])];
		}),
	) as FacetValues;
	const meta = Object.fromEntries(CARD_META_FIELDS.flatMap((field) => (fragment.meta[field] ? [[field, fragment.meta[field]]] : []))) as Partial<CardMeta>;
	return {
		...meta,
		// Only a path on this site is ever linked (the index holds nothing else, but a card is a link).
		url: /^\/(?!\/)/.test(fragment.url) ? fragment.url : '',
		title: fragment.meta.title ?? '',
		type: ids.type[0] ?? '',
		typeLabel: fragment.filters.type?.[0] ?? fragment.meta.type ?? '',
		customer: fragment.meta.customer ?? '',
		industryLabel: fragment.filters.industry?.[0] ?? '',
		facetValues: ids,
	};
}
