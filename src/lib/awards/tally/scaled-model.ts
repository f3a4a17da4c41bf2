/**
 * The `scaled` method: y_je = a_j + s_j·q_e + ε_je with Var(ε_je) = σ_j². Each judge has a
 * leniency (a_j), a spread (s_j: how far apart they put entries the panel sees as different) and
 * a reliability (σ_j: how far their scores stray from the panel's view of the same entries).
 * Fitted by alternating weighted least squares from the offset model's fit:
 *
 * - each observation is weighted by its judge's precision, σ²/σ_j², with σ_j² estimated from the
 *   offset model's residuals and pulled towards the panel's σ² by `VARIANCE_PRIOR_SCORES`
 *   pseudo-scores (a judge with few scores keeps about the panel's reliability). An erratic judge
 *   then counts for less, instead of being only flagged;
 * - a judge's spread is pulled towards 1 (the panel's) as strongly as the noise warrants, by a
 *   prior with SD `SPREAD_PRIOR_SD`: the spreads of judges who saw few or similar entries stay
 *   near 1.
 *
 * The default method. Measured on simulated panels with known truth (scripts/bench-judging.ts,
 * docs/awards.md), it ranks closer to the truth than the offset model, than z-scores and than an
 * oracle that knows every judge's offset but weighs all judges alike.
 */
import type { Fit } from './fits.ts';
import type { OffsetFit } from './offset-model.ts';
import type { Panel } from './panel.ts';

/** Rounds of alternation from the offset model's fit; the ranking moves little after a few. */
export const ROUNDS = 3;

/** Prior SD of a judge's spread around 1: most judges spread entries 0.5–1.6 times as far apart as the panel. */
export const SPREAD_PRIOR_SD = 0.3;

/** A judge's variance is estimated as if they had also given this many scores of the panel's variance. */
export const VARIANCE_PRIOR_SCORES = 4;

/** Smallest spread allowed: a judge who reverses the scale is not given a negative one. */
const MIN_SPREAD = 0.05;

/**
 * Each observation's weight from its judge's reliability, from the full-data offset fit:
 * σ²_pooled / σ_j², with σ_j² = (residual squares + k·σ²_pooled) / (residual df + k). All 1 when
 * the noise cannot be estimated.
 */
export function judgePrecisionWeights(panel: Panel, offsetFit: OffsetFit, quality: Float64Array, noiseVariance: number | null): Float64Array {
	const { obsJudge, obsScore, entryStart } = panel;
	const J = panel.judgeIds.length;
	const E = panel.entryIds.length;
	const N = obsScore.length;
	const weights = new Float64Array(N).fill(1);
	if (noiseVariance === null || !(noiseVariance > 0)) return weights;
	const squares = new Float64Array(J);
	const df = new Float64Array(J);
	for (let e = 0; e < E; e++) {
		const count = entryStart[e + 1] - entryStart[e];
		if (count < 2 || Number.isNaN(quality[e])) continue;
		for (let i = entryStart[e]; i < entryStart[e + 1]; i++) {
			const j = obsJudge[i];
			squares[j] += (obsScore[i] - quality[e] - offsetFit.offsets[j]) ** 2;
			// Each residual of an entry with n scores carries (n − 1)/n of a degree of freedom.
			df[j] += (count - 1) / count;
		}
	}
	const k = VARIANCE_PRIOR_SCORES;
	for (let i = 0; i < N; i++) {
		const j = obsJudge[i];
		weights[i] = noiseVariance / ((squares[j] + k * noiseVariance) / (df[j] + k));
	}
	return weights;
}

/** The scaled model's fit, and the judge parameters and qualities it last estimated. */
export interface ScaledFit {
	fit: Fit;
	/** Each judge's leniency a_j of the last fit, on the score scale. */
	level: Float64Array;
	/** Each judge's spread s_j of the last fit (they average 1). */
	spread: Float64Array;
	/** Each entry's quality q_e of the last fit, before the shift to the average judge's leniency: the fitted score of observation i is level[j] + spread[j]·quality[e]. */
	quality: Float64Array;
}

/** Where a refit starts instead of the offset model's fit: a fit's parameters (see ScaledFit). */
export type ScaledStart = Pick<ScaledFit, 'level' | 'spread' | 'quality'>;

/**
 * The scaled model's fit. `precision` holds each observation's reliability weight
 * (judgePrecisionWeights, from the full data: a resample reweights observations, it does not
 * re-judge the judges); `noiseVariance` is the offset model's residual variance. The fit starts
 * from `offsetFit`'s fit of the same weights, or, for the refits of a parametric bootstrap, from
 * `start` (warm: the full-data parameters are close to every refit's), and runs `rounds` rounds.
 */
