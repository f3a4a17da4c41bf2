/**
 * The `offset` method: the additive model y_je = q_e + b_j + ε (entry quality plus judge offset
 * plus noise), fitted by ridge-regularised least squares on the judges × judges reduced system,
 * and the analysis of the design (connected judges, noise and judge variance, default ridge).
 */
import { choleskyInPlace, choleskySolveInPlace, symmetricEigen } from '../stats.ts';
import type { Fit } from './fits.ts';
import type { Panel } from './panel.ts';

/** Largest ridge: judges' offsets indistinguishable from noise; the model then equals the raw mean. */
const MAX_RIDGE = 1e6;

/**
 * Normal equations of the offset model with the entry qualities eliminated (Schur complement):
 * with W_e = Σ w over entry e, ȳ_e its weighted mean and W_j = Σ w over judge j,
 *   S_jk = W_j·[j = k] − Σ_e w_je·w_ke / W_e,   r_j = Σ_e w_je·(y_je − ȳ_e).
 * S is judges × judges (a few dozen at most), however many entries there are; the qualities
 * follow as q_e = ȳ_e − Σ_j w_je·b_j / W_e. S·1 = 0 and Σ r_j = 0: offsets are identified only up
 * to a common shift, which the ridge (or the sum-to-zero constraint) fixes.
 */
export function buildOffsetSystem(
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

/** The offset model's fit, and the judge offsets it last estimated. */
export interface OffsetFit {
	fit: Fit;
	/** Judge offsets of the last fit. */
	offsets: Float64Array;
}

/** The offset model's fit with a fixed ridge, its work arrays allocated once for every resample. */
export function createOffsetFit(panel: Panel, ridge: number): OffsetFit {
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
export interface DesignAnalysis {
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
export function analyseDesign(panel: Panel, declaredRidge: number | undefined): DesignAnalysis {
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
