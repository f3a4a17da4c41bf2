/**
 * How entry limits count words: runs of non-space characters. Shared by `awards intake`, `check`
 * and the entry kit's live counters, so an entrant sees the same count the program team checks.
 */

/** The number of words in `text`: runs of characters that are not white space. */
export function countWords(text: string): number {
	const words = text.trim().split(/\s+/u);
	return words[0] === '' ? 0 : words.length;
}

/** The number of characters in `text` as a reader counts them (code points, so an emoji is one). */
export function countChars(text: string): number {
	return [...text.trim()].length;
}
