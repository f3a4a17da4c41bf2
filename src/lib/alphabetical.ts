/**
 * An A–Z index of a long list of names (the customers page): the names grouped under their
 * initial, each group with an anchor the page's letter nav links to. A list of hundreds of
 * customers as one run of cards gave a prospect nothing to jump by; the letters do.
 *
 * The letter follows the list's own collation, so each group is one run of the sorted list:
 * `Émile` files under E and `Ørsted` under O, as they sort. A name starting with anything but a
 * Latin letter (a digit, a symbol, another script) files under `#`, before A, where digits sort.
 */

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
/** The group of names that start with no Latin letter. */
export const OTHER_INITIAL = '#';
const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** The letter (`A`–`Z`) a name is filed under, or `#`. */
export function initialOf(name: string): string {
	const first = [...name.trim()][0] ?? '';
	if (!/\p{Script=Latin}/u.test(first)) return OTHER_INITIAL;
	// The last letter that sorts at or before it: Ø is O, and Æ (sorted as "ae") is A.
	return LETTERS.findLast((letter) => collator.compare(letter, first) <= 0) ?? OTHER_INITIAL;
}

export interface InitialGroup<T> {
	/** `A`–`Z` or `#`. */
	letter: string;
	/** The fragment id of its heading: `letter-a`, `letter-other`. */
	id: string;
	/** In the order given. */
	items: T[];
}

/** Groups `items` by the initial of `name(item)`: `#` first, then A to Z, only letters that have items. */
export function groupByInitial<T>(items: readonly T[], name: (item: T) => string): InitialGroup<T>[] {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const letter = initialOf(name(item));
		const group = groups.get(letter);
		if (group) group.push(item);
		else groups.set(letter, [item]);
	}
	return [OTHER_INITIAL, ...LETTERS]
		.filter((letter) => groups.has(letter))
		.map((letter) => ({ letter, id: `letter-${letter === OTHER_INITIAL ? 'other' : letter.toLowerCase()}`, items: groups.get(letter)! }));
}
