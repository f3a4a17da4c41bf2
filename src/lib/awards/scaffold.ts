/**
 * `awards new <program>`: the starting files of a new award program. A program manager who has
 * only the README gets a `program.yaml` that already passes `check` and says, field by field, what
 * to change: categories, criteria with a level descriptor for every score, the scale, a scoring
 * round and a ranking round, a timeline, the tally method and tie-break, and how long judging
 * stays blind. Pure: the CLI writes what this returns.
 */
import { Document } from 'yaml';
import { ID_PATTERN } from '../../schemas/common.ts';

export interface ScaffoldOptions {
	/** Program id: the folder name under content/awards/. */
	id: string;
	/** Program name; by default "<year> Customer Innovation Awards". */
	name?: string;
	/** Program year; by default the current year. */
	year: number;
}

/** Why a program id cannot be used, or undefined when it can. */
export function programIdProblem(id: string): string | undefined {
	if (!ID_PATTERN.test(id)) return `expected a program id of lower-case letters, digits and single hyphens, like "cia-2027", found "${id}"`;
	return undefined;
}

/** Whole days after `start` as YYYY-MM-DD (UTC). */
const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date)).toISOString().slice(0, 10);

/** Five rubric levels on a 1–5 scale: every score a judge may give is described. */
const levels = (labels: [string, string][]) => labels.map(([label, descriptor], i) => ({ score: i + 1, label, descriptor }));

/** The files of a new program, relative to its folder, with their text. */
export function scaffoldProgram({ id, name, year }: ScaffoldOptions): { file: string; text: string }[] {
	const problem = programIdProblem(id);
	if (problem) throw new Error(problem);
	const program = {
		name: name ?? `${year} Customer Innovation Awards`,
		year,
		summary: 'What the program recognises and why it exists, in two or three sentences. Replace this text.',
		categories: [
			{ id: 'data-and-ai', name: 'Data & AI', description: 'New uses of data, forecasting and automation that changed how decisions are made.', expertise: ['ai-ml'] },
			{ id: 'customer-impact', name: 'Customer Impact', description: 'Change whose benefit is felt directly by customers, and measured from their side.', expertise: ['customer-experience'] },
		],
		criteria: [
			{
				id: 'impact',
				name: 'Measured impact',
				description: 'The size and importance of the results, measured against a fair baseline.',
				weight: 50,
				levels: levels([
					['Unclear', 'No measured result, or a result without a baseline.'],
					['Modest', 'A small measured improvement, or one limited to a pilot.'],
					['Solid', 'A clear improvement on an important measure, at meaningful scale.'],
					['Strong', 'Large improvements on several important measures.'],
					['Exceptional', 'Results that change what the organisation can promise, sustained.'],
				]),
			},
			{
				id: 'originality',
				name: 'Originality',
				description: 'How new the approach is for the organisation and for its industry.',
				weight: 30,
				levels: levels([
					['Routine', 'A standard deployment with no new thinking.'],
					['Incremental', 'Familiar practice applied competently, with small adaptations.'],
					['Fresh', 'An approach new to the organisation.'],
					['Inventive', 'An approach new to the industry.'],
					['Pioneering', 'A new idea others in the industry are likely to copy.'],
				]),
			},
			{
				id: 'evidence',
				name: 'Quality of evidence',
				description: 'Whether the claims are measured carefully, explained openly and could be checked.',
				weight: 20,
				levels: levels([
					['Anecdotal', 'Claims without figures or without a stated method.'],
					['Thin', 'Figures given, but the method or baseline is unclear.'],
					['Adequate', 'Figures with a stated method and comparable periods.'],
					['Rigorous', 'Careful, like-for-like measurement with confounders discussed.'],
					['Exemplary', 'Independent or audited measurement, with limits stated openly.'],
				]),
			},
		],
		scale: { min: 1, max: 5, step: 1 },
		rounds: [
			{ id: 'round-1', name: 'Round 1 scoring', kind: 'scoring', opens: day(year, 9, 1), closes: day(year, 9, 30) },
			{ id: 'final', name: 'Final ranking', kind: 'ranking', opens: day(year, 10, 15), closes: day(year, 10, 31) },
		],
		timeline: [
			{ date: day(year, 5, 1), label: 'Entries open' },
			{ date: day(year, 8, 15), label: 'Entries close' },
			{ date: day(year, 10, 10), label: 'Finalists announced' },
			{ date: day(year, 11, 15), label: 'Winners announced' },
		],
		blind: true,
		blindUntil: 'winners',
		tally: { method: 'scaled', tieBreak: ['impact', 'judges'], resamples: 2000, seed: year },
		results: { finalists: 3, honourableMentions: 2, feedback: 'private' },
	};
	const doc = new Document(program);
	doc.commentBefore = [
		` The rules of ${program.name}: fix them before judging opens (docs/awards.md).`,
		' Every value below is an example: change the categories, criteria (weights sum to 100, one level',
		' descriptor per score of the scale), rounds and dates, then run `npm run check`.',
		' Judges go in judges/<id>.yaml, entries in entries/<id>.md (docs/authoring.md#award-programs).',
	].join('\n');
	const comment = (key: string, text: string) => {
		const pair = doc.contents && 'items' in doc.contents ? (doc.contents.items as { key: { value: string; commentBefore?: string } }[]).find((p) => p.key.value === key) : undefined;
		if (pair) pair.key.commentBefore = ` ${text}`;
	};
	comment('rounds', 'A scoring round picks the finalists; a ranking round after it picks the winners (drop it to pick winners by score).');
	comment('blindUntil', 'With blind: true, entrants stay hidden from judges and the site until the winners are announced (or "finalists").');
	comment('tally', 'How scores become ranks, and the tie-break applied in order (a criterion id, or "judges").');
	const keep = '';
	return [
		{ file: 'program.yaml', text: doc.toString({ lineWidth: 0 }) },
		// git keeps no empty folder: these hold the folders the program's files go in.
		{ file: 'entries/.gitkeep', text: keep },
		{ file: 'judges/.gitkeep', text: keep },
	];
}
