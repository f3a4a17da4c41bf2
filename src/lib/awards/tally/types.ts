/** What a tally takes and what it reports (see `tallyRound` in ../tally.ts). */
import type { CriterionRef, EntryRef, Score } from '../types.ts';

/** How judges' weighted scores become an entry score (see the module comment). */
export type TallyMethod = 'offset' | 'scaled' | 'zscore' | 'mean';

/** The tally methods (the default, `scaled`, is second: this order is the order of the methods in published results). */
export const TALLY_METHODS: readonly TallyMethod[] = ['offset', 'scaled', 'zscore', 'mean'];

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
	 * average leniency would give), `scaled` = the same with each judge's spread and reliability
	 * modelled too, `zscore` = mean of the judges' standardised scores, `mean` = raw mean of the
	 * weighted scores.
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
	/** SD of the judge's residuals (degrees-of-freedom corrected) under the offset model, or under the scaled model when that is the declared method; null when the noise cannot be estimated. */
	residualSd: number | null;
	/**
	 * Scaled method only: the Holm-adjusted p-value of the test that the judge's scores are noisier
	 * than the other judges' (tally/erratic.ts); absent when not tested.
	 */
	erraticP?: number;
	/**
	 * 'straight-lining': scoreSd at most 10% of the panel's median scoreSd; 'erratic': under the
	 * scaled method, erraticP below 0.01 (ERRATIC_ALPHA); under the others, residualSd more than twice the panel's
	 * median residualSd (floored at 1% of the SD of all scores so a noise-free panel flags nobody);
	 * both need at least 3 scores; else 'ok'.
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

/** The scaled method's fixed settings, as recorded in its results. */
export interface ScaledSettings {
	/** Rounds of alternating least squares per fit. */
	rounds: number;
	/** Prior SD of a judge's spread around 1. */
	spreadPriorSd: number;
	/** Pseudo-scores pulling a judge's precision weight, and their noise, towards the panel's. */
	noisePriorScores: number;
	/** How rank intervals are drawn: a parametric bootstrap turned into empirical-Bayes draws. */
	draws: 'parametric-empirical-bayes';
	/** How a rank interval is read from the draws. */
	interval: 'shortest';
	/** Holm-adjusted level below which a judge is flagged erratic. */
	erraticAlpha: number;
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
	/** Scaled method only: the settings that shaped its figures (scaled-model.ts, judge-noise.ts, erratic.ts, bootstrap.ts), recorded so a results file says how it was made and `verify` names a setting that changed. */
	scaled?: ScaledSettings;
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
