/**
 * Rules that span files, which no single schema can see: references resolve, bylines and
 * approvals come from the right organisation, judges are independent and free of conflict,
 * score sheets match their program, captions parse, image and media files exist inside the
 * content folder (`inside-content.ts`) and hold what their names say.
 * Astro only logs a dangling `reference()`; these rules fail the build and `check`.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { AssignmentFile, Entry, Judge, Program, Winners } from '../../schemas/award.ts';
import type { Publishable } from '../../schemas/common.ts';
import type { Customer } from '../../schemas/customer.ts';
import { IMAGE_FIELDS } from '../../schemas/index.ts';
import type { Person } from '../../schemas/person.ts';
import type { Product } from '../../schemas/product.ts';
import type { SiteSettings } from '../../schemas/site.ts';
import type { Story } from '../../schemas/story.ts';
import type { Video } from '../../schemas/video.ts';
import { lintBlindEntries } from '../awards/blind.ts';
import { checkEligibility, countsForEligibility } from '../awards/eligibility.ts';
import { declaredCategories } from '../awards/declared-categories.ts';
import { checkRankings, type RankingContext, type RankingLine } from '../awards/rankings.ts';
import { checkScores, pairKey, type ScoreContext } from '../awards/score-rules.ts';
import type { ScoreLine } from '../awards/scores.ts';
import { didYouMean, unknownNameHint } from '../spelling.ts';
import { error, formatFieldPath, warning, type Diagnostic } from '../diagnostics.ts';
import { fileNameReveals, findMentions, organisationNeedles, personNeedles, searchForms } from '../mentions.ts';
import { daysUntilExpiry, publicationState } from '../publication.ts';
import { approvableItem, changesSinceApproval, customerShown } from '../approval/item.ts';
import { inspectSvg, type SvgInspection } from '../svg-safety.ts';
import { decode as decodeCueText, parseCaptions, relabelVoices, type Cue } from '../vtt.ts';
import { localBodyImages, type BodyImage } from './body-images.ts';
import { contentEscape, contentEscapeMessage, type ContentEscape } from './inside-content.ts';
import { displayPath, type RejectedFile } from './load.ts';
import { VIDEO_SIGNATURE_LENGTH, videoSignatureProblem } from './video-signature.ts';
import { splitScopedId, VIDEO_MEDIA_FOLDER, type CollectionName } from './layout.ts';
import type { ValidEntry } from './validate.ts';

/** What separates words, for the look-up of withheld names (what `findMentions` counts as a word's edge). */
const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/** All validated entries, by collection and id. */
export interface ContentIndex {
	site?: ValidEntry<SiteSettings>;
	products: Map<string, ValidEntry<Product>>;
	customers: Map<string, ValidEntry<Customer>>;
	people: Map<string, ValidEntry<Person>>;
	stories: Map<string, ValidEntry<Story>>;
	videos: Map<string, ValidEntry<Video>>;
	awardPrograms: Map<string, ValidEntry<Program>>;
	awardEntries: Map<string, ValidEntry<Entry>>;
	awardJudges: Map<string, ValidEntry<Judge>>;
	awardWinners: Map<string, ValidEntry<Winners>>;
	/**
	 * The stories, videos and award entries whose approved words changed and which therefore leave
	 * the site (none under `approvalChanges: warn`), with the fields changed; filled in by
	 * `checkIntegrity`, read through `indexedPublicationState`.
	 */
	withdrawingChanges: Map<ValidEntry, string[]>;
}

/** One round's private score sheet. */
export interface ScoreSheet {
	program: string;
	round: string;
	file: string;
	lines: ScoreLine[];
}

/** One round's assignment of judges to entries. */
export interface AssignmentSheet {
	program: string;
	round: string;
	file: string;
	data: AssignmentFile;
}

/** One finalist round's private ranking sheet. */
export interface RankingSheet {
	program: string;
	round: string;
	file: string;
	lines: RankingLine[];
}

/** The `judge entry` pairs of an assignment. */
export function assignedPairs(sheet: AssignmentSheet): Set<string> {
	return new Set(Object.entries(sheet.data.judges).flatMap(([judge, entries]) => entries.map((entry) => pairKey(judge, entry))));
}

/** Parsed captions of each video, by video id (for transcripts). */
export type CaptionsByVideo = Map<string, Cue[]>;

/** File access the rules need; swapped out in unit tests. */
export interface IntegrityIO {
	exists(absolutePath: string): boolean;
	readText(absolutePath: string): string;
	/**
	 * Why a raster image file (not SVG) cannot be processed by the build, read beforehand (the
	 * rules are synchronous; `readRasterImages` reads the headers); undefined when it can, or
	 * when the file was not read.
	 */
	rasterImageProblem?(absolutePath: string): string | undefined;
	/** A file's first `length` bytes (fewer when it is shorter), to tell what it holds by content; video files are not checked without it. */
	readHead?(absolutePath: string, length: number): Uint8Array;
}

/** A file's first `length` bytes (fewer when it is shorter). */
export function readFileHead(absolutePath: string, length: number): Uint8Array {
	const head = Buffer.alloc(length);
	const fd = openSync(absolutePath, 'r');
	try {
		return head.subarray(0, readSync(fd, head, 0, length, 0));
	} finally {
		closeSync(fd);
	}
}

/**
 * Every image file the entries refer to, in a front-matter field (`IMAGE_FIELDS`) or in a
 * story's body, by absolute path, each once.
 */
export function referencedImages(index: ContentIndex): Set<string> {
	const files = new Set<string>();
	const collections = [index.customers, index.people, index.stories, index.videos] as Map<string, ValidEntry>[];
	for (const entries of collections) for (const entry of entries.values()) for (const { target } of imageReferences(entry)) files.add(target);
	return files;
}

/** An image an entry names, which the build reads and publishes. */
interface ImageReference {
	/** Where: the field path (`hero.src`), or `line N` of the entry's file for an image in its body. */
	field: string;
	/** The path as written (a body image's as the build decodes it). */
	written: string;
	/** The file it names, resolved against the entry's file. */
	target: string;
	/** Named in the body (`![alt](path)`), not in a front-matter field. */
	inBody: boolean;
}

/** A story body's images, parsed once per entry (the raster images are read before the rules run, from the same list). */
const bodyImagesOf = new WeakMap<ValidEntry, BodyImage[]>();

/**
 * An entry's images: its image fields, and the images a story's body names (the build publishes
 * those too; award entries' bodies are shown as text, never rendered).
 */
