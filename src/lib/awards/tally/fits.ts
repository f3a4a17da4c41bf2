/**
 * The two simple methods, `mean` and `zscore`, as fits: functions from observation weights (1 for
 * the data, 0 to leave out, bootstrap counts) to entry scores. The offset model's fit is in
 * offset-model.ts.
 */
import type { Panel } from './panel.ts';
import { TALLY_METHODS, type TallyMethod } from './types.ts';

/**
 * Scores every entry from weighted observations: `weights[i]` is how often observation i counts
 * (1 for the data, 0 to leave it out, bootstrap counts). Entries with no weight get NaN.
 */
export type Fit = (weights: Float64Array, out: Float64Array) => void;

/** `mean`: the weighted mean of each entry's observations. */
export function createMeanFit(panel: Panel): Fit {
	const { obsScore, entryStart } = panel;
	return (weights, out) => {
		for (let e = 0; e < out.length; e++) {
			let sumWeight = 0;
			let sum = 0;
			for (let i = entryStart[e]; i < entryStart[e + 1]; i++) {
				sumWeight += weights[i];
				sum += weights[i] * obsScore[i];
			}
			out[e] = sumWeight > 0 ? sum / sumWeight : Number.NaN;
		}
	};
}

/** `zscore`: each judge's scores standardised over everything the judge scored (with the given weights), averaged per entry. */
export function createZscoreFit(panel: Panel): Fit {
	const { obsJudge, obsScore, entryStart } = panel;
	const J = panel.judgeIds.length;
	const N = obsScore.length;
	const judgeWeight = new Float64Array(J);
	const judgeMean = new Float64Array(J);
	const judgeScale = new Float64Array(J);
	return (weights, out) => {
		judgeWeight.fill(0);
		judgeMean.fill(0);
		judgeScale.fill(0);
		for (let i = 0; i < N; i++) {
			judgeWeight[obsJudge[i]] += weights[i];
			judgeMean[obsJudge[i]] += weights[i] * obsScore[i];
		}
		for (let j = 0; j < J; j++) if (judgeWeight[j] > 0) judgeMean[j] /= judgeWeight[j];
		for (let i = 0; i < N; i++) judgeScale[obsJudge[i]] += weights[i] * (obsScore[i] - judgeMean[obsJudge[i]]) ** 2;
		for (let j = 0; j < J; j++) {
			const scale = judgeWeight[j] > 1 ? Math.sqrt(judgeScale[j] / (judgeWeight[j] - 1)) : 0;
			// A judge who gave one score, or the same score throughout, carries no ranking information: z = 0.
			judgeScale[j] = scale > 1e-12 * Math.max(1, Math.abs(judgeMean[j])) ? scale : 0;
		}
		for (let e = 0; e < out.length; e++) {
			let sumWeight = 0;
			let sum = 0;
			for (let i = entryStart[e]; i < entryStart[e + 1]; i++) {
				const j = obsJudge[i];
				sumWeight += weights[i];
				if (judgeScale[j] > 0) sum += (weights[i] * (obsScore[i] - judgeMean[j])) / judgeScale[j];
			}
			out[e] = sumWeight > 0 ? sum / sumWeight : Number.NaN;
		}
	};
}

/** Fits every method with the given observation weights. */
export function fitAll(fits: Record<TallyMethod, Fit>, weights: Float64Array, entries: number): Record<TallyMethod, Float64Array> {
	const out = { offset: new Float64Array(entries), scaled: new Float64Array(entries), zscore: new Float64Array(entries), mean: new Float64Array(entries) };
	for (const method of TALLY_METHODS) fits[method](weights, out[method]);
	return out;
}
