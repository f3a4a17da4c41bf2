import { describe, expect, it } from 'vitest';
import { checkTargets, type TargetFigures } from '../../scripts/bench/targets.ts';

/** One size's figures, all within the targets unless overridden. */
const size = (items: number, overrides: Partial<TargetFigures> = {}): TargetFigures => ({
	items,
	cold: { msPerPage: 2, peakRssMb: 1500 },
	rebuild: { ofCold: 0.15 },
	ratio: { msPerPage: 1.1 },
	dist: { files: 19_000 },
	search: { kb: 90 },
	...overrides,
});

const verdicts = (results: TargetFigures[]) => Object.fromEntries(checkTargets(results).map((c) => [c.target, `${c.met ? 'met' : 'not met'}: ${c.measured}`]));

describe('checkTargets', () => {
	it('checks every target at the largest size, and growth against the smallest', () => {
		expect(verdicts([size(10_000), size(1000, { cold: { msPerPage: 1.8, peakRssMb: 900 } })])).toEqual({
			"ms per page ≤ 1.25× bare Astro's": 'met: 1.10×',
			'ms per page ≤ 1.2× that at 1000 items': 'met: 1.11×',
			'peak RSS ≤ 2,000 MB': 'met: 1,500 MB',
			'one-story rebuild ≤ 20% of the cold build': 'met: 15%',
			'first search ≤ 100 KB transferred': 'met: 90.0 KB',
			'files in dist/ < 20,000': 'met: 19,000',
		});
	});

	it('reports each target missed with what was measured', () => {
		const missed = size(10_000, { cold: { msPerPage: 5.4, peakRssMb: 2036 }, rebuild: { ofCold: 0.38 }, ratio: { msPerPage: 3.7 }, dist: { files: 20_000 }, search: { kb: 292.6 } });
		expect(verdicts([size(1000, { cold: { msPerPage: 4, peakRssMb: 900 } }), missed])).toEqual({
			"ms per page ≤ 1.25× bare Astro's": 'not met: 3.70×',
			'ms per page ≤ 1.2× that at 1000 items': 'not met: 1.35×',
			'peak RSS ≤ 2,000 MB': 'not met: 2,036 MB',
			'one-story rebuild ≤ 20% of the cold build': 'not met: 38%',
			'first search ≤ 100 KB transferred': 'not met: 292.6 KB',
			'files in dist/ < 20,000': 'not met: 20,000',
		});
	});

	it('counts a figure exactly at its limit as met', () => {
		const atLimits = size(10_000, { cold: { msPerPage: 2, peakRssMb: 2000 }, rebuild: { ofCold: 0.2 }, ratio: { msPerPage: 1.25 }, search: { kb: 100 } });
		expect(checkTargets([atLimits]).every((c) => c.met)).toBe(true);
	});

	it('leaves out growth for a single size, and the search when it was not measured', () => {
		const targets = checkTargets([size(5000, { search: undefined })]).map((c) => c.target);
		expect(targets).toEqual(["ms per page ≤ 1.25× bare Astro's", 'peak RSS ≤ 2,000 MB', 'one-story rebuild ≤ 20% of the cold build', 'files in dist/ < 20,000']);
	});
});
