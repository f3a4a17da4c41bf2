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
 * Letters of other scripts drawn like Latin letters ("Quаrry" with a Cyrillic "а" reads as
 * "Quarry"), read as the Latin letter they show. No maintained confusables table is among the
 * project's packages: this is the common part of Unicode's confusables.txt for Cyrillic, Greek
 * and Armenian. Keys are case-folded letters, since the table is applied after case folding: a
 * name in Greek or Cyrillic still matches itself in capitals ("ΟΔΥΣΣΕΥΣ" and "Οδυσσευς" map alike).
 * A letter whose capital shows one Latin letter and whose small form another (Greek "Η" shows
 * "H", "η" an "n") maps to the capital's look here and to the small form's in `SMALL_LOOK`.
 */
const CONFUSABLE: Record<string, string> = {
	// Cyrillic
	а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'i', ү: 'y', ё: 'ë', ї: 'ï',
	// Greek
	α: 'a', β: 'b', ε: 'e', ζ: 'z', η: 'h', ι: 'i', κ: 'k', μ: 'm', ν: 'n', ο: 'o', ρ: 'p', τ: 't', υ: 'y', χ: 'x', ϲ: 'c', ϳ: 'j',
	// Armenian
	օ: 'o', ս: 'u', հ: 'h', ո: 'n', ց: 'g', զ: 'q',
};
/** The letters of `CONFUSABLE` whose small form shows another Latin letter than their capital. */
const SMALL_LOOK: Record<string, string> = { ...CONFUSABLE, η: 'n', ν: 'v', υ: 'u', ӏ: 'l' };
const CONFUSABLE_LETTER = new RegExp(`[${Object.keys(CONFUSABLE).join('')}]`, 'gu');

/** `text`, case-folded, with look-alike letters of other scripts read as Latin ones (see `CONFUSABLE`). */
const unconfuse = (folded: string, table: Record<string, string>) => folded.replace(CONFUSABLE_LETTER, (letter) => table[letter]);

/**
 * Characters that Markdown's inline syntax is made of: emphasis, code, links and images, HTML
 * tags and character references.
 */
