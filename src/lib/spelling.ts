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