export function createScaledFit(panel: Panel, offsetFit: OffsetFit | null, precision: Float64Array, noiseVariance: number | null, start?: ScaledStart, rounds = ROUNDS): ScaledFit {
	const { obsJudge, obsScore, entryStart } = panel;
	const J = panel.judgeIds.length;
	const E = panel.entryIds.length;
	const N = obsScore.length;
	if (!offsetFit && !start) throw new Error('scaled model: a fit needs the offset model or a start');
	const weighted = new Float64Array(N);
	const level = new Float64Array(J);
	const spread = new Float64Array(J);
	const quality = new Float64Array(E);
	const sw = new Float64Array(J);
	// Observations judge by judge (entries ascending within a judge), so each judge's sums build
	// in local variables, in the same order as entry by entry.
	const judgeStart = new Int32Array(J + 1);
	for (let i = 0; i < N; i++) judgeStart[obsJudge[i] + 1]++;
	for (let j = 0; j < J; j++) judgeStart[j + 1] += judgeStart[j];
	const byJudge = new Int32Array(N);
	const byJudgeEntry = new Int32Array(N);
	const filled = judgeStart.slice(0, J);
	for (let e = 0; e < E; e++) {
		for (let i = entryStart[e]; i < entryStart[e + 1]; i++) {
			const slot = filled[obsJudge[i]]++;
			byJudge[slot] = i;
			byJudgeEntry[slot] = e;
		}
	}
	// Pull of each spread towards 1, in pseudo-observations (σ²_ε / τ²); none without noise, so a
	// noise-free panel is recovered exactly.
	const shrink = noiseVariance === null ? Number.POSITIVE_INFINITY : noiseVariance / SPREAD_PRIOR_SD ** 2;
	const fit: Fit = (weights, out) => {
		for (let i = 0; i < N; i++) weighted[i] = weights[i] * precision[i];
		if (start) {
			level.set(start.level);
			spread.set(start.spread);
			quality.set(start.quality);
		} else {
			(offsetFit as OffsetFit).fit(weighted, quality);
			level.set((offsetFit as OffsetFit).offsets);
			spread.fill(1);
		}
		for (let round = 0; round < rounds; round++) {
			let spreadSum = 0;
			let judges = 0;
			for (let j = 0; j < J; j++) {
				let sumW = 0;
				let sumQ = 0;
				let sumY = 0;
				let sumQQ = 0;
				let sumQY = 0;
				for (let k = judgeStart[j]; k < judgeStart[j + 1]; k++) {
					const q = quality[byJudgeEntry[k]];
					if (Number.isNaN(q)) continue;
					const i = byJudge[k];
					const w = weighted[i];
					if (w === 0) continue;
					sumW += w;
					sumQ += w * q;
					sumY += w * obsScore[i];
					sumQQ += w * q * q;
					sumQY += w * q * obsScore[i];
				}
				sw[j] = sumW;
				if (sumW === 0) {
					spread[j] = 1;
					level[j] = 0;
					continue;
				}
				const qMean = sumQ / sumW;
				const yMean = sumY / sumW;
				const sxx = sumQQ - sumW * qMean * qMean;
				const sxy = sumQY - sumW * qMean * yMean;
				const s = Number.isFinite(shrink) ? (sxy + shrink) / (sxx + shrink) : 1;
				spread[j] = s > MIN_SPREAD ? s : MIN_SPREAD;
				level[j] = yMean - spread[j] * qMean;
				spreadSum += spread[j];
				judges++;
			}
			// Spreads average 1, so qualities stay on the panel's scale (what a typical judge gives).
			const norm = judges > 0 ? spreadSum / judges : 1;
			for (let j = 0; j < J; j++) spread[j] /= norm;
			for (let e = 0; e < E; e++) {
				let numerator = 0;
				let denominator = 0;
				for (let i = entryStart[e]; i < entryStart[e + 1]; i++) {
					const w = weighted[i];
					if (w === 0) continue;
					const j = obsJudge[i];
					numerator += w * spread[j] * (obsScore[i] - level[j]);
					denominator += w * spread[j] * spread[j];
				}
				quality[e] = denominator > 0 ? numerator / denominator : Number.NaN;
			}
		}
		// On the score scale: the quality plus the average judge's leniency.
		let levelSum = 0;
		let counted = 0;
		for (let j = 0; j < J; j++) {
			if (sw[j] === 0) continue;
			levelSum += level[j];
			counted++;
		}
		const shift = counted > 0 ? levelSum / counted : 0;
		for (let e = 0; e < E; e++) out[e] = quality[e] + shift;
	};
	return { fit, level, spread, quality };
}
