/**
 * Spreadsheet formula injection (OWASP's CSV-injection rule). A score sheet or a packet's CSV
 * export holds text that judges and entrants wrote; a cell that begins with `=`, `+`, `-`, `@`, a
 * tab or a carriage return is read by Excel, LibreOffice and Sheets as a formula, which can run
 * commands or send the sheet's contents away. Such a text cell is written with a leading `'`, which
 * spreadsheets treat as "this is text", and reading the sheet back removes exactly that one quote,
 * so every value survives the round trip unchanged.
 *
 * Pure and dependency-free: the judge packet's browser code bundles it too.
 */

/** A text that a spreadsheet would read as a formula (after any quotes this rule added). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * The cell to write for a text value: the value itself, or `'` + the value when a spreadsheet would
 * read it as a formula. (A value that already begins with quotes before such a character gets one
 * more, so that `restoreCsvCell` gives it back as it was.) Numbers are not text: write them as they are.
 */
export function neutraliseCsvCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The value `neutraliseCsvCell` was given, from the cell it wrote (any other cell unchanged). */
export function restoreCsvCell(cell: string): string {
	return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}
