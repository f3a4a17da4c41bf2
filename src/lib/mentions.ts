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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The same few needles are looked for in every entry of a large library: compile each once.
const wholeWord = new Map<string, RegExp>();
const wholeWordPattern = (needle: string) => {
	let pattern = wholeWord.get(needle);
	if (!pattern) wholeWord.set(needle, (pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escape(needle)}(?=$|[^\\p{L}\\p{N}])`, 'iu')));
	return pattern;
};

/** The needles that occur in `text` as whole words, case-insensitively. */
export function findMentions(text: string, needles: string[]): string[] {
	return needles.filter((needle) => wholeWordPattern(needle).test(text));
}
