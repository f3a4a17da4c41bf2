/**
 * `npm run approval -- <command>`: the customer approval flow, from git.
 *
 *   proof  <item> [--out file]   an offline HTML proof of the item for the customer's reviewer
 *   record <file>                write the reviewer's exported decision into the item's file
 *
 * Each command loads the checked content, calls the pure code in src/lib/approval/, and writes
 * files atomically.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { approvableItem, customerShown } from '../src/lib/approval/item.ts';
import { fieldDigests } from '../src/lib/approval/digest.ts';
import { parseApprovalFile } from '../src/lib/approval/approval-file.ts';
import { editItemFile } from '../src/lib/approval/front-matter.ts';
import { approvalFileName, renderProof } from '../src/lib/approval/proof.ts';
import { recordDecision } from '../src/lib/approval/record.ts';
import { runCheck, type CheckResult } from '../src/lib/content/check.ts';
import { realPathInsideContent } from '../src/lib/content/inside-content.ts';
import { contentRoot } from '../src/lib/content/layout.ts';
import { displayPath } from '../src/lib/content/load.ts';
import type { ValidEntry } from '../src/lib/content/validate.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { publicationTime } from '../src/lib/publication.ts';
import { proofInput } from './approval/proof-input.ts';
import { CliError, colour, parseCommandLine, readInputText, runMain, writeAtomic } from './lib/cli.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run approval -- <command> [options]

Commands:
  proof  <item> [--out file]   write an offline HTML proof of a story, video or award entry for the
                               customer's reviewer (default: proofs/<item>.html)
  record <file>                record the decision a reviewer exported from a proof: an approval
                               (with the digest of the words approved), changes requested, or a decline

<item> is a story or video id (feira-boa-perishables), an award entry as <program>/<entry>, or
stories/<id>, videos/<id>, awards/<program>/<entry> when ids clash.

Options:
  --out <file>      (proof) where to write the proof
  --content <dir>   content folder (default: content/, or $CREDENCE_CONTENT_DIR)
  -h, --help        this help`;

const OPTIONS = { out: { type: 'string' }, content: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

type Approvable = 'stories' | 'videos' | 'awardEntries';
const KINDS: Record<string, Approvable> = { story: 'stories', video: 'videos', 'award-entry': 'awardEntries' };

/** The item a command line names, or a CliError listing what it could be. */
function findItem(check: CheckResult, spec: string): { collection: Approvable; entry: ValidEntry } {
	const prefixed = /^(stories|videos|awards)\/(.+)$/.exec(spec);
	const collections: Approvable[] = prefixed ? [prefixed[1] === 'awards' ? 'awardEntries' : (prefixed[1] as Approvable)] : ['stories', 'videos', 'awardEntries'];
	const id = prefixed ? prefixed[2] : spec;
	const found = collections.flatMap((collection) => {
		const entry = (check.index[collection] as Map<string, ValidEntry>).get(id);
		return entry ? [{ collection, entry }] : [];
	});
	if (found.length === 1) return found[0];
	if (found.length > 1) throw new CliError(`"${spec}" names ${found.map((f) => f.entry.file).join(' and ')}: write stories/${id} or videos/${id}`);
	throw new CliError(`no story, video or award entry "${spec}" in the content: expected a story or video id (its file name without extension, like feira-boa-perishables) or <program>/<entry> for an award entry`);
}

async function checkedContent(contentDir: string, now: Date): Promise<CheckResult> {
	const check = await runCheck({ projectRoot, contentDir, now });
	if (check.errors > 0) {
		for (const d of check.diagnostics.filter((d) => d.severity === 'error')) console.error(formatDiagnostic(d));
		throw new CliError(`the content has ${check.errors} error${check.errors === 1 ? '' : 's'} (listed above); fix them first (npm run check)`);
	}
	return check;
}

