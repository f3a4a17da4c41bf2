import { describe, expect, it } from 'vitest';
import { error, formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { terminalLines, terminalText } from '../../src/lib/terminal-text.ts';

/** Every character a terminal obeys rather than shows: C0, DEL, C1, bidi marks, embeddings, overrides and isolates. */
const controls = [
	...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
	...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
	...'\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069',
];

describe('terminalText', () => {
	it('shows each control character as its escape, so none is obeyed and none is hidden', () => {
		expect(terminalText('One plan\x1b]0;pwned\x07\x1b[2J for every mill')).toBe('One plan\\u001b]0;pwned\\u0007\\u001b[2J for every mill');
		expect(terminalText('paid\b\b\b\bfree')).toBe('paid\\u0008\\u0008\\u0008\\u0008free');
		expect(terminalText('a\r\nb\tc\x7f\x9b31m')).toBe('a\\u000d\\u000ab\\u0009c\\u007f\\u009b31m');
		expect(terminalText('invoice \u202egnp.exe')).toBe('invoice \\u202egnp.exe');
		for (const c of controls) expect(terminalText(`x${c}y`)).toMatch(/^x\\u[0-9a-f]{4}y$/);
	});

	it('shows the invisible bidi marks (RLM, LRM, ALM), which move punctuation and extensions about', () => {
		// "report\u200f.exe" can show as ".exe" before "report" beside right-to-left text.
		expect(terminalText('report\u200f.exe')).toBe('report\\u200f.exe');
		expect(terminalText('a\u200eb\u061cc')).toBe('a\\u200eb\\u061cc');
		expect(terminalLines('مرحبا\u200f\n')).toBe('مرحبا\\u200f\n');
		// Every Bidi_Control character is escaped.
		for (let code = 0; code <= 0xffff; code++) {
			const c = String.fromCharCode(code);
			if (/\p{Bidi_Control}/u.test(c)) expect(terminalText(c)).toBe(`\\u${code.toString(16).padStart(4, '0')}`);
		}
	});

	it('leaves ordinary text alone, in any script', () => {
		for (const text of ['One plan for every mill', 'Ørsted — São Paulo, 東京 🚀', 'שלום עולם', 'مرحبا', 'a\\u001b b', '']) expect(terminalText(text)).toBe(text);
	});
});

describe('terminalLines', () => {
	it('keeps the line feeds and tabs the CLI lays out with, and escapes every other control', () => {
		expect(terminalLines('error: x\n  line 2\tok\x1b[2J\r')).toBe('error: x\n  line 2\tok\\u001b[2J\\u000d');
		for (const c of controls.filter((c) => c !== '\n' && c !== '\t')) expect(terminalLines(c)).toMatch(/^\\u[0-9a-f]{4}$/);
	});

	it('leaves JSON output meaning the same', () => {
		const value = { title: controls.join(''), nested: ['\u202eevil', 'plain'] };
		const shown = terminalLines(JSON.stringify(value, null, 2));
		expect(shown).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
		expect(JSON.parse(shown)).toEqual(value);
	});
});

describe('formatDiagnostic', () => {
	it('quotes what content holds without obeying it', () => {
		const line = formatDiagnostic(error('content/awards/x/entries/a\x1b[8m.md', 'status', 'expected a status, found "\x1b]0;pwned\x07\x1b[2Jeligible"'));
		expect(line).toBe('error   content/awards/x/entries/a\\u001b[8m.md  status: expected a status, found "\\u001b]0;pwned\\u0007\\u001b[2Jeligible"');
	});
});
