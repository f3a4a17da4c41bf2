/**
 * How well the tally recovers a known truth (issue #19, point 6): simulated panels with known
 * entry quality, judge severity and spread and one erratic judge, the strongest entries assigned
 * to the harshest judges (src/lib/awards/simulate.ts). For each size: Spearman's ρ with the truth
 * of every method and of an oracle that knows the judges' offsets, the coverage of the 95% rank
 * intervals, and how often the erratic judge (and anyone else) is flagged.
 *
 *   node scripts/bench-judging.ts [--panels N] [--resamples N] [--method offset|zscore|mean] [--json]
 */
import { parseArgs } from 'node:util';
import { scorePanel, simulatePanel, type PanelScorecard } from '../src/lib/awards/simulate.ts';
import type { TallyMethod } from '../src/lib/awards/tally.ts';

const SIZES = [
	{ entries: 40, judges: 10 },
	{ entries: 300, judges: 15 },
];

const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function main(): void {
	const { values } = parseArgs({ options: { panels: { type: 'string', default: '20' }, resamples: { type: 'string', default: '500' }, method: { type: 'string', default: 'offset' }, json: { type: 'boolean', default: false } } });
	const panels = Number(values.panels);
	const resamples = Number(values.resamples);
	const method = values.method as TallyMethod;
	const results = SIZES.map((size) => {
		const cards: PanelScorecard[] = [];
		for (let p = 0; p < panels; p++) cards.push(scorePanel(simulatePanel({ ...size, perEntry: 4, seed: 1000 + p }), method, resamples));
		return {
			...size,
			panels,
			rho: Object.fromEntries((['offset', 'scaled', 'zscore', 'mean', 'offsetOracle'] as const).map((m) => [m, Math.round(average(cards.map((c) => c.rho[m])) * 1000) / 1000])),
			coverage: Math.round(average(cards.map((c) => c.coverage)) * 1000) / 1000,
			erraticFlagged: cards.filter((c) => c.erraticFlagged).length / panels,
			falseFlagsPerPanel: average(cards.map((c) => c.falseFlags)),
		};
	});
	if (values.json) {
		console.log(JSON.stringify({ method, resamples, results }, null, 2));
		return;
	}
	for (const r of results) {
		console.log(`${r.entries} entries × ${r.judges} judges, 4 per entry, ${r.panels} panels, ${method}, ${resamples} resamples`);
		console.log(`  Spearman ρ with the truth: offset ${r.rho.offset}, scaled ${r.rho.scaled}, z-score ${r.rho.zscore}, mean ${r.rho.mean}, offset oracle ${r.rho.offsetOracle}`);
		console.log(`  95% rank intervals cover the true rank: ${(r.coverage * 100).toFixed(1)}% (target 93–97%)`);
		console.log(`  erratic judge flagged in ${(r.erraticFlagged * 100).toFixed(0)}% of panels; other judges flagged: ${r.falseFlagsPerPanel.toFixed(2)} per panel`);
	}
}

main();
