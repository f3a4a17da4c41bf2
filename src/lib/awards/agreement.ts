/**
 * How the tally of a ranking round words Kendall's W. W needs complete rankings, so it is computed
 * over the finalists every judge ranked; a judge in conflict leaves a finalist out, and W can then
 * read 1.00 while the judges split 2–2 on the finalists it leaves out. The line says what W covers,
 * and never calls the judges agreed where the Schulze method could not separate finalists.
 */

/** The agreement line of one category: W, the finalists it is over, and what it leaves out. */
export function describeAgreement(kendallW: number | null, finalists: readonly string[], rankings: readonly { order: readonly string[] }[], ties: readonly (readonly string[])[]): string {
	if (kendallW === null) return "Kendall's W = n/a (it needs two judges and two finalists every judge ranked)";
	const common = finalists.filter((f) => rankings.every((r) => r.order.includes(f)));
	const left = finalists.filter((f) => !common.includes(f));
	const w = `Kendall's W = ${kendallW.toFixed(2)}`;
	if (!left.length) return ties.length ? `${w} (the judges still split on ${ties.map((t) => t.join(' and ')).join('; ')})` : w;
	const split = ties.filter((t) => t.some((f) => left.includes(f)));
	const over = `${w} over ${common.join(', ')} only (finalists every judge ranked; judges in conflict left out ${left.join(', ')})`;
	return split.length ? `${over}: it says nothing about ${split.map((t) => t.join(' and ')).join('; ')}, on which the judges split` : over;
}
