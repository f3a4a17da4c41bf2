/**
 * Judge assignment: which judges score which entries in a round.
 *
 * This is a constrained b-matching between entries and judges, solved as a min-cost max-flow:
 *
 *   source ─(capacity k)→ entry ─(capacity 1)→ judge ─(unit edges)→ sink
 *
 * An entry–judge edge exists only when the judge has no conflict with the entrant customer, so a
 * conflict can never be assigned. It costs 0 when the judge has one of the category's expertise
 * tags (or the category asks for none) and 1 otherwise. Judge j's t-th unit edge to the sink costs
 * BIG·t, counting calibration entries first, so a judge's load L costs BIG·L(L+1)/2: a convex cost.
 * A maximum flow of minimum cost (primal–dual successive shortest paths) settles, in this order:
 *
 *   1. as many of the k seats per entry as conflicts and the maximum load allow (maximum flow);
 *   2. the most even loads: among maximum flows, the load vector minimising Σ load². Whenever any
 *      assignment with loads differing by at most one exists, it is exactly such a vector (any
 *      spread of two or more can be narrowed, lowering Σ load²), so balance is guaranteed whenever
 *      it is possible at all;
 *   3. the most expertise matches among those (BIG exceeds the largest possible expertise cost,
 *      and two load vectors with the same total differ in cost by at least BIG);
 *   4. ties are broken by the seeded order in which entries and each entry's judges are added to
 *      the network, so the same seed gives the same result and another seed usually another.
 *
 * The exact convex costs make many distinct path lengths, hence many Dijkstra rounds, so a cheaper
 * network is tried first: judges fill up to floor(demand ÷ judges) at no cost and take one more at
 * cost BIG. When that fills every seat and brings every judge to the floor, it is the same answer
 * (see assignJudges); only when balance is out of reach does the exact convex network run.
 *
 * Inputs are sorted by id before anything is drawn from the seed, so input order does not matter.
 *
 * Cost: the flow is near-linear in practice (500 entries × 15 judges × k = 5 takes tens of
 * milliseconds); joining islands tries pairs of edges, quadratic in the worst case (ten disjoint
 * expert panels over 3,000 entries, k = 3, take a couple of seconds).
 *
 * The tally estimates judge severities, which needs every judge linked to every other through
 * shared entries: the judge–entry graph must be connected. Min-cost flow does not care, and with
 * disjoint expert panels it happily returns one island per panel. Islands are then joined one at a
 * time by moving an entry between two judges whose loads trade places, or by exchanging two
 * assignments from different islands (e1–j1, e2–j2 become e1–j2, e2–j1); both keep the loads
 * balanced and every entry's judge count, and the change losing fewest expertise matches is taken
 * (see joinIslands).
 *
 * Calibration entries are scored by every judge free of conflict with them. They are fixed before
 * the flow and count toward each judge's load, so loads stay balanced including them.
 *
 * Pure: no I/O, no clock; all randomness comes from `seededRandom(seed)`.
 */
import { unknownNameHint } from '../spelling.ts';
import { seededRandom } from './random.ts';
import type { Assignment, EntryRef, JudgeRef } from './types.ts';

/** What the assignment needs to know about one round. */
export interface AssignInput {
	/** Entries to judge in this round. */
	entries: EntryRef[];
	/** The panel; each judge's conflicts already include their own employer. */
	judges: JudgeRef[];
	/** Categories with the expertise tags a judge should have to score them. */
	categories: { id: string; expertise: string[] }[];
	/** k: judges per entry. */
	perEntry: number;
	/** n: most entries one judge scores, calibration entries included. */
	maxLoad?: number;
	/** Seed for tie-breaking: the same seed gives the same assignment. */
	seed: number;
	/** Entry ids every judge scores (except judges in conflict with them, who skip them and are noted). */
	calibration?: string[];
}

/** Why an assignment falls short, in words the organiser can act on. */
export interface AssignProblem {
	/** The entry concerned, if one. */
	entry?: string;
	/** The judge concerned, if one. */
	judge?: string;
	/** Human-readable reason. */
	reason: string;
}