function* imageReferences(entry: ValidEntry): Generator<ImageReference> {
	const folder = path.dirname(entry.absolutePath);
	for (const field of IMAGE_FIELDS[entry.collection] ?? []) {
		let value: unknown = entry.data;
		for (const key of field) value = (value as Record<string, unknown> | undefined)?.[key];
		if (typeof value !== 'string') continue;
		yield { field: formatFieldPath(field), written: value, target: path.resolve(folder, value), inBody: false };
	}
	if (entry.collection !== 'stories' || !entry.body) return;
	if (!bodyImagesOf.has(entry)) bodyImagesOf.set(entry, localBodyImages(entry.body, entry.absolutePath.endsWith('.mdx')));
	for (const image of bodyImagesOf.get(entry)!) {
		yield { field: `line ${image.line + (entry.bodyLine ?? 1) - 1}`, written: image.path, target: path.resolve(folder, image.path), inBody: true };
	}
}

/**
 * Whether an image path holds "?", "#" or "%": the build hands it to its bundler, for which what
 * follows ? or # is a query, not the name, and which may decode %-escapes (%2e%2e is ..) after the
 * check has resolved the path, or refuse them (%2F fails the build). Judged on the path as
 * written, since resolving `x.svg?/../y.png` drops the query.
 */
export function hasUrlSyntax(imagePath: string): boolean {
	return /[?#%]/.test(imagePath);
}

export const nodeIO: IntegrityIO = {
	exists: (p) => existsSync(p),
	readText: (p) => readFileSync(p, 'utf8'),
	readHead: readFileHead,
};

export interface IntegrityOptions {
	projectRoot: string;
	contentDir: string;
	now: Date;
	io?: IntegrityIO;
	/** Entry files that exist but failed to parse or validate (reported on their own). */
	rejected?: RejectedFile[];
}

/** Groups entries by collection; a second file with the same id is an error. */
export function indexEntries(entries: ValidEntry[]): { index: ContentIndex; diagnostics: Diagnostic[] } {
	const diagnostics: Diagnostic[] = [];
	const index: ContentIndex = {
		products: new Map(),
		customers: new Map(),
		people: new Map(),
		stories: new Map(),
		videos: new Map(),
		awardPrograms: new Map(),
		awardEntries: new Map(),
		awardJudges: new Map(),
		awardWinners: new Map(),
		withdrawingChanges: new Map(),
	};
	for (const entry of entries) {
		if (entry.collection === 'site') {
			index.site = entry;
			continue;
		}
		const map = index[entry.collection as Exclude<CollectionName, 'site'>] as Map<string, ValidEntry>;
		const existing = map.get(entry.id);
		if (existing) {
			diagnostics.push(error(entry.file, '(file)', `duplicate id "${entry.id}": ${existing.file} already uses it; rename one of the files`));
			continue;
		}
		map.set(entry.id, entry);
	}
	return { index, diagnostics };
}

type Side = { kind: 'vendor' } | { kind: 'customer'; customer: string } | { kind: 'independent' };

function sideOf(person: Person): Side {
	if (person.role === 'vendor') return { kind: 'vendor' };
	if (person.role === 'customer') return { kind: 'customer', customer: person.customer! };
	return { kind: 'independent' };
}

export function checkIntegrity(
	index: ContentIndex,
	scoreSheets: ScoreSheet[],
	options: IntegrityOptions,
	assignments: AssignmentSheet[] = [],
	rankingSheets: RankingSheet[] = [],
): { diagnostics: Diagnostic[]; captions: CaptionsByVideo } {
	const io = options.io ?? nodeIO;
	const out: Diagnostic[] = [];
	const captions: CaptionsByVideo = new Map();
	const rejectedFiles = new Map((options.rejected ?? []).map((r) => [`${r.collection}:${r.id}`, r.file]));
	const warningDays = index.site?.data.approvalWarningDays ?? 30;
	const approvalChanges = index.site?.data.approvalChanges ?? 'withdraw';

	const siteFile = path.join(options.contentDir, 'site.yaml');
	if (!index.site && !io.exists(siteFile)) {
		out.push(error(displayPath(options.projectRoot, siteFile), '(file)', 'expected a site settings file (title, description, vendor)'));
	}

	/**
	 * The program an entry, judge or score sheet belongs to. A missing program file is reported;
	 * one that exists but failed validation has its own errors already, so it is not repeated.
	 */
	function programOf(file: string, programId: string, what: string): ValidEntry<Program> | undefined {
		const program = index.awardPrograms.get(programId);
		const programFile = path.join(options.contentDir, 'awards', programId, 'program.yaml');
		if (!program && !io.exists(programFile)) {
			out.push(error(file, '(file)', `expected a program file at ${displayPath(options.projectRoot, programFile)} for ${what}`));
		}
		return program;
	}

	/** The categories a program file that failed validation still declares (see `declaredCategories`). */
	function categoriesOfInvalidProgram(programId: string): string[] | undefined {
		const programFile = path.join(options.contentDir, 'awards', programId, 'program.yaml');
		if (!io.exists(programFile)) return undefined;
		try {
			return declaredCategories(io.readText(programFile));
		} catch {
			return undefined;
		}
	}

	/** Reports a missing reference; returns the target when it exists. */
	function resolve<T>(entry: ValidEntry, field: (string | number)[], collection: keyof Omit<ContentIndex, 'site'>, id: string): ValidEntry<T> | undefined {
		const target = (index[collection] as Map<string, ValidEntry<T>>).get(id);
		if (!target) {
			const broken = rejectedFiles.get(`${collection}:${id}`);
			if (broken) {
				out.push(error(entry.file, formatFieldPath(field), `expected a valid entry in ${collection}, found "${id}", whose file ${broken} has errors of its own (listed for that file): fix them first`));
				return undefined;
			}
			const known = [...(index[collection] as Map<string, unknown>).keys()];
			const hint = unknownNameHint(id, known, { none: `${collection} has no entries` });
			out.push(error(entry.file, formatFieldPath(field), `expected the id of an existing entry in ${collection}, found "${id}" (${hint})`));
		}
		return target;
	}

	/**
	 * Every image an entry names, in its fields or its body, is judged alike: inside the content
	 * folder, a plain path, a file there, and one the build can process (raster images decoded
	 * whole beforehand, see `readRasterImages`) or an SVG that only draws.
	 */
	const svgChecked = new Map<string, SvgInspection>();
	// Where each image file is, looked up once however many entries name it: thousands of entries
	// share a few logos and portraits, and following a path's links was 0.5 s of a 10,000-item check.
	const imageEscapes = new Map<string, ContentEscape | undefined>();
	const imageExists = new Map<string, boolean>();
	function checkImages(entry: ValidEntry) {
		for (const { field, written, target, inBody } of imageReferences(entry)) {
			const shown = displayPath(options.projectRoot, target);
			const asWritten = written.length > 80 ? `${written.slice(0, 79)}…` : written;
			if (!imageEscapes.has(target)) imageEscapes.set(target, contentEscape(options.contentDir, target));
			const escape = imageEscapes.get(target);
			if (escape) {
				out.push(error(entry.file, field, contentEscapeMessage(inBody ? `an image file (![…](${asWritten}))` : 'an image file', escape)));
				continue;
			}
			if (hasUrlSyntax(written)) {
				out.push(error(entry.file, field, `expected a plain image file path, without "?", "#" or "%" (the build would read them as options or escapes), found ${asWritten}: rename the file, or write the path without them`));
				continue;
			}
			if (!imageExists.has(target)) imageExists.set(target, io.exists(target));
			if (!imageExists.get(target)) {
				const expected = inBody ? `an image file at ${asWritten} (paths are relative to this file)` : 'an image file';
				out.push(error(entry.file, field, `expected ${expected}, found no file at ${shown}`));
				continue;
			}
			if (!/\.svg$/i.test(target)) {
				const problem = io.rasterImageProblem?.(target);
				if (problem) out.push(error(entry.file, field, `expected a JPEG/PNG/WebP/AVIF/GIF/TIFF image, found ${problem} at ${shown}`));
				continue;
			}
			// SVG files are published as they are (see svg-safety.ts); each is read once however many entries use it.
			if (!svgChecked.has(target)) svgChecked.set(target, inspectSvg(io.readText(target)));
			const { problems, size, text } = svgChecked.get(target)!;
			if (problems.length) {
				out.push(error(entry.file, field, `expected an SVG that only draws (it is published as it is, and a browser opening it would run or fetch what it holds), found ${problems.join('; ')} in ${shown}: export it again as plain SVG`));
			}
			if (size) {
				out.push(error(entry.file, field, `expected an SVG whose <svg> element has a viewBox or a width and a height (the site needs its size to lay it out), found ${size} in ${shown}`));
			}
			// Its words are published with it: a withheld customer's hero, poster or people's portraits must not spell its name.
			const anonymous = withheldBy(entry);
			const named = anonymous && text.length ? findMentions(text.join('\n'), anonymous.needles) : [];
			if (named.length) {
				out.push(warning(entry.file, field, `the image ${shown} ${anonymityMessage(named, anonymous!.customer)}; an SVG is published as it is, with its text, <title>, <desc> and comments: take the name out of the file (or export it again without them)`));
			}
		}
	}

	/** The published fields of an entry changed since its approval (see `src/lib/approval/`); none without a digest. */
	function approvalChangesOf(entry: ValidEntry<Publishable & { customer: string }>, captionsText?: string): string[] {
		const customer = index.customers.get(entry.data.customer);
		if (!entry.data.approval?.digest || !customer) return [];
		return changesSinceApproval(approvableItem(entry.collection, entry, customerShown(customer.data), captionsText), entry.data.approval);
	}

	/** Publication fields shared by stories, videos and award entries; `captionsText`: a video's captions, which its approval covers. */
	function checkPublication(entry: ValidEntry<Publishable & { customer: string }>, captionsText?: string) {
		const { approval, review } = entry.data;
		for (const [field, personId] of [['approval.approvedBy', approval?.approvedBy], ['review.reviewedBy', review?.reviewedBy]] as const) {
			if (!personId) continue;
			const approver = resolve<Person>(entry, field.split('.'), 'people', personId);
			if (approver) {
				const side = sideOf(approver.data);
				if (side.kind !== 'customer' || side.customer !== entry.data.customer) {
					out.push(error(entry.file, field, `expected a person of the customer "${entry.data.customer}" (the customer approves what is published about them), found "${personId}" (${describeSide(side)})`));
				}
			}
		}
		const changed = approvalChangesOf(entry, captionsText);
		if (changed.length && approvalChanges !== 'warn') index.withdrawingChanges.set(entry, changed);
		const state = publicationState(entry.data, options.now, { customer: index.customers.get(entry.data.customer)?.data, changedSinceApproval: changed });
		const day = (d: Date) => d.toISOString().slice(0, 10);
		// A withdrawn item's approval no longer matters: nothing to renew or wait for.
		if (state === 'withdrawn') return;
		if (state === 'changes-requested' || state === 'declined') {
			const what = state === 'declined' ? 'declined publication' : 'asked for changes';
			const comments = review!.comments.trim() ? `: "${review!.comments.trim()}"` : '';
			out.push(warning(entry.file, 'review', `${review!.reviewedBy} ${what} on ${day(review!.reviewedOn)}${comments}; the item stays unpublished until the customer approves a new proof (npm run approval -- proof)`));
		} else if (state === 'changed-since-approval') {
			const fields = changed.map((f) => `"${f}"`).join(', ');
			const outcome = approvalChanges === 'warn'
				? 'it stays published because site.yaml says approvalChanges: warn'
				: 'it is withdrawn from the site until the customer approves it again';
			out.push(warning(entry.file, 'approval.digest', `changed since ${approval!.approvedBy} approved it on ${day(approval!.approvedOn)}: ${fields} no longer match${changed.length === 1 ? 'es' : ''} what was approved; ${outcome} (send a new proof: npm run approval -- proof ${entry.id})`));
		} else if (state === 'approval-expired') {
			out.push(warning(entry.file, 'approval.expiresOn', `approval lapsed on ${day(approval!.expiresOn)}: the item is withdrawn from the site until the customer renews it`));
		} else if (state === 'unapproved' && approval && approval.approvedOn > options.now) {
			out.push(warning(entry.file, 'approval.approvedOn', `approval is dated ${day(approval.approvedOn)}, still to come: the item stays unpublished until then`));
		} else if (state === 'unapproved') {
			out.push(warning(entry.file, 'approval', 'no customer approval yet: the item stays unpublished until it has one'));
		} else if (approval) {
			const days = daysUntilExpiry(entry.data, options.now)!;
			if (days < warningDays && !entry.data.draft) {
				out.push(warning(entry.file, 'approval.expiresOn', `approval lapses on ${day(approval.expiresOn)} (${whenLapses(approval.expiresOn, options.now)}): ask the customer to renew it`));
			}
		}
	}

	/** A person must be the item's customer's or the vendor's. */
	function checkSide(entry: ValidEntry, field: (string | number)[], person: ValidEntry<Person> | undefined, customer: string, what: string) {
		if (!person) return;
		const side = sideOf(person.data);
		if (side.kind === 'vendor' || (side.kind === 'customer' && side.customer === customer)) return;
		out.push(error(entry.file, formatFieldPath(field), `expected ${what} from the customer "${customer}" or the vendor, found "${person.id}" (${describeSide(side)})`));
	}

	/** People of a customer, by id. */
	const peopleOf = (customer: string) => [...index.people.values()].filter((p) => p.data.customer === customer);

	/** A customer that withholds its name, with every way its name could slip into text (once per customer). */
	const anonymousCustomers = new Map<string, ReturnType<typeof describeAnonymous>>();
	function anonymousCustomer(id: string) {
		if (!anonymousCustomers.has(id)) anonymousCustomers.set(id, describeAnonymous(id));
		return anonymousCustomers.get(id);
	}
	function describeAnonymous(id: string) {
		const customer = index.customers.get(id);
		if (!customer || customer.data.permissions.name) return undefined;
		const people = peopleOf(customer.id);
		return {
			customer,
			needles: [...organisationNeedles(customer.data.name, customer.data.website), ...people.flatMap((p) => personNeedles(p.data.name))],
			// Voices the published captions relabel (see `captionsTextOf`): all its people, credited by title.
			voices: people.map((p) => ({ name: p.data.name, label: p.data.title })),
		};
	}

	/**
	 * A customer that withholds its name must not be named by an item about it: its id in the
	 * file name would put it in the URL (an error); its name, brand word, domain or people's
	 * names in any published text field are probably a slip (a warning naming the field). Nor by
	 * another customer's item: every item's text is searched for every withheld customer's names.
	 */
	function checkAnonymity(entry: ValidEntry<{ customer: string }>, fields: [field: string, text: string][]) {
		const anonymous = anonymousCustomer(entry.data.customer);
		if (anonymous) {
			const { customer } = anonymous;
			const local = entry.id.split('/').pop()!;
			if (fileNameReveals(local, { id: customer.id, name: customer.data.name })) {
				out.push(error(entry.file, '(file name)', `expected a file name that does not reveal "${customer.id}" (it withholds its name and the file name becomes the URL), found "${local}"`));
			}
		}
		// Every withheld customer, not only the item's own: another customer's story quoting one publishes its name all the same.
		for (const [field, text] of fields) {
			for (const [id, named] of withheldNamesIn(text)) {
				const { customer } = anonymousCustomer(id)!;
				if (id === entry.data.customer) {
					out.push(warning(entry.file, field, anonymityMessage(named, customer)));
					continue;
				}
				// A name inside one the item's own customer (or its people) goes by names that customer first ("Amber" of "Amber Foods", "Kestrel Grid" of "Kestrel Grid Services").
				const other = named.filter((needle) => !partOfOwnName(entry.data.customer, needle));
				if (other.length) {
					out.push(warning(entry.file, field, `names ${other.map((n) => `"${n}"`).join(', ')}, of ${customer.id}, which withholds its name (its own items show "${customer.data.anonymousLabel}" instead): this item is about ${entry.data.customer} but would publish it all the same; write "${customer.data.anonymousLabel}" or leave the name out`));
				}
			}
		}
	}

	/**
	 * The withheld customer whose name an entry's images must not spell: the customer of a story,
	 * video or award entry, or a person's. Not a customer's own logo, which is its name drawn and
	 * which the site shows only with its name (`permissions.name`), never for a withheld customer.
	 */
	function withheldBy(entry: ValidEntry) {
		const id = entry.collection === 'customers' ? undefined : (entry.data as { customer?: unknown }).customer;
		return typeof id === 'string' ? anonymousCustomer(id) : undefined;
	}

	/** Whether `needle` is one of a customer's own names or its people's, or a whole word or words of one (once per pair). */
	const ownNames = new Map<string, string[]>();
	const partOfOwn = new Map<string, boolean>();
	function partOfOwnName(id: string, needle: string): boolean {
		const key = `${id}\n${needle}`;
		let part = partOfOwn.get(key);
		if (part === undefined) {
			let names = ownNames.get(id);
			if (!names) {
				const customer = index.customers.get(id);
				names = customer ? [...organisationNeedles(customer.data.name, customer.data.website), ...peopleOf(id).flatMap((p) => personNeedles(p.data.name))] : [];
				ownNames.set(id, names);
			}
			part = names.some((name) => findMentions(name, [needle]).length > 0);
			partOfOwn.set(key, part);
		}
		return part;
	}

	/**
	 * Every withheld customer's needles, built once, by their first word as searched for: a text
	 * is split into words once and only the needles whose first word it holds are searched for
	 * (each needle in each text would be items × needles: 10,000 items and hundreds of needles).
	 * A needle found as a whole word starts where a word of the text starts and its first word
	 * ends where that word ends, so the look-up misses none `findMentions` would find.
	 */
	let withheldByWord: Map<string, { customer: string; needle: string }[]> | undefined;
	/** Needles that start with no letter or digit, searched for in every text. */
	const withheldAlways: { customer: string; needle: string }[] = [];
	function withheldNeedles() {
		if (withheldByWord) return withheldByWord;
		withheldByWord = new Map();
		for (const id of index.customers.keys()) {
			const anonymous = anonymousCustomer(id);
			if (!anonymous) continue;
			for (const needle of anonymous.needles) {
				const first = searchForms(needle)[0].trim().split(WORD_BREAK)[0];
				if (!first) withheldAlways.push({ customer: id, needle });
				else if (withheldByWord.has(first)) withheldByWord.get(first)!.push({ customer: id, needle });
				else withheldByWord.set(first, [{ customer: id, needle }]);
			}
		}
		return withheldByWord;
	}

	/** The withheld customers `text` names, each with the needles found (in the customer's order, as `findMentions` gives them). */
	function withheldNamesIn(text: string): Map<string, string[]> {
		const byWord = withheldNeedles();
		const found = new Map<string, string[]>();
		if (byWord.size === 0 && withheldAlways.length === 0) return found;
		const candidates = new Map<string, Set<string>>();
		const add = ({ customer, needle }: { customer: string; needle: string }) => {
			if (!candidates.has(customer)) candidates.set(customer, new Set());
			candidates.get(customer)!.add(needle);
		};
		for (const form of searchForms(text)) for (const word of form.split(WORD_BREAK)) byWord.get(word)?.forEach(add);
		withheldAlways.forEach(add);
		for (const [customer, needles] of candidates) {
			const named = findMentions(text, anonymousCustomer(customer)!.needles.filter((n) => needles.has(n)));
			if (named.length) found.set(customer, named);
		}
		return found;
	}

	/**
	 * Files an item about an anonymous customer refers to (hero, poster, media, captions) must not
	 * reveal it by name either: the site publishes images under names made from theirs
	 * (`/_astro/<name>.<hash>.webp`), and the same rule as for the item's own file name applies.
	 */
	function checkFileAnonymity(entry: ValidEntry<{ customer: string }>, files: [field: string, file: unknown][]) {
		const anonymous = anonymousCustomer(entry.data.customer);
		if (!anonymous) return;
		const { customer } = anonymous;
		for (const [field, file] of files) {
			if (typeof file !== 'string') continue;
			const name = path.basename(file);
			const revealed = fileNameReveals(name, { id: customer.id, name: customer.data.name });
			if (revealed) {
				out.push(error(entry.file, field, `expected a file name that does not reveal "${customer.id}" (it withholds its name, and files are published under names made from theirs: rename the file without "${revealed}"), found "${name}"`));
			}
		}
	}

	function anonymityMessage(named: string[], customer: ValidEntry<Customer>) {
		return `names ${named.map((n) => `"${n}"`).join(', ')}, but ${customer.id} withholds its name: the site shows "${customer.data.anonymousLabel}" instead`;
	}

	/** An anonymous customer named in a video's captions file, by line (voices the site relabels aside). */
	function checkCaptionsAnonymity(video: ValidEntry<Video>, captionsFile: string, source: string) {
		const anonymous = anonymousCustomer(video.data.customer);
		if (!anonymous) return;
		const keep = video.data.speakers.map((id) => index.people.get(id)).filter((p) => p && p.data.customer !== video.data.customer).map((p) => p!.data.name);
		source.split(/\r\n?|\n/).forEach((line, i) => {
			// As written and as shown: a player and the transcript decode character references (`H&#97;l`).
			const relabelled = relabelVoices(line, anonymous.voices, keep);
			const named = findMentions(`${relabelled}\n${decodeCueText(relabelled)}`, anonymous.needles);
			if (named.length) out.push(warning(captionsFile, `line ${i + 1}`, `${anonymityMessage(named, anonymous.customer)} (NOTE blocks and cue identifiers are left out of the published captions, but the file is in the repository)`));
		});
	}

	for (const customer of index.customers.values()) {
		customer.data.products.forEach((id, i) => resolve(customer, ['products', i], 'products', id));
		checkImages(customer);
	}

	for (const person of index.people.values()) {
		if (person.data.customer) resolve(person, ['customer'], 'customers', person.data.customer);
		checkImages(person);
	}

	for (const story of index.stories.values()) {
		const customer = resolve<Customer>(story, ['customer'], 'customers', story.data.customer);
		const sides = story.data.authors.map((id, i) => {
			const author = resolve<Person>(story, ['authors', i], 'people', id);
			checkSide(story, ['authors', i], author, story.data.customer, 'an author');
			return author && sideOf(author.data);
		});
		if (!sides.some((s) => s?.kind === 'vendor') || !sides.some((s) => s?.kind === 'customer' && s.customer === story.data.customer)) {
			out.push(error(story.file, 'authors', `expected co-authors from both sides: at least one person of the customer "${story.data.customer}" and one of the vendor`));
		}
		story.data.quotes.forEach((quote, i) => {
			const person = resolve<Person>(story, ['quotes', i, 'person'], 'people', quote.person);
			checkSide(story, ['quotes', i, 'person'], person, story.data.customer, 'a quoted person');
			if (person && customer && person.data.role === 'customer' && !customer.data.permissions.quotes) {
				out.push(error(story.file, formatFieldPath(['quotes', i]), `expected no quotes from ${story.data.customer}'s people: the customer's permissions.quotes is false`));
			}
		});
		story.data.products.forEach((id, i) => resolve(story, ['products', i], 'products', id));
		checkAnonymity(story, [...publishedTextFields(story.data), ['(body)', story.body ?? '']]);
		checkFileAnonymity(story, [['hero.src', story.data.hero.src]]);
		checkImages(story);
		checkPublication(story);
	}

	for (const video of index.videos.values()) {
		resolve(video, ['customer'], 'customers', video.data.customer);
		video.data.speakers.forEach((id, i) => {
			const speaker = resolve<Person>(video, ['speakers', i], 'people', id);
			checkSide(video, ['speakers', i], speaker, video.data.customer, 'a speaker');
		});
		video.data.products.forEach((id, i) => resolve(video, ['products', i], 'products', id));
		if (video.data.source.kind === 'file') {
			const media = path.join(options.contentDir, VIDEO_MEDIA_FOLDER, video.data.source.file);
			const shown = displayPath(options.projectRoot, media);
			const escape = contentEscape(options.contentDir, media);
			if (escape) out.push(error(video.file, 'source.file', contentEscapeMessage('a video file', escape)));
			else if (!io.exists(media)) out.push(error(video.file, 'source.file', `expected a video file, found no file at ${shown}`));
			else if (io.readHead) {
				let problem: string | undefined;
				try {
					problem = videoSignatureProblem(media, io.readHead(media, VIDEO_SIGNATURE_LENGTH));
				} catch (cause) {
					const code = (cause as NodeJS.ErrnoException).code;
					problem = code === 'EISDIR' ? 'a folder, not a file,' : `a file that cannot be read (${code ?? (cause as Error).message})`;
				}
				if (problem) out.push(error(video.file, 'source.file', `expected an MP4 or WebM video, found ${problem} at ${shown}`));
			}
		}
		const captionsPath = path.resolve(path.dirname(video.absolutePath), video.data.captions);
		let captionsText: string | undefined;
		const captionsFile = displayPath(options.projectRoot, captionsPath);
		const captionsEscape = contentEscape(options.contentDir, captionsPath);
		if (captionsEscape) {
			out.push(error(video.file, 'captions', contentEscapeMessage('a captions file', captionsEscape)));
		} else if (!io.exists(captionsPath)) {
			out.push(error(video.file, 'captions', `expected a WebVTT captions file, found no file at ${captionsFile}`));
		} else {
			// Read once for every rule below: a file that is not UTF-8 is then reported once.
			const source = io.readText(captionsPath);
			const { cues, problems } = parseCaptions(source);
			for (const problem of problems) out.push(error(captionsFile, `line ${problem.line}`, `invalid WebVTT: ${problem.message}`));
			const late = cues.find((cue) => cue.end > video.data.duration + 1);
			if (late) out.push(error(captionsFile, '(cues)', `expected every cue to end within the video's duration (${video.data.duration}s), found a cue ending at ${late.end}s`));
			if (problems.length === 0) captions.set(video.id, cues);
			checkCaptionsAnonymity(video, captionsFile, source);
			captionsText = source;
		}
		checkAnonymity(video, publishedTextFields(video.data));
		checkFileAnonymity(video, [
			['poster.src', video.data.poster.src],
			['source.file', video.data.source.kind === 'file' ? video.data.source.file : undefined],
			['captions', video.data.captions],
		]);
		checkImages(video);
		checkPublication(video, captionsText);
	}

	for (const judge of index.awardJudges.values()) {
		const { program, local } = splitScopedId(judge.id);
		programOf(judge.file, program, 'this judge');
		const person = resolve<Person>(judge, ['person'], 'people', judge.data.person);
		if (judge.data.person !== local) {
			out.push(error(judge.file, 'person', `expected the file to be named after the person (judges/${judge.data.person}.yaml), found judges/${local}.yaml`));
		}
		if (person && person.data.role !== 'analyst' && person.data.role !== 'academic') {
			out.push(error(judge.file, 'person', `expected an independent judge (role analyst or academic), found "${person.id}" with role ${person.data.role}`));
		}
		judge.data.conflicts.forEach((c, i) => resolve(judge, ['conflicts', i, 'customer'], 'customers', c.customer));
	}

	for (const entry of index.awardEntries.values()) {
		const { program: programId } = splitScopedId(entry.id);
		const program = programOf(entry.file, programId, 'this entry');
		// A program file with errors of its own still declares its categories: checked all the same.
		const categories = program ? program.data.categories.map((c) => c.id) : categoriesOfInvalidProgram(programId);
		if (categories && !categories.includes(entry.data.category)) {
			out.push(error(entry.file, 'category', `expected a category of ${programId} (${categories.join(', ')}), found "${entry.data.category}"${didYouMean(entry.data.category, categories)}`));
		}
		resolve(entry, ['customer'], 'customers', entry.data.customer);
		const submitter = resolve<Person>(entry, ['submitter'], 'people', entry.data.submitter);
		if (submitter) {
			const side = sideOf(submitter.data);
			if (side.kind !== 'customer' || side.customer !== entry.data.customer) {
				out.push(error(entry.file, 'submitter', `expected a person of the entrant "${entry.data.customer}", found "${submitter.id}" (${describeSide(side)})`));
			}
		}
		entry.data.products.forEach((id, i) => resolve(entry, ['products', i], 'products', id));
		checkAnonymity(entry, [...publishedTextFields(entry.data), ['(body)', entry.body ?? '']]);
		const entrant = index.customers.get(entry.data.customer);
		if (program?.data.blind && entrant) {
			// The rule `awards packets` enforces, as a warning here so it shows before packets are due.
			const problems = lintBlindEntries([
				{
					id: splitScopedId(entry.id).local,
					title: entry.data.title,
					summary: entry.data.summary,
					narrative: entry.body ?? '',
					evidence: entry.data.evidence,
					entrant: { customer: entrant.id, name: entrant.data.name, website: entrant.data.website, people: peopleOf(entrant.id).map((p) => p.data.name) },
				},
			]);
			// The entry's id is text fields' business only for `awards packets`, which shows it to judges and fails on it.
			for (const problem of problems.filter((p) => p.field !== 'id')) {
				const field = problem.field === 'narrative' ? '(body)' : problem.field;
				out.push(warning(entry.file, field, `the program is judged blind, but the entry names its entrant (${problem.found.map((n) => `"${n}"`).join(', ')}): judges would see it, and \`awards packets\` refuses to write packets`));
			}
		}
		// The program's eligibility rules, as `awards intake` applied them: an entry that breaks one
		// is judged only once it is fixed, or marked ineligible (which takes it out of judging).
		if (program?.data.eligibility && countsForEligibility(entry.data)) {
			const local = splitScopedId(entry.id).local;
			const others = [...index.awardEntries.values()]
				.filter((o) => o !== entry && splitScopedId(o.id).program === programId && countsForEligibility(o.data))
				.map((o) => ({ id: splitScopedId(o.id).local, category: o.data.category, customer: o.data.customer }));
			const problems = checkEligibility({ ...entry.data, id: local, narrative: entry.body ?? '' }, program.data.eligibility, { region: entrant?.data.region, others });
			for (const p of problems) out.push(error(entry.file, p.field, `${p.message} (the eligibility rules of ${programId}; mark the entry \`status: ineligible\` if it cannot meet them)`));
		}
		checkPublication(entry);
	}

	/** The local ids of a program's entries. */
	const entriesOf = (programId: string) => [...index.awardEntries.keys()].filter((id) => splitScopedId(id).program === programId).map((id) => splitScopedId(id).local);
	for (const winners of index.awardWinners.values()) {
		const program = programOf(winners.file, winners.id, 'these results');
		if (!program) continue;
		// The latest round at the top level, earlier rounds (the finalists) in earlierRounds.
		const rounds = [{ at: '', outcome: winners.data }, ...(winners.data.earlierRounds ?? []).map((outcome, r) => ({ at: `earlierRounds[${r}].`, outcome }))];
		for (const { at, outcome: published } of rounds) {
			if (!program.data.rounds.some((r) => r.id === published.round)) {
				out.push(error(winners.file, `${at}round`, `expected a round of ${winners.id} (${program.data.rounds.map((r) => r.id).join(', ')}), found "${published.round}"${didYouMean(published.round, program.data.rounds.map((r) => r.id))}`));
			}
			published.categories.forEach((outcome, i) => {
				if (!program.data.categories.some((c) => c.id === outcome.category)) {
					out.push(error(winners.file, `${at}categories[${i}].category`, `expected a category of ${winners.id} (${program.data.categories.map((c) => c.id).join(', ')}), found "${outcome.category}"${didYouMean(outcome.category, program.data.categories.map((c) => c.id))}`));
				}
				const named = [...(outcome.winner ? [['winner', outcome.winner]] : []), ...outcome.finalists.map((e, j) => [`finalists[${j}]`, e]), ...outcome.honourableMentions.map((e, j) => [`honourableMentions[${j}]`, e])];
				for (const [field, id] of named) {
					const entry = index.awardEntries.get(`${winners.id}/${id}`);
					if (!entry) out.push(error(winners.file, `${at}categories[${i}].${field}`, `expected an entry of ${winners.id}, found "${id}" (${unknownNameHint(id, entriesOf(winners.id), { none: 'it has no entries yet' })})`));
					else if (entry.data.category !== outcome.category) out.push(error(winners.file, `${at}categories[${i}].${field}`, `expected an entry of category ${outcome.category}, found "${id}" (${entry.data.category})`));
				}
			});
		}
	}

	for (const sheet of rankingSheets) {
		const program = programOf(sheet.file, sheet.program, 'these rankings');
		if (!program) continue;
		const round = program.data.rounds.find((r) => r.id === sheet.round);
		if (!round || round.kind !== 'ranking') {
			const rankingRounds = program.data.rounds.filter((r) => r.kind === 'ranking').map((r) => `${r.id}.csv`);
			out.push(error(sheet.file, '(file name)', `expected a ranking sheet named after a ranking round of ${sheet.program} (${rankingRounds.join(', ') || 'none'}), found ${sheet.round}.csv`));
			continue;
		}
		const context = rankingContextFor(index, sheet.program);
		if (!context) {
			out.push(error(sheet.file, '(file)', `expected published finalists (winners.yaml, from \`awards publish\` of the scoring round) before rankings`));
			continue;
		}
		for (const p of checkRankings(sheet.lines.map(({ line, row }) => ({ where: `line ${line}`, row })), context)) {
			out.push(error(sheet.file, p.field ? `${p.where} ${p.field}` : p.where, p.message));
		}
	}

	for (const sheet of assignments) {
		const program = programOf(sheet.file, sheet.program, 'this assignment');
		if (program) checkAssignment(index, program, sheet, out);
	}

	checkAddresses('story', index.stories, options.now, out);
	checkAddresses('video', index.videos, options.now, out);
	for (const customer of index.customers.values()) checkWithdrawalDay(customer, options.now, out);

	for (const sheet of scoreSheets) {
		const program = programOf(sheet.file, sheet.program, 'these scores');
		const assignment = assignments.find((a) => a.program === sheet.program && a.round === sheet.round);
		if (program) checkScoreSheet(index, program, sheet, out, assignment && assignedPairs(assignment));
	}

	return { diagnostics: collapseRejectedAwardReferences(out, rejectedFiles), captions };
}

/**
 * The addresses of one collection's items stay unambiguous: an earlier id (`previousIds`) is
 * neither an item's current id nor claimed by two items, since each old address redirects to one
 * page (or shows one tombstone). A withdrawal is dated today or before, as its tombstone says.
 */
function checkAddresses(kind: 'story' | 'video', items: Map<string, ValidEntry<{ previousIds: string[]; withdrawn?: { on: Date } }>>, now: Date, out: Diagnostic[]) {
	const claimedBy = new Map<string, string>();
	for (const item of items.values()) {
		item.data.previousIds.forEach((id, i) => {
			const field = `previousIds[${i}]`;
			const current = items.get(id);
			if (current) {
				const whose = current === item ? `this ${kind}'s own id` : `the id of the ${kind} ${current.file}`;
				out.push(error(item.file, field, `expected an id this ${kind} had before it was renamed, found "${id}", which is ${whose}: its address is in use, so it cannot also redirect; remove it from previousIds`));
				return;
			}
			const other = claimedBy.get(id);
			if (other !== undefined && other !== item.file) {
				out.push(error(item.file, field, `expected an earlier id no other ${kind} claims, found "${id}", also in the previousIds of ${other}: its old address can lead to only one ${kind}; keep it on the ${kind} that really had it`));
				return;
			}
			claimedBy.set(id, item.file);
		});
		checkWithdrawalDay(item, now, out);
	}
}

/** A withdrawal dated in the future: the tombstone would say a day that has not come. */
function checkWithdrawalDay(entry: ValidEntry<{ withdrawn?: { on: Date } }>, now: Date, out: Diagnostic[]) {
	const on = entry.data.withdrawn?.on;
	if (on && on.getTime() > now.getTime()) {
		const day = on.toISOString().slice(0, 10);
		out.push(error(entry.file, 'withdrawn.on', `expected the day the customer asked for the withdrawal (today or earlier), found ${day}, still to come: a withdrawal takes effect at the next build, so date it the day of the request`));
	}
}

/**
 * An award entry or judge whose own file has errors is missing from the index, so every sheet
 * line, assignment and result naming it said "expected an entry of <program>", as if it did not
 * exist: one bad status made dozens of errors that pointed away from the file to fix. Each file
 * now says once that the entry's (or judge's) file has errors of its own, and how many of its
 * places name it.
 */
function collapseRejectedAwardReferences(diagnostics: Diagnostic[], rejectedFiles: Map<string, string>): Diagnostic[] {
	const pattern = /^expected (an entry|a judge) of ([a-z0-9-]+), found "([^"]+)"(?: \(.*\))?$/;
	const first = new Map<string, { diagnostic: Diagnostic; count: number }>();
	const out: Diagnostic[] = [];
	for (const diagnostic of diagnostics) {
		const match = pattern.exec(diagnostic.message);
		const broken = match && rejectedFiles.get(`${match[1] === 'an entry' ? 'awardEntries' : 'awardJudges'}:${match[2]}/${match[3]}`);
		if (!match || !broken) {
			out.push(diagnostic);
			continue;
		}
		const key = `${diagnostic.file} ${match[1]} ${match[2]}/${match[3]}`;
		const seen = first.get(key);
		if (seen) {
			seen.count++;
			continue;
		}
		const collapsed = { ...diagnostic, message: `expected a valid ${match[1] === 'an entry' ? 'entry' : 'judge'} of ${match[2]}, found "${match[3]}", whose file ${broken} has errors of its own (listed for that file): fix them first` };
		first.set(key, { diagnostic: collapsed, count: 1 });
		out.push(collapsed);
	}
	for (const { diagnostic, count } of first.values()) if (count > 1) diagnostic.message += ` (${count - 1} more ${count === 2 ? 'place in this file names' : 'places in this file name'} it)`;
	return out;
}

