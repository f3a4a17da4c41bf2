/**
 * How deeply a story's body nests. The Markdown and MDX compilers (Sätteri, and the build's
 * sanitiser after it) walk a story's tree recursively: a body of 5,000 nested block quotes (10 KB:
 * `> > > … deep`) overflows the stack ("Maximum call stack size exceeded", naming no file), and
 * 10,000 crash the check's process outright (a segmentation fault in the compiler). So before any
 * body is parsed, the check measures its nesting with one linear scan, and refuses a body that
 * nests deeper than a generous limit: no real story nests 20.
 *
 * The scan counts, at each line's start, block-quote markers (`>`), list markers (`-`, `*`, `+`,
 * `1.`, `1)`) and indentation (two columns a level, a tab four; not the space after a marker), and across the body the
 * depth of HTML and component elements (`<div>` opens, `</div>` closes; `<br>`, `<img …>` and
 * `<X />` do not nest), and within a paragraph emphasis (`*`, `_` before a word open, after one
 * close) and link text (`[`, `]`): 20,000 nested `*a ` crash the MDX compiler too. It overcounts rather than undercounts: it only has to be cheap and never
 * miss a body that would crash.
 */
import { error, type Diagnostic } from '../diagnostics.ts';

/** The deepest a story may nest quotes, lists and HTML elements. */
export const MAX_STORY_NESTING = 100;

/** Elements that never hold others, so never nest (HTML's void elements). */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isNameChar = (c: number) => isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x3a || c === 0x5f;
const isBlank = (c: number) => c === 0x20 || c === 0x09;
const isPunctuation = (c: number) => (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);

/**
 * The deepest nesting in `body` and its first line there (1-based, of the body). One pass over
 * the characters; a tag ends at its first `>` outside quotes, and a tag whose end is unclear (a
 * quote still open at the line's end, a `<` inside it) counts as an element left open.
 */
