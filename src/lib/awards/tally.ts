/**
 * The tally of a scoring round: criterion scores → one weighted score per (judge, entry) → an entry
 * score by the declared method → ranks per category, with their uncertainty, the declared
 * tie-break, judge diagnostics, inter-rater reliability and a sensitivity check.
 *
 * Methods (declared in the program file before judging):
 * - `mean`: the raw mean of the judges' weighted scores.
 * - `zscore`: each judge's weighted scores standardised (mean 0, SD 1 over everything the judge
 *   scored), then averaged per entry.
 * - `offset` (default): the additive model y_je = q_e + b_j + ε, entry quality plus judge offset
 *   (leniency, or severity when negative) plus noise, fitted by ridge-regularised least squares.
 *   When judges see different subsets of entries, a raw mean rewards entries that drew lenient
 *   judges; the model compares every judge with the others on shared entries and removes the
 *   offset. Fitted jointly over all categories: a judge's offset is a property of the judge, and
 *   sharing it links categories so more scores inform it.
 *
 * Uncertainty follows Graves, Barnett & Clarke, "Funding grant proposals for scientific research:
 * retrospective analysis of scores by members of grant review panel", BMJ 2011;343:d4797: the
 * judges' scores of each entry are resampled with replacement and the whole method is re-run,
 * giving rank intervals and the probability of winning. Reporting tied bands instead of a false
 * strict order follows the spirit of Heyard, Ott, Salanti & Egger, "Rethinking the funding line at
 * the Swiss National Science Foundation: Bayesian ranking and lottery", Statistics and Public
 * Policy 2022.
 *
 * Everything is a pure function of the input: inputs are sorted by id before any arithmetic, and
 * all randomness comes from `seededRandom(seed)`, so the result does not depend on file order and
 * is the same on every machine.
 */
import { seededRandom } from './random.ts';
import {
	choleskyInPlace,
	choleskySolveInPlace,
	krippendorffAlphaInterval,
	median,
	nearestRank,
	sd,
	symmetricEigen,
} from './stats.ts';
import type { CriterionRef, EntryRef, Score } from './types.ts';

/** How judges' weighted scores become an entry score (see the module comment). */
export type TallyMethod = 'offset' | 'zscore' | 'mean';

/** The tally methods, the usual default first. */
export const TALLY_METHODS: readonly TallyMethod[] = ['offset', 'zscore', 'mean'];

/** Two declared-method scores closer than this are equal, and the tie-break decides. */
export const TIE_TOLERANCE = 1e-9;

/** Rank interval: the central 95% of bootstrap ranks. */
export const RANK_INTERVAL: readonly [number, number] = [0.025, 0.975];

/**
 * Tie bands: walking down the final order, an entry starts a new band when the current band's head
 * (its best entry) scores above it in at least this share of bootstrap resamples; otherwise it
 * joins the head's band. Comparing with the head rather than the neighbour avoids chaining (a
 * band of a, b, c where a and c are clearly apart), so every member of a band is statistically
 * tied with the band's best entry — for band 1, with the winner.
 */
export const BAND_SEPARATION = 0.95;

/** Judge consistency flags need at least this many scored entries. */
export const MIN_SCORES_FOR_FLAGS = 3;

/** Erratic: residual SD above this multiple of the panel's median residual SD. */
export const ERRATIC_FACTOR = 2;

/** Straight-lining: SD of the judge's scores across entries at most this share of the panel's median. */
export const STRAIGHT_LINE_FACTOR = 0.1;

/** Largest ridge: judges' offsets indistinguishable from noise; the model then equals the raw mean. */
const MAX_RIDGE = 1e6;

export interface TallyInput {
	/** Criteria with weights in percent. */
	criteria: CriterionRef[];
	/** All entries of the round (category, customer). */
	entries: EntryRef[];
	/** Criterion scores. */
	scores: Score[];
	/** The declared method. */
	method: TallyMethod;
	/** Tie-break rules applied in order: a criterion id (higher mean score wins) or 'judges' (more judges wins). */
	tieBreak: string[];
	/** Bootstrap resamples (at least 1; programs declare 100–100,000). */
	resamples: number;
	/** Seed for the bootstrap. */
	seed: number;
	/**
	 * Ridge for the offset model, in pseudo-scores: the penalty ridge·Σ b_j² acts as if each judge
	 * had also given `ridge` scores at the panel average, pulling offsets of judges with few
	 * scores towards 0. Default: estimated from the data as σ²_noise / σ²_judge (method of
	 * moments), which makes the offsets best linear unbiased predictions of random judge effects:
	 * shrinkage exactly as strong as the noise warrants, none when there is no noise (so a
	 * noise-free panel is recovered exactly), and offsets ≈ 0 when judges do not measurably differ.
	 * The rule, not the number, is declared before judging.
	 */
	ridge?: number;
}

