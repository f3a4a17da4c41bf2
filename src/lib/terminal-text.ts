/**
 * Text for a terminal. Titles, names, comments and ids come from content that entrants, judges and
 * agencies write; printed raw, a control character in them is an instruction to the terminal:
 * ESC starts sequences that clear the screen, set the window title (OSC), colour or hide text or
 * move the cursor; BEL rings, backspace and carriage return overwrite what was printed, C1
 * characters (U+0080–U+009F) are the same controls in one character on some terminals, and the
 * bidirectional formatting characters reorder what is shown: the embeddings and overrides
 * (U+202A–U+202E), the isolates (U+2066–U+2069) and the invisible marks (U+200E LEFT-TO-RIGHT
 * MARK, U+200F RIGHT-TO-LEFT MARK, U+061C ARABIC LETTER MARK), which move neutral characters
 * such as punctuation, digits and the dot of a file extension to the other side of a word.
 *
 * Each such character is shown as its escape (`\u001b`, `\u202e`) instead, so nothing is hidden
 * and nothing is obeyed: `\u001b]0;pwned\u0007` prints as those 13 characters. The escape is
 * written as JSON writes one, so JSON output passed through stays valid and means the same.
 */

/** C0 controls, DEL, C1 controls, and the bidirectional formatting characters (Unicode's Bidi_Control: marks, embeddings, overrides, isolates). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, less the line feed (and tab) the CLI itself lays its output out with. */
const CONTROL_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One value from content, for a line of terminal output: every control character (a line feed too) shown as its escape. */
export function terminalText(value: string): string {
	return value.replace(CONTROL, visible);
}

/**
 * A whole message for the terminal, laid out by the CLI with line feeds and tabs: those are kept,
 * every other control character is shown as its escape (a carriage return too, which would let a
 * line overwrite itself).
 */
export function terminalLines(text: string): string {
	return text.replace(CONTROL_BUT_LAYOUT, visible);
}