/**
 * When a coming lapse falls, counted in calendar days (UTC, as lapses are) from `now`'s date to
 * the lapse's: "today", "tomorrow" or "in N days". An approval expiring on 2026-11-24 lapses
 * tomorrow on 2026-11-23 at noon, though less than a whole day is left.
 */
export function whenLapses(expiresOn: Date, now: Date): string {
	const utcDay = (d: Date) => Math.floor(d.getTime() / 86_400_000);
	const days = utcDay(expiresOn) - utcDay(now);
	if (days <= 0) return 'today';
	if (days === 1) return 'tomorrow';
	return `in ${days} days`;
}

function describeSide(side: Side): string {
	if (side.kind === 'vendor') return 'a vendor person';
	if (side.kind === 'customer') return `a person of ${side.customer}`;
	return 'an independent analyst or academic';
}

/** Entry customers a judge may not score: declared conflicts, and the judge's own employer. */
export function conflictedCustomers(judge: Judge, person: Person | undefined): Set<string> {
	const customers = new Set(judge.conflicts.map((c) => c.customer));
	if (person?.customer) customers.add(person.customer);
	return customers;
}

/** The finalists (from the published outcome) and the panel's conflicts, for ranking rules. */
export function rankingContextFor(index: ContentIndex, programId: string): RankingContext | undefined {
	const winners = index.awardWinners.get(programId);
	const scores = scoreContextFor(index, programId);
	if (!winners || !scores) return undefined;
	const finalists = new Map<string, { category: string; customer: string }>();
	for (const outcome of winners.data.categories) {
		for (const entry of outcome.finalists) finalists.set(entry, { category: outcome.category, customer: scores.entries.get(entry) ?? '' });
	}
	return { program: programId, judges: scores.judges, finalists };
}

