/**
 * The tally of a scoring round: criterion scores → one weighted score per (judge, entry) → an entry
 * score by the declared method → ranks per category, with their uncertainty, the declared
 * tie-break, judge diagnostics, inter-rater reliability and a sensitivity check.
 *
 * Methods (declared in the program file before judging):
 * - `mean`: the raw mean of the judges' weighted scores.
 * - `zscore`: each judge's weighted scores standardised (mean 0, SD 1 over everything the judge
 *   scored), then averaged per entry.
 * - `scaled` (default): y_je = a_j + s_j·q_e + ε, each judge's leniency, spread and reliability
 *   (tally/scaled-model.ts), each judge's scores weighted by how consistently they agree with the
 *   panel. Ranks closest to the truth on simulated panels (docs/awards.md).
 * - `offset`: the additive model y_je = q_e + b_j + ε, entry quality plus judge offset
 *   (leniency, or severity when negative) plus noise, fitted by ridge-regularised least squares.
 *   When judges see different subsets of entries, a raw mean rewards entries that drew lenient
 *   judges; the model compares every judge with the others on shared entries and removes the
 *   offset. Fitted jointly over all categories: a judge's offset is a property of the judge, and
 *   sharing it links categories so more scores inform it.
 *
 * Uncertainty of `offset`, `zscore` and `mean` follows Graves, Barnett & Clarke, "Funding grant
 * proposals for scientific research: retrospective analysis of scores by members of grant review
 * panel", BMJ 2011;343:d4797: the judges' scores of each entry are resampled with replacement and
 * the whole method is re-run, giving rank intervals and the probability of winning. `scaled`
 * draws scores from its fitted model instead (parametric bootstrap, tally/parametric.ts), turns
 * the refits into empirical-Bayes draws of the true scores and reads the shortest 95% rank
 * interval (tally/bootstrap.ts); its erratic flag is a test (tally/erratic.ts). Reporting tied
 * bands instead of a false strict order follows the spirit of Heyard, Ott, Salanti & Egger, "Rethinking the funding line at
 * the Swiss National Science Foundation: Bayesian ranking and lottery", Statistics and Public
 * Policy 2022.
 *
 * Everything is a pure function of the input: inputs are sorted by id before any arithmetic, and
 * all randomness comes from `seededRandom(seed)`, so the result does not depend on file order and
 * is the same on every machine.
 *
 * Each step is a module under `tally/`: the panel of scores (panel.ts), the methods' fits (fits.ts,
 * offset-model.ts), ordering and tie-breaks (tie-break.ts), the bootstrap and tie bands
 * (bootstrap.ts; the scaled method's parametric resampler in parametric.ts), judge diagnostics
 * (judges.ts, judge-noise.ts, erratic.ts), reliability (reliability.ts) and sensitivity
 * (sensitivity.ts). This module composes them and is what the CLI and pages import.
 */
import { caseResampler, runBootstrap, rankSummary, tieBands, type Resampler } from './tally/bootstrap.ts';
import { judgeNoiseOf, NOISE_PRIOR_SCORES, type JudgeNoise } from './tally/judge-noise.ts';
import { parametricResampler, resamplePanel } from './tally/parametric.ts';
import { createMeanFit, createZscoreFit, fitAll, type Fit } from './tally/fits.ts';
import { ERRATIC_ALPHA, erraticPValues } from './tally/erratic.ts';
import { judgeResults, MIN_SCORES_FOR_FLAGS, type ScaledDiagnostics } from './tally/judges.ts';
import { sd } from './stats.ts';
import { analyseDesign, createOffsetFit, type DesignAnalysis } from './tally/offset-model.ts';
import { createScaledFit, judgePrecisionWeights, ROUNDS, SPREAD_PRIOR_SD, type ScaledStart } from './tally/scaled-model.ts';
import { preparePanel, type Panel } from './tally/panel.ts';
import { reliabilityOf } from './tally/reliability.ts';
import { sensitivityOf } from './tally/sensitivity.ts';
import { orderCategory, resolveRules, tieKeys } from './tally/tie-break.ts';
import { TALLY_METHODS, type CategoryResult, type EntryResult, type TallyInput, type TallyMethod, type TallyResult } from './tally/types.ts';

export { BAND_SEPARATION, RANK_INTERVAL } from './tally/bootstrap.ts';
export { ERRATIC_FACTOR, MIN_SCORES_FOR_FLAGS, STRAIGHT_LINE_FACTOR } from './tally/judges.ts';
export { ERRATIC_ALPHA } from './tally/erratic.ts';
export { TIE_TOLERANCE } from './tally/tie-break.ts';
export * from './tally/types.ts';

/**
 * Tallies one scoring round: entry scores by all three methods, ranks per category by the declared
 * method with bootstrap intervals, tie bands and the declared tie-break, judge diagnostics,
 * reliability and sensitivity. Throws on inconsistent input (unknown entry or criterion,
 * duplicate score, unknown method or tie-break rule).
 */
