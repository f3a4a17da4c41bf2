/** Judge diagnostics: severity (the offset model's b_j) with its standard error, spread, residuals and consistency flags. */
import { median, sd } from '../stats.ts';
import { ERRATIC_ALPHA } from './erratic.ts';
import type { JudgeNoise } from './judge-noise.ts';
import type { DesignAnalysis } from './offset-model.ts';
import { compareIds, type Panel } from './panel.ts';
import type { JudgeConsistency, JudgeResult } from './types.ts';

/** Judge consistency flags need at least this many scored entries. */
export const MIN_SCORES_FOR_FLAGS = 3;

/** Erratic: residual SD above this multiple of the panel's median residual SD. */
export const ERRATIC_FACTOR = 2;

/** Straight-lining: SD of the judge's scores across entries at most this share of the panel's median. */
export const STRAIGHT_LINE_FACTOR = 0.1;

/**
 * Under the scaled method, the erratic flag is a test (erratic.ts) on the scaled model's residuals
 * instead of the offset model's factor-of-two rule: those residuals no longer count a judge's
 * wider or narrower spread as noise.
 */
export interface ScaledDiagnostics {
	noise: JudgeNoise;
	/** Holm-adjusted p-value per judge (erraticPValues); NaN when not tested. */
	erraticP: Float64Array;
}

/** Each judge's severity, spread, residuals and consistency flag, judges in id order. */
export function judgeResults(panel: Panel, design: DesignAnalysis, offsets: Float64Array, quality: Float64Array, scaled?: ScaledDiagnostics): JudgeResult[] {
	const J = panel.judgeIds.length;
	const N = panel.obsScore.length;
	const { eigenvalues, eigenvectors, eigenTolerance } = design;
	const judgeScores: number[][] = panel.judgeIds.map(() => []);
	const residualSquares = new Float64Array(J);
	const categories = panel.judgeIds.map(() => new Set<string>());
	for (let e = 0; e < panel.entryIds.length; e++) {
		for (let i = panel.entryStart[e]; i < panel.entryStart[e + 1]; i++) {
			const j = panel.obsJudge[i];
			judgeScores[j].push(panel.obsScore[i]);
			residualSquares[j] += (panel.obsScore[i] - quality[e] - offsets[j]) ** 2;
			categories[j].add(panel.categoryIds[panel.entryCategory[e]]);
		}
	}
	// Residuals are spread over N observations but only residualDf are free: rescale so a judge
	// with average noise gets the panel's residual SD.
	const dfScale = design.residualDf > 0 ? N / design.residualDf : Number.NaN;
	const rows = panel.judgeIds.map((id, j) => {
		const n = judgeScores[j].length;
		// Prediction error variance of the ridge estimate: σ²_ε·Σ_k v_jk² / (μ_k + ridge) over the
		// identified directions (the common shift is fixed by construction, not estimated).
		let variance = 0;
		let identified = 0;
		for (let k = 0; k < J; k++) {
			if (eigenvalues[k] <= eigenTolerance) continue;
			const v = eigenvectors[j * J + k] ** 2;
			identified += v;
			variance += v / (eigenvalues[k] + design.ridge);
		}
		const severitySe = design.noiseVariance !== null && identified > 1e-9 ? Math.sqrt(design.noiseVariance * variance) : null;
		const scoreSd = n >= 2 ? sd(judgeScores[j]) : null;
		const residualSd = scaled
			? scaled.noise.df[j] > 0
				? Math.sqrt(scaled.noise.squares[j] / scaled.noise.df[j])
				: null
			: design.residualDf > 0
				? Math.sqrt((residualSquares[j] / n) * dfScale)
				: null;
		return { id, n, severity: offsets[j], severitySe, scoreSd, residualSd, categories: [...categories[j]].sort(compareIds) };
	});
	const eligible = rows.filter((row) => row.n >= MIN_SCORES_FOR_FLAGS);
	const typicalSpread = median(eligible.flatMap((row) => (row.scoreSd === null ? [] : [row.scoreSd])));
	const typicalResidual = median(eligible.flatMap((row) => (row.residualSd === null ? [] : [row.residualSd])));
	const overallSd = N >= 2 ? sd(panel.obsScore) : 0;
	const residualReference = Math.max(Number.isNaN(typicalResidual) ? 0 : typicalResidual, 0.01 * overallSd);
	return rows.map((row, j): JudgeResult => {
		let consistency: JudgeConsistency = 'ok';
		const erratic = scaled ? scaled.erraticP[j] < ERRATIC_ALPHA : row.residualSd !== null && row.residualSd > ERRATIC_FACTOR * residualReference;
		if (row.n >= MIN_SCORES_FOR_FLAGS) {
			if (row.scoreSd !== null && row.scoreSd <= Math.max(STRAIGHT_LINE_FACTOR * typicalSpread, 1e-9)) consistency = 'straight-lining';
			else if (erratic) consistency = 'erratic';
		}
		return {
			...(scaled && !Number.isNaN(scaled.erraticP[j]) ? { erraticP: scaled.erraticP[j] } : {}),
			id: row.id,
			scores: row.n,
			categories: row.categories,
			severity: row.severity,
			severitySe: row.severitySe,
			scoreSd: row.scoreSd,
			residualSd: row.residualSd,
			consistency,
		};
	});
}
