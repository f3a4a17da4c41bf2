/** Does a category's winner depend on the method, or on any one judge? */
import type { Fit } from './fits.ts';
import type { Panel } from './panel.ts';
import { orderCategory, type CategoryOrder, type Rule, type TieKeys, tieKeys } from './tie-break.ts';
import { TALLY_METHODS, type CategorySensitivity, type TallyMethod } from './types.ts';

/** Per category: the winner under each method, and without each judge in turn (declared method, same ridge). */
export function sensitivityOf(
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
