/**
 * An id from a title or a name: the file name, and the address, of a new item. Lower-case ASCII
 * words joined by hyphens (ID_PATTERN), accents dropped ("São Paulo Café" → "sao-paulo-cafe"),
 * cut at a word to stay readable in an address.
 */

/** Letters that Unicode does not decompose into a base letter and an accent. */
const SPELLED_OUT: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŋ: 'ng' };

/** Longest id made from a title, in characters (a whole word past it is dropped). */
export const MAX_ID_LENGTH = 60;

/**
 * Names Windows reserves for devices, whatever the extension: a file `customers/aux.yaml` or
 * `entries/nul.md` cannot be checked out on Windows (Git for Windows refuses the path), which
 * locks everyone on Windows out of the repository.
 */
export const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** The id `text` makes; empty when it holds no letter or digit in the Latin alphabet. */
export function idFromText(text: string): string {
	const ascii = text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[ßæœøłđðþıŋ]/g, (letter) => SPELLED_OUT[letter])
		.replace(/['’]/g, '')
		.replace(/&/g, ' and ');
	const words = ascii.split(/[^a-z0-9]+/).filter(Boolean);
	let id = '';
	for (const word of words) {
		const next = id ? `${id}-${word}` : word;
		if (next.length > MAX_ID_LENGTH && id) break;
		id = next.slice(0, MAX_ID_LENGTH);
	}
	return id;
}
