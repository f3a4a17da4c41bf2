/**
 * `npm run new -- <kind> [--title …|--name …] [--<field> <value> …]`: starts a customer, person,
 * product, story, video or award entry as a file `check` reads. Every field can be given as a
 * flag; on a terminal the required ones not given are asked for; whatever is left is a `TODO: …`
 * placeholder, which `check` lists as "to fill in". The id comes from the title or name; an
 * existing file is never overwritten. The templates come from the schemas (src/lib/scaffold/).
 */
import { globSync, linkSync, readFileSync, unlinkSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { load } from 'js-yaml';
import { COLLECTION_LAYOUT, contentRoot, type CollectionName } from '../src/lib/content/layout.ts';
import { displayPath } from '../src/lib/content/load.ts';
import { ID_PATTERN } from '../src/schemas/common.ts';
import { publicationTime } from '../src/lib/publication.ts';
import { KINDS, KIND_NAMES, kindNamed, type Kind } from '../src/lib/scaffold/kinds.ts';
import { idFromText, WINDOWS_DEVICE_NAME } from '../src/lib/scaffold/id.ts';
import type { FieldSpec } from '../src/lib/scaffold/fields.ts';
import { fieldsFor, fieldsToAsk, itemFiles, requestFor, valueProblem, videoSource, type Given, type KnownIds, type ScaffoldContext } from '../src/lib/scaffold/template.ts';
import { didYouMean, unknownNameHint } from '../src/lib/spelling.ts';
import { CliError, colour, failureReason, parseCommandLine, plural, runMain } from './lib/cli.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run new -- <kind> [--title "…" | --name "…"] [--<field> <value> …]

Kinds: ${KIND_NAMES.join(', ')} (an award entry)
  customer, person, product   named by --name
  story, video, entry         named by --title

Every field is a flag (npm run new -- <kind> --help lists a kind's): --customer acme-logistics,
--authors maya-chen,owen-gallagher, --source https://youtu.be/<id> … On a terminal, the
required fields not given are asked for; left empty, they become TODO: placeholders that
npm run check lists as "to fill in". An existing file is never overwritten.

Options:
  --id <id>         the file name, instead of one made from the title or name
  --program <id>    (entry) the award program, when there is more than one
  --content <dir>   content folder (default: content/, or $CREDENCE_CONTENT_DIR)
  -h, --help        this help`;

/** What a field not given gets (see itemData). */
const DEFAULTS: Record<string, string> = { 'published-on': 'today', 'submitted-on': 'today', captions: './<id>.vtt' };

/** The flags of one kind, with what each takes. */
function kindUsage(kind: Kind, fields: FieldSpec[]): string {
	const lines = fields.map((field) => {
		const value = field.value.kind === 'enum' ? field.value.values.join('|') : field.list ? 'a,b' : field.value.kind === 'ref' ? 'id' : field.value.kind === 'other' && kind.name === 'video' ? 'address-or-file' : field.value.kind;
		const preset = DEFAULTS[field.flag];
		const description = field.value.kind === 'other' && kind.name === 'video' ? "The video's YouTube or Vimeo address as copied, or a file name in content/videos/media/." : field.description;
		return `  --${`${field.flag} <${value}>`.padEnd(40)} ${preset ? `default ${preset}` : field.required ? 'required' : 'optional'}${description ? `: ${description}` : ''}`;
	});
	return `Usage: npm run new -- ${kind.name} --${kind.idFrom} "…" [flags]\n\nFlags for ${kind.noun === 'person' ? 'a person' : `a ${kind.noun}`}:\n${lines.join('\n')}\n  ${'--id <id>'.padEnd(42)} the file name (default: made from --${kind.idFrom})${kind.name === 'entry' ? `\n  ${'--program <id>'.padEnd(42)} the award program` : ''}`;
}

/** Ids of the entries of `collection` in `contentDir`, as the loader names them. */
function idsOf(contentDir: string, collection: CollectionName): string[] {
	const layout = COLLECTION_LAYOUT[collection];
	const base = path.join(contentDir, layout.base);
	if (!existsSync(base)) return [];
	return globSync(layout.pattern, { cwd: base }).map((file) => layout.idFromPath(file.split(path.sep).join('/'))).sort();
}

/** The award programs and their category ids (read leniently: check reports a broken program file). */
function programs(contentDir: string): { id: string; categories: string[] }[] {
	return idsOf(contentDir, 'awardPrograms').map((id) => {
		let categories: string[] = [];
		try {
			const data = load(readFileSync(path.join(contentDir, 'awards', id, 'program.yaml'), 'utf8')) as { categories?: { id?: unknown }[] };
			categories = (data?.categories ?? []).map((c) => c?.id).filter((c): c is string => typeof c === 'string');
		} catch {
			// left to check
		}
		return { id, categories };
	});
}

/**
 * Asks on the terminal; empty answers are undefined. Lines are read as a stream, so what is typed
 * (or pasted) ahead of a question is kept for it, not dropped. Questions are written as they are:
 * they hold no content, and readline writes them past the console's guard.
 */
function asker() {
	const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
	const lines = rl[Symbol.asyncIterator]();
	return {
		ask: async (question: string) => {
			rl.setPrompt(question);
			rl.prompt();
			const line = await lines.next();
			if (line.done) throw new CliError('input ended before the questions did; nothing was written');
			return line.value.trim() || undefined;
		},
		close: () => rl.close(),
	};
}

/**
 * Creates `files` (absolute path → text) only where no file is: each is written beside its place
 * and then hard-linked into it, which fails rather than replace a file that appeared meanwhile.
 * On any failure the files already created are removed again: all or nothing.
 */
function createNew(files: { file: string; text: string }[], shown: (file: string) => string): void {
	const created: string[] = [];
	for (const [i, { file, text }] of files.entries()) {
		const temporary = `${file}.${process.pid}.${i}.tmp`;
		try {
			mkdirSync(path.dirname(file), { recursive: true });
			writeFileSync(temporary, text, { flag: 'wx' });
			linkSync(temporary, file);
			created.push(file);
		} catch (cause) {
			for (const done of created) unlinkSync(done);
			const code = (cause as NodeJS.ErrnoException).code;
			throw new CliError(code === 'EEXIST' ? `${shown(file)} already exists and is never overwritten; nothing was written` : `cannot write ${shown(file)}: ${failureReason(cause)}; nothing was written`);
		} finally {
			try {
				unlinkSync(temporary);
			} catch {
				// not written
			}
		}
	}
}

/** What to do next, by kind. */
function nextSteps(kind: Kind, placeholders: number): string[] {
	const steps: string[] = [];
	if (placeholders) steps.push(`Replace each ${colour.bold('TODO:')} (${plural(placeholders, 'place')}): \`npm run check\` lists them as "to fill in", with what to write.`);
	if (kind.name === 'customer') steps.push('Put the logo in content/assets/logos/ (SVG or PNG), then add the people: npm run new -- person --name "…" --role customer --customer <id>.');
	if (kind.name === 'person') steps.push('A headshot is optional: put it in content/assets/headshots/ and add headshot: ../assets/headshots/<file>.');
	if (kind.name === 'story') steps.push('Put the hero image in content/assets/heroes/. Metrics and quotes are optional lists: see docs/authoring.md#stories.');
	if (kind.name === 'video') steps.push('Write the captions in the .vtt file beside it (WebVTT), and put the poster in content/assets/posters/. Chapters are optional: see docs/authoring.md#videos.');
	if (kind.name === 'entry') steps.push('Evidence is an optional list: see docs/authoring.md#award-entries.');
	if (['story', 'video', 'entry'].includes(kind.name)) steps.push('It stays unpublished until the customer approves it: then add approval: (approvedBy, approvedOn, expiresOn), see docs/authoring.md#the-publication-fields.');
	steps.push('Run `npm run check` until it reports no errors, then preview with `npm run dev`.');
	return steps;
}

