/**
 * The blind-judging lint on what slipped past it into judges' packets: an entrant's brand word
 * and its people's first names, not only its full name and domain.
 */
import { describe, expect, it } from 'vitest';
import { entrantNeedles, judgedBlind, lintBlindEntries, type BlindEntry } from '../../src/lib/awards/blind.ts';
import { markdownToTextBlocks } from '../../src/lib/plaintext.ts';

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

describe('audit: blind judging — an entrant named with invisible characters', () => {
	it('a soft hyphen or zero-width space inside the entrant\'s name is still found (judges see "Quarry Bank Mills")', () => {
		const entrant = { customer: 'quarry-bank', name: 'Quarry Bank Mills', website: 'https://quarrybank.example', people: ['Ada Quarry'] };
		const entry = (narrative: string) => ({ id: 'one-plan', title: 'One plan', summary: 'A plan.', narrative, evidence: [], entrant });
		expect(lintBlindEntries([entry('We at Quarry Bank Mills planned.')])).not.toEqual([]);
		expect(lintBlindEntries([entry('We at Quar\u00adry Bank Mi\u00adlls planned.')])).not.toEqual([]);
		expect(lintBlindEntries([entry('We at Quar\u200bry Bank Mi\u200blls planned.')])).not.toEqual([]);
		// And each other zero-width or invisible character, and full-width letters.
		for (const c of ['\u200c', '\u200d', '\u2060', '\ufeff', '\u180e', '\u{e0041}']) {
			expect(lintBlindEntries([entry(`We at Quar${c}ry Bank Mi${c}lls planned.`)]), JSON.stringify(c)).toMatchObject([{ field: 'narrative', found: ['Quarry Bank Mills', 'Quarry'] }]);
		}
		expect(lintBlindEntries([entry('We at Ｑｕａｒｒｙ Ｂａｎｋ Ｍｉｌｌｓ planned.')])).toMatchObject([{ field: 'narrative', found: ['Quarry Bank Mills', 'Quarry'] }]);
	});
});

describe('audit 2: blind lint reads raw Markdown, the packet shows rendered text', () => {
	const entrant = { customer: 'quarry-bank', name: 'Quarry Bank', website: 'https://quarrybank.example', people: ['Ada Quarry'] };
	for (const narrative of ['We are Qu**arry** Holdings.', 'We are [Quar](x)ry Holdings.', 'We are Q`uarry` Holdings.']) {
		it(`refuses ${JSON.stringify(narrative)}, which a judge reads as "Quarry"`, () => {
			const shown = markdownToTextBlocks(narrative).map((b) => ('text' in b ? b.text : '')).join(' ');
			expect(shown).toContain('Quarry');
			const problems = lintBlindEntries([{ id: 'e1', title: 't', summary: 's', narrative, evidence: [], entrant }]);
			expect(problems).not.toEqual([]);
		});
	}
});

describe('audit 2: confusable letters name an entrant unnoticed', () => {
	const entrant = { customer: 'quarry-bank', name: 'Quarry Bank', website: 'https://quarrybank.example', people: ['Ada Quarry'] };
	it('refuses "Qu\\u0430rry B\\u0430nk" (Cyrillic a), which reads as "Quarry Bank"', () => {
		const problems = lintBlindEntries([{ id: 'e1', title: 'Qu\u0430rry B\u0430nk', summary: 's', narrative: 'n', evidence: [], entrant }]);
		expect(problems).not.toEqual([]);
	});
});

describe('judgedBlind: blindUntil decides whether a later round is judged blind', () => {
	const rounds = [{ id: 'round-1' }, { id: 'final' }];
	it('keeps every round blind until the winners by default', () => {
		expect(judgedBlind({ blind: true, blindUntil: 'winners', rounds }, 'round-1')).toBe(true);
		expect(judgedBlind({ blind: true, blindUntil: 'winners', rounds }, 'final')).toBe(true);
	});
	it('judges the rounds after the finalists knowing who entered, when the program says so', () => {
		expect(judgedBlind({ blind: true, blindUntil: 'finalists', rounds }, 'round-1')).toBe(true);
		expect(judgedBlind({ blind: true, blindUntil: 'finalists', rounds }, 'final')).toBe(false);
		expect(judgedBlind({ blind: false, blindUntil: 'winners', rounds }, 'round-1')).toBe(false);
	});
});