const MARKUP = /[*_~`[\]<&]/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c' };

/** The character a numeric character reference names, or the reference itself if it names none. */
function fromCodePoint(reference: string, code: number): string {
	return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
}

/**
 * `text` as a reader sees it once Markdown's inline syntax is rendered: link and image syntax
 * taken out, the link text kept ("[Quar](x)ry" → "Quarry"), HTML tags and emphasis and code
 * markers taken out wherever they are ("Qu**arry** B*ank*", "Q`uarry`", "Qu<b>arry</b>" →
 * "Quarry"), character references read as their characters ("Qu&#97;rry"). It takes out more
 * than `stripInlineMarkdown` (what the judging packet shows), which keeps intraword "*" and raw
 * HTML, since the site's Markdown renderer does not: a superset of both, which only ever finds
 * more. Every pattern stops at the next bracket or tag character, so the work stays linear on
 * hostile input.
 */
function withoutMarkup(text: string): string {
	return text
		.replace(/\]\([^()\s]*(?:\s+"[^"()\n]*")?\)/g, '')
		.replace(/\]\[[^[\]\n]*\]/g, '')
		.replace(/!?\[|\]/g, '')
		.replace(/<\/?(?:br|p|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|hr)\b[^<>]*>/gi, ' ')
		.replace(/<\/?[a-z][^<>]*>/gi, '')
		.replace(/[*_~`]/g, '')
		.replace(/&#(\d{1,7});/g, (ref, n: string) => fromCodePoint(ref, Number(n)))
		.replace(/&#x([0-9a-f]{1,6});/gi, (ref, n: string) => fromCodePoint(ref, parseInt(n, 16)))
		.replace(/&([a-z]+);/gi, (ref, name: string) => ENTITIES[name.toLowerCase()] ?? ref);
}

/** The normalised forms of `text`, markup left as it is (see `searchForms`). */
function normalisedForms(text: string): string[] {
	// Printable ASCII and whitespace: nothing to normalise or take out (the common case, and the quick one).
	if (!NOT_PLAIN_ASCII.test(text)) return [text.toLowerCase()];
	const folded = caseFold(text.normalize('NFKC')).normalize('NFKC');
	const looks = [...new Set([unconfuse(folded, CONFUSABLE), unconfuse(folded, SMALL_LOOK)])];
	INVISIBLE.lastIndex = 0;
	if (!INVISIBLE.test(folded)) return looks;
	return [
		...new Set(
			looks.flatMap((look) => [look.replace(INVISIBLE, ''), look.replace(new RegExp(`${INVISIBLE.source}+`, 'gu'), ' ')]),
		),
	];
}

/**
 * The forms of `text` a name is searched for in: compatibility characters read as the letters
 * they show (NFKC: full-width "Ｑｕａｒｒｙ", mathematical "𝐐𝐮𝐚𝐫𝐫𝐲", a no-break space), case-folded,
 * look-alike letters of other scripts read as the Latin ones (Cyrillic "а" in "Quаrry", see
 * `CONFUSABLE`; a second form where a small letter looks otherwise), and invisible characters
 * (see `INVISIBLE`) taken out. Where there were any, another form has each run of them read as a
 * space instead, since a zero-width space or a soft
 * hyphen is also where a line may break: "Quarry\u200bBank" is "quarrybank" and "quarry bank".
 * Where the text has Markdown inline syntax, the same forms of the text as rendered (see
 * `withoutMarkup`) follow: "Qu**arry**" is also "quarry".
 *
 * The forms are for finding names only: what is reported is the needle as spelled, and the text
 * itself is never replaced by them.
 */
export function searchForms(text: string): string[] {
	const forms = normalisedForms(text);
	if (!MARKUP.test(text)) return forms;
	const rendered = withoutMarkup(text);
	return rendered === text ? forms : [...new Set([...forms, ...normalisedForms(rendered)])];
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

/**
 * `text` with every whole-word occurrence of a needle replaced by `replacement`, found as
 * `findMentions` finds them (case-folded, compatibility characters and look-alike letters read
 * as the letters they show, invisible characters taken out, whitespace runs read as one space);
 * longer needles first, so a full name goes before its parts. Markdown syntax inside a name
 * ("A**na**") is not seen through here: the replacement has to keep the rest of the text as
 * written.
 */
export function replaceMentions(text: string, needles: string[], replacement: string): string {
	const ordered = needles.map((needle) => ({ needle, folded: foldNeedle(needle).replace(/\s+/g, ' ') })).filter((n) => n.folded !== '');
	ordered.sort((a, b) => b.folded.length - a.folded.length);
	let out = text.normalize('NFC');
	for (const { folded } of ordered) {
		// Searched for after the last replacement only, so a replacement that holds the needle is left alone.
		for (let from = 0; ; ) {
			// Each character's search form, and where in `out` it came from.
			let form = '';
			const origin: number[] = [];
			for (let at = 0; at < out.length; ) {
				const char = String.fromCodePoint(out.codePointAt(at)!);
				let piece = /^\s$/.test(char) ? (form.endsWith(' ') ? '' : ' ') : (searchForms(char)[0] ?? '');
				INVISIBLE.lastIndex = 0;
				if (INVISIBLE.test(piece)) piece = '';
				for (let i = 0; i < piece.length; i++) origin.push(at);
				form += piece;
				at += char.length;
			}
			origin.push(out.length);
			const found = wordAt(form, folded, (at) => origin[at] >= from);
			if (found === -1) break;
			const start = origin[found];
			const end = origin[found + folded.length];
			out = out.slice(0, start) + replacement + out.slice(end);
			from = start + replacement.length;
		}
	}
	return out;
}

/** Where `needle` first occurs in `haystack` with no letter or digit either side and `where` allows, or -1. */
function wordAt(haystack: string, needle: string, where: (at: number) => boolean): number {
	for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
		if (!where(at)) continue;
		const before = haystack.slice(Math.max(0, at - 2), at);
		const after = haystack.slice(at + needle.length, at + needle.length + 2);
		if (!WORD_BEFORE.test(before) && !WORD_AFTER.test(after)) return at;
	}
	return -1;
}
