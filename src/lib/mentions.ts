/**
 * Finding where text names an organisation or a person: used to keep anonymous customers
 * anonymous and blind award entries blind.
 */

/** The ways an organisation can be named: its name, and its website's domain. */
export function organisationNeedles(name: string, website?: string): string[] {
	const needles = [name];
	if (website) {
		const host = new URL(website).hostname.replace(/^www\./, '');
		needles.push(host, host.split('.')[0]);
	}
	// Also the name without a legal suffix ("Harbourline Freight Ltd" → "Harbourline Freight").
	const short = name.replace(/\s+(Ltd|Inc|LLC|GmbH|S\.?A\.?|plc|Co\.?)$/i, '');
	if (short !== name) needles.push(short);
	return [...new Set(needles.filter((n) => n.trim().length >= 3))];
}

// Letters and digits of any script: a needle counts only where neither touches it.
const WORD_BEFORE = /[\p{L}\p{N}]$/u;
const WORD_AFTER = /^[\p{L}\p{N}]/u;

/** Whether `needle` occurs in `haystack` with no letter or digit either side. */
function occursAsWord(haystack: string, needle: string): boolean {
	for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
		// Two code units either side: a character outside the BMP is a surrogate pair.
		const before = haystack.slice(Math.max(0, at - 2), at);
		const after = haystack.slice(at + needle.length, at + needle.length + 2);
		if (!WORD_BEFORE.test(before) && !WORD_AFTER.test(after)) return true;
	}
	return false;
}

/**
 * The needles that occur in `text` as whole words, case-insensitively (both lower-cased).
 *
 * A search, not a regular expression per needle: every customer has needles of its own, and
 * compiling a Unicode-aware pattern for each cost half a second of a 10,000-item check.
 */
export function findMentions(text: string, needles: string[]): string[] {
	const haystack = text.toLowerCase();
	return needles.filter((needle) => occursAsWord(haystack, needle.toLowerCase()));
}