/** What the score rules need to know about one program, from the content index. */
export function scoreContextFor(index: ContentIndex, programId: string, assigned?: Set<string>): ScoreContext | undefined {
	const program = index.awardPrograms.get(programId);
	if (!program) return undefined;
	const judges = new Map<string, Set<string>>();
	const entries = new Map<string, string>();
	for (const judge of index.awardJudges.values()) {
		const { program: p, local } = splitScopedId(judge.id);
		if (p === programId) judges.set(local, conflictedCustomers(judge.data, index.people.get(judge.data.person)?.data));
	}
	for (const entry of index.awardEntries.values()) {
		const { program: p, local } = splitScopedId(entry.id);
		if (p === programId) entries.set(local, entry.data.customer);
	}
	return { program: programId, criteria: program.data.criteria.map((c) => c.id), scale: program.data.scale, judges, entries, assigned };
}

/** An assignment names known judges and entries of a real round, and never a conflicted pair. */
function checkAssignment(index: ContentIndex, program: ValidEntry<Program>, sheet: AssignmentSheet, out: Diagnostic[]) {
	if (!program.data.rounds.some((r) => r.id === sheet.round) || sheet.data.round !== sheet.round) {
		out.push(error(sheet.file, 'round', `expected a file named after a round of ${sheet.program} (${program.data.rounds.map((r) => r.id).join(', ')}) and a matching round field, found file ${sheet.round}.yaml with round "${sheet.data.round}"`));
	}
	const context = scoreContextFor(index, sheet.program)!;
	for (const [judge, entries] of Object.entries(sheet.data.judges)) {
		const conflicts = context.judges.get(judge);
		if (!conflicts) out.push(error(sheet.file, `judges.${judge}`, `expected a judge of ${sheet.program}, found "${judge}" (${unknownNameHint(judge, [...context.judges.keys()], { none: 'it has no judges yet' })})`));
		entries.forEach((entry, i) => {
			const customer = context.entries.get(entry);
			if (customer === undefined) out.push(error(sheet.file, `judges.${judge}[${i}]`, `expected an entry of ${sheet.program}, found "${entry}" (${unknownNameHint(entry, [...context.entries.keys()], { none: 'it has no entries yet' })})`));
			else if (conflicts?.has(customer)) out.push(error(sheet.file, `judges.${judge}[${i}]`, `judge "${judge}" has a conflict with "${customer}", the entrant of ${entry}`));
		});
	}
}

