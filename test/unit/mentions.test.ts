import { describe, expect, it } from 'vitest';
import { personCredit } from '../../src/lib/evidence.ts';
import { brandWord, fileNameReveals, findMentions, organisationNeedles, personNeedles, replaceMentions, searchForms } from '../../src/lib/mentions.ts';

describe('organisation mentions', () => {
	const needles = organisationNeedles('Harbourline Freight Ltd', 'https://www.harbourline.example');
	it('covers the name, the short name and the domain', () => {
		expect(needles).toEqual(['Harbourline Freight Ltd', 'harbourline.example', 'harbourline', 'Harbourline Freight']);
	});
	it('finds whole-word mentions, case-insensitively', () => {
		expect(findMentions('We at HARBOURLINE moved fast.', needles)).toEqual(['harbourline']);
		expect(findMentions('See harbourline.example/report', needles)).toEqual(['harbourline.example', 'harbourline']);
		expect(findMentions('Harbourlines are not us', needles)).toEqual([]);
	});
	it('counts a mention only where no letter or digit of any script touches it', () => {
		const one = ['Harbourline'];
		expect(findMentions('harbourline', one)).toEqual(['Harbourline']);
		expect(findMentions('(Harbourline)', one)).toEqual(['Harbourline']);
		expect(findMentions('Harbourline2 and 2harbourline', one)).toEqual([]);
		expect(findMentions('Harbourlineé, éharbourline, Яharbourline', one)).toEqual([]);
		// A letter outside the Basic Multilingual Plane is two code units.
		expect(findMentions('\u{1D400}harbourline and harbourline\u{1D400}', one)).toEqual([]);
		expect(findMentions('\u{1F600}harbourline', one)).toEqual(['Harbourline']);
		// A later whole-word occurrence after one inside a word.
		expect(findMentions('harbourlines, then harbourline.', one)).toEqual(['Harbourline']);
	});
	it('finds a name split by a soft hyphen', () => {
		expect(findMentions('We at Harbour\u00adline Freight moved.', needles)).toEqual(['harbourline', 'Harbourline Freight']);
		expect(findMentions('Harbour\u00adline\u00ad Frei\u00adght Ltd', needles)).toEqual(['Harbourline Freight Ltd', 'harbourline', 'Harbourline Freight']);
	});
	it('finds a name split by a zero-width space, non-joiner, joiner, word joiner or byte order mark', () => {
		for (const c of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
			expect(findMentions(`We at Harbour${c}line Freight moved.`, needles), JSON.stringify(c)).toEqual(['harbourline', 'Harbourline Freight']);
			expect(findMentions(`harbour${c}line${c}.example`, needles), JSON.stringify(c)).toEqual(['harbourline.example', 'harbourline']);
		}
	});
	it('finds a name split by other invisible characters: variation selectors, tags, bidi marks, controls', () => {
		for (const c of ['\ufe0f', '\u{e0041}', '\u200e', '\u202e', '\u2066', '\u034f', '\u0000', '\u001b']) {
			expect(findMentions(`Harbour${c}line`, ['Harbourline']), JSON.stringify(c)).toEqual(['Harbourline']);
		}
	});
	it('finds a name where an invisible character stands between two words, as it may break the line there', () => {
		expect(findMentions('HarbourlineFreight', needles)).toEqual([]);
		expect(findMentions('Harbourline\u200bFreight', needles)).toEqual(['harbourline', 'Harbourline Freight']);
		expect(findMentions('Harbourline\u00ad\u200bFreight', needles)).toEqual(['harbourline', 'Harbourline Freight']);
	});
	it('finds a name written with compatibility characters: full-width letters, mathematical letters, a no-break space', () => {
		expect(findMentions('We at Ｈａｒｂｏｕｒｌｉｎｅ moved.', needles)).toEqual(['harbourline']);
		expect(findMentions('We at \u{1D407}\u{1D41A}\u{1D42B}\u{1D41B}\u{1D428}\u{1D42E}\u{1D42B}\u{1D425}\u{1D422}\u{1D427}\u{1D41E} moved.', needles)).toEqual(['harbourline']);
		expect(findMentions('Harbourline\u00a0Freight', needles)).toEqual(['harbourline', 'Harbourline Freight']);
		expect(findMentions('ｈａｒｂｏｕｒｌｉｎｅ．ｅｘａｍｐｌｅ', needles)).toEqual(['harbourline.example', 'harbourline']);
	});
	it('compares by case folding, and folds the needles too', () => {
		expect(findMentions('Grüße aus der GROSSSTRASSE', ['Großstraße'])).toEqual(['Großstraße']);
		expect(findMentions('ΟΔΥΣΣΕΥΣ', ['Οδυσσευς'])).toEqual(['Οδυσσευς']);
		expect(findMentions('Harbourline', ['Harbour\u00adline'])).toEqual(['Harbour\u00adline']);
	});
	it('still counts a mention only as a whole word in every form', () => {
		const one = ['Harbourline'];
		expect(findMentions('Harbour\u00adlines', one)).toEqual([]);
		expect(findMentions('x\u200bHarbourline\u200by', one)).toEqual(['Harbourline']);
		expect(findMentions('Ｈａｒｂｏｕｒｌｉｎｅｓ', one)).toEqual([]);
		expect(findMentions('a harbour line', one)).toEqual([]);
	});
	it('searches forms of the text, not a replacement for it', () => {
		expect(searchForms('Plain text')).toEqual(['plain text']);
		expect(searchForms('Ｑｕａｒ\u00adry\u200bBank')).toEqual(['quarrybank', 'quar ry bank']);
	});
});

