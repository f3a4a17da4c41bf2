import { describe, expect, it } from 'vitest';
import { assignJudges, isConnected, type AssignInput, type AssignResult } from '../../../src/lib/awards/assign.ts';
import { seededRandom } from '../../../src/lib/awards/random.ts';
import type { EntryRef, JudgeRef } from '../../../src/lib/awards/types.ts';

const entry = (id: string, customer: string, category = 'general'): EntryRef => ({ id, category, customer });
const judge = (id: string, conflicts: string[] = [], expertise: string[] = []): JudgeRef => ({ id, conflicts, expertise });
const general = [{ id: 'general', expertise: [] }];

/** Judge ids of one entry, sorted. */
const judgesOf = (result: AssignResult, entryId: string) =>
	result.assignments
		.filter((a) => a.entry === entryId)
		.map((a) => a.judge)
		.sort();

/** A random instance from its own seed: the properties below must hold on every one. */
function randomInstance(instanceSeed: number): AssignInput {
	const random = seededRandom(instanceSeed);
	const customerCount = random.int(6, 14);
	const customers = Array.from({ length: customerCount }, (_, i) => `customer-${i}`);
	const tags = ['ai', 'cloud', 'data', 'security'];
	const categories = tags.map((tag) => ({ id: `cat-${tag}`, expertise: [tag] }));
	const judgeCount = random.int(5, 12);
	const judges = Array.from({ length: judgeCount }, (_, i) =>
		judge(
			`judge-${String(i).padStart(2, '0')}`,
			random.shuffle(customers).slice(0, random.int(0, 2)),
			random.shuffle(tags).slice(0, random.int(0, 2)),
		),
	);
	// At least two entries per judge: with k = 2 fewer would leave too few assignments to connect
	// everyone (a connected graph needs one fewer edge than it has nodes).
	const entries = Array.from({ length: random.int(2 * judgeCount, 40) }, (_, i) =>
		entry(`entry-${String(i).padStart(2, '0')}`, customers[random.int(0, customerCount - 1)], categories[random.int(0, categories.length - 1)].id),
	);
	return { entries, judges, categories, perEntry: random.int(2, 3), seed: instanceSeed * 7 + 1 };
}

/** Rules that hold whether or not the assignment is ok. */
function expectHardRules(input: AssignInput, result: AssignResult) {
	const customerOf = new Map(input.entries.map((e) => [e.id, e.customer]));
	const conflictsOf = new Map(input.judges.map((j) => [j.id, new Set(j.conflicts)]));
	const keys = result.assignments.map((a) => `${a.judge}|${a.entry}`);
	expect(new Set(keys).size).toBe(keys.length);
	const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	expect(result.assignments).toEqual([...result.assignments].sort((a, b) => byCodeUnit(a.judge, b.judge) || byCodeUnit(a.entry, b.entry)));
	for (const { judge: j, entry: e } of result.assignments) {
		expect(conflictsOf.get(j)?.has(customerOf.get(e) as string), `${j} scores ${e} of a customer it is in conflict with`).toBe(false);
	}
	for (const e of input.entries) {
		if (!input.calibration?.includes(e.id)) expect(judgesOf(result, e.id).length).toBeLessThanOrEqual(input.perEntry);
	}
	for (const j of input.judges) {
		const load = result.assignments.filter((a) => a.judge === j.id).length;
		expect(result.loads[j.id]).toBe(load);
		if (input.maxLoad !== undefined) expect(load).toBeLessThanOrEqual(input.maxLoad);
	}
	expect(result.connected).toBe(isConnected(result.assignments));
	expect(result.ok).toBe(result.problems.length === 0);
}

/** Everything an ok assignment promises. */
function expectOk(input: AssignInput, result: AssignResult) {
	expectHardRules(input, result);
	expect(result.problems).toEqual([]);
	expect(result.ok).toBe(true);
	for (const e of input.entries) expect(judgesOf(result, e.id)).toHaveLength(input.perEntry);
	const loads = Object.values(result.loads);
	expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
	expect(result.connected).toBe(true);
}