function checkScoreSheet(index: ContentIndex, program: ValidEntry<Program>, sheet: ScoreSheet, out: Diagnostic[], assigned?: Set<string>) {
	const round = program.data.rounds.find((r) => r.id === sheet.round);
	if (!round) {
		out.push(error(sheet.file, '(file name)', `expected a score sheet named after a round of ${sheet.program} (${program.data.rounds.map((r) => `${r.id}.csv`).join(', ')}), found ${sheet.round}.csv`));
		return;
	}
	if (round.kind !== 'scoring') {
		out.push(error(sheet.file, '(file name)', `expected a scoring round, found ${round.id} which is a ${round.kind} round`));
		return;
	}
	const context = scoreContextFor(index, sheet.program, assigned)!;
	const rows = sheet.lines.map(({ line, row }) => ({ where: `line ${line}`, row }));
	for (const problem of checkScores(rows, context)) {
		out.push(error(sheet.file, problem.field ? `${problem.where} ${problem.field}` : problem.where, problem.message));
	}
}

/**
 * Keys of stories, videos and award entries whose values are not text a visitor reads: ids of
 * other records, file paths (checked as file names), publication fields and settings.
 */
const NOT_PUBLISHED_TEXT = new Set(['customer', 'authors', 'speakers', 'products', 'person', 'submitter', 'category', 'status', 'approval', 'src', 'source', 'captions', 'language']);

/**
 * Every string an item publishes, with its field path (`metrics[0].method`, `hero.alt`,
 * `chapters[1].title`…): all its text fields, so a field added later is covered too.
 */
export function publishedTextFields(data: unknown): [field: string, text: string][] {
	const out: [string, string][] = [];
	const walk = (value: unknown, at: (string | number)[]) => {
		if (typeof value === 'string') out.push([formatFieldPath(at), value]);
		else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...at, i]));
		else if (value && typeof value === 'object' && !(value instanceof Date)) {
			for (const [key, item] of Object.entries(value)) if (!NOT_PUBLISHED_TEXT.has(key)) walk(item, [...at, key]);
		}
	};
	walk(data, []);
	return out;
}
