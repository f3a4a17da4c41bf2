/**
 * How entry limits count words: runs of non-space characters with a letter or digit in them, so a
 * list's "-" or a lone dash is not a word. Shared by `awards intake`, `check`
 * and the entry kit's live counters, so an entrant sees the same count the program team checks.
 */

/** The number of words in `text`: runs of characters that are not white space, holding a letter or digit. */
export function countWords(text: string): number {
	return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The number of characters in `text` as a reader counts them (code points, so an emoji is one). */
export function countChars(text: string): number {
	return [...text.trim()].length;
}
