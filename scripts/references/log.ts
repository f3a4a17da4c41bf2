/**
 * `references log`: records one activity in `references/activities/<year>.yaml`. The activity is
 * validated by the same schema and rules as `check` (a mistake names the option to fix), then
 * appended under the file's lock and written atomically, comments and all.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { decodeUtf8, displayPath } from '../../src/lib/content/load.ts';
import { formatFieldPath } from '../../src/lib/diagnostics.ts';
import { fatigueOf } from '../../src/lib/references/fatigue.ts';
import { REFERENCES_FOLDER, type ActivityRecord } from '../../src/lib/references/load.ts';
import { checkReferences } from '../../src/lib/references/rules.ts';
import { activitySchema } from '../../src/schemas/reference.ts';
import { CliError, colour, failureReason, writeAtomic } from '../lib/cli.ts';
import { withLock } from '../lib/lock.ts';
import { listOption } from './choice.ts';
import type { ReferencesContext } from './context.ts';

/** The command-line option behind each field of an activity, for messages. */
const OPTION_OF: Record<string, string> = {
	date: '--date',
	advocate: '--advocate',
	kind: '--kind',
	requestedBy: '--requested-by',
	'opportunity.id': '--opportunity',
	'opportunity.stage': '--stage',
	'opportunity.amount': '--amount',
	outcome: '--outcome',
	'evidence.stories': '--stories',
	'evidence.videos': '--videos',
	'evidence.entries': '--entries',
	notes: '--notes',
};
const optionFor = (field: string) => OPTION_OF[field.replace(/\[\d+\]/g, '')] ?? field;

/** The activity as it will be written: plain values, defaults left out. */
export function activityFromOptions({ options, now }: Pick<ReferencesContext, 'options' | 'now'>): Record<string, unknown> {
	if ((options.stage !== undefined || options.amount !== undefined) && options.opportunity === undefined) {
		throw new CliError('--stage and --amount describe an opportunity: give its id with --opportunity too, e.g. --opportunity OPP-2026-140 --stage evaluation');
	}
	const activity: Record<string, unknown> = {
		date: options.date ?? now.toISOString().slice(0, 10),
		advocate: options.advocate,
		kind: options.kind,
		requestedBy: options['requested-by'],
	};
	if (options.opportunity !== undefined) {
		const amount = options.amount === undefined ? undefined : /^\d+(\.\d+)?$/.test(options.amount.trim()) ? Number(options.amount) : options.amount;
		activity.opportunity = { id: options.opportunity, stage: options.stage, ...(amount === undefined ? {} : { amount }) };
	}
	activity.outcome = options.outcome ?? 'open';
	const evidence = { stories: listOption(options.stories), videos: listOption(options.videos), entries: listOption(options.entries) };
	const used = Object.fromEntries(Object.entries(evidence).filter(([, ids]) => ids.length));
	if (Object.keys(used).length) activity.evidence = used;
	activity.thankYouSent = options['thank-you'] === true;
	if (options.notes !== undefined) activity.notes = options.notes;
	return activity;
}

/** The year file's document (a new one, with its header, when the file does not exist yet). */
async function yearDocument(file: string, shown: string, year: number): Promise<Document> {
	if (!existsSync(file)) return parseDocument(`# Reference activities of ${year} (private). One item per ask; \`npm run references -- log\` adds them.\nactivities: []\n`);
	let bytes: Uint8Array;
	try {
		bytes = await readFile(file);
	} catch (cause) {
		throw new CliError(`cannot read ${shown}: ${failureReason(cause)}; nothing was logged`);
	}
	const decoded = decodeUtf8(bytes);
	if (decoded.text === undefined) throw new CliError(`${shown}: ${decoded.message}; nothing was logged`);
	const doc = parseDocument(decoded.text);
	if (doc.errors.length) throw new CliError(`${shown} is not valid YAML (${doc.errors[0].message.split('\n')[0]}); fix it (npm run check), then log again; nothing was logged`);
	return doc;
}

export async function log(context: ReferencesContext): Promise<number> {
	const { check, contentDir, projectRoot, now, options } = context;
	const plain = activityFromOptions(context);
	const parsed = activitySchema.safeParse(plain);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `  ${optionFor(formatFieldPath(issue.path))}: ${issue.message}`);
		throw new CliError(`the activity is not valid, nothing was logged:\n${problems.join('\n')}`);
	}
	const activity = parsed.data;
	const year = activity.date.getUTCFullYear();
	const file = path.join(contentDir, REFERENCES_FOLDER, 'activities', `${year}.yaml`);
	const shown = displayPath(projectRoot, file);
	const references = check.references;
	const position = references.activities.filter((a) => a.file === shown).length;
	const record: ActivityRecord = { file: shown, index: position, year, data: activity };
	const mine = checkReferences(check.index, { ...references, activities: [record] });
	const errors = mine.filter((d) => d.severity === 'error');
	if (errors.length) throw new CliError(`the activity is not valid, nothing was logged:\n${errors.map((d) => `  ${optionFor(d.field.replace(/^activities\[\d+\]\./, ''))}: ${d.message}`).join('\n')}`);
	const warnings = mine.filter((d) => d.severity === 'warning').map((d) => d.message);

	const written = await (options['dry-run'] ? (async () => undefined)() : withLock(file, shown, async () => {
		const doc = await yearDocument(file, shown, year);
		let list = doc.get('activities', true);
		if (!isSeq(list)) {
			list = doc.createNode([]);
			doc.set('activities', list);
		}
		const node = doc.createNode(plain);
		for (const key of ['opportunity', 'evidence']) {
			const inner = isMap(node) ? node.get(key, true) : undefined;
			if (isMap(inner)) inner.flow = true;
		}
		(list as { flow?: boolean; items: unknown[] }).flow = false;
		(list as { items: unknown[] }).items.push(node);
		try {
			await writeAtomic(file, doc.toString({ lineWidth: 0 }));
		} catch (cause) {
			throw new CliError(`cannot write ${shown}: ${failureReason(cause)}; nothing was logged`);
		}
		return shown;
	}));

	const advocate = references.advocates.get(activity.advocate)!;
	const after = fatigueOf(activity.advocate, advocate.data, [...references.activities, record], references.policy, now);
	if (options.json) {
		console.log(JSON.stringify({ logged: !options['dry-run'], file: shown, activity: plain, warnings, load: after.load, limit: after.limit }, null, 2));
		return 0;
	}
	const name = check.index.people.get(advocate.data.person)?.data.name ?? activity.advocate;
	console.log(`${options['dry-run'] ? colour.yellow('Dry run, nothing written:') : colour.green('Logged')} ${plain.date} ${activity.kind} with ${name}${activity.opportunity ? ` for ${activity.opportunity.id}` : ''} in ${written ?? shown}`);
	for (const w of warnings) console.log(colour.yellow(`warning: ${w}`));
	const state = after.load >= after.limit ? colour.red(`at their limit: ${after.load} of ${after.limit}`) : `${after.load} of ${after.limit}`;
	console.log(`${name}'s load in the last ${references.policy.windowDays} days is now ${state}.`);
	return 0;
}
