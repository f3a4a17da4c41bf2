/**
 * How well the tally recovers a known truth (issue #19, point 6): simulated panels with known
 * entry quality, judge severity and spread and one erratic judge, the strongest entries assigned
 * to the harshest judges (src/lib/awards/simulate.ts). For each size: Spearman's ρ with the truth
 * of every method and of an oracle that knows the judges' offsets, the coverage of the 95% rank
 * intervals, and how often the erratic judge (and anyone else) is flagged.
 *
 * Panels are drawn from seeds `--seed`, `--seed` + 1, …: tune on one set, confirm on another.
 *
 *   node scripts/bench-judging.ts [--panels N] [--resamples N] [--seed N] [--method scaled|offset|zscore|mean] [--json]
 */
import { parseArgs } from 'node:util';
import { scorePanel, simulatePanel, type PanelScorecard } from '../src/lib/awards/simulate.ts';
import type { TallyMethod } from '../src/lib/awards/tally.ts';

const SIZES = [
	{ entries: 40, judges: 10 },
	{ entries: 300, judges: 15 },
];

const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Mean, SD across panels, and the lowest and highest panel. */
function summary(values: number[]): { mean: number; sd: number; min: number; max: number } {
	const mean = average(values);
	const sd = values.length > 1 ? Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1)) : 0;
	return { mean: round3(mean), sd: round3(sd), min: round3(Math.min(...values)), max: round3(Math.max(...values)) };
}

function main(): void {
	const { values } = parseArgs({ options: { panels: { type: 'string', default: '20' }, resamples: { type: 'string', default: '500' }, seed: { type: 'string', default: '1000' }, method: { type: 'string', default: 'scaled' }, json: { type: 'boolean', default: false } } });
	const panels = Number(values.panels);
	const resamples = Number(values.resamples);
	const method = values.method as TallyMethod;
	const firstSeed = Number(values.seed);
	const results = SIZES.map((size) => {
		const cards: PanelScorecard[] = [];
		for (let p = 0; p < panels; p++) cards.push(scorePanel(simulatePanel({ ...size, perEntry: 4, seed: firstSeed + p }), method, resamples));
		return {
			...size,
			panels,
			seeds: [firstSeed, firstSeed + panels - 1],
			rho: Object.fromEntries((['offset', 'scaled', 'zscore', 'mean', 'offsetOracle'] as const).map((m) => [m, summary(cards.map((c) => c.rho[m]))])) as Record<keyof PanelScorecard['rho'], ReturnType<typeof summary>>,
			coverage: summary(cards.map((c) => c.coverage)),
			erraticFlagged: cards.filter((c) => c.erraticFlagged).length / panels,
			falseFlagsPerPanel: average(cards.map((c) => c.falseFlags)),
			wins: { zscore: cards.filter((c) => c.rho[method] >= c.rho.zscore).length, offsetOracle: cards.filter((c) => c.rho[method] >= c.rho.offsetOracle).length },
		};
	});
	if (values.json) {
		console.log(JSON.stringify({ method, resamples, results }, null, 2));
		return;
	}
	for (const r of results) {
		const rho = (s: ReturnType<typeof summary>) => `${s.mean.toFixed(3)} (SD ${s.sd.toFixed(3)})`;
		console.log(`${r.entries} entries × ${r.judges} judges, 4 per entry, ${r.panels} panels (seeds ${r.seeds[0]}–${r.seeds[1]}), intervals of ${method}, ${resamples} resamples`);
		console.log(`  Spearman ρ with the truth, mean (SD) over panels: scaled ${rho(r.rho.scaled)}, offset ${rho(r.rho.offset)}, z-score ${rho(r.rho.zscore)}, mean ${rho(r.rho.mean)}, offset oracle ${rho(r.rho.offsetOracle)}`);
		const wins = (other: 'zscore' | 'offsetOracle') => r.wins[other];
		console.log(`  ${method} at or above z-scores in ${wins('zscore')} and above the offset oracle in ${wins('offsetOracle')} of ${r.panels} panels`);
		console.log(`  95% rank intervals cover the true rank: ${(r.coverage.mean * 100).toFixed(1)}% (SD ${(r.coverage.sd * 100).toFixed(1)}, panels ${(r.coverage.min * 100).toFixed(0)}–${(r.coverage.max * 100).toFixed(0)}%; target 93–97%)`);
		console.log(`  erratic judge flagged in ${(r.erraticFlagged * 100).toFixed(0)}% of panels; other judges flagged: ${r.falseFlagsPerPanel.toFixed(2)} per panel`);
	}
}

main();
