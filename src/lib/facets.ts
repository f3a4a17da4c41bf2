/**
 * The library's facets, shared by the page (which renders the options and tags each card) and
 * its small client script (which filters the cards and keeps the choice in the URL, so a filtered
 * view can be shared). Values are ids (`retail`, `tessellate-forecast`); labels come from the
 * taxonomy and the products. Within a facet any chosen value matches; across facets all must.
 */

export const FACETS = ['type', 'industry', 'region', 'size', 'product'] as const;
export type Facet = (typeof FACETS)[number];

export const FACET_LABELS: Record<Facet, string> = {
	type: 'Content type',
	industry: 'Industry',
	region: 'Region',
	size: 'Company size',
	product: 'Product',
};

/** The facet values of one piece of evidence (a product facet can hold several). */
export type FacetValues = Record<Facet, string[]>;

/** What the visitor chose: facet → chosen value ids. Facets left out are not filtered on. */
export type Selection = Partial<Record<Facet, string[]>>;

const VALUE_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads a selection from a query string. A `<form method="get">` of checkboxes repeats the
 * parameter (`industry=retail&industry=energy`); hand-written links may use commas. Unknown
 * parameters and malformed values are ignored, so any URL is safe to open.
 */
export function parseSelection(query: string | URLSearchParams): Selection {
	const params = typeof query === 'string' ? new URLSearchParams(query) : query;
	const selection: Selection = {};
	for (const facet of FACETS) {
		const values = params
			.getAll(facet)
			.flatMap((v) => v.split(','))
			.map((v) => v.trim().toLowerCase())
			.filter((v) => VALUE_RE.test(v));
		if (values.length) selection[facet] = [...new Set(values)];
	}
	return selection;
}

/**
 * The part of a selection that can be ticked: values the form offers (`offered`: facet → value id
 * → anything). A shared link may name a value the library does not have (`?industry=bogus`, a
 * mistyped or retired id); it is ignored, not filtered on, so the view matches the ticked boxes.
 */
export function knownSelection(selection: Selection, offered: Record<Facet, Record<string, unknown>>): Selection {
	const known: Selection = {};
	for (const facet of FACETS) {
		const values = selection[facet]?.filter((value) => Object.hasOwn(offered[facet], value));
		if (values?.length) known[facet] = values;
	}
	return known;
}

/** The query string for a selection (no leading `?`), facets in a fixed order: '' when nothing is chosen. */
export function selectionToQuery(selection: Selection): string {
	const params = new URLSearchParams();
	for (const facet of FACETS) for (const value of selection[facet] ?? []) params.append(facet, value);
	return params.toString();
}

/** Whether a piece of evidence matches: any chosen value within a facet, every facet with a choice. */
export function matchesSelection(values: FacetValues, selection: Selection): boolean {
	return FACETS.every((facet) => {
		const chosen = selection[facet];
		return !chosen?.length || chosen.some((v) => values[facet].includes(v));
	});
}

/** Per facet, how many pieces carry each value. */
export type FacetCounts = Record<Facet, Map<string, number>>;

/** How many pieces carry each value of each facet, for the option labels. */
export function facetCounts(items: FacetValues[]): FacetCounts {
	const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
	for (const item of items) {
		for (const facet of FACETS) for (const value of new Set(item[facet])) counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
	}
	return counts;
}
