import { describe, expect, it } from 'vitest';
import { customerDisplayName, entrantShown, formatDate, formatMetricValue, isImprovement, mayQuote, metricHeadline, publishedMediaName, relatedIndex, relativeChange } from '../../src/lib/evidence.ts';

const metric = (value: number, baseline: number, unit = '', better: 'higher' | 'lower' = 'higher') => ({
	label: 'M', value, baseline, unit, better, period: 'p', method: 'm', measuredOn: new Date('2026-01-01'),
});

describe('metrics', () => {
	it('computes the relative change from the baseline', () => {
		expect(relativeChange(metric(150, 100))).toBe(50);
		expect(relativeChange(metric(50, 100))).toBe(-50);
		expect(relativeChange(metric(5, 0))).toBeUndefined();
	});
	it('headlines percentages as points and other units as relative change', () => {
		expect(metricHeadline(metric(9, 21, '%', 'lower'))).toBe('−12 pts');
		expect(metricHeadline(metric(3, 12, 'hours', 'lower'))).toBe('−75%');
		expect(metricHeadline(metric(7, 0, 'sites'))).toBe('7 sites');
	});
	it('knows which direction is better', () => {
		expect(isImprovement(metric(9, 21, '%', 'lower'))).toBe(true);
		expect(isImprovement(metric(9, 21, '%', 'higher'))).toBe(false);
	});
	it('formats units', () => {
		expect(formatMetricValue(1.25, 'USD')).toBe('$1.3');
		expect(formatMetricValue(40, '%')).toBe('40%');
		expect(formatMetricValue(3, 'days')).toBe('3 days');
		expect(formatMetricValue(3, '')).toBe('3');
	});
});

describe('customerDisplayName', () => {
	const customer = { name: 'Kestrel Grid', anonymousLabel: 'A European grid operator', permissions: { name: true, logo: true, quotes: true } } as never;
	it('uses the name when allowed and the anonymous label otherwise', () => {
		expect(customerDisplayName(customer)).toBe('Kestrel Grid');
		expect(customerDisplayName({ ...(customer as object), permissions: { name: false, logo: false, quotes: true } } as never)).toBe('A European grid operator');
	});
});

describe('mayQuote', () => {
	const customer = { name: 'Kestrel Grid', permissions: { name: true, logo: true, quotes: true } } as never;
	const withholding = { ...(customer as object), permissions: { name: true, logo: true, quotes: false } } as never;
	it("drops quotes of a customer's people when the customer withholds quotes", () => {
		expect(mayQuote({ role: 'customer' }, withholding)).toBe(false);
		expect(mayQuote({ role: 'customer' }, customer)).toBe(true);
	});

	it("keeps the vendor's quotes whatever the customer allows", () => {
		expect(mayQuote({ role: 'vendor' }, undefined)).toBe(true);
	});
});

describe('relatedIndex', () => {
	const piece = (id: string, industry: string, products: string[], day: number) => ({ id, industry, products, date: new Date(Date.UTC(2026, 0, day)), title: id });
	const self = piece('self', 'retail', ['forecast', 'flow'], 1);
	const candidates = [
		self,
		piece('same-industry', 'retail', [], 5),
		piece('both-products', 'energy', ['forecast', 'flow'], 2),
		piece('industry-and-product', 'retail', ['flow'], 3),
		piece('unrelated', 'energy', ['edge'], 9),
		piece('one-product-newer', 'energy', ['forecast'], 8),
	];

	it('ranks by shared industry and products, then newest, never the item itself or unrelated ones', () => {
		expect(relatedIndex(candidates, 10)(self).map((c) => c.id)).toEqual(['industry-and-product', 'both-products', 'one-product-newer', 'same-industry']);
	});

	it('returns at most the limit', () => {
		expect(relatedIndex(candidates)(self)).toHaveLength(3);
	});

	it('ranks a large library exactly as comparing every candidate would', () => {
		// The grouped index against a plain sort of every candidate, on a seeded random library
		// with many ties (few industries, products and dates).
		let seed = 7;
		const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
		const library = Array.from({ length: 400 }, (_, i) =>
			piece(`item-${i}`, ['retail', 'energy', 'health'][next(3)], ['forecast', 'flow', 'edge', 'plan'].filter(() => next(3) === 0), 1 + next(20)),
		);
		const bruteForce = (item: (typeof library)[number], limit: number) =>
			library
				.map((other, order) => ({ other, order, score: (other.industry === item.industry ? 1 : 0) + other.products.filter((p) => item.products.includes(p)).length }))
				.filter(({ other, score }) => other.id !== item.id && score > 0)
				.sort((a, b) => b.score - a.score || b.other.date.getTime() - a.other.date.getTime() || a.other.title.localeCompare(b.other.title) || a.order - b.order)
				.slice(0, limit)
				.map(({ other }) => other.id);
		const related = relatedIndex(library, 4);
		for (const item of library) expect(related(item).map((c) => c.id)).toEqual(bruteForce(item, 4));
	});
});

describe('publishedMediaName', () => {
	it("names a self-hosted video's file after the video, keeping the extension", () => {
		expect(publishedMediaName('grid-operator-interview', 'kestrel-grid-interview.mp4')).toBe('grid-operator-interview.mp4');
		expect(publishedMediaName('van-stock', 'telvanta-van-stock.webm')).toBe('van-stock.webm');
	});
});

describe('entrantShown', () => {
	it('withholds the entrant of a blind program until its results are announced', () => {
		expect(entrantShown({ blind: true }, false)).toBe(false);
		expect(entrantShown({ blind: true }, true)).toBe(true);
		expect(entrantShown({ blind: false }, false)).toBe(true);
		expect(entrantShown({ blind: false }, true)).toBe(true);
	});
});

describe('entrantShown with blindUntil', () => {
	it('keeps entrants hidden while only the finalists are announced, unless the program reveals them with the finalists', () => {
		expect(entrantShown({ blind: true, blindUntil: 'winners' }, true, false)).toBe(false);
		expect(entrantShown({ blind: true, blindUntil: 'winners' }, true, true)).toBe(true);
		expect(entrantShown({ blind: true, blindUntil: 'finalists' }, true, false)).toBe(true);
		expect(entrantShown({ blind: true, blindUntil: 'finalists' }, false, false)).toBe(false);
	});
});

describe('formatDate', () => {
	it('writes the day in UTC, the same for every Date of the same instant', () => {
		expect(formatDate(new Date('2026-03-12T00:00:00Z'))).toBe('12 March 2026');
		expect(formatDate(new Date('2026-03-12T23:59:00Z'))).toBe('12 March 2026');
		expect(formatDate(new Date('2026-03-12T00:00:00Z'))).toBe('12 March 2026');
	});
	it('formats the date a Date holds now, not the one it held when first formatted (days are remembered by instant)', () => {
		const date = new Date('2026-03-12T00:00:00Z');
		expect(formatDate(date)).toBe('12 March 2026');
		date.setUTCDate(13);
		expect(formatDate(date)).toBe('13 March 2026');
	});
	it('refuses an invalid date, every time', () => {
		expect(() => formatDate(new Date('nonsense'))).toThrow(RangeError);
		expect(() => formatDate(new Date('nonsense'))).toThrow(RangeError);
	});
});