/** One ranked entry of a category. */
export interface EntryResult {
	/** Entry id. */
	id: string;
	/** Distinct judges who scored it. */
	judges: number;
	/**
	 * Its score under each method: `offset` = estimated quality on the score scale (what a judge of
	 * average leniency would give), `zscore` = mean of the judges' standardised scores, `mean` =
	 * raw mean of the weighted scores.
	 */
	scores: Record<TallyMethod, number>;
	/** The declared method's score, the one ranked. */
	score: number;
	/** Rank, 1 = best; entries still tied after the tie-break share the rank. */
	rank: number;
	/** 95% bootstrap interval of the rank (2.5th and 97.5th percentiles, nearest rank). */
	rankInterval: [number, number];
	/** Mean bootstrap rank. */
	expectedRank: number;
	/** Share of bootstrap resamples in which it ranks first. */
	pWin: number;
	/** Share of bootstrap resamples in which it ranks in the top 3. */
	pTop3: number;
	/** Tie band, 1 = top: entries in a band are not statistically separable from the band's best entry. */
	band: number;
}

/** A group of entries whose declared-method scores are equal, and what separated them. */
export interface TieBreakRecord {
	/** The tied entries, in their final order. */
	entries: string[];
	/** For each adjacent pair of `entries`, the rule that ordered them (a criterion id or 'judges'), or null when they remain tied. */
	decidedBy: (string | null)[];
}

/** Entries not statistically separable from the band's best entry. */
export interface TieBand {
	/** Band number, 1 = top. */
	band: number;
	/** Entries in rank order. */
	entries: string[];
}

export interface CategoryResult {
	/** Category id. */
	category: string;
	/** Scored entries, best first. */
	entries: EntryResult[];
	/** The winner, or null when nothing was scored or the top remains tied after the tie-break. */
	winner: string | null;
	/** Tie bands, top first. */
	bands: TieBand[];
	/** Equal scores and how the declared tie-break resolved them. */
	tieBreaks: TieBreakRecord[];
	/** Entries of the category nobody scored (not ranked). */
	unscored: string[];
	/** Krippendorff's α (interval) of the weighted scores within the category; null when undefined. */
	alpha: number | null;
}

/** A judge's scoring pattern (thresholds on `JudgeResult.consistency`). */
export type JudgeConsistency = 'ok' | 'erratic' | 'straight-lining';

export interface JudgeResult {
	/** Judge id. */
	id: string;
	/** Entries the judge scored. */
	scores: number;
	/** Categories the judge scored in. */
	categories: string[];
	/** Offset b_j from the offset model, on the score scale: negative = severe, positive = lenient; offsets sum to 0. */
	severity: number;
	/** Standard error of `severity` (prediction error of the ridge estimate); null when the judge shares no entry with another judge or the noise cannot be estimated. */
	severitySe: number | null;
	/** SD of the judge's weighted scores across entries; null for a single score. */
	scoreSd: number | null;
	/** SD of the judge's residuals under the offset model (degrees-of-freedom corrected); null when the noise cannot be estimated. */
	residualSd: number | null;
	/**
	 * 'straight-lining': scoreSd at most 10% of the panel's median scoreSd; 'erratic': residualSd
	 * more than twice the panel's median residualSd (floored at 1% of the SD of all scores so a
	 * noise-free panel flags nobody); both need at least 3 scores; else 'ok'.
	 */
	consistency: JudgeConsistency;
}

export interface ReliabilityResult {
	/** Krippendorff's α (interval metric) over judges × entries weighted scores, all categories; null when undefined. */
	alpha: number | null;
	/** Entries with at least two judges (the units α uses). */
	units: number;
	/** Scores in those entries. */
	values: number;
}

export interface ModelResult {
	/** Ridge used by the offset model. */
	ridge: number;
	/** True when the ridge was estimated from the data (no `ridge` in the input). */
	ridgeEstimated: boolean;
	/** Residual SD of the offset model (unpenalised fit); null with no residual degrees of freedom. */
	residualSd: number | null;
	/** Estimated SD of true judge offsets (method of moments); null when not estimable. */
	judgeSd: number | null;
	/** Groups of judges linked through shared entries; offsets (and offset-model scores) compare across groups only when this is 1. */
	components: number;
}

export interface CategorySensitivity {
	/** Category id. */
	category: string;
	/** Winner under the declared method. */
	winner: string | null;
	/** Winner under each method (same tie-break). */
	byMethod: Record<TallyMethod, string | null>;
	/** Methods whose winner differs from the declared method's. */
	methodsChangingWinner: TallyMethod[];
	/** Judges whose removal changes the declared method's winner, with the winner without them. */
	judgesChangingWinner: { judge: string; winner: string | null }[];
	/** True when neither another method nor leaving out any one judge changes the winner. */
	stable: boolean;
}

