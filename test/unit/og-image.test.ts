import { describe, expect, it } from 'vitest';
import { escapeXml, ogCardSvg, wrapText } from '../../src/lib/og-image.ts';

describe('wrapText', () => {
	it('wraps at word boundaries within the width', () => {
		expect(wrapText('How Kestrel Grid planned maintenance around demand', 20, 4)).toEqual(['How Kestrel Grid', 'planned maintenance', 'around demand']);
	});

	it('ends an overflowing last line with an ellipsis', () => {
		const lines = wrapText('one two three four five six seven eight nine ten', 10, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1].endsWith('…')).toBe(true);
		expect(lines.every((l) => l.length <= 10)).toBe(true);
	});

	it('cuts a single overlong word', () => {
		expect(wrapText('Supercalifragilistic', 8, 2)).toEqual(['Superca…']);
	});
});

describe('ogCardSvg', () => {
	it('escapes every text it carries', () => {
		const svg = ogCardSvg({ kicker: 'Story', title: '<script>alert("x")</script> & more', byline: 'A & B', site: "O'Site" });
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(svg).toContain('&amp; more');
		expect(svg).toContain('A &amp; B');
		expect(svg).toContain('O&apos;Site');
	});

	it('escapes XML specials', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
	});
});