describe('assignJudges, hand-computed cases', () => {
	it('gives 3 entries 2 of 3 judges each, every judge scoring 2', () => {
		const input: AssignInput = {
			entries: [entry('a', 'acme'), entry('b', 'bolt'), entry('c', 'cord')],
			judges: [judge('x'), judge('y'), judge('z')],
			categories: general,
			perEntry: 2,
			seed: 1,
		};
		const result = assignJudges(input);
		expectOk(input, result);
		expect(result.loads).toEqual({ x: 2, y: 2, z: 2 });
		expect(result.assignments).toHaveLength(6);
	});

	it('finds the only conflict-free assignment when each judge is in conflict with one entrant', () => {
		const input: AssignInput = {
			entries: [entry('a', 'acme'), entry('b', 'bolt'), entry('c', 'cord')],
			judges: [judge('x', ['acme']), judge('y', ['bolt']), judge('z', ['cord'])],
			categories: general,
			perEntry: 2,
			seed: 5,
		};
		const result = assignJudges(input);
		expectOk(input, result);
		expect(judgesOf(result, 'a')).toEqual(['y', 'z']);
		expect(judgesOf(result, 'b')).toEqual(['x', 'z']);
		expect(judgesOf(result, 'c')).toEqual(['x', 'y']);
	});

	it('splits 7 seats over 3 judges as 3, 2, 2', () => {
		const input: AssignInput = {
			entries: [entry('a', 'acme'), entry('b', 'bolt'), entry('c', 'cord'), entry('d', 'dune'), entry('e', 'echo'), entry('f', 'fern'), entry('g', 'gold')],
			judges: [judge('x'), judge('y'), judge('z')],
			categories: general,
			perEntry: 1,
			seed: 3,
		};
		const result = assignJudges(input);
		expect(Object.values(result.loads).sort()).toEqual([2, 2, 3]);
	});
});

describe('assignJudges, properties over random instances', () => {
	const instances = Array.from({ length: 40 }, (_, i) => randomInstance(i + 1));

	/**
	 * Random conflicts sometimes make balance impossible: a judge free of conflict with fewer
	 * entries than the others must score. Such a result must say so, and it must be true.
	 */
	function expectOkOrUnavoidablyUnbalanced(input: AssignInput, result: AssignResult) {
		if (result.ok) return expectOk(input, result);
		expectHardRules(input, result);
		for (const e of input.entries) expect(judgesOf(result, e.id)).toHaveLength(input.perEntry);
		expect(result.connected).toBe(true);
		for (const problem of result.problems) {
			const judgeRef = input.judges.find((j) => j.id === problem.judge);
			expect(judgeRef, problem.reason).toBeDefined();
			const free = input.entries.filter((e) => !judgeRef?.conflicts.includes(e.customer)).length;
			expect(problem.reason).toContain(`(it is free of conflict with only ${free} entries)`);
			expect(result.loads[judgeRef?.id as string]).toBe(free);
			expect(Math.max(...Object.values(result.loads)) - free).toBeGreaterThanOrEqual(2);
		}
	}

	it('never assigns a conflict, gives every entry k distinct judges, balances loads and connects the graph', () => {
		let okCount = 0;
		for (const input of instances) {
			const result = assignJudges(input);
			expectOkOrUnavoidablyUnbalanced(input, result);
			if (result.ok) okCount++;
		}
		expect(okCount).toBeGreaterThanOrEqual(36);
	});

	it('holds the same rules for several seeds of one instance', () => {
		for (const seed of [1, 2, 3, 99, 12345]) {
			const input = { ...instances[0], seed };
			expectOk(input, assignJudges(input));
		}
	});

	it('respects a maximum load that leaves room, and never exceeds one that does not', () => {
		for (const base of instances.slice(0, 15)) {
			const demand = base.entries.length * base.perEntry;
			const roomy = { ...base, maxLoad: Math.ceil(demand / base.judges.length) };
			expectOkOrUnavoidablyUnbalanced(roomy, assignJudges(roomy));
			const tight = { ...base, maxLoad: Math.max(1, Math.ceil(demand / base.judges.length) - 2) };
			const result = assignJudges(tight);
			expectHardRules(tight, result);
			expect(result.ok).toBe(false);
		}
	});

	it('never assigns a conflict even when conflicts make the rules impossible', () => {
		for (let i = 1; i <= 20; i++) {
			const random = seededRandom(1000 + i);
			const customers = ['acme', 'bolt', 'cord'];
			const input: AssignInput = {
				entries: Array.from({ length: 12 }, (_, n) => entry(`e${n}`, customers[random.int(0, 2)])),
				judges: Array.from({ length: 5 }, (_, n) => judge(`j${n}`, random.shuffle(customers).slice(0, random.int(0, 3)))),
				categories: general,
				perEntry: 3,
				seed: i,
			};
			expectHardRules(input, assignJudges(input));
		}
	});
});

