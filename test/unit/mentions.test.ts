import { describe, expect, it } from 'vitest';
import { personCredit } from '../../src/lib/evidence.ts';
import { findMentions, organisationNeedles } from '../../src/lib/mentions.ts';

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

