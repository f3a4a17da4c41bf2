/**
 * Judging panels with a known truth, to measure how well a tally method recovers it (issue #19,
 * point 6): entries of known quality per criterion; judges with a known severity (an offset) and
 * spread (a scale on quality), one of them erratic (three times the noise); four judges per
 * entry, assigned so the strongest entries meet the harshest judges, the case where a raw mean
 * hurts most. Used by the judging benchmark (scripts/bench-judging.ts) and its test.
 */
import { seededRandom } from './random.ts';
import { spearman } from './stats.ts';
import { tallyRound, type TallyMethod, type TallyResult } from './tally.ts';
import type { CriterionRef, EntryRef, Score } from './types.ts';

export interface PanelSpec {
	entries: number;
	judges: number;
	/** Judges per entry. */
	perEntry: number;
	seed: number;
}

export interface SimulatedPanel {
	criteria: CriterionRef[];
	entries: EntryRef[];
	scores: Score[];
	/** True weighted quality per entry id. */
	truth: Map<string, number>;
	/** True offset (severity: negative = harsh) and scale per judge id. */
	judges: Map<string, { offset: number; scale: number; erratic: boolean }>;
}

const CRITERIA: CriterionRef[] = [
	{ id: 'impact', weight: 40 },
	{ id: 'innovation', weight: 35 },
	{ id: 'evidence', weight: 25 },
];

/** Scores on a 1–10 scale in steps of 0.5, as a program's scale would take them. */
const onScale = (value: number) => Math.min(10, Math.max(1, Math.round(value * 2) / 2));

/** A panel drawn from `spec`: deterministic for its seed. */
export function simulatePanel(spec: PanelSpec): SimulatedPanel {
	const random = seededRandom(spec.seed);
	const normal = () => Math.sqrt(-2 * Math.log(1 - random.float())) * Math.cos(2 * Math.PI * random.float());
	const judges = Array.from({ length: spec.judges }, (_, j) => ({
		id: `judge-${String(j + 1).padStart(2, '0')}`,
		offset: 0.8 * normal(),
		scale: Math.exp(0.3 * normal()),
		noise: j === 0 ? 1.8 : 0.6,
		erratic: j === 0,
	}));
	const entries = Array.from({ length: spec.entries }, (_, e) => {
		const base = normal();
		const quality = CRITERIA.map(() => base + 0.5 * normal());
		const truth = CRITERIA.reduce((sum, c, k) => sum + (c.weight / 100) * quality[k], 0);
		return { id: `entry-${String(e + 1).padStart(3, '0')}`, quality, truth };
	});
	// Strongest entries to the harshest judges: entry of strength rank r takes `perEntry`
	// consecutive judges from position r·J/E in the order harshest first. Windows overlap, so the
	// judges stay connected and loads stay even.
	const byStrength = [...entries].sort((a, b) => b.truth - a.truth);
	const harshestFirst = [...judges].sort((a, b) => a.offset - b.offset);
	const scores: Score[] = [];
	byStrength.forEach((entry, r) => {
		const start = Math.floor((r * spec.judges) / spec.entries);
		for (let k = 0; k < spec.perEntry; k++) {
			const judge = harshestFirst[(start + k) % spec.judges];
			CRITERIA.forEach((criterion, c) => {
				scores.push({ judge: judge.id, entry: entry.id, criterion: criterion.id, score: onScale(6 + judge.offset + judge.scale * 1.2 * entry.quality[c] + judge.noise * normal()) });
			});
		}
	});
	return {
		criteria: CRITERIA,
		entries: entries.map((e) => ({ id: e.id, category: 'all', customer: `customer-${e.id}` })),
		scores,
		truth: new Map(entries.map((e) => [e.id, e.truth])),
		judges: new Map(judges.map((j) => [j.id, { offset: j.offset, scale: j.scale, erratic: j.erratic }])),
	};
}

export interface PanelScorecard {
	/** Spearman's ρ with the truth of each method's scores, and of the offset oracle (raw scores minus the true offsets, averaged). */
	rho: Record<TallyMethod | 'offsetOracle', number>;
	/** Share of entries whose true rank lies in the declared method's 95% rank interval. */
	coverage: number;
	/** Whether the erratic judge was flagged, and how many others were. */
	erraticFlagged: boolean;
	falseFlags: number;
}

/** Tallies a simulated panel by `method` and scores the tally against the truth. */
export function scorePanel(panel: SimulatedPanel, method: TallyMethod, resamples: number): PanelScorecard {
	const result: TallyResult = tallyRound({ criteria: panel.criteria, entries: panel.entries, scores: panel.scores, method, tieBreak: [], resamples, seed: 1 });
	const ranked = result.categories.flatMap((c) => c.entries);
	const truth = ranked.map((e) => panel.truth.get(e.id)!);
	const rho = (pick: (e: (typeof ranked)[number]) => number) => spearman(ranked.map(pick), truth);
	// The oracle knows every judge's offset and removes it from the weighted score.
	const weighted = new Map<string, { sum: number; count: number }>();
	const weightOf = new Map(panel.criteria.map((c) => [c.id, c.weight / 100]));
	const perPair = new Map<string, number>();
	for (const s of panel.scores) perPair.set(`${s.judge}\u0000${s.entry}`, (perPair.get(`${s.judge}\u0000${s.entry}`) ?? 0) + weightOf.get(s.criterion)! * s.score);
	for (const [key, value] of perPair) {
		const [judge, entry] = key.split('\u0000');
		const slot = weighted.get(entry) ?? { sum: 0, count: 0 };
		slot.sum += value - panel.judges.get(judge)!.offset;
		slot.count++;
		weighted.set(entry, slot);
	}
	const trueRank = new Map([...panel.truth].sort((a, b) => b[1] - a[1]).map(([id], i) => [id, i + 1]));
	const covered = ranked.filter((e) => e.rankInterval[0] <= trueRank.get(e.id)! && trueRank.get(e.id)! <= e.rankInterval[1]).length;
	const flagged = result.judges.filter((j) => j.consistency === 'erratic').map((j) => j.id);
	const erratic = [...panel.judges].find(([, j]) => j.erratic)![0];
	return {
		rho: {
			offset: rho((e) => e.scores.offset),
			scaled: rho((e) => e.scores.scaled),
			zscore: rho((e) => e.scores.zscore),
			mean: rho((e) => e.scores.mean),
			offsetOracle: rho((e) => weighted.get(e.id)!.sum / weighted.get(e.id)!.count),
		},
		coverage: covered / ranked.length,
		erraticFlagged: flagged.includes(erratic),
		falseFlags: flagged.filter((id) => id !== erratic).length,
	};
}
