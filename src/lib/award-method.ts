/** Plain-language descriptions of how results were reached, for the winners page. */

export type TallyMethod = 'offset' | 'scaled' | 'zscore' | 'mean' | 'schulze';

export const TALLY_METHOD_DESCRIPTIONS: Record<TallyMethod, string> = {
	offset: "each judge's weighted scores, corrected for how strict or lenient that judge scored across all entries (an additive judge-offset model)",
	scaled: "each judge's weighted scores, corrected for how strict or lenient that judge scored, how far apart they spread entries, and how consistently they agreed with the other judges (a judge-effects model)",
	zscore: "each judge's weighted scores, standardised per judge (z-scores) so a strict and a lenient judge count the same",
	mean: "the mean of the judges' weighted scores",
	schulze: "the judges' rankings of the finalists, combined by the Schulze method (a pairwise majority count)",
};

/**
 * Whether published results name the winners, or only the finalists: results of a scoring round
 * followed by a ranking round pick the finalists the judges then rank, so their top entry is a
 * finalist until the ranking round is published.
 */
export function winnersDecided(rounds: { id: string; kind: string }[], publishedRound: string): boolean {
	const index = rounds.findIndex((round) => round.id === publishedRound);
	return !rounds.slice(index + 1).some((round) => round.kind === 'ranking');
}

/**
 * What the winners page says when the declared tie-break decided a winner, naming the rule: the
 * higher score on a criterion, more judges, or (in a ranking round) the scoring round's order.
 * Results published before the rule was recorded (`decidedBy` absent) say the tie-break decided.
 */
export function tieBreakSentence(method: string, rule: string | undefined, criteria: readonly { id: string; name: string }[]): string {
	const separated = method === 'schulze' ? "The judges' rankings could not separate the winner and the runner-up" : 'The winner and the runner-up could not be separated by score';
	const criterion = criteria.find((c) => c.id === rule);
	const how =
		rule === 'scoring-round'
			? 'the higher place in the scoring round'
			: rule === 'judges'
				? 'the entry scored by more judges'
				: criterion
					? `the higher score on “${criterion.name}”`
					: undefined;
	return how ? `${separated}; the program's declared tie-break decided: ${how}.` : `${separated}; the program's declared tie-break decided.`;
}
