/** The eligibility rules, the word count they use, and the ids intake gives entries. */
import { describe, expect, it } from 'vitest';
import { checkEligibility, countsForEligibility, type EligibilityEntry } from '../../../src/lib/awards/eligibility.ts';
import { slugOf } from '../../../src/lib/awards/intake.ts';
import { countChars, countWords } from '../../../src/lib/awards/words.ts';
import { eligibilitySchema, programSchema } from '../../../src/schemas/award.ts';

const rules = eligibilitySchema.parse({
	closes: '2027-06-30',
	customerSince: '2025-06-30',
	inProduction: true,
	products: ['tessellate-forecast'],
	regions: ['north-america'],
	onePerCustomerPerCategory: true,
	titleMaxChars: 10,
	summaryMaxWords: 3,
	narrativeMaxWords: 5,
	evidenceMax: 1,
});

const entry = (over: Partial<EligibilityEntry> = {}): EligibilityEntry => ({
	id: 'shelf',
	category: 'data-and-ai',
	customer: 'alder-finch-home',
	title: 'Shelf',
	summary: 'Fewer gaps.',
	narrative: 'We did it well.',
	evidence: [{}],
	products: ['tessellate-forecast'],
	submittedOn: new Date('2027-05-01'),
	eligibility: { customerSince: new Date('2024-01-01'), inProduction: true },
	...over,
});
const context = { region: 'north-america', others: [] };
const fields = (e: EligibilityEntry, c: Parameters<typeof checkEligibility>[2] = context) => checkEligibility(e, rules, c).map((p) => p.field);

describe('checkEligibility', () => {
	it('passes an entry that meets every rule, and anything when the program has no rules', () => {
		expect(checkEligibility(entry(), rules, context)).toEqual([]);
		expect(checkEligibility(entry({ eligibility: undefined, title: 'x'.repeat(99) }), undefined, context)).toEqual([]);
	});

	it('names each broken rule by the field to fix', () => {
		expect(fields(entry({ submittedOn: new Date('2027-07-01') }))).toEqual(['submittedOn']);
		expect(fields(entry({ eligibility: { customerSince: new Date('2026-01-01'), inProduction: true } }))).toEqual(['eligibility.customerSince']);
		expect(fields(entry({ eligibility: {} }))).toEqual(['eligibility.customerSince', 'eligibility.inProduction']);
		expect(fields(entry({ products: [] }))).toEqual(['products']);
		expect(fields(entry(), { region: 'emea', others: [] })).toEqual(['customer']);
		expect(fields(entry({ title: 'Eleven char' }))).toEqual(['title']);
		expect(fields(entry({ summary: 'one two three four' }))).toEqual(['summary']);
		expect(fields(entry({ narrative: 'a b c d e f' }))).toEqual(['(body)']);
		expect(fields(entry({ evidence: [{}, {}] }))).toEqual(['evidence']);
	});

	it('allows one entry per customer per category, not counting the entry itself', () => {
		const others = [{ id: 'shelf', category: 'data-and-ai', customer: 'alder-finch-home' }];
		expect(fields(entry(), { region: 'north-america', others })).toEqual([]);
		const second = [...others, { id: 'other', category: 'data-and-ai', customer: 'alder-finch-home' }];
		expect(checkEligibility(entry(), rules, { region: 'north-america', others: second })[0].message).toMatch(/found "other" already entered by alder-finch-home in data-and-ai/);
		expect(fields(entry(), { region: 'north-america', others: [{ id: 'other', category: 'resilient-operations', customer: 'alder-finch-home' }] })).toEqual([]);
	});

	it('says what was found and what is accepted', () => {
		const [problem] = checkEligibility(entry({ narrative: 'a b c d e f g' }), rules, context);
		expect(problem.message).toBe('expected a narrative of at most 5 words, found 7: cut 2');
	});

	it('counts only entries in judging', () => {
		expect(countsForEligibility({ status: 'submitted', draft: false })).toBe(true);
		expect(countsForEligibility({ status: 'eligible', draft: false })).toBe(true);
		expect(countsForEligibility({ status: 'withdrawn', draft: false })).toBe(false);
		expect(countsForEligibility({ status: 'ineligible', draft: false })).toBe(false);
		expect(countsForEligibility({ status: 'submitted', draft: true })).toBe(false);
	});
});

describe('the eligibility block of program.yaml', () => {
	it('is optional, strict and has safe defaults', () => {
		expect(eligibilitySchema.parse({})).toEqual({ inProduction: false, products: [], regions: [], onePerCustomerPerCategory: false });
		expect(eligibilitySchema.safeParse({ region: ['emea'] }).success).toBe(false);
		expect(eligibilitySchema.safeParse({ regions: ['mars'] }).success).toBe(false);
		expect(eligibilitySchema.safeParse({ narrativeMaxWords: 0 }).success).toBe(false);
		expect(programSchema.shape.eligibility.safeParse(undefined).success).toBe(true);
	});
});

describe('words, characters and ids', () => {
	it('counts words with a letter or digit, not list dashes', () => {
		expect(countWords('')).toBe(0);
		expect(countWords('  one\ntwo\t three ')).toBe(3);
		expect(countWords('- item one\n- item 2 — done')).toBe(5);
		expect(countWords('Déjà vu, 40%')).toBe(3);
	});

	it('counts characters as a reader does', () => {
		expect(countChars(' 📦 box ')).toBe(5);
	});

	it('derives ids from titles: ASCII words, cut at a word, never empty', () => {
		expect(slugOf('Forecasts that learn — from the Shelf!')).toBe('forecasts-that-learn-from-the-shelf');
		expect(slugOf('Café déjà vu')).toBe('cafe-deja-vu');
		expect(slugOf('日本語')).toBe('entry');
		const long = slugOf('word '.repeat(30));
		expect(long.length).toBeLessThanOrEqual(60);
		expect(long).toMatch(/^(word-)*word$/);
	});
});
