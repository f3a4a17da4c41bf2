import { afterEach, describe, expect, it } from 'vitest';
import { millisecondsSetting } from '../../scripts/lib/env-setting.ts';

const NAME = 'CREDENCE_TEST_MS_SETTING';
afterEach(() => {
	delete process.env[NAME];
});

describe('millisecondsSetting', () => {
	it('reads a whole number of milliseconds, or falls back when unset, not digits alone, or too small', () => {
		expect(millisecondsSetting(NAME, 600_000, 1)).toBe(600_000);
		for (const [set, read] of [['3000', 3000], [' 3000 ', 3000], ['0', 600_000], ['-5', 600_000], ['ten minutes', 600_000], ['', 600_000], [' ', 600_000], ['1.5e3', 600_000], ['0x10', 600_000]] as const) {
			process.env[NAME] = set;
			expect(millisecondsSetting(NAME, 600_000, 1), set).toBe(read);
		}
	});

	it('holds a time too long for a timer to the longest one, which Node would otherwise run at once', () => {
		// A check limit of 3,000,000,000 ms stopped the check after 1 ms, blaming the content.
		process.env[NAME] = '3000000000';
		expect(millisecondsSetting(NAME, 600_000, 1)).toBe(2 ** 31 - 1);
		process.env[NAME] = 'Infinity';
		expect(millisecondsSetting(NAME, 600_000, 1)).toBe(600_000);
	});
});
