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

/**
 * Whether the site may show who entered an award entry. Not while a blind program is being judged:
 * judges "see the entry, not who entered it", and a judge could otherwise look the entrant up on
 * the public site. A ranking round is judged after the finalists are announced, so the program
 * declares (`blindUntil`) whether entrants show with the finalists or only with the winners;
 * `winnersAnnounced` is whether the announced results name the winners.
 */
export function entrantShown(program: { blind: boolean; blindUntil?: 'winners' | 'finalists' }, resultsAnnounced: boolean, winnersAnnounced = resultsAnnounced): boolean {
	if (!program.blind) return true;
	return program.blindUntil === 'finalists' ? resultsAnnounced : winnersAnnounced;
}

/** Stands in for the entrant while it is withheld (see `entrantShown`). */
export const WITHHELD_ENTRANT = 'Entrant not shown while judging is blind';

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
// One formatter for every date: `toLocaleDateString` builds a new one per call, which cost
// seconds across a large library's pages.
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
// Formatting is still a few microseconds a call, and a large library formats the same few
// thousand days on every page that lists them (0.25 s of a 10,000-item build): each day once.
const formattedDays = new Map<number, string>();

export function formatDate(date: Date): string {
	const time = date.getTime();
	let text = formattedDays.get(time);
	if (text === undefined) formattedDays.set(time, (text = dateFormat.format(date)));
	return text;
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
 * Evidence related to an item, for every item of a library: pieces in the same industry or about
 * the same products, the closest first (an industry match and each shared product count one
 * point each), then newest, never the item itself. Every page of a large library asks for its
 * related pieces, and scanning every candidate for every page made the build quadratic. A score
 * depends only on the industry and products of both sides, so candidates are grouped by that
 * signature (a few dozen groups, however large the library) and the ranking is worked out once
 * per signature, from the first few members of each group.
 */
export function relatedIndex<T extends Relatable>(candidates: readonly T[], limit = 3): (item: Relatable) => T[] {
	const signature = (r: Relatable) => `${r.industry}\u0000${[...r.products].sort().join('\u0000')}`;
	const groups = new Map<string, { industry: string; products: string[]; members: { other: T; order: number }[] }>();
	candidates.forEach((other, order) => {
		const key = signature(other);
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { industry: other.industry, products: other.products, members: [] }));
		group.members.push({ other, order });
	});
	// Within a group every member scores the same, so only its newest few can ever rank: one more
	// than the limit, so they are still enough once the item itself is left out.
	for (const group of groups.values()) group.members = group.members.sort((a, b) => byNewest(a.other, b.other) || a.order - b.order).slice(0, limit + 1);
	type Ranked = { other: T; order: number; score: number };
	// Closest first, then newest; on a full tie the earlier candidate.
	const before = (a: Ranked, b: Ranked) => b.score - a.score || byNewest(a.other, b.other) || a.order - b.order;
	const rankings = new Map<string, Ranked[]>();
	const rankingFor = (item: Relatable): Ranked[] => {
		const key = signature(item);
		let ranking = rankings.get(key);
		if (!ranking) {
			ranking = [];
			for (const group of groups.values()) {
				let score = group.industry === item.industry ? 1 : 0;
				for (const p of group.products) if (item.products.includes(p)) score++;
				if (score > 0) for (const member of group.members) ranking.push({ ...member, score });
			}
			ranking.sort(before);
			ranking.length = Math.min(ranking.length, limit + 1);
			rankings.set(key, ranking);
		}
		return ranking;
	};
	return (item) =>
		rankingFor(item)
			.filter(({ other }) => other.id !== item.id)
			.slice(0, limit)
			.map(({ other }) => other);
}

/**
 * The name a self-hosted video's file is published under: the video's id with the file's
 * extension (`/media/<id>.mp4`), never the source file's own name, which may say more than the
 * page does (e.g. the name of a customer that withholds it).
 */
export function publishedMediaName(videoId: string, sourceFile: string): string {
	const extension = /\.[a-z0-9]+$/i.exec(sourceFile)?.[0].toLowerCase() ?? '';
	return `${videoId}${extension}`;
}

const countFormat = new Intl.NumberFormat('en-GB');

/** A count with its noun, singular for one: `1 award entry`, `7,100 pieces of evidence`. */
export function countOf(n: number, one: string, many: string): string {
	return `${countFormat.format(n)} ${n === 1 ? one : many}`;
}
