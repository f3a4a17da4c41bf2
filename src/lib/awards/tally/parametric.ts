/**
 * Parametric bootstrap of the scaled model: new scores drawn from the fitted model itself, each
 * judge's leniency and spread applied to the fitted qualities plus noise of that judge's fitted
 * size, then the model refitted. Unlike resampling an entry's three or four scores, it does not
 * make an entry whose judges happened to agree look certain, and the refit carries the
 * uncertainty of every judge's parameters into the entries' scores (Efron & Tibshirani, An
 * Introduction to the Bootstrap, 1993, ch. 6).
 */
import type { Random } from '../random.ts';
import type { Resampler } from './bootstrap.ts';
import type { Fit } from './fits.ts';
import type { Panel } from './panel.ts';
import type { ScaledFit } from './scaled-model.ts';

/**
 * A resampler drawing scores from the fitted model: `model` holds the full-data parameters,
 * `noiseSd` each judge's noise SD; `refit` is the scaled model's fit over `scores`, the panel's
 * score array that each resample overwrites (see `resamplePanel`).
 */
export function parametricResampler(panel: Panel, model: Pick<ScaledFit, 'level' | 'spread' | 'quality'>, noiseSd: Float64Array, scores: Float64Array, refit: Fit): Resampler {
	const { obsJudge, entryStart } = panel;
	const E = panel.entryIds.length;
	const N = panel.obsScore.length;
	const expected = new Float64Array(N);
	const sd = new Float64Array(N);
	for (let e = 0; e < E; e++) {
		for (let i = entryStart[e]; i < entryStart[e + 1]; i++) {
			const j = obsJudge[i];
			expected[i] = Number.isNaN(model.quality[e]) ? panel.obsScore[i] : model.level[j] + model.spread[j] * model.quality[e];
			sd[i] = Number.isNaN(model.quality[e]) ? 0 : noiseSd[j];
		}
	}
	const ones = new Float64Array(N).fill(1);
	return (random: Random, out: Float64Array) => {
		// Box–Muller, both normals of each pair used.
		for (let i = 0; i < N; i += 2) {
			const radius = Math.sqrt(-2 * Math.log(1 - random.float()));
			const angle = 2 * Math.PI * random.float();
			scores[i] = expected[i] + sd[i] * radius * Math.cos(angle);
			if (i + 1 < N) scores[i + 1] = expected[i + 1] + sd[i + 1] * radius * Math.sin(angle);
		}
		refit(ones, out);
	};
}

/** The panel with a score array of its own, for fits that a parametric bootstrap refits on drawn scores. */
export function resamplePanel(panel: Panel): Panel {
	return { ...panel, obsScore: new Float64Array(panel.obsScore.length) };
}