/** Every subset of `items` with `size` members. */
function subsets<T>(items: T[], size: number): T[][] {
	if (size === 0) return [[]];
	if (items.length < size) return [];
	const [first, ...rest] = items;
	return [...subsets(rest, size - 1).map((subset) => [first, ...subset]), ...subsets(rest, size)];
}

describe('assignJudges against brute force on tiny instances', () => {
	it('fills the most seats, spreads loads as evenly as any assignment can, and matches expertise as well as any connected one', () => {
		for (let instanceSeed = 1; instanceSeed <= 120; instanceSeed++) {
			const random = seededRandom(instanceSeed);
			const customers = ['a', 'b', 'c', 'd'];
			const tags = ['x', 'y'];
			const judges = Array.from({ length: random.int(2, 4) }, (_, n) => judge(`j${n}`, random.shuffle(customers).slice(0, random.int(0, 1)), random.shuffle(tags).slice(0, random.int(0, 1))));
			const entries = Array.from({ length: random.int(2, 4) }, (_, n) => entry(`e${n}`, customers[random.int(0, 3)], tags[random.int(0, 1)]));
			const input: AssignInput = {
				entries,
				judges,
				categories: tags.map((tag) => ({ id: tag, expertise: [tag] })),
				perEntry: random.int(1, 2),
				maxLoad: random.int(0, 2) === 0 ? random.int(1, 3) : undefined,
				seed: instanceSeed,
			};
			const result = assignJudges(input);
			expectHardRules(input, result);

			// Every way of giving each entry up to k conflict-free judges within the maximum load.
			const choices = entries.map((e) => {
				const free = judges.filter((j) => !j.conflicts.includes(e.customer)).map((j) => j.id);
				return Array.from({ length: Math.min(input.perEntry, free.length) + 1 }, (_, size) => subsets(free, size)).flat();
			});
			let best = { seats: -1, squares: 0, matches: 0, connectedMatches: -1 };
			const visit = (index: number, chosen: string[][]) => {
				if (index < entries.length) {
					for (const choice of choices[index]) visit(index + 1, [...chosen, choice]);
					return;
				}
				const pairs = chosen.flatMap((js, e) => js.map((j) => ({ judge: j, entry: entries[e].id })));
				const loads = judges.map((j) => pairs.filter((p) => p.judge === j.id).length);
				if (input.maxLoad !== undefined && loads.some((load) => load > (input.maxLoad as number))) return;
				const squares = loads.reduce((sum, load) => sum + load * load, 0);
				const matches = pairs.filter((p) => judges.find((j) => j.id === p.judge)?.expertise.includes(entries.find((e) => e.id === p.entry)?.category as string)).length;
				const connectedMatches = isConnected(pairs) ? matches : -1;
				if (pairs.length > best.seats || (pairs.length === best.seats && squares < best.squares)) {
					best = { seats: pairs.length, squares, matches, connectedMatches };
				} else if (pairs.length === best.seats && squares === best.squares) {
					best.matches = Math.max(best.matches, matches);
					best.connectedMatches = Math.max(best.connectedMatches, connectedMatches);
				}
			};
			visit(0, []);

			const label = `instance ${instanceSeed}`;
			expect(result.assignments.length, label).toBe(best.seats);
			expect(
				Object.values(result.loads).reduce((sum, load) => sum + load * load, 0),
				label,
			).toBe(best.squares);
			expect(result.expertiseMatches, label).toBeLessThanOrEqual(best.matches);
			// Joining islands is greedy and not proven optimal in general, but on these instances it
			// gives up no more matches than the best connected assignment must.
			if (result.connected) expect(result.expertiseMatches, label).toBeGreaterThanOrEqual(best.connectedMatches);
			if (result.ok) expect(result.expertiseMatches, label).toBe(best.connectedMatches);
		}
	});
});

