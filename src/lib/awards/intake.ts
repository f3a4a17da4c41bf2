/**
 * `awards intake`: one entrant's file (exported by the entry kit) → the text of `entries/<id>.md`,
 * or the reasons it cannot be taken. Pure: the CLI reads the files, the content index and the
 * clock, and writes what this returns.
 *
 * What an entrant sends is hostile input: the fields are checked by the entry schema (the one that
 * checks every entry), then against the program (category, entrant, products, eligibility, and in
 * a blind program text that names the entrant), then for duplicates. The file is written with
 * `yaml` (YAML 1.1 quoting, so a title like `2026-05-01` or `yes` stays text) and the narrative
 * as the Markdown body, which is only ever shown as text.
 */
import { stringify } from 'yaml';
import { entrySchema, type Eligibility, type Entry } from '../../schemas/award.ts';
import { issueToDiagnostic } from '../content/validate.ts';
import { lintBlindEntries, type BlindEntrant } from './blind.ts';
import { checkEligibility } from './eligibility.ts';
import { parseEntryFile } from './entry-file.ts';
import { WINDOWS_DEVICE_NAME } from '../scaffold/id.ts';

/** What intake needs to know about the program and the content, loaded by the caller. */
export interface IntakeContext {
	program: { id: string; blind: boolean; categories: { id: string }[]; eligibility?: Eligibility };
	/** Customer id → what the rules and the blind lint need. */
	customers: Map<string, { name: string; website?: string; region: string; people: string[] }>;
	/** Person id → their customer (undefined for vendor staff, analysts…). */
	people: Map<string, { customer?: string }>;
	/** Product id → name. */
	products: Map<string, string>;
	/** The program's entries as they stand (all statuses), to find duplicates and taken ids. */
	entries: { id: string; category: string; customer: string; title: string; counts: boolean }[];
	/** The instant of intake: the entry's submittedAt (and submittedOn). */
	now: Date;
}

export interface IntakeProblem {
	/** The entry's field, or `(file)`. */
	field: string;
	message: string;
}

export type IntakeResult = { ok: true; id: string; text: string; entry: { category: string; customer: string; title: string } } | { ok: false; problems: IntakeProblem[] };

/**
 * The largest entry file taken, in bytes (and characters): the kit exports a few kilobytes of
 * text. The program's limits count words, not characters, and a program may set none, so without
 * this a summary, narrative or evidence detail of one megabytes-long "word" was written into
 * entries/, the repository, the judges' packets and the site.
 */
export const MAX_ENTRY_FILE_BYTES = 256 * 1024;

/** The problem with an entry file of `size` bytes or characters, if it is larger than any the kit exports. */
export function entryFileTooLarge(size: number): IntakeProblem | undefined {
	if (size <= MAX_ENTRY_FILE_BYTES) return undefined;
	return { field: '(file)', message: `expected an entry file of at most ${MAX_ENTRY_FILE_BYTES / 1024} KiB, as the entry kit exports, found ${Math.ceil(size / 1024)} KiB: ask the entrant to shorten the entry and export it again` };
}

/** Entry ids are at most this long, cut at a word. */
const MAX_ID_LENGTH = 60;

/** A title as an id: lower-case ASCII words joined by hyphens, cut at a word; `entry` when nothing is left, `<name>-entry` for a Windows device name. */
export function slugOf(title: string): string {
	const slug = title.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
	if (!slug) return 'entry';
	if (WINDOWS_DEVICE_NAME.test(slug)) return `${slug}-entry`;
	if (slug.length <= MAX_ID_LENGTH) return slug;
	const cut = slug.slice(0, MAX_ID_LENGTH + 1);
	return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_ID_LENGTH);
}

/** Titles compared for duplicates: case, spacing and punctuation aside. */
const sameTitle = (a: string, b: string) => slugOf(a) === slugOf(b);

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The entry's front matter, in the order of the documentation, dates as text; fields left empty are left out. */
function frontMatter(entry: Entry): Record<string, unknown> {
	const answers = entry.eligibility ?? {};
	const eligibility = {
		...(answers.customerSince ? { customerSince: day(answers.customerSince) } : {}),
		...(answers.inProduction !== undefined ? { inProduction: answers.inProduction } : {}),
	};
	return {
		category: entry.category,
		customer: entry.customer,
		submitter: entry.submitter,
		title: entry.title,
		summary: entry.summary,
		...(entry.evidence.length ? { evidence: entry.evidence.map((e) => ({ label: e.label, detail: e.detail, ...(e.url ? { url: e.url } : {}) })) } : {}),
		...(entry.products.length ? { products: entry.products } : {}),
		status: entry.status,
		submittedOn: day(entry.submittedOn),
		submittedAt: entry.submittedAt!.toISOString(),
		...(Object.keys(eligibility).length ? { eligibility } : {}),
	};
}

/** The fields an entrant fills in; anything else (a status, an approval, an embargo) is the program team's to set. */
const ENTRANT_FIELDS = ['category', 'customer', 'submitter', 'title', 'summary', 'narrative', 'evidence', 'products', 'eligibility'];

