/**
 * `awards intake <program> <file>…`: entrants' files, exported by the entry kit, become
 * `entries/<id>.md` with `status: submitted` and the instant of intake. Each file is taken or
 * rejected on its own: an entrant's mistake does not hold back another's entry. Every rejection
 * names the file, the field, what was found and what the program accepts; the exit code is 1 when
 * any file was rejected. An entry is written atomically and never over an existing file.
 */
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { entryFileTooLarge, takeEntry, type IntakeContext, type IntakeProblem } from '../../src/lib/awards/intake.ts';
import { countsForEligibility } from '../../src/lib/awards/eligibility.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import { terminalText } from '../../src/lib/terminal-text.ts';
import { CliError, colour, plural, readInputText, writeAtomic } from '../lib/cli.ts';
import { withLock } from '../lib/lock.ts';
import type { CommandContext } from './commands.ts';

const exists = (file: string) => access(file).then(() => true, () => false);

/** The content intake checks an entry against, from the checked content. */
function intakeContext(context: CommandContext): IntakeContext {
	const { check, data, now } = context;
	const { index } = check;
	const peopleOf = (customer: string) => [...index.people.values()].filter((p) => p.data.customer === customer).map((p) => p.data.name);
	return {
		program: { id: data.id, blind: data.program.blind, categories: data.program.categories, eligibility: data.program.eligibility },
		customers: new Map([...index.customers].map(([id, c]) => [id, { name: c.data.name, website: c.data.website, region: c.data.region, people: peopleOf(id) }])),
		people: new Map([...index.people].map(([id, p]) => [id, { customer: p.data.customer }])),
		products: new Map([...index.products].map(([id, p]) => [id, p.data.name])),
		entries: data.entries.map((e) => ({ id: e.id, category: e.category, customer: e.customer, title: e.title, counts: countsForEligibility(e) })),
		now,
	};
}

export async function intake(context: CommandContext): Promise<number> {
	const { data, args, options, projectRoot } = context;
	if (args.length === 0) throw new CliError(`intake needs one or more entry files: npm run awards -- intake ${data.id} <entry.json>…`);
	const entriesDir = path.join(data.folder, 'entries');
	const intakeData = intakeContext(context);
	const taken = new Set(intakeData.entries.map((e) => e.id));
	const accepted: { file: string; entry: string; written: string }[] = [];
	const rejected: { file: string; problems: IntakeProblem[] }[] = [];
	const dryRun = options['dry-run'] === true;

	await withLock(entriesDir, displayPath(projectRoot, entriesDir), async () => {
		for (const arg of args) {
			const file = path.resolve(arg);
			const shown = displayPath(projectRoot, file);
			// Looked at before reading: a huge file, or a device or pipe (which may never end), is not read
			// (a folder is left to readInputText, which names it).
			const info = await stat(file).catch(() => undefined);
			if (info && !info.isFile() && !info.isDirectory()) {
				rejected.push({ file: shown, problems: [{ field: '(file)', message: 'expected an entry file exported by the entry kit, found something that is not a file' }] });
				continue;
			}
			const tooLarge = info && entryFileTooLarge(info.size);
			if (tooLarge) {
				rejected.push({ file: shown, problems: [tooLarge] });
				continue;
			}
			let text: string;
			try {
				text = await readInputText(file, shown);
			} catch (cause) {
				if (!(cause instanceof CliError)) throw cause;
				rejected.push({ file: shown, problems: [{ field: '(file)', message: cause.message.replace(`${shown}: `, '').replace(/; nothing was imported$/, '') }] });
				continue;
			}
			const result = takeEntry(text, intakeData, taken);
			if (!result.ok) {
				rejected.push({ file: shown, problems: result.problems });
				continue;
			}
			const target = path.join(entriesDir, `${result.id}.md`);
			// Taken ids include every entry the check saw; the file is looked for again here, under
			// the lock, so an entry written since is never replaced.
			if (await exists(target)) {
				rejected.push({ file: shown, problems: [{ field: 'title', message: `an entry file ${displayPath(projectRoot, target)} already exists: nothing was overwritten; ask the program team` }] });
				continue;
			}
			if (!dryRun) await writeAtomic(target, result.text);
			taken.add(result.id);
			intakeData.entries.push({ id: result.id, ...result.entry, counts: true });
			accepted.push({ file: shown, entry: result.id, written: displayPath(projectRoot, target) });
		}
	});

	if (options.json) {
		console.log(JSON.stringify({ program: data.id, dryRun, accepted, rejected }, null, 2));
		return rejected.length ? 1 : 0;
	}
	for (const a of accepted) console.log(`${colour.green('✓')} ${terminalText(a.file)} → ${a.written}${dryRun ? colour.dim(' (dry run: not written)') : ''}`);
	for (const r of rejected) {
		for (const p of r.problems) console.error(`${colour.red('rejected')}  ${terminalText(r.file)}  ${terminalText(p.field)}: ${terminalText(p.message)}`);
	}
	const summary = `${plural(accepted.length, 'entry', 'entries')} ${dryRun ? 'would be taken' : 'taken'} with status submitted, ${plural(rejected.length, 'file')} rejected`;
	if (rejected.length) {
		console.error(`${summary}: send each entrant the reasons above; they fix the entry in their kit, export it again, and you run intake on the new file.`);
		return 1;
	}
	console.log(`${colour.green('✓')} ${summary}. Next: review them (status eligible or ineligible), then assign.`);
	return 0;
}
