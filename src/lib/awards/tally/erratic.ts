/**
 * Which judges are erratic under the scaled model: a judge whose scores stray from what their own
 * leniency and spread predict for the panel's view of each entry far more than the other judges'
 * do. Each judge's residual variance is compared with the other judges' pooled residual variance
 * by an F test with both sides' degrees of freedom, one-sided (only too much noise is a flag),
 * and the p-values are adjusted for testing every judge (Holm, Scand. J. Statistics 1979), so a
 * panel of consistent judges raises a false flag in about 1 tally in 100 at most, however many
 * judges it has.
 */
import { fUpperTail } from './f-distribution.ts';
import type { JudgeNoise } from './judge-noise.ts';

/**
 * A judge is flagged erratic when their Holm-adjusted p-value is below this. 1% rather than 5%:
 * a flag questions a person's judging, and a judge whose spread the model pulls towards the
 * panel's (or whose scores pile up at the scale's ends) strays a little more than pure noise.
 */
export const ERRATIC_ALPHA = 0.01;

/**
 * Each judge's Holm-adjusted p-value for "noisier than the rest of the panel"; NaN for judges not
 * tested (fewer than `minScores` scores, no residual degrees of freedom, or no other judge to
 * compare with). `scores` is each judge's number of scores; `floorVariance` keeps a noise-free
 * panel from flagging a judge for rounding error (the others' variance is taken as at least this).
 */
export function erraticPValues(noise: JudgeNoise, scores: ArrayLike<number>, minScores: number, floorVariance: number): Float64Array {
	const J = noise.squares.length;
	const raw = new Float64Array(J).fill(Number.NaN);
	let totalSquares = 0;
	let totalDf = 0;
	for (let j = 0; j < J; j++) {
		totalSquares += noise.squares[j];
		totalDf += noise.df[j];
	}
	const tested: number[] = [];
	for (let j = 0; j < J; j++) {
		const df = noise.df[j];
		const otherDf = totalDf - df;
		if (scores[j] < minScores || !(df > 0) || !(otherDf > 0)) continue;
		const others = Math.max((totalSquares - noise.squares[j]) / otherDf, floorVariance);
		const own = noise.squares[j] / df;
		raw[j] = others > 0 ? fUpperTail(own / others, df, otherDf) : own > 0 ? 0 : 1;
		tested.push(j);
	}
	// Holm's step-down adjustment: the k-th smallest p-value times (m − k + 1), kept monotone.
	tested.sort((a, b) => raw[a] - raw[b] || a - b);
	const adjusted = new Float64Array(J).fill(Number.NaN);
	let running = 0;
	tested.forEach((j, k) => {
		running = Math.max(running, Math.min(1, (tested.length - k) * raw[j]));
		adjusted[j] = running;
	});
	return adjusted;
}