export function storyNesting(body: string): { depth: number; line: number } {
	let deepest = { depth: 0, line: 1 };
	let elements = 0; // open HTML/component elements, carried across lines
	let inline = 0; // open emphasis and link text in the current paragraph
	let containers = 0; // quote and list markers and indentation levels of the current line
	let line = 1;
	let i = 0;
	const n = body.length;
	const reach = () => {
		const depth = containers + elements + inline;
		if (depth > deepest.depth) deepest = { depth, line };
	};
	while (i < n) {
		// The line's start: block-quote and list markers, indentation.
		let columns = 0;
		containers = 0;
		for (; i < n; i++) {
			const c = body.charCodeAt(i);
			if (c === 0x20) columns += 1;
			else if (c === 0x09) columns += 4;
			else if (c === 0x3e /* > */) {
				containers += 1 + Math.floor(columns / 2); // indentation before the marker, the marker
				columns = 0;
			}
			else if ((c === 0x2d || c === 0x2a || c === 0x2b) /* - * + */ && (i + 1 === n || isBlank(body.charCodeAt(i + 1)) || body.charCodeAt(i + 1) === 0x0a)) {
				containers += 1 + Math.floor(columns / 2);
				columns = 0;
			}
			else if (c >= 0x30 && c <= 0x39) {
				let j = i;
				while (j < n && j - i < 9 && body.charCodeAt(j) >= 0x30 && body.charCodeAt(j) <= 0x39) j += 1;
				const after = body.charCodeAt(j);
				if ((after === 0x2e || after === 0x29) /* . ) */ && (j + 1 === n || isBlank(body.charCodeAt(j + 1)) || body.charCodeAt(j + 1) === 0x0a)) {
					containers += 1 + Math.floor(columns / 2);
					columns = 0;
					i = j;
				} else break;
			} else break;
		}
		containers += Math.floor(columns / 2);
		if (i === n || body.charCodeAt(i) === 0x0a) inline = 0; // a blank line ends the paragraph
		reach();
		// The rest of the line: emphasis, link text and elements opened and closed.
		while (i < n && body.charCodeAt(i) !== 0x0a) {
			const c = body.charCodeAt(i);
			if (c === 0x2a || c === 0x5f /* * _ */) {
				// A run of delimiters: opens before a word (by one level a character), closes after one.
				let j = i;
				while (j < n && body.charCodeAt(j) === c) j += 1;
				const before = i === 0 ? 0x20 : body.charCodeAt(i - 1);
				const after = j === n ? 0x20 : body.charCodeAt(j);
				const spaceBefore = before === 0x20 || before === 0x09 || before === 0x0a || isPunctuation(before);
				const spaceAfter = after === 0x20 || after === 0x09 || after === 0x0a || isPunctuation(after);
				if (spaceBefore && !spaceAfter) {
					inline += j - i;
					reach();
				} else if (!spaceBefore && spaceAfter) inline = Math.max(0, inline - (j - i));
				i = j;
				continue;
			}
			if (c === 0x5b /* [ */) {
				inline += 1;
				reach();
			} else if (c === 0x5d /* ] */) inline = Math.max(0, inline - 1);
			if (c !== 0x3c /* < */) {
				i += 1;
				continue;
			}
			const closing = body.charCodeAt(i + 1) === 0x2f; /* / */
			let j = i + (closing ? 2 : 1);
			if (!isLetter(body.charCodeAt(j))) {
				i += 1;
				continue;
			}
			const nameStart = j;
			while (j < n && isNameChar(body.charCodeAt(j))) j += 1;
			const name = body.slice(nameStart, j).toLowerCase();
			if (closing) {
				elements = Math.max(0, elements - 1);
				i = j;
				continue;
			}
			// Find the tag's end: `>` outside quotes; `/>` closes it at once.
			let quote = 0;
			let selfClosing = false;
			for (; j < n; j++) {
				const c = body.charCodeAt(j);
				if (quote) {
					if (c === quote) quote = 0;
					else if (c === 0x0a || c === 0x3c) break; // unclear: counted as open
				} else if (c === 0x22 || c === 0x27) quote = c;
				else if (c === 0x3c) break; // another tag starts: this one counted as open
				else if (c === 0x3e) {
					selfClosing = body.charCodeAt(j - 1) === 0x2f;
					j += 1;
					break;
				} else if (c === 0x0a) line += 1; // a tag's attributes over several lines
			}
			if (!selfClosing && !VOID_ELEMENTS.has(name)) {
				elements += 1;
				reach();
			}
			i = j;
		}
		if (i < n) {
			i += 1; // the newline
			line += 1;
		}
	}
	return deepest;
}

/**
 * The error for a story body that nests deeper than the compilers can safely read, against the
 * file and the line (`bodyLine`: the body's first line in the file); none for any other body.
 */
export function storyNestingProblem(file: string, body: string, bodyLine = 1, limit = MAX_STORY_NESTING): Diagnostic | undefined {
	const { depth, line } = storyNesting(body);
	if (depth <= limit) return undefined;
	const at = line + bodyLine - 1;
	return error(
		file,
		`line ${at}`,
		`expected a story that nests quotes, lists and HTML elements at most ${limit} deep, found ${depth.toLocaleString('en-GB')} deep at line ${at}; flatten it (fewer ">" or list levels, close HTML elements sooner): the build cannot compile a story nested this deep`,
	);
}

/**
 * The check's files with every body nested too deep for the compilers left out (read as empty, so
 * no later rule parses it), and an error for each, against its file and line.
 */
export function withoutDeepBodies<File extends { file: string; body?: string; bodyLine?: number }>(files: File[], limit = MAX_STORY_NESTING): { files: File[]; diagnostics: Diagnostic[] } {
	const diagnostics: Diagnostic[] = [];
	const kept = files.map((source) => {
		if (!source.body) return source;
		const problem = storyNestingProblem(source.file, source.body, source.bodyLine ?? 1, limit);
		if (!problem) return source;
		diagnostics.push(problem);
		return { ...source, body: '' };
	});
	return { files: kept, diagnostics };
}