describe('assignJudges, expertise', () => {
	it('matches every assignment when balanced loads allow it', () => {
		// ai entries need ml, ops entries need cloud; "both" bridges the panels. 12 seats over 5
		// judges as 3, 3, 2, 2, 2 can be filled entirely by experts (hand-checked: ann 3, bob 2,
		// both 1 + 1, cat 3, dan 2).
		const input: AssignInput = {
			entries: [entry('ai-1', 'c1', 'ai'), entry('ai-2', 'c2', 'ai'), entry('ai-3', 'c3', 'ai'), entry('ops-1', 'c4', 'ops'), entry('ops-2', 'c5', 'ops'), entry('ops-3', 'c6', 'ops')],
			judges: [judge('ann', [], ['ml']), judge('bob', [], ['ml']), judge('both', [], ['ml', 'cloud']), judge('cat', [], ['cloud']), judge('dan', [], ['cloud'])],
			categories: [
				{ id: 'ai', expertise: ['ml'] },
				{ id: 'ops', expertise: ['cloud'] },
			],
			perEntry: 2,
			seed: 1,
		};
		for (const seed of [1, 2, 3, 4, 5]) {
			const result = assignJudges({ ...input, seed });
			expectOk(input, result);
			expect(result.expertiseMatches).toBe(12);
		}
	});

	it('prefers experts over others when loads allow either', () => {
		// 10 seats over 5 judges, 2 each: the three security experts can take all four security
		// seats and still link to the general entries with their remaining two.
		const input: AssignInput = {
			entries: [entry('s1', 'c1', 'sec'), entry('s2', 'c2', 'sec'), entry('g1', 'c3'), entry('g2', 'c4'), entry('g3', 'c5')],
			judges: [judge('a'), judge('b'), judge('sec-1', [], ['security']), judge('sec-2', [], ['security']), judge('sec-3', [], ['security'])],
			categories: [...general, { id: 'sec', expertise: ['security'] }],
			perEntry: 2,
			seed: 8,
		};
		for (const seed of [1, 2, 3, 4, 5, 6]) {
			const result = assignJudges({ ...input, seed });
			expectOk(input, result);
			for (const id of ['s1', 's2']) for (const j of judgesOf(result, id)) expect(j).toMatch(/^sec-/);
			expect(result.expertiseMatches).toBe(4);
		}
	});
});

describe('assignJudges, connectivity', () => {
	// Two categories with disjoint expert panels: the cheapest flow is two islands.
	const input: AssignInput = {
		entries: [entry('a1', 'c1', 'a'), entry('a2', 'c2', 'a'), entry('b1', 'c3', 'b'), entry('b2', 'c4', 'b')],
		judges: [judge('x1', [], ['x']), judge('x2', [], ['x']), judge('y1', [], ['y']), judge('y2', [], ['y'])],
		categories: [
			{ id: 'a', expertise: ['x'] },
			{ id: 'b', expertise: ['y'] },
		],
		perEntry: 2,
		seed: 1,
	};

	it('would be two islands if expertise alone decided', () => {
		const byPanel = [
			{ judge: 'x1', entry: 'a1' },
			{ judge: 'x1', entry: 'a2' },
			{ judge: 'x2', entry: 'a1' },
			{ judge: 'x2', entry: 'a2' },
			{ judge: 'y1', entry: 'b1' },
			{ judge: 'y1', entry: 'b2' },
			{ judge: 'y2', entry: 'b1' },
			{ judge: 'y2', entry: 'b2' },
		];
		expect(isConnected(byPanel)).toBe(false);
	});

	it('exchanges one pair of assignments to connect the panels, giving up only two matches', () => {
		for (const seed of [1, 2, 3, 4]) {
			const result = assignJudges({ ...input, seed });
			expectOk(input, result);
			expect(isConnected(result.assignments)).toBe(true);
			expect(result.loads).toEqual({ x1: 2, x2: 2, y1: 2, y2: 2 });
			expect(result.expertiseMatches).toBe(6);
		}
	});

	it('connects many disjoint panels', () => {
		const tags = ['p', 'q', 'r', 's', 't'];
		const many: AssignInput = {
			entries: tags.flatMap((tag) => [1, 2, 3].map((n) => entry(`${tag}${n}`, `c-${tag}${n}`, tag))),
			judges: tags.flatMap((tag) => [1, 2, 3].map((n) => judge(`${tag}-judge-${n}`, [], [tag]))),
			categories: tags.map((tag) => ({ id: tag, expertise: [tag] })),
			perEntry: 3,
			seed: 4,
		};
		const result = assignJudges(many);
		expectOk(many, result);
		// Every judge scores 3 and every expert panel has exactly 3 judges, so joining the five
		// panels takes judges scoring outside their panel. The first exchange gives up two matches;
		// each later one exchanges an already unmatched pair and gives up one: 45 − 2 − 1 − 1 − 1.
		// (A ring of five cross-panel pairs would be the optimum, and it is also 40.)
		expect(result.expertiseMatches).toBe(40);
	});

	it('reports a graph that cannot be connected (one judge per entry makes every judge an island)', () => {
		const single: AssignInput = {
			entries: [entry('a', 'c1'), entry('b', 'c2'), entry('c', 'c3'), entry('d', 'c4')],
			judges: [judge('x'), judge('y')],
			categories: general,
			perEntry: 1,
			seed: 1,
		};
		const result = assignJudges(single);
		expectHardRules(single, result);
		expect(result.ok).toBe(false);
		expect(result.connected).toBe(false);
		expect(result.loads).toEqual({ x: 2, y: 2 });
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0].reason).toBe(
			'the judge–entry graph falls into 2 groups sharing no judge or entry (connecting 2 judges and 4 entries takes at least 5 assignments and there are 4), so judge severities cannot be compared across groups; judges by group: (x), (y)',
		);
	});
});