/** An assignment and how well it meets the rules. */
export interface AssignResult {
	/** True when every rule holds: no problems. */
	ok: boolean;
	/** Judge–entry pairs, sorted by judge then entry, no duplicates (best effort when not ok). */
	assignments: Assignment[];
	/** Entries per judge, calibration entries included; every judge appears. */
	loads: Record<string, number>;
	/** How many assignments give the entry a judge with one of its category's expertise tags. */
	expertiseMatches: number;
	/** Whether the judge–entry graph of all assigned pairs is connected. */
	connected: boolean;
	/** Why the assignment is not ok; empty when ok. */
	problems: AssignProblem[];
	/** Worth knowing but not a failure: judges skipping a calibration entry they are in conflict with. */
	notes: AssignProblem[];
}

/**
 * Assigns `perEntry` judges to every entry: conflicts are never assigned, loads differ by at most
 * one and stay within `maxLoad`, category expertise is matched where possible, and the judge–entry
 * graph is connected. When that cannot be done, `ok` is false and `problems` says which entries
 * or judges are affected and why; the assignments returned are then the best found.
 */
export function assignJudges(input: AssignInput): AssignResult {
	const invalid = validate(input);
	if (invalid.length > 0) {
		const loads: Record<string, number> = {};
		for (const id of [...new Set(input.judges.map((j) => j.id))].sort(compareStrings)) loads[id] = 0;
		return { ok: false, assignments: [], loads, expertiseMatches: 0, connected: true, problems: invalid, notes: [] };
	}

	const problems: AssignProblem[] = [];
	const notes: AssignProblem[] = [];
	const k = input.perEntry;
	const maxLoad = input.maxLoad;

	// Sorting first makes the seeded draws independent of the order the caller listed things in.
	const entries = [...input.entries].sort(byId);
	const judges = [...input.judges].sort(byId);
	const conflictSets = judges.map((j) => new Set(j.conflicts));
	const expertiseByCategory = new Map(input.categories.map((c) => [c.id, new Set(c.expertise)]));
	// Both tables are read in the inner loops of joining islands, hence computed once.
	const freeTable = new Uint8Array(entries.length * judges.length);
	const matchTable = new Uint8Array(entries.length * judges.length);
	entries.forEach((entry, e) => {
		const wanted = expertiseByCategory.get(entry.category);
		judges.forEach((judge, j) => {
			freeTable[e * judges.length + j] = conflictSets[j].has(entry.customer) ? 0 : 1;
			matchTable[e * judges.length + j] = wanted !== undefined && judge.expertise.some((tag) => wanted.has(tag)) ? 1 : 0;
		});
	});
	const isFree = (entry: number, judge: number) => freeTable[entry * judges.length + judge] === 1;
	const isMatch = (entry: number, judge: number) => matchTable[entry * judges.length + judge] === 1;
	// An entry whose category asks for no expertise costs the same with any judge.
	const expertiseCost = (entry: number, judge: number) => {
		const wanted = expertiseByCategory.get(entries[entry].category);
		return wanted === undefined || wanted.size === 0 || isMatch(entry, judge) ? 0 : 1;
	};

	const freeJudges = entries.map((_, e) => judges.map((_, j) => j).filter((j) => isFree(e, j)));
	const calibrationIds = new Set(input.calibration ?? []);
	const isCalibration = entries.map((entry) => calibrationIds.has(entry.id));
	const regular = entries.map((_, e) => e).filter((e) => !isCalibration[e]);

	// Calibration entries go to every judge free of conflict with them, before anything else.
	const pairs: Pair[] = [];
	const calibrationLoad = judges.map(() => 0);
	entries.forEach((entry, e) => {
		if (!isCalibration[e]) return;
		judges.forEach((judge, j) => {
			if (isFree(e, j)) {
				pairs.push({ entry: e, judge: j, fixed: true });
				calibrationLoad[j]++;
			} else {
				notes.push({ entry: entry.id, judge: judge.id, reason: `judge "${judge.id}" skips calibration entry "${entry.id}": in conflict with customer "${entry.customer}"` });
			}
		});
	});

	// Feasibility that can be seen before solving: panel size, total capacity, each entry's conflicts.
	const demand = regular.length * k + pairs.length;
	const panelTooSmall = entries.length > 0 && k > judges.length;
	if (panelTooSmall) {
		problems.push({ reason: `needs ${count(k, 'judge')} per entry but the panel has only ${judges.length}` });
	}
	let capacityShort = false;
	if (maxLoad !== undefined && demand > judges.length * maxLoad) {
		capacityShort = true;
		const calibrationPart = pairs.length > 0 ? ` + ${pairs.length} calibration assignments` : '';
		problems.push({
			reason: `total capacity ${judges.length} judges × max ${maxLoad} = ${judges.length * maxLoad} < ${regular.length} entries × ${k}${calibrationPart} = ${demand}`,
		});
	}
	if (maxLoad !== undefined) {
		judges.forEach((judge, j) => {
			if (calibrationLoad[j] > maxLoad) {
				capacityShort = true;
				problems.push({ judge: judge.id, reason: `judge "${judge.id}" has ${calibrationLoad[j]} calibration entries, above the maximum load ${maxLoad}` });
			}
		});
	}
	const shortOfFreeJudges = new Set<number>();
	if (!panelTooSmall) {
		entries.forEach((entry, e) => {
			if (freeJudges[e].length >= k) return;
			shortOfFreeJudges.add(e);
			const free = freeJudges[e].map((j) => judges[j].id);
			const conflicted = judges.filter((_, j) => !isFree(e, j)).map((j) => j.id);
			const has = free.length === 0 ? 'has no judges free of conflict' : `has only ${count(free.length, 'judge')} free of conflict (${free.join(', ')})`;
			problems.push({ entry: entry.id, reason: `entry "${entry.id}" ${has}; needs ${k} (in conflict with customer "${entry.customer}": ${conflicted.join(', ')})` });
		});
	}

	// The flow: fills seats, then balances loads, then matches expertise (see the file comment).
	// Larger than any total expertise cost, so no expertise gain can buy a less even load.
	const BIG = regular.length * k + 1;
	const solve = (sinkEdges: (j: number) => { capacity: number; cost: number }[]): Pair[] => {
		// A fresh generator per attempt keeps each attempt a function of the seed alone.
		const random = seededRandom(input.seed);
		const entryOrder = random.shuffle(regular);
		const judgeOrder = random.shuffle(judges.map((_, j) => j));
		const SOURCE = 0;
		const SINK = 1;
		const entryNode = (position: number) => 2 + position;
		const judgeNode = (j: number) => 2 + entryOrder.length + j;
		const network = createNetwork(2 + entryOrder.length + judges.length);
		const seatEdges: { entry: number; judge: number; edge: number }[] = [];
		entryOrder.forEach((e, position) => {
			addEdge(network, SOURCE, entryNode(position), k, 0);
			for (const j of random.shuffle(freeJudges[e])) {
				seatEdges.push({ entry: e, judge: j, edge: addEdge(network, entryNode(position), judgeNode(j), 1, expertiseCost(e, j)) });
			}
		});
		for (const j of judgeOrder) {
			for (const { capacity, cost } of sinkEdges(j)) if (capacity > 0) addEdge(network, judgeNode(j), SINK, capacity, cost);
		}
		minCostMaxFlow(network, SOURCE, SINK);
		return seatEdges.filter((seat) => network.capacity[seat.edge] === 0).map((seat) => ({ entry: seat.entry, judge: seat.judge, fixed: false }));
	};
	// First attempt, fast: with `floor` the whole part of demand ÷ judges, judges take entries up
	// to the floor at no cost and one more at cost BIG. When every seat is filled and every judge
	// reaches the floor, loads are floor or floor + 1, and since every such assignment pays BIG
	// the same number of times (demand − floor·judges), the cheapest is the one with the most
	// expertise matches: the answer. Few distinct path costs mean few Dijkstra rounds.
	const floor = judges.length === 0 ? 0 : Math.floor(demand / judges.length);
	const ceiling = maxLoad === undefined ? floor + 1 : Math.min(floor + 1, maxLoad);
	let seats = solve((j) => [
		{ capacity: floor - calibrationLoad[j], cost: 0 },
		{ capacity: Math.min(1, ceiling - Math.max(floor, calibrationLoad[j])), cost: BIG },
	]);
	const firstLoads = [...calibrationLoad];
	for (const seat of seats) firstLoads[seat.judge]++;
	if (seats.length < regular.length * k || firstLoads.some((load) => load < floor || load > ceiling)) {
		// Balance is out of reach: the exact convex costs (the t-th entry of a judge costs BIG·t)
		// fill every seat that can be filled and then spread loads as evenly as the conflicts allow.
		seats = solve((j) => {
			const freeRegular = regular.filter((e) => isFree(e, j)).length;
			const room = Math.min(freeRegular, maxLoad === undefined ? freeRegular : maxLoad - calibrationLoad[j]);
			return Array.from({ length: Math.max(0, room) }, (_, t) => ({ capacity: 1, cost: BIG * (calibrationLoad[j] + t + 1) }));
		});
	}
	pairs.push(...seats);

	// Joining islands moves entries between judges, so loads are counted only afterwards.
	const islands = joinIslands(pairs, entries.length, judges.length, isFree, isMatch);

	const loadOf = judges.map(() => 0);
	const judgeCount = entries.map(() => 0);
	for (const pair of pairs) {
		loadOf[pair.judge]++;
		judgeCount[pair.entry]++;
	}

	// Seats still empty on an entry with enough conflict-free judges: in a maximum flow every
	// conflict-free judge left off such an entry is at the maximum load, else the flow would have
	// used it. Skipped when a global shortfall has already been reported, which explains them all.
	if (!panelTooSmall && !capacityShort) {
		for (const e of regular) {
			if (judgeCount[e] >= k || shortOfFreeJudges.has(e)) continue;
			const assigned = new Set(pairs.filter((p) => p.entry === e).map((p) => p.judge));
			const full = freeJudges[e].filter((j) => !assigned.has(j)).map((j) => judges[j].id);
			problems.push({
				entry: entries[e].id,
				reason: `entry "${entries[e].id}" got only ${judgeCount[e]} of ${k} judges: the other judges free of conflict with it (${full.join(', ')}) are at the maximum load ${maxLoad}`,
			});
		}
	}

	// Balance is guaranteed whenever possible; when it is not, conflicts are why.
	if (judges.length > 0) {
		const most = Math.max(...loadOf);
		judges.forEach((judge, j) => {
			if (loadOf[j] >= most - 1) return;
			const freeCount = entries.filter((_, e) => isFree(e, j)).length;
			const why = loadOf[j] === freeCount ? `it is free of conflict with only ${count(freeCount, 'entry')}` : 'conflicts leave no way to move more entries to it';
			problems.push({ judge: judge.id, reason: `loads cannot differ by at most one: judge "${judge.id}" has ${count(loadOf[j], 'entry')} while others have up to ${most} (${why})` });
		});
	}

	if (islands.length > 1) {
		const groups = islands.map((group) => `(${group.map((j) => judges[j].id).join(', ')})`).join(', ');
		// A connected graph on N nodes needs at least N − 1 edges: when there are fewer, no change
		// of assignment could help, and saying so points at the fix (more judges per entry).
		const nodes = new Set(pairs.map((p) => p.entry)).size + new Set(pairs.map((p) => p.judge)).size;
		const why =
			pairs.length < nodes - 1
				? `connecting ${count(nodes - new Set(pairs.map((p) => p.entry)).size, 'judge')} and ${count(new Set(pairs.map((p) => p.entry)).size, 'entry')} takes at least ${nodes - 1} assignments and there are ${pairs.length}`
				: 'no conflict-free exchange of assignments joins them';
		problems.push({
			reason: `the judge–entry graph falls into ${islands.length} groups sharing no judge or entry (${why}), so judge severities cannot be compared across groups; judges by group: ${groups}`,
		});
	}

	const assignments = pairs
		.map((p) => ({ judge: judges[p.judge].id, entry: entries[p.entry].id }))
		.sort((a, b) => compareStrings(a.judge, b.judge) || compareStrings(a.entry, b.entry));
	const loads: Record<string, number> = {};
	judges.forEach((judge, j) => {
		loads[judge.id] = loadOf[j];
	});
	return {
		ok: problems.length === 0,
		assignments,
		loads,
		expertiseMatches: pairs.filter((p) => isMatch(p.entry, p.judge)).length,
		connected: islands.length <= 1,
		problems,
		notes,
	};
}

