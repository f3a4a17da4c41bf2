/**
 * Finding where text names an organisation or a person: used to keep anonymous customers
 * anonymous and blind award entries blind.
 */

/** Shortest brand word or first or last name that counts as naming someone on its own. */
const MIN_WORD = 4;

/**
 * First words of organisation names that say nothing about which organisation it is ("The
 * Northern Trust", "National Grid"): as a needle on their own they would flag ordinary prose.
 */
const GENERIC_FIRST_WORDS = new Set(['the', 'national', 'international', 'global', 'united', 'general', 'first', 'royal', 'city', 'north', 'south', 'east', 'west', 'central', 'new']);

/**
 * An organisation's brand word: the first word of its name ("Kestrel" of "Kestrel Grid"), when
 * it has at least 4 letters and is not a generic word; what people call it for short.
 */
export function brandWord(name: string): string | undefined {
	const first = name.trim().split(/[\s&,]+/)[0] ?? '';
	return first.length >= MIN_WORD && !GENERIC_FIRST_WORDS.has(first.toLowerCase()) ? first : undefined;
}

/** Needles without repeats, compared case-insensitively (the first spelling kept), and without short ones. */
function distinct(needles: (string | undefined)[]): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const needle of needles) {
		const trimmed = needle?.trim() ?? '';
		if (trimmed.length < 3 || seen.has(trimmed.toLowerCase())) continue;
		seen.add(trimmed.toLowerCase());
		out.push(trimmed);
	}
	return out;
}

/**
 * The ways an organisation can be named: its name, its website's domain and the domain's first
 * label, its name without a legal suffix, and its brand word (see `brandWord`).
 */
export function organisationNeedles(name: string, website?: string): string[] {
	const needles: (string | undefined)[] = [name];
	if (website) {
		const host = new URL(website).hostname.replace(/^www\./, '');
		needles.push(host, host.split('.')[0]);
	}
	// Also the name without a legal suffix ("Harbourline Freight Ltd" → "Harbourline Freight").
	needles.push(name.replace(/\s+(Ltd|Inc|LLC|GmbH|S\.?A\.?|plc|Co\.?)$/i, ''));
	needles.push(brandWord(name));
	return distinct(needles);
}

/**
 * The ways a person can be named: the full name, and the first and the last name on their own
 * when they have at least 4 letters ("Jonas Lindqvist" → "Jonas", "Lindqvist").
 */
export function personNeedles(name: string): string[] {
	const parts = name.trim().split(/\s+/);
	const single = parts.length > 1 ? [parts[0], parts.at(-1)!].filter((part) => part.length >= MIN_WORD) : [];
	return distinct([name, ...single]);
}

/**
 * Whether a file name reveals an organisation: it contains the organisation's id
 * ("kestrel-grid-substation.jpg"), or one of its hyphen-separated words is the id's first word
 * or the name's brand word ("kestrel-substation.jpg"), 4 letters or more. Returns what reveals
 * it, or undefined.
 */
export function fileNameReveals(fileName: string, organisation: { id: string; name: string }): string | undefined {
	const base = fileName.toLowerCase().replace(/\.[^.]*$/, '');
	if (base.includes(organisation.id)) return organisation.id;
	const words = base.split(/[^a-z0-9]+/);
	const idWord = organisation.id.split('-')[0];
	if (idWord.length >= MIN_WORD && words.includes(idWord)) return idWord;
	const brand = brandWord(organisation.name)?.toLowerCase();
	if (brand && words.includes(brand)) return brand;
	return undefined;
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
 * Characters that show as nothing, or nothing of their own: default-ignorable code points
 * (soft hyphen U+00AD, zero-width space, non-joiner and joiner U+200B–U+200D, word joiner
 * U+2060, byte order mark U+FEFF, variation selectors, tag characters…), other format characters
 * and control characters other than the whitespace ones. A name with one inside
 * ("Quar\u00adry") reads as the name on the page.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u0000-\u0008\u000e-\u001f\u007f-\u009f]/gu;

/** Anything but printable ASCII and ASCII whitespace. */
const NOT_PLAIN_ASCII = /[^\t-\r -~]/;

/** Case folding (full: "ß" → "ss", "ς" → "σ"), as far as JavaScript's case mappings reach. */
const caseFold = (text: string) => text.toLowerCase().toUpperCase().toLowerCase();

/**
 * The forms of `text` a name is searched for in: compatibility characters read as the letters
 * they show (NFKC: full-width "Ｑｕａｒｒｙ", mathematical "𝐐𝐮𝐚𝐫𝐫𝐲", a no-break space), case-folded,
 * and invisible characters (see `INVISIBLE`) taken out. Where there were any, a second form has
 * each run of them read as a space instead, since a zero-width space or a soft hyphen is also
 * where a line may break: "Quarry\u200bBank" is "quarrybank" and "quarry bank".
 *
 * The forms are for finding names only: what is reported is the needle as spelled, and the text
 * itself is never replaced by them.
 */
export function searchForms(text: string): string[] {
	// Printable ASCII and whitespace: nothing to normalise or take out (the common case, and the quick one).
	if (!NOT_PLAIN_ASCII.test(text)) return [text.toLowerCase()];
	const folded = caseFold(text.normalize('NFKC')).normalize('NFKC');
	INVISIBLE.lastIndex = 0;
	if (!INVISIBLE.test(folded)) return [folded];
	const joined = folded.replace(INVISIBLE, '');
	const spaced = folded.replace(new RegExp(`${INVISIBLE.source}+`, 'gu'), ' ');
	return joined === spaced ? [joined] : [joined, spaced];
}

/** A needle as searched for: its first search form, trimmed. */
const foldNeedle = (needle: string) => searchForms(needle)[0].trim();

/**
 * The needles that occur in `text` as whole words, case-insensitively, whatever compatibility
 * characters spell them and whatever invisible characters split them (see `searchForms`).
 * Returns the needles found, as they were spelled.
 *
 * A search, not a regular expression per needle: every customer has needles of its own, and
 * compiling a Unicode-aware pattern for each cost half a second of a 10,000-item check.
 */
export function findMentions(text: string, needles: string[]): string[] {
	const haystacks = searchForms(text);
	return needles.filter((needle) => {
		const folded = foldNeedle(needle);
		return folded !== '' && haystacks.some((haystack) => occursAsWord(haystack, folded));
	});
}