describe('personCredit', () => {
	const person = { name: 'Jonas Lindqvist', title: 'Head of Asset Logistics', role: 'customer' };
	const named = { permissions: { name: true } } as never;
	const anonymous = { permissions: { name: false } } as never;
	it('credits people of an anonymous customer by title only', () => {
		expect(personCredit(person, anonymous)).toEqual({ name: 'Head of Asset Logistics', identified: false });
		expect(personCredit(person, named)).toEqual({ name: 'Jonas Lindqvist', identified: true });
		expect(personCredit({ ...person, role: 'vendor' }, undefined)).toEqual({ name: 'Jonas Lindqvist', identified: true });
	});
});


describe('brand words and people', () => {
	it('takes the first word of a name of 4 letters or more, not a generic one, as the brand', () => {
		expect(brandWord('Kestrel Grid')).toBe('Kestrel');
		expect(brandWord('Alder & Finch Home')).toBe('Alder');
		expect(brandWord('Feira Boa')).toBe('Feira');
		expect(brandWord('Acme')).toBe('Acme');
		expect(brandWord('Bay Foods')).toBeUndefined();
		expect(brandWord('National Grid')).toBeUndefined();
		expect(brandWord('The Parcel Co')).toBeUndefined();
	});
	it('adds the brand word to the needles, once whatever its case', () => {
		expect(organisationNeedles('Kestrel Grid', 'https://kestrel-grid.example')).toEqual(['Kestrel Grid', 'kestrel-grid.example', 'kestrel-grid', 'Kestrel']);
		expect(findMentions("Kestrel's engineers", organisationNeedles('Kestrel Grid'))).toEqual(['Kestrel']);
	});
	it('names a person by full name, and by first or last name of 4 letters or more', () => {
		expect(personNeedles('Jonas Lindqvist')).toEqual(['Jonas Lindqvist', 'Jonas', 'Lindqvist']);
		expect(personNeedles('Mia Ek')).toEqual(['Mia Ek']);
		expect(personNeedles('Tan Wei Jie')).toEqual(['Tan Wei Jie']);
		expect(personNeedles('Marieke van der Berg')).toEqual(['Marieke van der Berg', 'Marieke', 'Berg']);
		expect(personNeedles('Madonna')).toEqual(['Madonna']);
		expect(findMentions('Marieke and her team', personNeedles('Marieke Dekker'))).toEqual(['Marieke']);
	});
	it('finds a file name that reveals an organisation by id, id word or brand word', () => {
		const kestrel = { id: 'kestrel-grid', name: 'Kestrel Grid' };
		expect(fileNameReveals('kestrel-grid-substation.jpg', kestrel)).toBe('kestrel-grid');
		expect(fileNameReveals('substation-kestrel.webp', kestrel)).toBe('kestrel');
		expect(fileNameReveals('grid-operator-substation.jpg', kestrel)).toBeUndefined();
		expect(fileNameReveals('kestrels-at-dusk.jpg', kestrel)).toBeUndefined();
		expect(fileNameReveals('harbourline-hub.mp4', { id: 'hl-freight', name: 'Harbourline Freight' })).toBe('harbourline');
	});
});

describe('mentions as a reader sees them', () => {
	const needles = ['Quarry Bank', 'Quarry'];
	it('reads Markdown inline syntax as rendered: emphasis, code, links, HTML, character references', () => {
		for (const text of ['Qu**arry** B*ank*', 'Q`uarry` B_ank_', '[Quar](https://x.example "t")ry Bank', '[Quar][ref]ry Bank', '![Quarry](a.png) Bank', 'Qu<b>arry</b> Bank', 'Qu&#97;rry B&#x61;nk', 'Qu~~arry~~ Bank']) {
			expect(findMentions(text, needles), text).toEqual(needles);
		}
		expect(findMentions('Quarry<br>Bank', needles)).toEqual(needles);
		expect(findMentions('Quarr**y**s', needles)).toEqual([]);
	});
	it('reads look-alike Cyrillic, Greek and Armenian letters as the Latin ones, capitals too', () => {
		expect(findMentions('Qu\u0430rry B\u0430nk', needles)).toEqual(needles);
		expect(findMentions('QU\u0391RRY', needles)).toEqual(['Quarry']);
		expect(findMentions('B\u03b1\u03b7k', ['Bank'])).toEqual(['Bank']);
		expect(findMentions('\u0397ARBOUR', ['Harbour'])).toEqual(['Harbour']);
		expect(searchForms('plain ascii')).toEqual(['plain ascii']);
	});
	it('stays quick on hostile Markdown', () => {
		const started = performance.now();
		findMentions('[a]('.repeat(20_000) + '<a '.repeat(20_000) + '](x'.repeat(20_000), needles);
		expect(performance.now() - started).toBeLessThan(1000);
	});
});

describe('replaceMentions', () => {
	it('replaces whole words, case-insensitively, full names first, keeping the rest as written', () => {
		expect(replaceMentions('Per ANA LYST and ana; analysis by Lyst.', ['Ana Lyst', 'Ana', 'Lyst'], 'a judge')).toBe('Per a judge and a judge; analysis by a judge.');
		expect(replaceMentions('Ana\n  Lyst said', ['Ana Lyst'], 'X')).toBe('X said');
		expect(replaceMentions('An\u0430 L\u00adyst, Ｌｙｓｔ', ['Ana Lyst', 'Lyst'], 'X')).toBe('X, X');
		expect(replaceMentions('Judge Dredd', ['Judge'], 'a judge')).toBe('a judge Dredd');
	});
});
