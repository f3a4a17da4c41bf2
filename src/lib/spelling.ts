/**
 * "Did you mean …?" for names people type: a field in a content file, an option on the command
 * line. The edit distance is fastest-levenshtein's; this decides what counts as close.
 */
import { distance } from 'fastest-levenshtein';

export interface SpellingOptions {
	/** How names are compared (by default, case aside). */
	normalise?: (name: string) => string;
	/** Most edits between `word` and `candidate` for the candidate to count as meant (by default a third of the candidate's letters, at least one). */
	maxEdits?: (word: string, candidate: string) => number;
}

/** The candidate `word` is most likely a misspelling of: the nearest within `maxEdits`, the first of equals; undefined when none is close. */
export function closestSpelling(word: string, candidates: readonly string[], { normalise = (name) => name.toLowerCase(), maxEdits = (_, candidate) => Math.max(1, Math.floor(candidate.length / 3)) }: SpellingOptions = {}): string | undefined {
	const typed = normalise(word);
	let best: { candidate: string; edits: number } | undefined;
	for (const candidate of candidates) {
		const edits = distance(typed, normalise(candidate));
		if (edits <= maxEdits(word, candidate) && (!best || edits < best.edits)) best = { candidate, edits };
	}
	return best?.candidate;
}

/** `candidates`, the nearest to `word` first (by edit distance, case aside; equals keep their order). */
export function nearestFirst(word: string, candidates: readonly string[]): string[] {
	const typed = word.toLowerCase();
	return candidates
		.map((candidate, i) => ({ candidate, i, edits: distance(typed, candidate.toLowerCase()) }))
		.sort((a, b) => a.edits - b.edits || a.i - b.i)
		.map((c) => c.candidate);
}

/**
 * The words after "found "x"" when `word` names nothing in `known`: `did you mean "paul-vance"?`
 * when one is close, then up to `shown` known names, nearest first (never an arbitrary first few:
 * the one meant is most likely among the nearest): `known ids include "a", "b", …`.
 */
export function unknownNameHint(word: string, known: readonly string[], { shown = 5, none = 'there are none yet' }: { shown?: number; none?: string } = {}): string {
	if (known.length === 0) return none;
	const meant = closestSpelling(word, known);
	const nearest = nearestFirst(word, known).filter((k) => k !== meant);
	const listed = nearest.slice(0, meant ? shown - 1 : shown).map((k) => `"${k}"`);
	const more = nearest.length > listed.length ? ', …' : '';
	if (meant) return `did you mean "${meant}"?${listed.length ? ` Other ids near it: ${listed.join(', ')}${more}` : ''}`;
	return `known ids include ${listed.join(', ')}${more}`;
}

/** ` (did you mean "x"?)` when `word` is close to one of `known`; empty otherwise. For messages that already list what is valid. */
export function didYouMean(word: string, known: readonly string[]): string {
	const meant = closestSpelling(word, known);
	return meant ? ` (did you mean "${meant}"?)` : '';
}
