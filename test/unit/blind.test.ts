/**
 * The blind-judging lint on what slipped past it into judges' packets: an entrant's brand word
 * and its people's first names, not only its full name and domain.
 */
import { describe, expect, it } from 'vitest';
import { entrantNeedles, lintBlindEntries, type BlindEntry } from '../../src/lib/awards/blind.ts';

const harbourline = { customer: 'harbourline-freight', name: 'Harbourline Freight Ltd', website: 'https://www.harbourline.example', people: ['Darius Farahani'] };
const kestrel = { customer: 'kestrel-grid', name: 'Kestrel Grid', website: 'https://kestrel-grid.example', people: ['Jonas Lindqvist', 'Marieke Dekker'] };

const entry = (id: string, entrant: BlindEntry['entrant'], text: Partial<BlindEntry> = {}): BlindEntry => ({
	id,
	title: 'Storm-ready coastal deliveries',
	summary: 'A regional carrier kept 97% of deliveries on time.',
	narrative: 'Our planners re-route every evening.',
	evidence: [],
	entrant,
	...text,
});

describe('entrantNeedles', () => {
	it("covers the brand word and the people's first and last names", () => {
		expect(entrantNeedles(kestrel)).toEqual(['Kestrel Grid', 'kestrel-grid.example', 'kestrel-grid', 'Kestrel', 'Jonas Lindqvist', 'Jonas', 'Lindqvist', 'Marieke Dekker', 'Marieke', 'Dekker']);
	});
});

describe('lintBlindEntries', () => {
	it('finds the brand word alone and a first name alone, naming the entry, the field and the word', () => {
		const problems = lintBlindEntries([
			entry('disruption-playbooks', harbourline, { narrative: "At Harbourline, storms used to close the port for days.\n\nHarbourline's Rotterdam hub now re-plans overnight." }),
			entry('national-spares-pool', kestrel, { summary: "Kestrel's engineers and Marieke's planning team share one spares pool." }),
		]);
		expect(problems).toEqual([
			{ entry: 'disruption-playbooks', field: 'narrative', found: ['harbourline'] },
			{ entry: 'national-spares-pool', field: 'summary', found: ['Kestrel', 'Marieke'] },
		]);
	});

	it('finds a last name alone, in evidence too', () => {
		expect(lintBlindEntries([entry('x', kestrel, { evidence: [{ label: 'Sign-off', detail: 'Approved by Dekker in March.' }] })])).toEqual([{ entry: 'x', field: 'evidence[0].detail', found: ['Dekker'] }]);
	});

	it('leaves clean text, longer words and short names alone', () => {
		expect(lintBlindEntries([entry('x', kestrel, { summary: 'Kestrels nest near substations; a national pool of spares.' })])).toEqual([]);
		expect(lintBlindEntries([entry('y', { customer: 'bay-foods', name: 'Bay Foods', people: ['Mia Ek'] }, { summary: 'Foods from the bay, by Mia and the Ek team.' })])).toEqual([]);
	});
});