/**
 * Takes one entry file's text: the entry as `entries/<id>.md`, or every reason it cannot be
 * taken. `taken` holds ids already used in this run (and the program's), so two files in one run
 * never get the same id.
 */
export function takeEntry(text: string, context: IntakeContext, taken: Set<string>): IntakeResult {
	const tooLarge = entryFileTooLarge(text.length);
	if (tooLarge) return { ok: false, problems: [tooLarge] };
	const parsed = parseEntryFile(text);
	if (!parsed.ok) return { ok: false, problems: [{ field: '(file)', message: parsed.error }] };
	const { program } = context;
	if (parsed.value.program !== program.id) {
		return { ok: false, problems: [{ field: 'program', message: `expected an entry for ${program.id}, found one for "${parsed.value.program}": use the entry kit of this program` }] };
	}
	const fields = parsed.value.entry;
	const problems: IntakeProblem[] = Object.keys(fields)
		.filter((key) => !ENTRANT_FIELDS.includes(key))
		.map((key) => ({ field: key, message: `unexpected field "${key}": an entry file holds only ${ENTRANT_FIELDS.join(', ')}; export the entry again from the entry kit` }));
	const narrative = typeof fields.narrative === 'string' ? fields.narrative : '';
	if (narrative.trim() === '') problems.push({ field: 'narrative', message: `expected the entry's narrative (text), found ${typeof fields.narrative === 'string' ? 'it empty' : 'none'}` });
	const data = {
		...Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'narrative' && ENTRANT_FIELDS.includes(key))),
		status: 'submitted',
		submittedOn: day(context.now),
		submittedAt: context.now.toISOString(),
	};
	const schemaResult = entrySchema.safeParse(data);
	if (!schemaResult.success) {
		const schemaProblems = schemaResult.error.issues.map((issue) => issueToDiagnostic('', data, issue, entrySchema)).map((d) => ({ field: d.field, message: d.message }));
		return { ok: false, problems: [...problems, ...schemaProblems] };
	}
	const entry = schemaResult.data;
	if (!program.categories.some((c) => c.id === entry.category)) {
		problems.push({ field: 'category', message: `expected a category of ${program.id} (${program.categories.map((c) => c.id).join(', ')}), found "${entry.category}"` });
	}
	const customer = context.customers.get(entry.customer);
	if (!customer) problems.push({ field: 'customer', message: `expected the organisation id the program team gave you, found "${entry.customer}", which is not one they know: ask them for your id` });
	const submitter = context.people.get(entry.submitter);
	if (!submitter) problems.push({ field: 'submitter', message: `expected the person id the program team gave you, found "${entry.submitter}", which is not one they know: ask them for your id` });
	else if (customer && submitter.customer !== entry.customer) problems.push({ field: 'submitter', message: `expected a person of the entrant organisation "${entry.customer}", found "${entry.submitter}", who is not: check both ids with the program team` });
	entry.products.forEach((id, i) => {
		if (!context.products.has(id)) problems.push({ field: `products[${i}]`, message: `expected one of the products ${[...context.products.keys()].join(', ')}, found "${id}"` });
	});

	const duplicate = context.entries.find((e) => e.customer === entry.customer && e.category === entry.category && sameTitle(e.title, entry.title));
	if (duplicate) problems.push({ field: 'title', message: `duplicate entry: "${entry.title}" is already entered by ${entry.customer} in ${entry.category} (entries/${duplicate.id}.md); to change it, ask the program team to withdraw or edit that entry` });

	let id = slugOf(entry.title);
	for (let n = 2; taken.has(id); n++) id = `${slugOf(entry.title).slice(0, MAX_ID_LENGTH - 4)}-${n}`;

	if (!duplicate) {
		const others = context.entries.filter((e) => e.counts).map(({ id: other, category, customer: c }) => ({ id: other, category, customer: c }));
		problems.push(...checkEligibility({ ...entry, id, narrative }, program.eligibility, { region: customer?.region, others, productNames: context.products }));
	}

	if (program.blind && customer) {
		const entrant: BlindEntrant = { customer: entry.customer, name: customer.name, website: customer.website, people: customer.people };
		for (const p of lintBlindEntries([{ id, title: entry.title, summary: entry.summary, narrative, evidence: entry.evidence, entrant }])) {
			problems.push({ field: p.field, message: `names your organisation or its people (${p.found.map((f) => `"${f}"`).join(', ')}), but this program is judged blind: judges must not be able to tell who entered, so rewrite it without those names` });
		}
	}
	if (problems.length) return { ok: false, problems };

	const body = `${narrative.replace(/\r\n?/g, '\n').trim()}\n`;
	const file = `---\n${stringify(frontMatter(entry), { version: '1.1', lineWidth: 0 })}---\n\n${body}`;
	return { ok: true, id, text: file, entry: { category: entry.category, customer: entry.customer, title: entry.title } };
}
