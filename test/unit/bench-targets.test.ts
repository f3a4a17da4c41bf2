import { describe, expect, it } from 'vitest';
import { checkTargets, coldVsFloorLimit, type TargetFigures } from '../../scripts/bench/targets.ts';

/** One size's figures, all within the targets unless overridden. */
const size = (items: number, overrides: Partial<TargetFigures> = {}): TargetFigures => ({
	items,
	cold: { seconds: 10, peakRssMb: 1500 },
	rebuild: { seconds: 4 },
	bare: { seconds: 5 },
	floor: { seconds: 8, peakRssMb: 1600 },
	dist: { files: 19_000 },
	search: { kb: 90 },
	...overrides,
});

const verdicts = (results: TargetFigures[]) => Object.fromEntries(checkTargets(results).map((c) => [c.target, `${c.met ? 'met' : 'not met'}: ${c.measured}`]));

describe('coldVsFloorLimit', () => {
	it('is 1.6× up to 1,000 items, 1.3× from 10,000, and in between on a log scale', () => {
		expect(coldVsFloorLimit(100)).toBe(1.6);
		expect(coldVsFloorLimit(1000)).toBe(1.6);
		expect(coldVsFloorLimit(10_000)).toBe(1.3);
		expect(coldVsFloorLimit(50_000)).toBe(1.3);
		expect(coldVsFloorLimit(Math.round(10 ** 3.5))).toBe(1.45);
		expect(coldVsFloorLimit(5000)).toBeGreaterThan(1.3);
		expect(coldVsFloorLimit(5000)).toBeLessThan(1.45);
	});
});

describe('checkTargets', () => {
	it('checks the cold build against bare Astro + Pagefind and the rebuild against bare Astro at every size, memory from 10,000', () => {
		expect(verdicts([size(10_000, { cold: { seconds: 40, peakRssMb: 1400 }, floor: { seconds: 32, peakRssMb: 2500 }, rebuild: { seconds: 14 }, bare: { seconds: 15 } }), size(1000)])).toEqual({
			'cold build ≤ 1.6× bare Astro + Pagefind at 1,000 items': 'met: 1.25× (10.0 s vs 8.0 s)',
			"one-story rebuild ≤ bare Astro's cold build at 1,000 items": 'met: 0.80× (4.0 s vs 5.0 s)',
			'cold build ≤ 1.3× bare Astro + Pagefind at 10,000 items': 'met: 1.25× (40.0 s vs 32.0 s)',
			"one-story rebuild ≤ bare Astro's cold build at 10,000 items": 'met: 0.93× (14.0 s vs 15.0 s)',
			"peak RSS ≤ bare Astro + Pagefind's at 10,000 items": 'met: 1,400 MB vs 2,500 MB',
			'first search ≤ 100 KB transferred': 'met: 90.0 KB',
			'files in dist/ < 20,000': 'met: 19,000',
		});
	});

	it('reports each target missed with what was measured (the figures of issue #21)', () => {
		const small = size(1000, { cold: { seconds: 19.3, peakRssMb: 875 }, floor: { seconds: 5, peakRssMb: 723 }, rebuild: { seconds: 8.1 }, bare: { seconds: 4.5 } });
		const large = size(10_000, { cold: { seconds: 61.8, peakRssMb: 2600 }, floor: { seconds: 32.8, peakRssMb: 2549 }, rebuild: { seconds: 25 }, bare: { seconds: 15.6 }, dist: { files: 20_000 }, search: { kb: 292.6 } });
		expect(verdicts([small, large])).toEqual({
			'cold build ≤ 1.6× bare Astro + Pagefind at 1,000 items': 'not met: 3.86× (19.3 s vs 5.0 s)',
			"one-story rebuild ≤ bare Astro's cold build at 1,000 items": 'not met: 1.80× (8.1 s vs 4.5 s)',
			'cold build ≤ 1.3× bare Astro + Pagefind at 10,000 items': 'not met: 1.88× (61.8 s vs 32.8 s)',
			"one-story rebuild ≤ bare Astro's cold build at 10,000 items": 'not met: 1.60× (25.0 s vs 15.6 s)',
			"peak RSS ≤ bare Astro + Pagefind's at 10,000 items": 'not met: 2,600 MB vs 2,549 MB',
			'first search ≤ 100 KB transferred': 'not met: 292.6 KB',
			'files in dist/ < 20,000': 'not met: 20,000',
		});
	});

	it('counts a figure exactly at its limit as met', () => {
		const atLimits = size(10_000, { cold: { seconds: 13, peakRssMb: 1600 }, floor: { seconds: 10, peakRssMb: 1600 }, rebuild: { seconds: 5 }, bare: { seconds: 5 }, search: { kb: 100 } });
		expect(checkTargets([atLimits]).every((c) => c.met)).toBe(true);
	});

	it('leaves out memory below 10,000 items, and the search when it was not measured', () => {
		const targets = checkTargets([size(5000, { search: undefined })]).map((c) => c.target);
		expect(targets).toEqual([`cold build ≤ ${coldVsFloorLimit(5000)}× bare Astro + Pagefind at 5,000 items`, "one-story rebuild ≤ bare Astro's cold build at 5,000 items", 'files in dist/ < 20,000']);
	});
});
