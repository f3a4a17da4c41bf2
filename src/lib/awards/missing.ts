/**
 * Judge–entry pairs the assignment asked for that have no score at all. A tally quietly ranks an
 * entry on the judges who did score it, so an entry one judge of four scored can come out "rank 1,
 * P(win) 100%"; these pairs are named by `tally` and block `publish` unless the manager records why.
 */

/** One assigned pair with no score. */
export interface MissingPair {
	judge: string;
	entry: string;
}

/**
 * The assigned pairs of judged entries with no score on any criterion, sorted by judge then entry.
 * Pairs scored on some criteria only are `incompletePairs` (score-rules.ts), not these.
 */
export function missingPairs(assigned: readonly MissingPair[], scores: readonly { judge: string; entry: string }[], judged: ReadonlySet<string>): MissingPair[] {
	const scored = new Set(scores.map((s) => `${s.judge} ${s.entry}`));
	return assigned
		.filter((p) => judged.has(p.entry) && !scored.has(`${p.judge} ${p.entry}`))
		.sort((a, b) => (a.judge < b.judge ? -1 : a.judge > b.judge ? 1 : a.entry < b.entry ? -1 : a.entry > b.entry ? 1 : 0));
}

/** The pairs in words, judge by judge: `elena-varga (entry-a, entry-b); omar-haddad (entry-c)`. */
export function describeMissing(pairs: readonly MissingPair[]): string {
	const byJudge = new Map<string, string[]>();
	for (const p of pairs) byJudge.set(p.judge, [...(byJudge.get(p.judge) ?? []), p.entry]);
	return [...byJudge].map(([judge, entries]) => `${judge} (${entries.join(', ')})`).join('; ');
}