describe('isConnected', () => {
	it('treats no pairs as connected', () => {
		expect(isConnected([])).toBe(true);
	});

	it('follows shared entries and shared judges', () => {
		expect(
			isConnected([
				{ judge: 'x', entry: 'a' },
				{ judge: 'y', entry: 'a' },
				{ judge: 'y', entry: 'b' },
			]),
		).toBe(true);
		expect(
			isConnected([
				{ judge: 'x', entry: 'a' },
				{ judge: 'y', entry: 'b' },
			]),
		).toBe(false);
	});

	it('keeps a judge and an entry with the same id apart', () => {
		expect(
			isConnected([
				{ judge: 'same', entry: 'a' },
				{ judge: 'x', entry: 'same' },
			]),
		).toBe(false);
	});
});

describe('assignJudges, reproducibility', () => {
	const large = randomInstance(4242);
	const strip = (r: AssignResult) => r.assignments;

	it('gives the same result for the same seed', () => {
		expect(assignJudges({ ...large, seed: 17 })).toEqual(assignJudges({ ...large, seed: 17 }));
	});

	it('usually gives a different result for a different seed', () => {
		const results = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(strip(assignJudges({ ...large, seed }))));
		expect(results[0]).not.toBe(results[1]);
		expect(new Set(results).size).toBeGreaterThanOrEqual(4);
	});

	it('does not depend on the order entries and judges are listed in', () => {
		for (const base of [large, randomInstance(7), randomInstance(8)]) {
			const shuffler = seededRandom(99);
			const reordered = { ...base, entries: shuffler.shuffle(base.entries), judges: [...base.judges].reverse(), categories: [...base.categories].reverse() };
			expect(assignJudges(reordered)).toEqual(assignJudges(base));
		}
	});
});

