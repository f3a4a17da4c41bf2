/**
 * Each judge's noise under the scaled model: how far their scores stray from what their leniency
 * and spread predict for the panel's view of each entry. Drives the parametric bootstrap
 * (parametric.ts) and the erratic-judge test (erratic.ts).
 */
import { median } from '../stats.ts';
import type { Panel } from './panel.ts';
import { VARIANCE_PRIOR_SCORES, type ScaledFit } from './scaled-model.ts';

/** A judge's noise variance is estimated as if they had also given this many scores of the typical judge's variance: the same prior as the precision weights'. */
export const NOISE_PRIOR_SCORES = VARIANCE_PRIOR_SCORES;

/** Residual sums of squares and degrees of freedom per judge, the pooled variance, and each judge's variance pulled towards it. */
export interface JudgeNoise {
	/** Σ of the judge's squared residuals. */
	squares: Float64Array;
	/** The judge's residual degrees of freedom: Σ over their entries of (n − 1)/n, less their share of the two parameters each judge costs. */
	df: Float64Array;
	/** Pooled residual variance of all judges; null without residual degrees of freedom. */
	pooled: number | null;
	/** Each judge's variance, (squares + k·typical) / (df + k) with k = NOISE_PRIOR_SCORES and `typical` the median of the judges' own variances (squares / df); `typical` for a judge with no degrees of freedom; 0 when nothing can be estimated. */
	variance: Float64Array;
}

/**
 * The judges' noise around a scaled fit of the full data (`model` holds its parameters). An entry
 * with n scores leaves n − 1 residual degrees of freedom (its quality is fitted), shared as
 * (n − 1)/n per score; each judge's leniency and spread cost two more, charged to the judge.
 * When no judge has degrees of freedom left, every judge gets `fallbackVariance` (the offset
 * model's residual variance), so a small panel's intervals are not falsely certain.
 */
export function judgeNoiseOf(panel: Panel, model: Pick<ScaledFit, 'level' | 'spread' | 'quality'>, fallbackVariance: number | null = null): JudgeNoise {
	const { obsJudge, obsScore, entryStart } = panel;
	const J = panel.judgeIds.length;
	const E = panel.entryIds.length;
	const squares = new Float64Array(J);
	const df = new Float64Array(J);
	for (let e = 0; e < E; e++) {
		const count = entryStart[e + 1] - entryStart[e];
		const q = model.quality[e];
		if (count < 2 || Number.isNaN(q)) continue;
		for (let i = entryStart[e]; i < entryStart[e + 1]; i++) {
			const j = obsJudge[i];
			squares[j] += (obsScore[i] - model.level[j] - model.spread[j] * q) ** 2;
			df[j] += (count - 1) / count;
		}
	}
	let totalSquares = 0;
	let totalDf = 0;
	for (let j = 0; j < J; j++) {
		df[j] = Math.max(0, df[j] - 2);
		totalSquares += squares[j];
		totalDf += df[j];
	}
	const pooled = totalDf > 0 ? totalSquares / totalDf : null;
	// The prior is the typical judge's variance, the median: one erratic judge would pull a pooled
	// variance up, and with it every other judge's.
	const own: number[] = [];
	for (let j = 0; j < J; j++) if (df[j] > 0) own.push(squares[j] / df[j]);
	// A panel too small to charge every judge two parameters still has the offset model's residual
	// variance (`fallbackVariance`); without any, the noise is taken as none.
	const typical = own.length > 0 ? median(own) : (pooled ?? fallbackVariance);
	const k = NOISE_PRIOR_SCORES;
	const variance = new Float64Array(J);
	for (let j = 0; j < J; j++) variance[j] = typical === null ? 0 : (squares[j] + k * typical) / (df[j] + k);
	return { squares, df, pooled, variance };
}