async function proof(contentDir: string, spec: string, out: string | undefined, now: Date): Promise<number> {
	const check = await checkedContent(contentDir, now);
	const { collection, entry } = findItem(check, spec);
	const input = await proofInput(check.index, contentDir, collection, entry, now.toISOString());
	if (!input.reviewers.length) throw new CliError(`${entry.file}: its customer "${entry.data.customer}" has nobody in content/people to review the proof: add the reviewer (role: customer, customer: ${entry.data.customer}) first`);
	const file = out ? path.resolve(out) : path.join(projectRoot, 'proofs', approvalFileName(input.item).replace(/^approval-/, '').replace(/\.json$/, '.html'));
	await writeAtomic(file, renderProof(input));
	console.log(`${colour.green('✓')} wrote the proof of ${entry.file} to ${displayPath(projectRoot, file)}`);
	console.log(`  Send it to one of: ${input.reviewers.map((r) => `${r.name} (${r.title})`).join(', ')}; they export ${approvalFileName(input.item)}, which npm run approval -- record <file> records.`);
	return 0;
}

async function record(contentDir: string, fileArg: string, now: Date): Promise<number> {
	const shown = fileArg;
	const parsed = parseApprovalFile(await readInputText(path.resolve(fileArg), shown));
	if (parsed.problems) throw new CliError(`${shown} is not an approval file a proof exported; nothing was recorded:\n${parsed.problems.map((p) => `  ${p}`).join('\n')}`);
	const { file } = parsed;
	const check = await checkedContent(contentDir, now);
	const collection = KINDS[file.item.kind];
	const entry = (check.index[collection] as Map<string, ValidEntry>).get(file.item.id);
	if (!entry) throw new CliError(`${shown}: item: expected a ${file.item.kind} of this content, found "${file.item.id}", which is not in ${displayPath(projectRoot, contentDir)}; nothing was recorded`);
	const customer = check.index.customers.get(entry.data.customer)!;
	const captions = collection === 'videos' ? readFileSync(realPathInsideContent(contentDir, path.resolve(path.dirname(entry.absolutePath), entry.data.captions)), 'utf8') : undefined;
	const person = check.index.people.get(file.reviewer.person);
	const decided = recordDecision(file, {
		itemFile: entry.file,
		customer: customer.id,
		currentFields: fieldDigests(approvableItem(collection, entry, customerShown(customer.data), captions)),
		person: person && { id: person.id, name: person.data.name, customer: person.data.role === 'customer' ? person.data.customer : undefined },
		recorded: { approvedOn: entry.data.approval?.approvedOn, review: entry.data.review && { decision: entry.data.review.decision, reviewedOn: entry.data.review.reviewedOn } },
		now,
	});
	if (decided.problems) throw new CliError(`${shown} cannot be recorded for ${entry.file}; nothing was written:\n${decided.problems.map((p) => `  ${p}`).join('\n')}`);
	const source = readFileSync(entry.absolutePath, 'utf8');
	await writeAtomic(entry.absolutePath, editItemFile(source, /\.mdx?$/i.test(entry.absolutePath), decided.edits, entry.file));
	if (person && file.reviewer.name !== person.data.name) console.log(colour.yellow(`note: the reviewer typed the name "${file.reviewer.name}"; content/people/${person.id} says "${person.data.name}"`));
	console.log(`${colour.green('✓')} ${entry.file}: ${decided.summary}`);
	return 0;
}

async function main(): Promise<number> {
	const { values, positionals, given } = parseCommandLine(process.argv.slice(2), OPTIONS, USAGE);
	const [command, arg, ...rest] = positionals;
	if (values.help || !command) {
		console.log(USAGE);
		return command || values.help ? 0 : 1;
	}
	if (command !== 'proof' && command !== 'record') throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
	if (command === 'record' && given.includes('out')) throw new CliError('record does not take --out: it writes the approval into the item\'s own file');
	if (!arg) throw new CliError(command === 'proof' ? 'proof needs an item, e.g. npm run approval -- proof feira-boa-perishables' : 'record needs the approval file a reviewer exported, e.g. npm run approval -- record approval-story-feira-boa-perishables.json');
	if (rest.length) throw new CliError(`${command} takes one argument, found also ${rest.map((a) => `"${a}"`).join(', ')}\n\n${USAGE}`);
	const contentDir = typeof values.content === 'string' ? path.resolve(values.content) : contentRoot(projectRoot);
	const now = publicationTime();
	return command === 'proof' ? proof(contentDir, arg, values.out as string | undefined, now) : record(contentDir, arg, now);
}

runMain(main);
