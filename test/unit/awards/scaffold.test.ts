import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { programIdProblem, scaffoldProgram } from '../../../src/lib/awards/scaffold.ts';
import { programSchema } from '../../../src/schemas/award.ts';

describe('scaffoldProgram', () => {
	const files = scaffoldProgram({ id: 'demo-2027', name: 'Demo Awards', year: 2027 });
	const program = programSchema.parse(parse(files.find((f) => f.file === 'program.yaml')!.text));

	it('writes a program.yaml the schema accepts, with every part a program needs', () => {
		expect(program.name).toBe('Demo Awards');
		expect(program.year).toBe(2027);
		expect(program.categories.length).toBeGreaterThan(0);
		expect(program.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
		// A descriptor for every score of the scale.
		for (const c of program.criteria) expect(c.levels.map((l) => l.score)).toEqual([1, 2, 3, 4, 5]);
		expect(program.rounds.map((r) => r.kind)).toEqual(['scoring', 'ranking']);
		expect(program.timeline.length).toBeGreaterThan(0);
		expect(program.tally.tieBreak).toEqual(['impact', 'judges']);
		expect(program.blindUntil).toBe('winners');
	});

	it('keeps the entries/ and judges/ folders', () => {
		expect(files.map((f) => f.file).sort()).toEqual(['entries/.gitkeep', 'judges/.gitkeep', 'program.yaml']);
	});

	it('refuses an id that is not a folder name of lower-case words', () => {
		expect(programIdProblem('Demo 2027')).toMatch(/found "Demo 2027"/);
		expect(programIdProblem('../x')).toBeDefined();
		expect(() => scaffoldProgram({ id: '../x', year: 2027 })).toThrow();
		expect(programIdProblem('demo-2027')).toBeUndefined();
	});
});

describe('declaredCategories', () => {
	it('reads the category ids of a program file that fails validation otherwise', async () => {
		const { declaredCategories } = await import('../../../src/lib/awards/declared-categories.ts');
		expect(declaredCategories('name: X\ncategories:\n  - id: ops\n  - id: Bad Id\n  - {}\ncriteria: []\n')).toEqual(['ops']);
		expect(declaredCategories('categories: nope')).toBeUndefined();
		expect(declaredCategories('{ not: yaml')).toBeUndefined();
	});
});