describe('assignJudges, infeasible rounds', () => {
	it('names an entry that all but one judge are in conflict with, and the conflicted judges', () => {
		const input: AssignInput = {
			entries: [entry('a', 'acme'), entry('b', 'bolt'), entry('c', 'cord')],
			judges: [judge('x', ['acme']), judge('y', ['acme']), judge('z')],
			categories: general,
			perEntry: 2,
			seed: 1,
		};
		const result = assignJudges(input);
		expectHardRules(input, result);
		expect(result.ok).toBe(false);
		expect(result.problems).toContainEqual({ entry: 'a', reason: 'entry "a" has only 1 judge free of conflict (z); needs 2 (in conflict with customer "acme": x, y)' });
		// The best it can do: the one free judge still scores the entry.
		expect(judgesOf(result, 'a')).toEqual(['z']);
	});

	it('names an entry no judge is free to score', () => {
		const input: AssignInput = {
			entries: [entry('a', 'acme'), entry('b', 'bolt')],
			judges: [judge('x', ['acme']), judge('y', ['acme'])],
			categories: general,
			perEntry: 1,
			seed: 1,
		};
		const result = assignJudges(input);
		expect(result.ok).toBe(false);
		expect(result.problems[0]).toEqual({ entry: 'a', reason: 'entry "a" has no judges free of conflict; needs 1 (in conflict with customer "acme": x, y)' });
	});

	it('reports a capacity shortfall under the maximum load', () => {
		const input: AssignInput = {
			entries: Array.from({ length: 26 }, (_, n) => entry(`e${String(n).padStart(2, '0')}`, `c${n}`)),
			judges: Array.from({ length: 8 }, (_, n) => judge(`j${n}`)),
			categories: general,
			perEntry: 3,
			maxLoad: 5,
			seed: 1,
		};
		const result = assignJudges(input);
		expectHardRules(input, result);
		expect(result.ok).toBe(false);
		expect(result.problems).toEqual([{ reason: 'total capacity 8 judges × max 5 = 40 < 26 entries × 3 = 78' }]);
		// Every judge is used to the limit, no further.
		expect(Object.values(result.loads)).toEqual(Array(8).fill(5));
	});

	it('explains an entry left short because its free judges are full', () => {
		// Total capacity suffices (3 judges × 2 ≥ 3 seats), but y and z may score nothing, so one
		// entry is left without a judge once x is full.
		const input: AssignInput = {
			entries: [entry('a', 'acme'), entry('b', 'bolt'), entry('c', 'cord')],
			judges: [judge('x'), judge('y', ['acme', 'bolt', 'cord']), judge('z', ['acme', 'bolt', 'cord'])],
			categories: general,
			perEntry: 1,
			maxLoad: 2,
			seed: 1,
		};
		const result = assignJudges(input);
		expectHardRules(input, result);
		expect(result.ok).toBe(false);
		const short = result.problems.find((p) => p.entry !== undefined);
		expect(short?.reason).toMatch(/got only 0 of 1 judges: the other judges free of conflict with it \(x\) are at the maximum load 2/);
	});

	it('reports loads that conflicts keep from balancing', () => {
		const input: AssignInput = {
			entries: [entry('a', 'acme'), entry('b', 'acme'), entry('c', 'acme'), entry('d', 'bolt')],
			judges: [judge('x'), judge('y'), judge('w', ['acme'])],
			categories: general,
			perEntry: 2,
			seed: 1,
		};
		const result = assignJudges(input);
		expectHardRules(input, result);
		expect(result.ok).toBe(false);
		// w may only score d: loads 4, 3, 1 at best.
		expect(result.loads.w).toBe(1);
		expect(Object.values(result.loads).sort()).toEqual([1, 3, 4]);
		expect(result.problems).toContainEqual({
			judge: 'w',
			reason: 'loads cannot differ by at most one: judge "w" has 1 entry while others have up to 4 (it is free of conflict with only 1 entry)',
		});
	});

	it('rejects a panel smaller than k, and invalid numbers', () => {
		const input: AssignInput = { entries: [entry('a', 'acme')], judges: [judge('x')], categories: general, perEntry: 2, seed: 1 };
		expect(assignJudges(input).problems).toEqual([{ reason: 'needs 2 judges per entry but the panel has only 1' }]);
		const invalid = assignJudges({ ...input, perEntry: 0, maxLoad: 1.5, calibration: ['nope'] });
		expect(invalid.ok).toBe(false);
		expect(invalid.assignments).toEqual([]);
		expect(invalid.problems.map((p) => p.reason)).toEqual([
			'judges per entry must be a whole number of at least 1, found 0',
			'the maximum load must be a whole number of at least 1, found 1.5',
			'calibration entry "nope" is not one of the entries (known ids include "a")',
		]);
		// A mistyped one gets the nearest entry first.
		expect(assignJudges({ ...input, calibration: ['b'] }).problems.map((p) => p.reason)).toContain('calibration entry "b" is not one of the entries (did you mean "a"?)');
	});

	it('has nothing to do without entries, and nobody to do it without judges', () => {
		const empty = assignJudges({ entries: [], judges: [judge('x')], categories: general, perEntry: 3, seed: 1 });
		expect(empty).toMatchObject({ ok: true, assignments: [], loads: { x: 0 }, connected: true });
		const noPanel = assignJudges({ entries: [entry('a', 'acme')], judges: [], categories: general, perEntry: 1, seed: 1 });
		expect(noPanel.problems).toEqual([{ reason: 'needs 1 judge per entry but the panel has only 0' }]);
	});

	it('rejects duplicate ids', () => {
		const result = assignJudges({ entries: [entry('a', 'acme'), entry('a', 'bolt')], judges: [judge('x'), judge('x')], categories: general, perEntry: 1, seed: 1 });
		expect(result.problems).toEqual([
			{ entry: 'a', reason: 'entry "a" is listed twice' },
			{ judge: 'x', reason: 'judge "x" is listed twice' },
		]);
	});
});

