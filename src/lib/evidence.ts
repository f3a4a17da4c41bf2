/**
 * Pure helpers that turn content entries into what pages show: customer display names that
 * respect permissions, metric deltas, and the common card shape of every kind of evidence.
 */
import type { Customer } from '../schemas/customer.ts';
import type { Metric } from '../schemas/story.ts';
import { CONTENT_TYPES, INDUSTRIES, REGIONS, SIZES, type ContentType } from '../schemas/taxonomy.ts';

/** The name a page may show: the anonymous label when the customer withholds its name. */
export function customerDisplayName(customer: Customer): string {
	return customer.permissions.name ? customer.name : customer.anonymousLabel!;
}

/** Whether the customer may have a page of its own (it exists under its name). */
export function customerIsNamed(customer: Customer): boolean {
	return customer.permissions.name;
}

/** Facet labels for a customer. */
export function customerFacets(customer: Customer) {
	return {
		industry: INDUSTRIES[customer.industry],
		region: REGIONS[customer.region],
		size: SIZES[customer.size],
	};
}

export function contentTypeLabel(type: ContentType): string {
	return CONTENT_TYPES[type];
}

/** Relative change from baseline to value, in percent (undefined when the baseline is 0). */
export function relativeChange(metric: Pick<Metric, 'value' | 'baseline'>): number | undefined {
	if (metric.baseline === 0) return undefined;
	return ((metric.value - metric.baseline) / Math.abs(metric.baseline)) * 100;
}

/** Whether the change is an improvement in the metric's own direction. */
export function isImprovement(metric: Pick<Metric, 'value' | 'baseline' | 'better'>): boolean {
	return metric.better === 'higher' ? metric.value > metric.baseline : metric.value < metric.baseline;
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

const CURRENCY_SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };

/** A value with its unit: "7%", "$1.2", "3.5 hours". */
export function formatMetricValue(value: number, unit: string): string {
	const n = numberFormat.format(value);
	if (!unit) return n;
	if (unit === '%') return `${n}%`;
	if (CURRENCY_SYMBOLS[unit]) return `${CURRENCY_SYMBOLS[unit]}${n}`;
	return `${n} ${unit}`;
}

/** The headline for a metric: "−61% forecast error" style relative change, or the absolute delta for percentages. */
export function metricHeadline(metric: Metric): string {
	if (metric.unit === '%') {
		const delta = metric.value - metric.baseline;
		return `${delta > 0 ? '+' : '−'}${numberFormat.format(Math.abs(delta))} pts`;
	}
	const change = relativeChange(metric);
	if (change === undefined) return formatMetricValue(metric.value, metric.unit);
	return `${change > 0 ? '+' : '−'}${numberFormat.format(Math.abs(change))}%`;
}

/** "12 March 2026" */
export function formatDate(date: Date): string {
	return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Newest first, then by title for a stable order. */
export function byNewest<T extends { date: Date; title: string }>(a: T, b: T): number {
	return b.date.getTime() - a.date.getTime() || a.title.localeCompare(b.title);
}

/** How a person is credited on the site. */
export interface Credit {
	/** Name, or only the job title for people of a customer that withholds its name. */
	name: string;
	/** False when the person must stay anonymous (no headshot either). */
	identified: boolean;
}

/**
 * People of a customer that withholds its name would identify it, so they are credited by job
 * title only. Everyone else is credited by name.
 */
export function personCredit(person: { name: string; title: string; role: string }, employer: Customer | undefined): Credit {
	if (person.role === 'customer' && employer && !employer.permissions.name) return { name: person.title, identified: false };
	return { name: person.name, identified: true };
}

/**
 * Whether a person's words may be quoted: a customer that withholds quotes (`permissions.quotes`)
 * withholds them for all its people; the vendor's and others' quotes are unaffected.
 */
export function mayQuote(person: { role: string }, employer: Customer | undefined): boolean {
	return !(person.role === 'customer' && employer && !employer.permissions.quotes);
}

/** What relatedness is judged on: the customer's industry and the products involved. */
export interface Relatable {
	id: string;
	industry: string;
	products: string[];
	date: Date;
	title: string;
}

/**
 * Evidence related to `item`: pieces in the same industry or about the same products, the
 * closest first (an industry match and each shared product count one point each), then newest.
 */
export function relatedEvidence<T extends Relatable>(item: Relatable, candidates: readonly T[], limit = 3): T[] {
	// One pass keeping the best `limit` (a page per item calls this: a full sort of every
	// candidate on every page would make a large library's build quadratic with a heavy constant).
	const best: { other: T; score: number }[] = [];
	const before = (a: { other: T; score: number }, b: { other: T; score: number }) => b.score - a.score || byNewest(a.other, b.other);
	for (const other of candidates) {
		if (other.id === item.id) continue;
		let score = other.industry === item.industry ? 1 : 0;
		for (const p of other.products) if (item.products.includes(p)) score++;
		if (score === 0) continue;
		const candidate = { other, score };
		if (best.length === limit && before(candidate, best[limit - 1]) >= 0) continue;
		let at = best.length;
		while (at > 0 && before(candidate, best[at - 1]) < 0) at--;
		best.splice(at, 0, candidate);
		if (best.length > limit) best.pop();
	}
	return best.map(({ other }) => other);
}