export function tallyRound(input: TallyInput): TallyResult {
	if (!TALLY_METHODS.includes(input.method)) throw new Error(`expected a method (${TALLY_METHODS.join(', ')}), found "${input.method}"`);
	if (!(Number.isInteger(input.resamples) && input.resamples >= 1)) throw new RangeError(`expected at least one resample, found ${input.resamples}`);
	if (!Number.isInteger(input.seed)) throw new RangeError(`expected an integer seed, found ${input.seed}`);
	const panel = preparePanel(input);
	const rules = resolveRules(input.tieBreak, panel.criteria);
	const E = panel.entryIds.length;
	const J = panel.judgeIds.length;
	const N = panel.obsScore.length;
	const C = panel.criteria.length;

	const design = analyseDesign(panel, input.ridge);
	const offsetFit = createOffsetFit(panel, design.ridge);
	const ones = new Float64Array(N).fill(1);
	// The offset fit of the full data, before the scaled fit reuses the offset fit's work arrays.
	const offsetScores = new Float64Array(E);
	offsetFit.fit(ones, offsetScores);
	const offsets = Float64Array.from(offsetFit.offsets);
	const precision = judgePrecisionWeights(panel, offsetFit, offsetScores, design.noiseVariance);
	// The scaled fit runs the offset fit inside; it gets an offset fit of its own, so the two never share work arrays.
	const scaledFit = createScaledFit(panel, createOffsetFit(panel, design.ridge), precision, design.noiseVariance);
	const fits: Record<TallyMethod, Fit> = { offset: offsetFit.fit, scaled: scaledFit.fit, zscore: createZscoreFit(panel), mean: createMeanFit(panel) };
	const scores = fitAll(fits, ones, E);
	// The scaled model of the full data, kept before resamples and leave-one-out fits reuse its arrays.
	const scaledModel = { level: Float64Array.from(scaledFit.level), spread: Float64Array.from(scaledFit.spread), quality: Float64Array.from(scaledFit.quality) };
	const noise = judgeNoiseOf(panel, scaledModel, design.noiseVariance);
	const keys = tieKeys(panel, ones);
	const declared = scores[input.method];
	const orders = panel.categoryEntries.map((entries) => orderCategory(entries, declared, keys, rules, C));

	// The scaled model's intervals: a parametric bootstrap turned into empirical-Bayes draws of the
	// true scores (parametric.ts, bootstrap.ts); the other methods keep the case bootstrap, so
	// their published results stay as they were.
	const bootstrap =
		input.method === 'scaled'
			? runBootstrap(panel, scaledResampler(panel, scaledModel, noise, precision, design), orders, input.resamples, input.seed, declared)
			: runBootstrap(panel, caseResampler(panel, fits[input.method]), orders, input.resamples, input.seed);
	const R = input.resamples;
	const rankSample = new Int32Array(R);
	const categories: CategoryResult[] = orders.map((category, c) => {
		const { bands, bandOf } = tieBands(category.order, bootstrap, R, E, panel.entryIds);
		const entries = category.order.map(
			(e, p): EntryResult => ({
				id: panel.entryIds[e],
				judges: keys.judgeCounts[e],
				scores: { offset: scores.offset[e], scaled: scores.scaled[e], zscore: scores.zscore[e], mean: scores.mean[e] },
				score: declared[e],
				rank: category.ranks[p],
				...rankSummary(bootstrap, R, E, e, rankSample, input.method === 'scaled' ? 'shortest' : 'central'),
				band: bandOf.get(e) as number,
			}),
		);
		return {
			category: panel.categoryIds[c],
			entries,
			winner: category.winner === null ? null : panel.entryIds[category.winner],
			bands,
			tieBreaks: category.tieBreaks.map((t) => ({ entries: t.entries.map((e) => panel.entryIds[e]), decidedBy: t.decidedBy })),
			unscored: category.unscored.map((e) => panel.entryIds[e]),
			alpha: reliabilityOf(panel, panel.categoryEntries[c]).alpha,
		};
	});

	const allEntries = Array.from({ length: E }, (_, e) => e);
	return {
		method: input.method,
		tieBreak: [...input.tieBreak],
		resamples: R,
		seed: input.seed,
		model: {
			ridge: design.ridge,
			ridgeEstimated: design.ridgeEstimated,
			residualSd: design.noiseVariance === null ? null : Math.sqrt(design.noiseVariance),
			judgeSd: design.judgeVariance === null ? null : Math.sqrt(design.judgeVariance),
			components: design.components,
			...(input.method === 'scaled'
				? { scaled: { rounds: ROUNDS, spreadPriorSd: SPREAD_PRIOR_SD, noisePriorScores: NOISE_PRIOR_SCORES, draws: 'parametric-empirical-bayes' as const, interval: 'shortest' as const, erraticAlpha: ERRATIC_ALPHA } }
				: {}),
		},
		categories,
		judges: judgeResults(panel, design, offsets, scores.offset, input.method === 'scaled' ? scaledDiagnostics(panel, noise) : undefined),
		reliability: reliabilityOf(panel, allEntries),
		sensitivity: sensitivityOf(panel, fits, scores, keys, rules, orders, input.method, J),
	};
}

/**
 * The scaled model's parametric resampler: scores drawn from the fitted model, refitted by a
 * scaled fit of their own that starts from the full-data parameters (the drawn scores are the
 * model's, so the refit is near them from the start; this saves the offset fit each resample).
 */
function scaledResampler(panel: Panel, model: ScaledStart, noise: JudgeNoise, precision: Float64Array, design: DesignAnalysis): Resampler {
	const drawn = resamplePanel(panel);
	const refit = createScaledFit(drawn, null, precision, design.noiseVariance, model).fit;
	return parametricResampler(panel, model, noise.variance.map(Math.sqrt), drawn.obsScore, refit);
}

/** The scaled method's judge diagnostics: the erratic test on the scaled model's residuals. */
function scaledDiagnostics(panel: Panel, noise: JudgeNoise): ScaledDiagnostics {
	const counts = new Int32Array(panel.judgeIds.length);
	for (const j of panel.obsJudge) counts[j]++;
	// Rounding error is no flag: the others' noise counts as at least 1% of the scores' SD.
	const floor = panel.obsScore.length >= 2 ? (0.01 * sd(panel.obsScore)) ** 2 : 0;
	return { noise, erraticP: erraticPValues(noise, counts, MIN_SCORES_FOR_FLAGS, floor) };
}