/**
 * Whether the judge–entry graph of these pairs is connected (true for no pairs). Judges and
 * entries are separate nodes even when an id is both.
 */
export function isConnected(assignments: Assignment[]): boolean {
	const parent = new Map<string, string>();
	const find = (node: string): string => {
		let root = node;
		while (parent.get(root) !== root) root = parent.get(root) as string;
		// Path compression keeps long chains from making this quadratic.
		while (parent.get(node) !== root) {
			const next = parent.get(node) as string;
			parent.set(node, root);
			node = next;
		}
		return root;
	};
	for (const { judge, entry } of assignments) {
		const a = `judge:${judge}`;
		const b = `entry:${entry}`;
		if (!parent.has(a)) parent.set(a, a);
		if (!parent.has(b)) parent.set(b, b);
		parent.set(find(a), find(b));
	}
	const roots = new Set([...parent.keys()].map(find));
	return roots.size <= 1;
}

/** One assigned pair by index into the sorted entries and judges; calibration pairs are fixed. */
interface Pair {
	entry: number;
	judge: number;
	fixed: boolean;
}

/** Compares by code unit rather than locale, so the order is the same on every machine. */
function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function byId(a: { id: string }, b: { id: string }): number {
	return compareStrings(a.id, b.id);
}

function count(n: number, noun: string): string {
	const plural = noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`;
	return `${n} ${n === 1 ? noun : plural}`;
}

/** Input errors that make assigning meaningless; checked before anything else. */
function validate(input: AssignInput): AssignProblem[] {
	const problems: AssignProblem[] = [];
	if (!Number.isInteger(input.perEntry) || input.perEntry < 1) {
		problems.push({ reason: `judges per entry must be a whole number of at least 1, found ${input.perEntry}` });
	}
	if (input.maxLoad !== undefined && (!Number.isInteger(input.maxLoad) || input.maxLoad < 1)) {
		problems.push({ reason: `the maximum load must be a whole number of at least 1, found ${input.maxLoad}` });
	}
	if (!Number.isSafeInteger(input.seed)) {
		problems.push({ reason: `the seed must be a whole number, found ${input.seed}` });
	}
	const duplicate = (ids: string[]) => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
	for (const id of duplicate(input.entries.map((e) => e.id))) problems.push({ entry: id, reason: `entry "${id}" is listed twice` });
	for (const id of duplicate(input.judges.map((j) => j.id))) problems.push({ judge: id, reason: `judge "${id}" is listed twice` });
	const entryIds = new Set(input.entries.map((e) => e.id));
	for (const id of input.calibration ?? []) {
		if (!entryIds.has(id)) problems.push({ entry: id, reason: `calibration entry "${id}" is not one of the entries (${unknownNameHint(id, [...entryIds], { none: 'there are none' })})` });
	}
	return problems;
}

/**
 * Joins the islands of the judge–entry graph by changing assignments, in place; returns the judges
 * of each island that remains (one island, or none, when connected). Two kinds of change keep every
 * rule the flow settled:
 *
 * - a move: e–j1 becomes e–j2, where j2 (in another island) has exactly one entry fewer than j1, so
 *   the two loads trade places and the multiset of loads, hence their balance, is unchanged;
 * - an exchange: e1–j1 and e2–j2 (another island) become e1–j2 and e2–j1, which keeps every load.
 *
 * Neither changes an entry's judge count, and neither can duplicate a pair, since nodes of
 * different islands share no edge. If the removed edge e–j1 (or, for an exchange, either removed
 * edge) lies on a cycle, its island stays connected without it and the new edges hang the other
 * island's pieces onto it: one island fewer. Changes that only remove bridges would re-cut the
 * same nodes, so they are skipped. Calibration pairs never change. Each round takes, among the
 * conflict-free moves, and the exchanges from the smallest island that has any, the one losing
 * fewest expertise matches (moves first, then pair order). This is greedy: it always makes
 * progress when such a change exists, but the matches it gives up are not proven minimal.
 */
function joinIslands(
	pairs: Pair[],
	entryCount: number,
	judgeCount: number,
	isFree: (entry: number, judge: number) => boolean,
	isMatch: (entry: number, judge: number) => boolean,
): number[][] {
	const judgeNodeOf = (j: number) => entryCount + j;
	const nodeCount = entryCount + judgeCount;
	const gain = (e: number, j: number) => (isMatch(e, j) ? 1 : 0);
	for (;;) {
		const ends = pairs.map((p): [number, number] => [p.entry, judgeNodeOf(p.judge)]);
		const island = islandsOf(nodeCount, ends);
		const islandCount = new Set(ends.map(([a]) => island[a])).size;
		if (islandCount <= 1) return islandCount === 0 ? [] : [[...new Set(pairs.map((p) => p.judge))]];
		const bridge = bridgesOf(nodeCount, ends);
		const load = new Array<number>(judgeCount).fill(0);
		for (const p of pairs) load[p.judge]++;

		let best: { a: number; b?: number; to?: number; loss: number } | undefined;
		search: {
			for (let a = 0; a < pairs.length; a++) {
				const p = pairs[a];
				if (p.fixed || bridge[a]) continue;
				for (let to = 0; to < judgeCount; to++) {
					// A judge with no entries is in no island, so moving to it would join nothing.
					if (load[to] === 0 || load[to] + 1 !== load[p.judge] || island[judgeNodeOf(to)] === island[p.entry] || !isFree(p.entry, to)) continue;
					const loss = gain(p.entry, p.judge) - gain(p.entry, to);
					if (best === undefined || loss < best.loss) {
						best = { a, to, loss };
						// A flow of minimum cost admits no change that gains matches: zero loss is the best there is.
						if (loss <= 0) break search;
					}
				}
			}
			// Exchanges cost a pass over pairs of edges, so they are sought for one island at a
			// time, smallest first: it only has to join some other island, and the smallest
			// island has the fewest edges to try.
			const edgesByIsland = new Map<number, number[]>();
			pairs.forEach((p, a) => {
				if (p.fixed) return;
				const root = island[p.entry];
				if (!edgesByIsland.has(root)) edgesByIsland.set(root, []);
				edgesByIsland.get(root)?.push(a);
			});
			const smallestFirst = [...edgesByIsland.values()].sort((x, y) => x.length - y.length || x[0] - y[0]);
			for (const own of smallestFirst) {
				let found = false;
				for (const a of own) {
					const p = pairs[a];
					for (let b = 0; b < pairs.length; b++) {
						const q = pairs[b];
						if (q.fixed || island[p.entry] === island[q.entry]) continue;
						if (bridge[a] && bridge[b]) continue;
						if (!isFree(p.entry, q.judge) || !isFree(q.entry, p.judge)) continue;
						found = true;
						const loss = gain(p.entry, p.judge) + gain(q.entry, q.judge) - gain(p.entry, q.judge) - gain(q.entry, p.judge);
						if (best === undefined || loss < best.loss) {
							best = { a, b, loss };
							if (loss <= 0) break search;
						}
					}
				}
				if (found) break;
			}
		}
		if (best === undefined) {
			const byIsland = new Map<number, Set<number>>();
			for (const p of pairs) {
				const root = island[p.entry];
				if (!byIsland.has(root)) byIsland.set(root, new Set());
				byIsland.get(root)?.add(p.judge);
			}
			return [...byIsland.values()].map((judgesOfIsland) => [...judgesOfIsland].sort((x, y) => x - y)).sort((x, y) => x[0] - y[0]);
		}
		if (best.to !== undefined) {
			pairs[best.a].judge = best.to;
		} else if (best.b !== undefined) {
			const swapped = pairs[best.a].judge;
			pairs[best.a].judge = pairs[best.b].judge;
			pairs[best.b].judge = swapped;
		}
	}
}

/** Island (connected component) representative of every node. */
function islandsOf(nodeCount: number, ends: [number, number][]): Int32Array {
	const parent = Int32Array.from({ length: nodeCount }, (_, i) => i);
	const find = (node: number): number => {
		while (parent[node] !== node) {
			parent[node] = parent[parent[node]];
			node = parent[node];
		}
		return node;
	};
	for (const [a, b] of ends) parent[find(a)] = find(b);
	return Int32Array.from({ length: nodeCount }, (_, i) => find(i));
}

/** Which edges are bridges (on no cycle): Tarjan's low-link, iterative so deep graphs cannot overflow the stack. */
function bridgesOf(nodeCount: number, ends: [number, number][]): Uint8Array {
	const incident: number[][] = Array.from({ length: nodeCount }, () => []);
	ends.forEach(([a, b], edge) => {
		incident[a].push(edge);
		incident[b].push(edge);
	});
	const isBridge = new Uint8Array(ends.length);
	const discovered = new Int32Array(nodeCount).fill(-1);
	const low = new Int32Array(nodeCount);
	let clock = 0;
	for (let root = 0; root < nodeCount; root++) {
		if (discovered[root] !== -1 || incident[root].length === 0) continue;
		discovered[root] = low[root] = clock++;
		const stack: { node: number; viaEdge: number; next: number }[] = [{ node: root, viaEdge: -1, next: 0 }];
		while (stack.length > 0) {
			const frame = stack[stack.length - 1];
			if (frame.next < incident[frame.node].length) {
				const edge = incident[frame.node][frame.next++];
				if (edge === frame.viaEdge) continue;
				const other = ends[edge][0] === frame.node ? ends[edge][1] : ends[edge][0];
				if (discovered[other] === -1) {
					discovered[other] = low[other] = clock++;
					stack.push({ node: other, viaEdge: edge, next: 0 });
				} else {
					low[frame.node] = Math.min(low[frame.node], discovered[other]);
				}
				continue;
			}
			stack.pop();
			if (stack.length > 0) {
				const parent = stack[stack.length - 1].node;
				low[parent] = Math.min(low[parent], low[frame.node]);
				if (low[frame.node] > discovered[parent]) isBridge[frame.viaEdge] = 1;
			}
		}
	}
	return isBridge;
}

/** A flow network in edge arrays; edge e's residual twin is e ^ 1. */
interface Network {
	/** Outgoing edge ids per node, in the order added (the order ties are broken in). */
	outgoing: number[][];
	target: number[];
	capacity: number[];
	cost: number[];
}

function createNetwork(nodeCount: number): Network {
	return { outgoing: Array.from({ length: nodeCount }, () => []), target: [], capacity: [], cost: [] };
}

/** Adds an edge and its zero-capacity residual twin; returns the edge's id. */
function addEdge(network: Network, from: number, to: number, capacity: number, cost: number): number {
	const edge = network.target.length;
	network.target.push(to, from);
	network.capacity.push(capacity, 0);
	network.cost.push(cost, -cost);
	network.outgoing[from].push(edge);
	network.outgoing[to].push(edge + 1);
	return edge;
}

/**
 * Pushes a maximum flow of minimum cost from source to sink, in place (costs must start
 * non-negative). Primal–dual: Dijkstra on reduced costs finds the shortest distance to the sink,
 * node potentials absorb it so every shortest path has reduced cost zero, then Dinic's blocking
 * flows push as much as the zero-reduced-cost edges carry, and the next Dijkstra runs. Pushing
 * along zero-reduced-cost edges only opens zero-reduced-cost twins, so reduced costs stay
 * non-negative and Dijkstra stays valid. All costs are integers far below 2^53: exact arithmetic.
 */
function minCostMaxFlow(network: Network, source: number, sink: number): void {
	const { outgoing, target, capacity, cost } = network;
	const nodeCount = outgoing.length;
	const potential = new Float64Array(nodeCount);
	const distance = new Float64Array(nodeCount);
	const settled = new Uint8Array(nodeCount);
	const level = new Int32Array(nodeCount);
	const nextArc = new Int32Array(nodeCount);
	const queue = new Int32Array(nodeCount);
	const admissible = (edge: number, from: number) => capacity[edge] > 0 && cost[edge] + potential[from] - potential[target[edge]] === 0;

	/** Breadth-first levels over admissible edges; false when the sink is out of reach. */
	const layer = (): boolean => {
		level.fill(-1);
		level[source] = 0;
		let head = 0;
		let tail = 0;
		queue[tail++] = source;
		while (head < tail) {
			const node = queue[head++];
			for (const edge of outgoing[node]) {
				const next = target[edge];
				if (level[next] === -1 && admissible(edge, node)) {
					level[next] = level[node] + 1;
					queue[tail++] = next;
				}
			}
		}
		return level[sink] !== -1;
	};

	/** One augmenting path along the levels; arcs that lead nowhere are skipped for the rest of the blocking flow. */
	const augment = (node: number, limit: number): number => {
		if (node === sink) return limit;
		const arcs = outgoing[node];
		for (; nextArc[node] < arcs.length; nextArc[node]++) {
			const edge = arcs[nextArc[node]];
			const next = target[edge];
			if (level[next] !== level[node] + 1 || !admissible(edge, node)) continue;
			const pushed = augment(next, Math.min(limit, capacity[edge]));
			if (pushed > 0) {
				capacity[edge] -= pushed;
				capacity[edge ^ 1] += pushed;
				return pushed;
			}
		}
		return 0;
	};

	for (;;) {
		distance.fill(Number.POSITIVE_INFINITY);
		settled.fill(0);
		distance[source] = 0;
		const heap = new MinQueue();
		heap.push(0, source);
		while (heap.size > 0) {
			const [d, node] = heap.pop();
			if (settled[node] === 1) continue;
			settled[node] = 1;
			if (node === sink) break;
			for (const edge of outgoing[node]) {
				if (capacity[edge] === 0) continue;
				const next = target[edge];
				const candidate = d + cost[edge] + potential[node] - potential[next];
				if (candidate < distance[next]) {
					distance[next] = candidate;
					heap.push(candidate, next);
				}
			}
		}
		if (settled[sink] === 0) return;
		// Nodes not settled are at least as far as the sink; capping at the sink's distance keeps
		// every reduced cost non-negative, including on edges into nodes Dijkstra never finished.
		const reach = distance[sink];
		for (let node = 0; node < nodeCount; node++) potential[node] += settled[node] === 1 ? Math.min(distance[node], reach) : reach;
		while (layer()) {
			nextArc.fill(0);
			while (augment(source, Number.POSITIVE_INFINITY) > 0);
		}
	}
}

/** Binary min-heap of (priority, node); ties pop in no particular but deterministic order. */
class MinQueue {
	private priorities: number[] = [];
	private nodes: number[] = [];

	get size(): number {
		return this.nodes.length;
	}

	push(priority: number, node: number): void {
		const { priorities, nodes } = this;
		let i = nodes.length;
		priorities.push(priority);
		nodes.push(node);
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (priorities[parent] <= priority) break;
			priorities[i] = priorities[parent];
			nodes[i] = nodes[parent];
			i = parent;
		}
		priorities[i] = priority;
		nodes[i] = node;
	}

	pop(): [number, number] {
		const { priorities, nodes } = this;
		const top: [number, number] = [priorities[0], nodes[0]];
		const lastPriority = priorities.pop() as number;
		const lastNode = nodes.pop() as number;
		if (nodes.length > 0) {
			let i = 0;
			for (;;) {
				let child = 2 * i + 1;
				if (child >= nodes.length) break;
				if (child + 1 < nodes.length && priorities[child + 1] < priorities[child]) child++;
				if (priorities[child] >= lastPriority) break;
				priorities[i] = priorities[child];
				nodes[i] = nodes[child];
				i = child;
			}
			priorities[i] = lastPriority;
			nodes[i] = lastNode;
		}
		return top;
	}
}