async function main(): Promise<number> {
	const args = process.argv.slice(2);
	const first = args[0];
	if (first === undefined || first === '--help' || first === '-h') {
		console.log(USAGE);
		return first === undefined ? 1 : 0;
	}
	if (first.startsWith('-')) throw new CliError(`name the kind first, e.g. npm run new -- story --title "…", found ${first}\n\n${USAGE}`);
	const kind = kindNamed(first);
	if (!kind) throw new CliError(`no kind "${first}"${didYouMean(first, [...KIND_NAMES])}: one of ${KIND_NAMES.join(', ')}\n\n${USAGE}`);

	// The content folder and the program come first: an entry's category takes its program's.
	// (Read leniently here: the kind's own flags are known only once the program is.)
	const preliminary = parseArgs({ args: args.slice(1), options: { content: { type: 'string' }, program: { type: 'string' } }, strict: false, allowPositionals: true });
	const contentDir = typeof preliminary.values.content === 'string' ? path.resolve(preliminary.values.content) : contentRoot(projectRoot);
	const shown = (file: string) => displayPath(projectRoot, file);
	const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
	const terminal = interactive ? asker() : undefined;
	try {
		let program: { id: string; categories: string[] } | undefined;
		if (kind.name === 'entry') {
			const all = programs(contentDir);
			let wanted = typeof preliminary.values.program === 'string' ? preliminary.values.program : all.length === 1 ? all[0].id : undefined;
			if (wanted === undefined && all.length && terminal) wanted = await terminal.ask(`program (${all.map((p) => p.id).join(', ')}): `);
			if (wanted === undefined) throw new CliError(all.length ? `an award entry needs --program <id>: one of ${all.map((p) => p.id).join(', ')}` : `there is no award program in ${shown(path.join(contentDir, 'awards'))} yet: an award entry belongs to one`);
			program = all.find((p) => p.id === wanted);
			if (!program) throw new CliError(`--program: no award program "${wanted}" (${unknownNameHint(wanted, all.map((p) => p.id), { none: 'there are none yet' })})`);
		}
		const known: KnownIds = { customers: idsOf(contentDir, 'customers'), people: idsOf(contentDir, 'people'), products: idsOf(contentDir, 'products') };
		const context: ScaffoldContext = { today: publicationTime().toISOString().slice(0, 10), known, program };
		const fields = fieldsFor(kind, context);
		const usage = kindUsage(kind, fields);
		const options = Object.fromEntries([
			...fields.map((field) => [field.flag, { type: 'string' as const, multiple: field.list }]),
			['id', { type: 'string' as const }],
			['program', { type: 'string' as const }],
			['content', { type: 'string' as const }],
			['help', { type: 'boolean' as const, short: 'h' }],
		]);
		const { values, positionals } = parseCommandLine(args.slice(1), options, usage);
		if (values.help) {
			console.log(usage);
			return 0;
		}
		if (positionals.length) throw new CliError(`unexpected ${positionals.map((p) => `"${p}"`).join(', ')}: put text with spaces in quotes, like --${kind.idFrom} "Fresh shelves, less shrink"\n\n${usage}`);

		const given: Given = {};
		for (const field of fields) {
			const value = values[field.flag] as string | string[] | undefined;
			if (value === undefined) continue;
			given[field.flag] = field.list ? (value as string[]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean) : (value as string);
		}

		// Asked on a terminal: the name or title (it makes the id), then each required field not given.
		const problems: string[] = [];
		const check = (field: FieldSpec, value: string | string[]): string | undefined => {
			if (field.value.kind === 'other') return videoSource(value as string) ? undefined : `expected a YouTube or Vimeo address, or a file name like acme-story.mp4 in content/videos/media/, found "${value}"`;
			for (const one of Array.isArray(value) ? value : [value]) {
				const problem = valueProblem(field, one, known);
				if (problem) return problem;
			}
			return undefined;
		};
		if (terminal) {
			const naming = fields.find((f) => f.flag === kind.idFrom)!;
			while (!given[kind.idFrom]) given[kind.idFrom] = await terminal.ask(`${kind.idFrom} (${naming.description ?? kind.idFrom}): `);
			console.log(colour.dim('Press Enter to leave a field for later: it is written as TODO: and check lists it.'));
			// Asked one by one, as the list is again after each answer: a person's role decides whether their customer is needed.
			const asked = new Set<string>();
			const next = () => fieldsToAsk(kind, given, context).find((f) => !asked.has(f.flag));
			for (let field = next(); field; field = next()) {
				asked.add(field.flag);
				const request = field.value.kind === 'other' ? "the video's YouTube or Vimeo address, or a file name in content/videos/media/" : requestFor(field, kind, '<id>');
				for (;;) {
					const answer = await terminal.ask(`${field.flag} — ${request}${field.list ? ' (several: a,b)' : ''}: `);
					if (answer === undefined) break;
					const value = field.list ? answer.split(',').map((v) => v.trim()).filter(Boolean) : answer;
					const problem = check(field, value);
					if (!problem) {
						given[field.flag] = value;
						break;
					}
					console.log(colour.yellow(`  ${problem}`));
				}
			}
		}
		const title = given[kind.idFrom] as string | undefined;
		if (!title) {
			const required = fields.filter((f) => f.required && f.flag !== kind.idFrom).map((f) => `--${f.flag}`);
			throw new CliError(`npm run new -- ${kind.name} needs --${kind.idFrom} "…" when it is not run on a terminal: it names the file. Give the other fields as flags too, or they are left as TODO: placeholders (required: ${required.join(', ')}).\n\n${usage}`);
		}
		for (const field of fields) {
			const value = given[field.flag];
			if (value === undefined) continue;
			const problem = check(field, value);
			if (problem) problems.push(`--${field.flag}: ${problem}`);
		}
		const id = typeof values.id === 'string' ? values.id : idFromText(title);
		if (!ID_PATTERN.test(id)) {
			problems.push(typeof values.id === 'string' ? `--id: expected lower-case words joined by hyphens, like acme-logistics, found "${id}"` : `--${kind.idFrom}: "${title}" holds no letters or digits to make an id from: give one with --id <lower-case-words>`);
		}
		if (WINDOWS_DEVICE_NAME.test(id)) {
			problems.push(`${typeof values.id === 'string' ? '--id' : `--${kind.idFrom}`}: the id would be "${id}", a name Windows keeps for a device: a file named ${id}.<extension> cannot be checked out on Windows; give another with --id, like ${id}-${kind.name}`);
		}
		if (problems.length) throw new CliError(`nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}`);

		// Never over an existing item, whatever its extension (a story may be .md or .mdx).
		const files = itemFiles(kind, id, given, context).map((item) => ({ ...item, file: path.join(contentDir, item.file) }));
		const own = files[0].file;
		const sameId = globSync(`${id}.*`, { cwd: path.dirname(own) }).map((name) => path.join(path.dirname(own), name));
		const existing = files.map((f) => f.file).find((f) => existsSync(f)) ?? sameId.find((f) => /\.(ya?ml|mdx?)$/.test(f));
		if (existing) {
			throw new CliError(`${kind.noun === 'award entry' ? 'an award entry' : `a ${kind.noun}`} with the id "${id}" already exists: ${shown(existing)}. It is never overwritten: edit that file, or give this one another --${kind.idFrom} or --id`);
		}
		createNew(files, shown);
		const placeholders = files.reduce((n, f) => n + f.placeholders, 0);
		for (const f of files) console.log(`${colour.green('✓')} created ${shown(f.file)}${f.placeholders ? ` (${plural(f.placeholders, 'place')} to fill in)` : ''}`);
		console.log('\nNext:');
		nextSteps(kind, placeholders).forEach((step, i) => console.log(`  ${i + 1}. ${step}`));
		return 0;
	} finally {
		terminal?.close();
	}
}

runMain(main);
