/**
 * The tally's figures in plain words, for a program manager who is not a statistician: the
 * results report (report.ts) and the legend under the terminal `tally` share them, so the two
 * never explain a figure differently.
 */
import { RANK_INTERVAL } from '../tally/bootstrap.ts';
import type { CategorySensitivity, JudgeResult, TallyMethod } from '../tally/types.ts';

/** What each method does, in one sentence. */
export const METHOD_WORDS: Record<TallyMethod, string> = {
	offset: 'Each judge’s leniency or severity is estimated from the entries they share with other judges and removed, so an entry is not helped or hurt by which judges it drew.',
	scaled: 'Each judge’s leniency, spread (how far apart they put entries) and reliability are estimated from the entries they share with other judges; leniency and spread are removed, and a judge who agrees less with the panel counts for less.',
	zscore: 'Each judge’s scores are put on a common scale (their own average and spread) before the entry’s scores are averaged.',
	mean: 'The plain average of the judges’ weighted scores.',
};

/**
 * Krippendorff's α in words, with Krippendorff's own thresholds (Content Analysis, 2004):
 * 0.8 and above for conclusions, 0.667 to 0.8 for tentative ones.
 */
export function alphaWords(alpha: number | null): string {
	if (alpha === null) return 'Agreement cannot be measured: no entry was scored by two or more judges.';
	const figure = alpha.toFixed(2);
	if (alpha >= 0.8) return `α = ${figure}: the judges agree well; the ranking rests on shared judgement.`;
	if (alpha >= 0.667) return `α = ${figure}: the judges agree moderately; treat close ranks as tentative.`;
	if (alpha >= 0) return `α = ${figure}: the judges agree little; much of the ranking reflects which judges an entry drew. Consider a calibration session or more judges per entry.`;
	return `α = ${figure}: the judges agree no more than chance would; check that every judge read the scale and the criteria the same way (a reversed scale looks like this).`;
}

/** The rank interval's coverage in percent (95). */
const INTERVAL_PERCENT = Math.round((RANK_INTERVAL[1] - RANK_INTERVAL[0]) * 100);

/** The rank interval in words. */
export function rankIntervalWords([low, high]: [number, number]): string {
	const level = INTERVAL_PERCENT;
	return low === high ? `ranked ${low} in at least ${level}% of the resampled panels` : `somewhere between ${low} and ${high} (${level}% of the resampled panels)`;
}

/** A tie band in words: only a band of several entries needs them. */
export function bandWords(entries: number): string {
	return entries > 1 ? 'Statistically tied: the scores cannot separate these entries.' : '';
}

/** A judge's severity in words; `se` widens it to an approximate 95% interval. */
export function severityWords(judge: Pick<JudgeResult, 'severity' | 'severitySe'>): string {
	const { severity, severitySe: se } = judge;
	const size = Math.abs(severity).toFixed(2);
	if (se !== null && Math.abs(severity) <= 1.96 * se) return `Not measurably harsher or more lenient than the panel (${severity >= 0 ? '+' : '−'}${size} ± ${(1.96 * se).toFixed(2)}).`;
	const direction = severity < 0 ? 'harsher' : 'more lenient';
	return `Scores ${size} points ${direction} than the panel on average${se === null ? '' : ` (± ${(1.96 * se).toFixed(2)})`}; the offset and scaled methods remove this.`;
}

/** A judge's consistency flag in words; `erraticP` is the scaled method's test result (JudgeResult.erraticP), when there is one. */
export function consistencyWords(consistency: JudgeResult['consistency'], erraticP?: number): string {
	switch (consistency) {
		case 'erratic':
			if (erraticP !== undefined) {
				return `Erratic: their scores stray from the panel’s view of the same entries far more than the other judges’ do, even allowing for how lenient they are and how far apart they spread entries; chance alone would do this less than once in 100 panels (p ${erraticP < 0.0001 ? '< 0.0001' : `= ${erraticP.toFixed(4)}`}, allowing for testing every judge). Their scores already count for less in the scaled method; ask whether they read the scale or the criteria differently.`;
			}
			return 'Erratic: their scores differ from the panel’s view of the same entries more than twice as much as a typical judge’s. Ask whether they read the scale or the criteria differently.';
		case 'straight-lining':
			return 'Straight-lining: they gave nearly every entry the same score, so their scores barely separate entries.';
		default:
			return 'Consistent with the panel.';
	}
}

/** Whether a category's winner depends on the method or on one judge, in words. */
export function sensitivityWords(s: CategorySensitivity, title: (id: string | null) => string): string {
	if (s.stable) return 'Stable: no other method and no single judge left out changes the winner.';
	const changes = [
		...s.methodsChangingWinner.map((m) => `the ${m} method picks ${title(s.byMethod[m])}`),
		...s.judgesChangingWinner.map((j) => `without ${j.judge} the winner would be ${title(j.winner)}`),
	];
	return `Fragile: ${changes.join('; ')}. Say so when announcing, or look again at the scores behind it.`;
}

/** The legend printed under the terminal tally: what each column means, in a few lines. */
export const TALLY_LEGEND: readonly string[] = [
	'score: the declared method’s score (mean and z-score shown for comparison).',
	`${INTERVAL_PERCENT}% rank: the ranks the entry takes in ${INTERVAL_PERCENT}% of panels resampled from the judges’ scores (under the scaled method, drawn from the model fitted to them); a wide range means the scores cannot place it precisely.`,
	'P(win) / P(top3): how often it ranks first / in the top three across those panels.',
	'band: entries in the same band are statistically tied: the scores cannot separate them.',
	'severity: negative = harsher than the panel, positive = more lenient, on the score scale.',
	'`npm run awards -- report <program>` writes all of this as a private HTML report with charts.',
];
