import { describe, expect, it } from 'vitest';
import { isoDate, isoDateTime, parseStrictDate } from '../../src/schemas/common.ts';

describe('parseStrictDate', () => {
	it('accepts real calendar dates as UTC midnight', () => {
		expect(parseStrictDate('2026-02-28', { allowTime: false })?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
		expect(parseStrictDate('2028-02-29', { allowTime: false })?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
	});

	it('rejects days that do not exist instead of rolling them over', () => {
		expect(parseStrictDate('2026-02-30', { allowTime: false })).toBeUndefined();
		expect(parseStrictDate('2026-02-29', { allowTime: false })).toBeUndefined();
		expect(parseStrictDate('2026-13-01', { allowTime: false })).toBeUndefined();
		expect(parseStrictDate('2026-04-31', { allowTime: true })).toBeUndefined();
	});

	it('accepts date-times only with a zone, and only where allowed', () => {
		expect(parseStrictDate('2026-05-01T09:30:00Z', { allowTime: true })?.toISOString()).toBe('2026-05-01T09:30:00.000Z');
		expect(parseStrictDate('2026-05-01T09:30:00+02:00', { allowTime: true })?.toISOString()).toBe('2026-05-01T07:30:00.000Z');
		expect(parseStrictDate('2026-05-01T09:30:00', { allowTime: true })).toBeUndefined();
		expect(parseStrictDate('2026-05-01T09:30:00Z', { allowTime: false })).toBeUndefined();
		expect(parseStrictDate('2026-05-01T24:30:00Z', { allowTime: true })).toBeUndefined();
	});

	it('rejects other shapes', () => {
		for (const value of ['01/05/2026', '2026-5-1', 'tomorrow', '']) {
			expect(parseStrictDate(value, { allowTime: true })).toBeUndefined();
		}
	});
});

describe('date schemas', () => {
	it('take Date objects (Astro parses YAML dates) and strings (the CLI does not)', () => {
		expect(isoDate().parse(new Date('2026-01-02T00:00:00Z')).toISOString()).toBe('2026-01-02T00:00:00.000Z');
		expect(isoDate().parse('2026-01-02').toISOString()).toBe('2026-01-02T00:00:00.000Z');
	});

	it('explain what is valid when a date is impossible', () => {
		const result = isoDate().safeParse('2026-02-30');
		expect(result.success).toBe(false);
		expect(result.error!.issues[0].message).toMatch(/2026-02-30.*not a real date/);
		expect(isoDateTime().safeParse(42).error!.issues[0].message).toMatch(/expected a date like 2026-05-01/);
	});

	it('reject an invalid Date object', () => {
		expect(isoDate().safeParse(new Date('nope')).success).toBe(false);
	});
});
