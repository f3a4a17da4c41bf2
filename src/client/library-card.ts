/**
 * Draws a library card in the browser from what the search index holds about a page, with the
 * same markup and classes as the server's EvidenceCard (so it looks the same). Entry text comes
 * from outside (award entrants write their own titles), so every value is set as text or as an
 * attribute through the DOM, never parsed as HTML.
 */
import { FACETS } from '../lib/facets';
import type { LibraryCard } from '../lib/library-search';

/** An element with classes, attributes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, children: (Node | string)[] = [], attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
	node.append(...children);
	return node;
}

/** The card of one piece of evidence, as an `<li>` for the library's grid. */
export function renderCard(card: LibraryCard): HTMLLIElement {
	const item = el('li', `card evidence-card type-${card.type}`, [], { 'data-evidence': '' });
	for (const facet of FACETS) item.dataset[facet] = card.facetValues[facet].join(' ');

	const top = el('div', 'card-top', [el('span', 'badge', [card.typeLabel])]);
	if (card.placement) top.append(el('span', 'badge badge-placement', [card.placement]));
	if (card.logo) {
		const logo = el('img', 'card-logo', [], { src: card.logo, alt: '', loading: 'lazy', decoding: 'async' });
		if (card.logo_srcset) logo.setAttribute('srcset', card.logo_srcset);
		if (card.logo_width) logo.setAttribute('width', card.logo_width);
		if (card.logo_height) logo.setAttribute('height', card.logo_height);
		top.append(logo);
	}
	item.append(top, el('h3', 'card-title', [el('a', '', [card.title], card.url ? { href: card.url } : {})]));
	item.append(el('p', 'card-customer', [[card.customer, card.industryLabel].filter(Boolean).join(' · ')]));
	if (card.metric) item.append(el('p', 'card-metric', [el('strong', '', [card.metric]), ' ', el('span', '', [card.metric_label ?? ''])]));
	if (card.award) item.append(el('p', 'card-award', [card.award]));
	item.append(
		card.quote
			? el('blockquote', 'card-quote', [el('p', '', [`“${card.quote}”`]), el('footer', '', [card.quote_by ?? ''])])
			: el('p', 'card-summary', [card.summary ?? '']),
	);
	const meta = el('p', 'card-meta', [el('time', '', [card.date_text ?? ''], card.date ? { datetime: card.date } : {})]);
	if (card.duration) meta.append(` · ${card.duration}`);
	item.append(meta);
	return item;
}
