import { expect, it } from 'vitest';
import { groupByInitial, initialOf } from '../../src/lib/alphabetical.ts';

it('files a name under its first letter, accents and case aside', () => {
	expect(['Amber', 'amber', 'Émile', 'Ørsted', 'Æbelø', 'Łódź Rail', 'zoë', '  Kestrel'].map(initialOf)).toEqual(['A', 'A', 'E', 'O', 'A', 'L', 'Z', 'K']);
});

it('files names that start with no Latin letter under #', () => {
	expect(['3M Operations', '@home', 'Ωmega', '東京ガス', ''].map(initialOf)).toEqual(['#', '#', '#', '#', '#']);
});

it('groups a sorted list into runs: # first, then only the letters that have names, order kept', () => {
	const names = ['Zeta', '24/7 Care', 'Émile Foods', 'Amber 2', 'Amber', 'Ørsted', 'Ember'].sort((a, b) => a.localeCompare(b));
	const groups = groupByInitial(names, (n) => n);
	expect(groups.map((g) => [g.letter, g.id, g.items])).toEqual([
		['#', 'letter-other', ['24/7 Care']],
		['A', 'letter-a', ['Amber', 'Amber 2']],
		['E', 'letter-e', ['Ember', 'Émile Foods']],
		['O', 'letter-o', ['Ørsted']],
		['Z', 'letter-z', ['Zeta']],
	]);
	// Each group is one run of the sorted list: listed in turn, they are the list.
	expect(groups.flatMap((g) => g.items)).toEqual(names);
	expect(groupByInitial([], (n: string) => n)).toEqual([]);
});