describe('assignJudges, calibration entries', () => {
	const input: AssignInput = {
		entries: [entry('cal', 'acme'), entry('e1', 'c1'), entry('e2', 'c2'), entry('e3', 'c3'), entry('e4', 'c4'), entry('e5', 'c5')],
		judges: [judge('u'), judge('v'), judge('w'), judge('x', ['acme']), judge('y')],
		categories: general,
		perEntry: 2,
		calibration: ['cal'],
		seed: 2,
	};

	it('are scored by every judge free of conflict with them, and the skip is noted', () => {
		const result = assignJudges(input);
		expectHardRules(input, result);
		expect(judgesOf(result, 'cal')).toEqual(['u', 'v', 'w', 'y']);
		expect(result.notes).toEqual([{ entry: 'cal', judge: 'x', reason: 'judge "x" skips calibration entry "cal": in conflict with customer "acme"' }]);
		expect(result.ok).toBe(true);
	});

	it('count toward the load, so totals stay balanced', () => {
		const result = assignJudges(input);
		// 4 calibration + 5 × 2 = 14 over 5 judges: 3, 3, 3, 3, 2, and x (no calibration) makes up with regular entries.
		expect(Object.values(result.loads).sort()).toEqual([2, 3, 3, 3, 3]);
		for (const e of ['e1', 'e2', 'e3', 'e4', 'e5']) expect(judgesOf(result, e)).toHaveLength(2);
		expect(result.assignments.filter((a) => a.judge === 'x').length).toBeGreaterThanOrEqual(2);
		expect(result.connected).toBe(true);
	});

	it('count toward the maximum load', () => {
		const tight = { ...input, maxLoad: 2 };
		const result = assignJudges(tight);
		expectHardRules(tight, result);
		expect(result.problems).toEqual([{ reason: 'total capacity 5 judges × max 2 = 10 < 5 entries × 2 + 4 calibration assignments = 14' }]);
	});
});

describe('assignJudges, scale', () => {
	it('assigns 500 entries to 15 judges, 5 each', () => {
		const random = seededRandom(500);
		const customers = Array.from({ length: 120 }, (_, i) => `customer-${i}`);
		const tags = ['ai', 'cloud', 'data', 'security', 'ops'];
		const input: AssignInput = {
			entries: Array.from({ length: 500 }, (_, i) => entry(`entry-${i}`, customers[random.int(0, 119)], `cat-${tags[random.int(0, 4)]}`)),
			judges: Array.from({ length: 15 }, (_, i) => judge(`judge-${i}`, random.shuffle(customers).slice(0, 3), random.shuffle(tags).slice(0, 2))),
			categories: tags.map((tag) => ({ id: `cat-${tag}`, expertise: [tag] })),
			perEntry: 5,
			maxLoad: 170,
			seed: 1,
		};
		const result = assignJudges(input);
		expectOk(input, result);
		// 2500 seats over 15 judges: ten judges score 167, five score 166.
		expect(Object.values(result.loads).sort()).toEqual([...Array(5).fill(166), ...Array(10).fill(167)]);
		expect(result.expertiseMatches).toBeGreaterThan(1500);
	});
});