export interface TallyResult {
	/** The declared method. */
	method: TallyMethod;
	/** The declared tie-break rules. */
	tieBreak: string[];
	/** Bootstrap resamples. */
	resamples: number;
	/** Bootstrap seed. */
	seed: number;
	/** The offset model's fit. */
	model: ModelResult;
	/** Per category, sorted by category id. */
	categories: CategoryResult[];
	/** Per judge, sorted by id. */
	judges: JudgeResult[];
	/** Inter-rater reliability. */
	reliability: ReliabilityResult;
	/** Does the winner depend on the method or on any one judge? */
	sensitivity: CategorySensitivity[];
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The scores as typed arrays: one observation per (judge, entry) pair, grouped by entry (entries
 * in id order), judges in id order within an entry. Every index follows id order, which is what
 * makes the tally independent of input order.
 */
interface Panel {
	criteria: CriterionRef[];
	entryIds: string[];
	categoryIds: string[];
	/** Entry indices per category, ascending. */
	categoryEntries: number[][];
	entryCategory: Int32Array;
	judgeIds: string[];
	obsJudge: Int32Array;
	/** Weighted score of the pair. */
	obsScore: Float64Array;
	/** Criterion scores of the pair (observation × criterion), NaN where the judge gave none. */
	obsCriterion: Float64Array;
	/** Observations of entry e are entryStart[e] … entryStart[e + 1] − 1. */
	entryStart: Int32Array;
}

function preparePanel(input: TallyInput): Panel {
	const criteria = [...input.criteria].sort((a, b) => compareIds(a.id, b.id));
	criteria.forEach((c, i) => {
		if (i > 0 && criteria[i - 1].id === c.id) throw new Error(`duplicate criterion "${c.id}"`);
		if (!(Number.isFinite(c.weight) && c.weight > 0)) throw new Error(`criterion "${c.id}": expected a positive weight, found ${c.weight}`);
	});
	const entries = [...input.entries].sort((a, b) => compareIds(a.id, b.id));
	entries.forEach((e, i) => {
		if (i > 0 && entries[i - 1].id === e.id) throw new Error(`duplicate entry "${e.id}"`);
	});
	const entryIndex = new Map(entries.map((e, i) => [e.id, i]));
	const criterionIndex = new Map(criteria.map((c, i) => [c.id, i]));
	const categoryIds = [...new Set(entries.map((e) => e.category))].sort(compareIds);
	const categoryIndex = new Map(categoryIds.map((c, i) => [c, i]));
	const entryCategory = Int32Array.from(entries, (e) => categoryIndex.get(e.category) ?? -1);
	const categoryEntries: number[][] = categoryIds.map(() => []);
	entryCategory.forEach((c, e) => categoryEntries[c].push(e));

	const judgeIds = [...new Set(input.scores.map((s) => s.judge))].sort(compareIds);
	const judgeIndex = new Map(judgeIds.map((j, i) => [j, i]));
	const C = criteria.length;
	const J = judgeIds.length;
	// (entry, judge) → criterion scores; the key orders pairs by entry, then judge.
	const pairs = new Map<number, Float64Array>();
	for (const s of input.scores) {
		const e = entryIndex.get(s.entry);
		if (e === undefined) throw new Error(`score by "${s.judge}" for unknown entry "${s.entry}"`);
		const c = criterionIndex.get(s.criterion);
		if (c === undefined) throw new Error(`score by "${s.judge}" for "${s.entry}" on unknown criterion "${s.criterion}"`);
		if (!Number.isFinite(s.score)) throw new Error(`score by "${s.judge}" for "${s.entry}" on "${s.criterion}" is not a number`);
		const key = e * J + (judgeIndex.get(s.judge) as number);
		let values = pairs.get(key);
		if (!values) {
			values = new Float64Array(C).fill(Number.NaN);
			pairs.set(key, values);
		}
		if (!Number.isNaN(values[c])) throw new Error(`"${s.judge}" scored "${s.entry}" on "${s.criterion}" twice`);
		values[c] = s.score;
	}
	const keys = [...pairs.keys()].sort((a, b) => a - b);
	const N = keys.length;
	const obsJudge = new Int32Array(N);
	const obsScore = new Float64Array(N);
	const obsCriterion = new Float64Array(N * C);
	const entryStart = new Int32Array(entries.length + 1);
	keys.forEach((key, i) => {
		const e = Math.floor(key / J);
		obsJudge[i] = key - e * J;
		entryStart[e + 1]++;
		const values = pairs.get(key) as Float64Array;
		// Weighted score over the criteria the judge scored: Σ w·s / Σ w.
		let weighted = 0;
		let weights = 0;
		for (let c = 0; c < C; c++) {
			obsCriterion[i * C + c] = values[c];
			if (Number.isNaN(values[c])) continue;
			weighted += criteria[c].weight * values[c];
			weights += criteria[c].weight;
		}
		obsScore[i] = weighted / weights;
	});
	for (let e = 0; e < entries.length; e++) entryStart[e + 1] += entryStart[e];
	return { criteria, entryIds: entries.map((e) => e.id), categoryIds, categoryEntries, entryCategory, judgeIds, obsJudge, obsScore, obsCriterion, entryStart };
}

/**
 * Scores every entry from weighted observations: `weights[i]` is how often observation i counts
 * (1 for the data, 0 to leave it out, bootstrap counts). Entries with no weight get NaN.
 */
type Fit = (weights: Float64Array, out: Float64Array) => void;

function createMeanFit(panel: Panel): Fit {
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

function createZscoreFit(panel: Panel): Fit {
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

/**
 * Normal equations of the offset model with the entry qualities eliminated (Schur complement):
 * with W_e = Σ w over entry e, ȳ_e its weighted mean and W_j = Σ w over judge j,
 *   S_jk = W_j·[j = k] − Σ_e w_je·w_ke / W_e,   r_j = Σ_e w_je·(y_je − ȳ_e).
 * S is judges × judges (a few dozen at most), however many entries there are; the qualities
 * follow as q_e = ȳ_e − Σ_j w_je·b_j / W_e. S·1 = 0 and Σ r_j = 0: offsets are identified only up
 * to a common shift, which the ridge (or the sum-to-zero constraint) fixes.
 */
function buildOffsetSystem(
	panel: Panel,
	weights: Float64Array,
	system: Float64Array,
	rhs: Float64Array,
	judgeWeight: Float64Array,
	entryWeight: Float64Array,
	entryMean: Float64Array,
): void {
	const { obsJudge, obsScore, entryStart } = panel;
	const J = panel.judgeIds.length;
	system.fill(0);
	rhs.fill(0);
	judgeWeight.fill(0);
	for (let e = 0; e < entryWeight.length; e++) {
		const start = entryStart[e];
		const end = entryStart[e + 1];
		let sumWeight = 0;
		let sum = 0;
		for (let i = start; i < end; i++) {
			sumWeight += weights[i];
			sum += weights[i] * obsScore[i];
		}
		entryWeight[e] = sumWeight;
		if (sumWeight === 0) {
			entryMean[e] = Number.NaN;
			continue;
		}
		const entryAverage = sum / sumWeight;
		entryMean[e] = entryAverage;
		for (let i = start; i < end; i++) {
			const wi = weights[i];
			if (wi === 0) continue;
			const j = obsJudge[i];
			judgeWeight[j] += wi;
			rhs[j] += wi * (obsScore[i] - entryAverage);
			const row = j * J;
			const scaled = wi / sumWeight;
			for (let k = start; k < end; k++) {
				if (weights[k] !== 0) system[row + obsJudge[k]] -= scaled * weights[k];
			}
		}
	}
	for (let j = 0; j < J; j++) system[j * J + j] += judgeWeight[j];
}

interface OffsetFit {
	fit: Fit;
	/** Judge offsets of the last fit. */
	offsets: Float64Array;
}

function createOffsetFit(panel: Panel, ridge: number): OffsetFit {
	const { obsJudge, entryStart } = panel;
	const J = panel.judgeIds.length;
	const E = panel.entryIds.length;
	const system = new Float64Array(J * J);
	const offsets = new Float64Array(J);
	const judgeWeight = new Float64Array(J);
	const entryWeight = new Float64Array(E);
	const entryMean = new Float64Array(E);
	const root = new Int32Array(J);
	const componentWeight = new Float64Array(J);
	const componentSize = new Int32Array(J);
	const find = (j: number): number => {
		while (root[j] !== j) {
			root[j] = root[root[j]];
			j = root[j];
		}
		return j;
	};
	const fit: Fit = (weights, out) => {
		buildOffsetSystem(panel, weights, system, offsets, judgeWeight, entryWeight, entryMean);
		// Judges linked through shared entries (union–find), for this set of weights.
		for (let j = 0; j < J; j++) root[j] = j;
		for (let e = 0; e < E; e++) {
			let first = -1;
			for (let i = entryStart[e]; i < entryStart[e + 1]; i++) {
				if (weights[i] === 0) continue;
				if (first < 0) first = find(obsJudge[i]);
				else root[find(obsJudge[i])] = first;
			}
		}
		componentWeight.fill(0);
		componentSize.fill(0);
		for (let j = 0; j < J; j++) {
			const r = find(j);
			root[j] = r;
			componentWeight[r] += judgeWeight[j];
			componentSize[r]++;
		}
		// S is singular along the all-ones vector of each group of linked judges (a common shift of
		// their offsets, absorbed by their entries' qualities), and r has no component there. Adding
		// c·1ᵍ1ᵍᵀ per group lifts exactly those directions, so the solution is the sum-to-zero (or
		// ridge) solution, with each group's offsets summing to 0, and the matrix is positive
		// definite without a ridge. c·size ≈ a typical judge's weight in the group keeps it on scale.
		for (let j = 0; j < J; j++) {
			const r = root[j];
			const size = componentSize[r];
			const coupling = componentWeight[r] > 0 ? componentWeight[r] / (size * size) : 1;
			for (let k = 0; k < J; k++) if (root[k] === r) system[j * J + k] += coupling;
			system[j * J + j] += ridge;
		}
		if (!choleskyInPlace(system, J)) throw new Error('offset model: the judge system is not positive definite');
		choleskySolveInPlace(system, J, offsets);
		for (let e = 0; e < E; e++) {
			if (entryWeight[e] === 0) {
				out[e] = Number.NaN;
				continue;
			}
			let adjustment = 0;
			for (let i = entryStart[e]; i < entryStart[e + 1]; i++) adjustment += weights[i] * offsets[obsJudge[i]];
			out[e] = entryMean[e] - adjustment / entryWeight[e];
		}
	};
	return { fit, offsets };
}

/** What the unpenalised offset model says about the design and the noise. */
interface DesignAnalysis {
	ridge: number;
	ridgeEstimated: boolean;
	/** Residual variance σ²_ε; null without residual degrees of freedom. */
	noiseVariance: number | null;
	/** Variance of true offsets σ²_b; null when not estimable. */
	judgeVariance: number | null;
	residualDf: number;
	components: number;
	/** Eigen-decomposition of S (all weights 1): eigenvalues ascending, eigenvectors as columns. */
	eigenvalues: Float64Array;
	eigenvectors: Float64Array;
	/** Eigenvalues above this carry information; the rest span the unidentified directions. */
	eigenTolerance: number;
}

/**
 * Eigen-analysis of the reduced system with all weights 1: the rank gives the connected groups of
 * judges, the minimum-norm (sum-to-zero) solution gives the residual variance, and the spread of
 * its offsets beyond what noise explains gives the judge variance (method of moments:
 * E‖b̂‖² = σ²_b·rank + σ²_ε·tr(S⁺)). The default ridge is their ratio.
 */
function analyseDesign(panel: Panel, declaredRidge: number | undefined): DesignAnalysis {
	const J = panel.judgeIds.length;
	const E = panel.entryIds.length;
	const N = panel.obsScore.length;
	const ones = new Float64Array(N).fill(1);
	const system = new Float64Array(J * J);
	const rhs = new Float64Array(J);
	const entryWeight = new Float64Array(E);
	const entryMean = new Float64Array(E);
	buildOffsetSystem(panel, ones, system, rhs, new Float64Array(J), entryWeight, entryMean);
	const { values, vectors } = J > 0 ? symmetricEigen(system, J) : { values: new Float64Array(0), vectors: new Float64Array(0) };
	const eigenTolerance = 1e-9 * Math.max(1, ...values);
	let rank = 0;
	let trace = 0;
	const offsets = new Float64Array(J);
	for (let k = 0; k < J; k++) {
		if (values[k] <= eigenTolerance) continue;
		rank++;
		trace += 1 / values[k];
		let projection = 0;
		for (let j = 0; j < J; j++) projection += vectors[j * J + k] * rhs[j];
		for (let j = 0; j < J; j++) offsets[j] += (projection / values[k]) * vectors[j * J + k];
	}
	let residualSquares = 0;
	let scoredEntries = 0;
	for (let e = 0; e < E; e++) {
		if (entryWeight[e] === 0) continue;
		scoredEntries++;
		const start = panel.entryStart[e];
		const end = panel.entryStart[e + 1];
		let adjustment = 0;
		for (let i = start; i < end; i++) adjustment += offsets[panel.obsJudge[i]];
		const quality = entryMean[e] - adjustment / (end - start);
		for (let i = start; i < end; i++) residualSquares += (panel.obsScore[i] - quality - offsets[panel.obsJudge[i]]) ** 2;
	}
	const residualDf = N - scoredEntries - rank;
	const noiseVariance = residualDf > 0 ? residualSquares / residualDf : null;
	let judgeVariance: number | null = null;
	if (noiseVariance !== null && rank > 0) {
		let spread = 0;
		for (let j = 0; j < J; j++) spread += offsets[j] ** 2;
		judgeVariance = Math.max(0, (spread - noiseVariance * trace) / rank);
	}
	let ridge: number;
	if (declaredRidge !== undefined) {
		if (!(Number.isFinite(declaredRidge) && declaredRidge >= 0)) throw new RangeError(`expected a ridge ≥ 0, found ${declaredRidge}`);
		ridge = declaredRidge;
	} else if (noiseVariance === null || judgeVariance === null) {
		// No residual degrees of freedom, or no two judges share an entry: nothing to estimate the
		// shrinkage from, and nothing to shrink for; use the plain sum-to-zero solution.
		ridge = 0;
	} else if (judgeVariance === 0) {
		ridge = MAX_RIDGE;
	} else {
		ridge = Math.min(MAX_RIDGE, noiseVariance / judgeVariance);
	}
	return {
		ridge,
		ridgeEstimated: declaredRidge === undefined,
		noiseVariance,
		judgeVariance,
		residualDf,
		components: J - rank,
		eigenvalues: values,
		eigenvectors: vectors,
		eigenTolerance,
	};
}

/** A resolved tie-break rule. */
type Rule = { name: string; criterion: number } | { name: 'judges'; criterion: -1 };

/** The keys the tie-break compares, for one set of observation weights. */
interface TieKeys {
	/** Mean score per entry and criterion (entry × criterion), NaN when none. */
	criterionMeans: Float64Array;
	/** Judges per entry. */
	judgeCounts: Int32Array;
}

function tieKeys(panel: Panel, weights: Float64Array): TieKeys {
	const C = panel.criteria.length;
	const E = panel.entryIds.length;
	const criterionMeans = new Float64Array(E * C);
	const judgeCounts = new Int32Array(E);
	const counts = new Float64Array(C);
	for (let e = 0; e < E; e++) {
		counts.fill(0);
		for (let i = panel.entryStart[e]; i < panel.entryStart[e + 1]; i++) {
			const w = weights[i];
			if (w === 0) continue;
			judgeCounts[e]++;
			for (let c = 0; c < C; c++) {
				const value = panel.obsCriterion[i * C + c];
				if (Number.isNaN(value)) continue;
				criterionMeans[e * C + c] += w * value;
				counts[c] += w;
			}
		}
		for (let c = 0; c < C; c++) criterionMeans[e * C + c] = counts[c] > 0 ? criterionMeans[e * C + c] / counts[c] : Number.NaN;
	}
	return { criterionMeans, judgeCounts };
}

/** A category in final order: entry indices, ranks and tie-break records. */
interface CategoryOrder {
	order: number[];
	ranks: number[];
	tieBreaks: { entries: number[]; decidedBy: (string | null)[] }[];
	unscored: number[];
	winner: number | null;
}

/**
 * Orders a category by score, higher first. Scores within TIE_TOLERANCE of the first of a run are
 * equal; the rules then apply in order (higher key first; a missing criterion mean counts as
 * lowest), and entries that no rule separates share a rank (listed by id).
 */
function orderCategory(entries: readonly number[], scores: Float64Array, keys: TieKeys, rules: readonly Rule[], criteriaCount: number): CategoryOrder {
	const unscored = entries.filter((e) => Number.isNaN(scores[e]));
	const scored = entries.filter((e) => !Number.isNaN(scores[e])).sort((a, b) => scores[b] - scores[a] || a - b);
	const key = (rule: Rule, e: number): number => {
		const value = rule.criterion < 0 ? keys.judgeCounts[e] : keys.criterionMeans[e * criteriaCount + rule.criterion];
		return Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value;
	};
	const decidingRule = (a: number, b: number): { rule: Rule; sign: number } | null => {
		for (const rule of rules) {
			const ka = key(rule, a);
			const kb = key(rule, b);
			if (ka === kb || Math.abs(ka - kb) <= TIE_TOLERANCE) continue;
			return { rule, sign: ka > kb ? -1 : 1 };
		}
		return null;
	};
	const order: number[] = [];
	const ranks: number[] = [];
	const tieBreaks: CategoryOrder['tieBreaks'] = [];
	for (let start = 0; start < scored.length; ) {
		let end = start + 1;
		while (end < scored.length && scores[scored[start]] - scores[scored[end]] <= TIE_TOLERANCE) end++;
		const group = scored.slice(start, end);
		let decidedBy: (string | null)[] = [];
		if (group.length > 1) {
			group.sort((a, b) => decidingRule(a, b)?.sign ?? a - b);
			decidedBy = group.slice(1).map((e, k) => decidingRule(group[k], e)?.rule.name ?? null);
			tieBreaks.push({ entries: group, decidedBy });
		}
		group.forEach((e, k) => {
			order.push(e);
			ranks.push(k > 0 && decidedBy[k - 1] === null ? ranks[ranks.length - 1] : start + k + 1);
		});
		start = end;
	}
	const winner = order.length > 0 && (order.length === 1 || ranks[1] !== 1) ? order[0] : null;
	return { order, ranks, tieBreaks, unscored, winner };
}

interface Bootstrap {
	/** Scores per resample (resample × entry). */
	scores: Float64Array;
	/** Rank per resample (resample × entry), 1 = first; 0 for unscored entries. */
	ranks: Int32Array;
}

/**
 * Case bootstrap within entries (Graves et al., BMJ 2011): each entry's judge scores are drawn with
 * replacement, as many as it has, and the declared method is re-run on the resampled data, so the
 * judge offsets (or z-score scales) are re-estimated each time and their uncertainty propagates.
 * The ridge stays at its full-data value. Ties within a resample keep the final order (which
 * already reflects the declared tie-break).
 */
function runBootstrap(panel: Panel, fit: Fit, orders: readonly CategoryOrder[], resamples: number, seed: number): Bootstrap {
	const random = seededRandom(seed);
	const E = panel.entryIds.length;
	const N = panel.obsScore.length;
	const { entryStart } = panel;
	const weights = new Float64Array(N);
	const current = new Float64Array(E);
	const scores = new Float64Array(resamples * E);
	const ranks = new Int32Array(resamples * E);
	const working = orders.map((o) => new Int32Array(o.order.length));
	for (let r = 0; r < resamples; r++) {
		weights.fill(0);
		for (let e = 0; e < E; e++) {
			const start = entryStart[e];
			const count = entryStart[e + 1] - start;
			if (count === 1) weights[start] = 1;
			else for (let k = 0; k < count; k++) weights[start + random.int(0, count - 1)]++;
		}
		fit(weights, current);
		const offset = r * E;
		scores.set(current, offset);
		orders.forEach((category, c) => {
			const order = working[c];
			order.set(category.order);
			// Insertion sort from the final order: few inversions, and ties keep the final order.
			for (let p = 1; p < order.length; p++) {
				const entry = order[p];
				const score = current[entry];
				let q = p - 1;
				while (q >= 0 && current[order[q]] < score) {
					order[q + 1] = order[q];
					q--;
				}
				order[q + 1] = entry;
			}
			for (let p = 0; p < order.length; p++) ranks[offset + order[p]] = p + 1;
		});
	}
	return { scores, ranks };
}

/** Share of resamples in which entry a scores above entry b (equal scores count half). */
function shareAbove(bootstrap: Bootstrap, resamples: number, entries: number, a: number, b: number): number {
	let above = 0;
	for (let r = 0; r < resamples; r++) {
		const difference = bootstrap.scores[r * entries + a] - bootstrap.scores[r * entries + b];
		if (difference > TIE_TOLERANCE) above++;
		else if (difference >= -TIE_TOLERANCE) above += 0.5;
	}
	return above / resamples;
}

/** Fits every method with the given observation weights. */
function fitAll(fits: Record<TallyMethod, Fit>, weights: Float64Array, entries: number): Record<TallyMethod, Float64Array> {
	const out = { offset: new Float64Array(entries), zscore: new Float64Array(entries), mean: new Float64Array(entries) };
	for (const method of TALLY_METHODS) fits[method](weights, out[method]);
	return out;
}

function resolveRules(tieBreak: readonly string[], criteria: readonly CriterionRef[]): Rule[] {
	return tieBreak.map((name) => {
		if (name === 'judges') return { name: 'judges', criterion: -1 };
		const criterion = criteria.findIndex((c) => c.id === name);
		if (criterion < 0) throw new Error(`tie-break "${name}": expected a criterion id (${criteria.map((c) => c.id).join(', ')}) or "judges"`);
		return { name, criterion };
	});
}

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
	const fits: Record<TallyMethod, Fit> = { offset: offsetFit.fit, zscore: createZscoreFit(panel), mean: createMeanFit(panel) };
	const ones = new Float64Array(N).fill(1);
	const scores = fitAll(fits, ones, E);
	// fitAll ran the offset fit with all weights 1, so these are the full-data offsets.
	const offsets = Float64Array.from(offsetFit.offsets);
	const keys = tieKeys(panel, ones);
	const declared = scores[input.method];
	const orders = panel.categoryEntries.map((entries) => orderCategory(entries, declared, keys, rules, C));

	const bootstrap = runBootstrap(panel, fits[input.method], orders, input.resamples, input.seed);
	const R = input.resamples;
	const rankSample = new Int32Array(R);
	const categories: CategoryResult[] = orders.map((category, c) => {
		const bands: TieBand[] = [];
		const bandOf = new Map<number, number>();
		let head = -1;
		for (const e of category.order) {
			if (head < 0 || shareAbove(bootstrap, R, E, head, e) >= BAND_SEPARATION) {
				head = e;
				bands.push({ band: bands.length + 1, entries: [] });
			}
			bands[bands.length - 1].entries.push(panel.entryIds[e]);
			bandOf.set(e, bands.length);
		}
		const entries = category.order.map((e, p): EntryResult => {
			let wins = 0;
			let top3 = 0;
			let rankSum = 0;
			for (let r = 0; r < R; r++) {
				const rank = bootstrap.ranks[r * E + e];
				rankSample[r] = rank;
				rankSum += rank;
				if (rank === 1) wins++;
				if (rank <= 3) top3++;
			}
			rankSample.sort();
			return {
				id: panel.entryIds[e],
				judges: keys.judgeCounts[e],
				scores: { offset: scores.offset[e], zscore: scores.zscore[e], mean: scores.mean[e] },
				score: declared[e],
				rank: category.ranks[p],
				rankInterval: [nearestRank(rankSample, RANK_INTERVAL[0]), nearestRank(rankSample, RANK_INTERVAL[1])],
				expectedRank: rankSum / R,
				pWin: wins / R,
				pTop3: top3 / R,
				band: bandOf.get(e) as number,
			};
		});
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
		},
		categories,
		judges: judgeResults(panel, design, offsets, scores.offset),
		reliability: reliabilityOf(panel, allEntries),
		sensitivity: sensitivityOf(panel, fits, scores, keys, rules, orders, input.method, J),
	};
}

/** Krippendorff's α over the weighted scores of the given entries (units = entries, coders = judges). */
function reliabilityOf(panel: Panel, entries: readonly number[]): ReliabilityResult {
	const units: Float64Array[] = [];
	let values = 0;
	for (const e of entries) {
		const unit = panel.obsScore.subarray(panel.entryStart[e], panel.entryStart[e + 1]);
		if (unit.length < 2) continue;
		units.push(unit);
		values += unit.length;
	}
	return { alpha: krippendorffAlphaInterval(units), units: units.length, values };
}

function judgeResults(panel: Panel, design: DesignAnalysis, offsets: Float64Array, quality: Float64Array): JudgeResult[] {
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
		const residualSd = design.residualDf > 0 ? Math.sqrt((residualSquares[j] / n) * dfScale) : null;
		return { id, n, severity: offsets[j], severitySe, scoreSd, residualSd, categories: [...categories[j]].sort(compareIds) };
	});
	const eligible = rows.filter((row) => row.n >= MIN_SCORES_FOR_FLAGS);
	const typicalSpread = median(eligible.flatMap((row) => (row.scoreSd === null ? [] : [row.scoreSd])));
	const typicalResidual = median(eligible.flatMap((row) => (row.residualSd === null ? [] : [row.residualSd])));
	const overallSd = N >= 2 ? sd(panel.obsScore) : 0;
	const residualReference = Math.max(Number.isNaN(typicalResidual) ? 0 : typicalResidual, 0.01 * overallSd);
	return rows.map((row): JudgeResult => {
		let consistency: JudgeConsistency = 'ok';
		if (row.n >= MIN_SCORES_FOR_FLAGS) {
			if (row.scoreSd !== null && row.scoreSd <= Math.max(STRAIGHT_LINE_FACTOR * typicalSpread, 1e-9)) consistency = 'straight-lining';
			else if (row.residualSd !== null && row.residualSd > ERRATIC_FACTOR * residualReference) consistency = 'erratic';
		}
		return {
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

function sensitivityOf(
	panel: Panel,
	fits: Record<TallyMethod, Fit>,
	scores: Record<TallyMethod, Float64Array>,
	keys: TieKeys,
	rules: readonly Rule[],
	orders: readonly CategoryOrder[],
	method: TallyMethod,
	J: number,
): CategorySensitivity[] {
	const C = panel.criteria.length;
	const E = panel.entryIds.length;
	const name = (e: number | null) => (e === null ? null : panel.entryIds[e]);
	const byMethod = TALLY_METHODS.map((m) => panel.categoryEntries.map((entries) => orderCategory(entries, scores[m], keys, rules, C).winner));
	// Leave each judge out in turn and re-run the declared method (same ridge; tie-break keys without the judge).
	const withoutJudge = panel.judgeIds.map((_, j) => {
		const weights = Float64Array.from(panel.obsJudge, (judge) => (judge === j ? 0 : 1));
		const out = new Float64Array(E);
		fits[method](weights, out);
		const reducedKeys = tieKeys(panel, weights);
		return panel.categoryEntries.map((entries) => orderCategory(entries, out, reducedKeys, rules, C).winner);
	});
	return orders.map((order, c) => {
		const winner = order.winner;
		const winners = Object.fromEntries(TALLY_METHODS.map((m, k) => [m, name(byMethod[k][c])])) as Record<TallyMethod, string | null>;
		const methodsChangingWinner = TALLY_METHODS.filter((_, k) => byMethod[k][c] !== winner);
		const judgesChangingWinner: { judge: string; winner: string | null }[] = [];
		for (let j = 0; j < J; j++) {
			if (withoutJudge[j][c] !== winner) judgesChangingWinner.push({ judge: panel.judgeIds[j], winner: name(withoutJudge[j][c]) });
		}
		return {
			category: panel.categoryIds[c],
			winner: name(winner),
			byMethod: winners,
			methodsChangingWinner,
			judgesChangingWinner,
			stable: methodsChangingWinner.length === 0 && judgesChangingWinner.length === 0,
		};
	});
}
