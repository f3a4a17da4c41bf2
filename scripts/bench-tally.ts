/**
 * Benchmark of the tally: a synthetic round of 500 entries in 5 categories, 15 judges, 6 criteria,
 * each entry scored by 4 or 5 judges, tallied with 2,000 resamples by the scaled model (the
 * default method; `--method` for another). Runs once to warm up, then once timed, on the main
 * thread (one core), and prints wall and CPU time. Target (issue #19): under 1,000 ms.
 *
 *   node scripts/bench-tally.ts [--json] [--method scaled|offset|zscore|mean] [--resamples N]
 */
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/lib/awards/random.ts';
import { tallyRound, type TallyInput, type TallyMethod } from '../src/lib/awards/tally.ts';
import type { CriterionRef, EntryRef, Score } from '../src/lib/awards/types.ts';

const ENTRIES = 500;
const CATEGORIES = 5;
const JUDGES = 15;
const CRITERIA = 6;
/** Issue #19: the 500 × 15 × 6 tally with 2,000 resamples in under a second. */
const TARGET_MS = 1000;

/** A synthetic round: true quality N(6, 1.2²), judge offsets N(0, 1), noise N(0, 1), scores rounded to the 1–10 scale. */
function syntheticRound(method: TallyMethod, resamples: number): TallyInput {
	const random = seededRandom(20260501);
	const normal = () => Math.sqrt(-2 * Math.log(1 - random.float())) * Math.cos(2 * Math.PI * random.float());
	const weights = [25, 20, 15, 15, 15, 10];
	const criteria: CriterionRef[] = weights.map((weight, c) => ({ id: `criterion-${c + 1}`, weight }));
	const judges = Array.from({ length: JUDGES }, (_, j) => ({ id: `judge-${String(j + 1).padStart(2, '0')}`, offset: normal() }));
	const entries: EntryRef[] = [];
	const scores: Score[] = [];
	for (let e = 0; e < ENTRIES; e++) {
		const id = `entry-${String(e + 1).padStart(3, '0')}`;
		entries.push({ id, category: `category-${(e % CATEGORIES) + 1}`, customer: `customer-${e}` });
		const quality = 6 + 1.2 * normal();
		const panel = random.shuffle(judges).slice(0, 4 + (e % 2));
		for (const judge of panel) {
			for (const criterion of criteria) {
				const score = Math.min(10, Math.max(1, Math.round(quality + judge.offset + normal())));
				scores.push({ judge: judge.id, entry: id, criterion: criterion.id, score });
			}
		}
	}
	return { criteria, entries, scores, method, tieBreak: ['criterion-1', 'judges'], resamples, seed: 1 };
}

function main(): void {
	const { values } = parseArgs({
		options: {
			json: { type: 'boolean', default: false },
			method: { type: 'string', default: 'scaled' },
			resamples: { type: 'string', default: '2000' },
		},
	});
	const method = values.method as TallyMethod;
	const resamples = Number(values.resamples);
	const input = syntheticRound(method, resamples);
	tallyRound(input);
	const cpuStart = process.cpuUsage();
	const start = performance.now();
	tallyRound(input);
	const ms = performance.now() - start;
	const cpu = process.cpuUsage(cpuStart);
	const cpuMs = (cpu.user + cpu.system) / 1000;
	if (values.json) {
		console.log(JSON.stringify({ method, entries: ENTRIES, judges: JUDGES, criteria: CRITERIA, resamples, ms: Math.round(ms), cpuMs: Math.round(cpuMs), targetMs: TARGET_MS }));
	} else {
		console.log(`tally (${method}): ${ENTRIES} entries × ${JUDGES} judges × ${CRITERIA} criteria, ${resamples} resamples: ${ms.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms; target under ${TARGET_MS} ms)`);
	}
}

main();
