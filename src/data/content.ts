/**
 * The query layer pages use. Every public list goes through `isPublic` here, so no page can
 * forget the publication rule; collection reads are memoised for the build. Under `npm run dev`
 * (draft preview, `previewing`) the lists hold every item instead, each unpublished one carrying
 * why (`unpublishedNotice`); a build never previews.
 */
import { getCollection, getEntry, type CollectionEntry, type CollectionKey } from 'astro:content';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { realPathInsideContent } from '../lib/content/inside-content.ts';
import { contentRoot, splitScopedId } from '../lib/content/layout.ts';
import type { ImageMetadata } from 'astro';
import { byNewest, relatedIndex, customerDisplayName, publishedMediaName, WITHHELD_ENTRANT, customerFacets, customerIsNamed, mayQuote, metricHeadline, personCredit, type Credit } from '../lib/evidence.ts';
import type { FacetValues } from '../lib/facets.ts';
import { winnersDecided } from '../lib/award-method.ts';
import { previewNotice, type PreviewNotice } from '../lib/preview.ts';
import type { Publishable } from '../schemas/common.ts';
import { isPublic, publicationTime, tombstoneOf } from '../lib/publication.ts';
import { approvableItem, changesSinceApproval, customerShown, readApprovableEntry } from '../lib/approval/item.ts';
import { previewing } from './preview.ts';
import { announcedOutcome, announcementDate, entrantShownAt } from '../lib/awards/announcement.ts';
import type { RoundOutcome } from '../schemas/award.ts';
import { cardPath, cardScope, type CardScope } from '../lib/og-image.ts';
import { maxBundlePages, planSearchBundles, yearOf } from '../lib/search-bundles.ts';
import { parseCaptions, publishedCaptions, relabelVoices, transcriptFromCues, transcriptFromText, type TranscriptParagraph, type VoiceLabel } from '../lib/vtt.ts';
import type { ContentType } from '../schemas/taxonomy.ts';
import type { RetiredAddresses } from '../lib/host-files.ts';

export const now = publicationTime();

const memo = new Map<string, Promise<unknown>>();
function all<C extends CollectionKey>(name: C): Promise<CollectionEntry<C>[]> {
	if (!memo.has(name)) memo.set(name, getCollection(name));
	return memo.get(name) as Promise<CollectionEntry<C>[]>;
}

export async function getSite() {
	const site = await getEntry('site', 'site');
	if (!site) throw new Error('content/site.yaml is missing');
	return site.data;
}

export type Story = CollectionEntry<'stories'>;
export type Video = CollectionEntry<'videos'>;
export type AwardEntry = CollectionEntry<'awardEntries'>;
export type Customer = CollectionEntry<'customers'>;
export type Person = CollectionEntry<'people'>;

/** Memoises a query for the build: item pages call these on every page. */
export function memoised<T>(key: string, query: () => Promise<T>): () => Promise<T> {
	return () => {
		if (!memo.has(key)) memo.set(key, query());
		return memo.get(key) as Promise<T>;
	};
}

/** Customers by id, for the publication rule (a customer's withdrawal takes down their items). */
const customersById = memoised('customersById', async () => new Map((await all('customers')).map((c) => [c.id, c.data])));

/**
 * The published fields of an item changed since its customer approved them, when `site.yaml`
 * withdraws such items (`approvalChanges`, withdraw by default); none otherwise. The entry is read
 * again from its file, as the content check reads it, so the site and `check` compute one digest.
 */
async function withdrawingChanges(collection: 'stories' | 'videos' | 'awardEntries', entry: Story | Video | AwardEntry): Promise<string[]> {
	if (!entry.data.approval?.digest || (await getSite()).approvalChanges === 'warn') return [];
	const customer = await customerById(entry.data.customer);
	const source = readApprovableEntry(contentRoot(process.cwd()), collection, path.resolve(entry.filePath!));
	return changesSinceApproval(approvableItem(collection, source, customerShown(customer.data), source.captions), entry.data.approval);
}

/**
 * The entries of a collection the publication rule lets the public see: their customer's
 * withdrawal and changes since approval included; in draft preview, every one.
 */
async function publicOf<C extends 'stories' | 'videos' | 'awardEntries'>(collection: C): Promise<CollectionEntry<C>[]> {
	const entries = await all(collection);
	if (previewing) return entries;
	const customers = await customersById();
	const shown = await Promise.all(
		entries.map(async (e) => isPublic(e.data, now, { customer: customers.get(e.data.customer), changedSinceApproval: await withdrawingChanges(collection, e as Story | Video | AwardEntry) })),
	);
	return entries.filter((_, i) => shown[i]);
}

export const publicStories = memoised('publicStories', () => publicOf('stories'));
export const publicVideos = memoised('publicVideos', () => publicOf('videos'));
/** Award entries the entrant approved, not withdrawn or ineligible (and whose customer has not withdrawn). */
export const publicAwardEntries = memoised('publicAwardEntries', async () =>
	(await publicOf('awardEntries')).filter((e) => e.data.status === 'submitted' || e.data.status === 'eligible'),
);

/** A story or video taken down at the customer's request, with the day they asked (the only thing its tombstone says). */
export interface WithdrawnItem<Item> {
	item: Item;
	on: Date;
}

/** The withdrawn items of a collection (by themselves or by their customer) that had been published, whose addresses show a tombstone (see `tombstoneOf`). */
async function withdrawnOf<C extends 'stories' | 'videos'>(name: C): Promise<WithdrawnItem<CollectionEntry<C>>[]> {
	const customers = await customersById();
	return (await all(name)).flatMap((item) => {
		const withdrawal = tombstoneOf(item.data, now, customers.get(item.data.customer));
		return withdrawal ? [{ item, on: withdrawal.on }] : [];
	});
}

export const withdrawnStories = memoised('withdrawnStories', () => withdrawnOf('stories'));
export const withdrawnVideos = memoised('withdrawnVideos', () => withdrawnOf('videos'));

/**
 * In draft preview, why an item is not public and what would make it public (the page's banner);
 * undefined for a public item, and always undefined outside preview.
 */
export async function unpublishedNotice(item: Story | Video | AwardEntry): Promise<PreviewNotice | undefined> {
	if (!previewing) return undefined;
	const customer = (await customerById(item.data.customer)).data;
	const collection = item.collection as 'stories' | 'videos' | 'awardEntries';
	return previewNotice(item.data, now, customer.name, { customer, changedSinceApproval: await withdrawingChanges(collection, item) });
}

export const awardPrograms = () => all('awardPrograms');
export type AwardProgram = CollectionEntry<'awardPrograms'>;
export const products = () => all('products');

/** A collection's entries by id, built once per build: pages look customers, people and products up many times each. */
function byIdOf<C extends 'customers' | 'people' | 'products'>(name: C): () => Promise<Map<string, CollectionEntry<C>>> {
	return memoised(`entries:${name}`, async () => new Map((await all(name)).map((e) => [e.id, e] as const)));
}
const customerEntries = byIdOf('customers');
const personEntries = byIdOf('people');
const productEntries = byIdOf('products');

export async function customerById(id: string): Promise<Customer> {
	const customer = (await customerEntries()).get(id);
	if (!customer) throw new Error(`unknown customer ${id}`); // integrity check makes this unreachable
	return customer;
}

export async function personById(id: string): Promise<Person> {
	const person = (await personEntries()).get(id);
	if (!person) throw new Error(`unknown person ${id}`);
	return person;
}

/** A person with how the site may credit them (see `personCredit`). */
export async function creditedPerson(id: string): Promise<{ person: Person; credit: Credit }> {
	const person = await personById(id);
	const employer = person.data.customer ? (await customerById(person.data.customer)).data : undefined;
	return { person, credit: personCredit(person.data, employer) };
}

/** A story's pull quotes the customer lets us show (`permissions.quotes`), with their speakers' credits. */
export async function quotesOf(story: Story) {
	const quotes = await Promise.all(
		story.data.quotes.map(async (quote) => {
			const { person, credit } = await creditedPerson(quote.person);
			const employer = person.data.customer ? (await customerById(person.data.customer)).data : undefined;
			return { ...quote, person, credit, allowed: mayQuote(person.data, employer) };
		}),
	);
	return quotes.filter((q) => q.allowed);
}

/** How a quote is signed: "Name, Title" or, for someone who stays anonymous, "Title, <anonymous label>". */
export async function quoteSignature(q: { person: Person; credit: Credit }): Promise<string> {
	if (q.credit.identified) return `${q.person.data.name}, ${q.person.data.title}`;
	const employer = q.person.data.customer ? await customerById(q.person.data.customer) : undefined;
	return employer ? `${q.credit.name}, ${customerDisplayName(employer.data)}` : q.credit.name;
}

export async function productById(id: string) {
	return (await productEntries()).get(id)!;
}

/** Judges of one program, with their people. Conflict declarations are dropped here, on purpose. */
export async function judgesOf(program: string) {
	const judges = (await all('awardJudges')).filter((j) => splitScopedId(j.id).program === program);
	return Promise.all(
		judges.map(async (j) => ({
			id: j.id,
			person: await personById(j.data.person),
			independence: j.data.independence,
			expertise: j.data.expertise,
		})),
	);
}

/** Where an entry placed in its program's announced results. */
export type Placement = 'winner' | 'finalist' | 'honourable-mention';

export const PLACEMENT_LABELS: Record<Placement, string> = { winner: 'Winner', finalist: 'Finalist', 'honourable-mention': 'Honourable mention' };

/** The common shape of every piece of evidence in lists, feeds and the library. */
export interface EvidenceItem {
	/** An award entry that won its category counts as an award winner. */
	type: ContentType;
	id: string;
	url: string;
	title: string;
	summary: string;
	date: Date;
	customer: Customer;
	customerName: string;
	customerNamed: boolean;
	/** The customer's logo, only when they allow both their name and their logo to be shown. */
	logo?: ImageMetadata;
	facets: ReturnType<typeof customerFacets>;
	products: string[];
	/** Ids per library facet (industry, region, size, product, type). */
	facetValues: FacetValues;
	/** The headline result: a story's first metric. */
	headline?: { figure: string; label: string };
	/** A short quote the customer lets us show. */
	quote?: { text: string; signature: string };
	/** Video length in seconds. */
	duration?: number;
	/** A story's hero or a video's poster, for featured cards. */
	image?: { src: ImageMetadata; alt: string };
	/** Marked for the home page. */
	featured?: boolean;
	/** For award entries: the program, category and (once announced) placement. */
	award?: { program: string; programName: string; category: string; placement?: Placement };
	/**
	 * An entry of a blind program being judged: who entered is not shown (`customerName` is
	 * `WITHHELD_ENTRANT`, no logo, no customer page lists it); see `entrantShown`.
	 */
	entrantWithheld?: boolean;
	/** Draft preview only: why this item is not public (its card is marked); never set in a build. */
	unpublished?: PreviewNotice;
}

interface ItemSource extends Publishable {
	title: string;
	summary: string;
	customer: string;
	products: string[];
}

async function item(type: ContentType, id: string, url: string, data: ItemSource, date: Date, extra: Partial<EvidenceItem> = {}): Promise<EvidenceItem> {
	const customer = await customerById(data.customer);
	const { permissions } = customer.data;
	return {
		type,
		id,
		url,
		title: data.title,
		summary: data.summary,
		date,
		customer,
		customerName: customerDisplayName(customer.data),
		customerNamed: customerIsNamed(customer.data),
		logo: permissions.logo && permissions.name ? customer.data.logo : undefined,
		facets: customerFacets(customer.data),
		products: data.products,
		facetValues: { type: [type], industry: [customer.data.industry], region: [customer.data.region], size: [customer.data.size], product: data.products },
		...(previewing && { unpublished: previewNotice(data, now, customer.data.name, { customer: customer.data }) }),
		...extra,
	};
}

async function storyItem(story: Story): Promise<EvidenceItem> {
	const metric = story.data.metrics[0];
	const [quote] = await quotesOf(story);
	return item('story', story.id, storyUrl(story.id), story.data, story.data.publishedOn, {
		headline: metric && { figure: metricHeadline(metric), label: metric.label },
		quote: quote && { text: quote.text, signature: await quoteSignature(quote) },
		image: story.data.hero,
		featured: story.data.featured,
	});
}

async function entryItem(entry: AwardEntry, programs: AwardProgram[]): Promise<EvidenceItem> {
	const { program: programId, local } = splitScopedId(entry.id);
	const program = programs.find((p) => p.id === programId)!;
	const placement = (await placementsOf(programId)).get(local);
	const withheld = !(await entrantShownIn(program));
	return item(placement === 'winner' ? 'award-winner' : 'award-entry', entry.id, entryUrl(entry.id), entry.data, entry.data.submittedOn, {
		award: { program: programId, programName: program.data.name, category: program.data.categories.find((c) => c.id === entry.data.category)?.name ?? entry.data.category, placement },
		...(withheld && { entrantWithheld: true, customerName: WITHHELD_ENTRANT, customerNamed: false, logo: undefined }),
	});
}

/** Whether the site may show who entered the program's entries (see `entrantShownAt`): `blindUntil` says which announcement reveals them. */
export function entrantShownIn(program: AwardProgram): Promise<boolean> {
	return memoised(`entrantShown:${program.id}`, async () => entrantShownAt(program.data, (await all('awardWinners')).find((w) => w.id === program.id)?.data, now))();
}

/** Which Open Graph cards this build makes (see `cardScope`). */
export async function ogCardScope(): Promise<CardScope> {
	return cardScope((await publicStories()).length + (await publicVideos()).length);
}

/** The Open Graph card of a story or video page. */
export async function ogCardOf(kind: 'stories' | 'videos', item: Story | Video): Promise<string> {
	const customer = await customerById(item.data.customer);
	return cardPath(await ogCardScope(), kind, item.id, { id: customer.id, named: customerIsNamed(customer.data) });
}

export const storyUrl = (id: string) => `/stories/${id}/`;
export const videoUrl = (id: string) => `/videos/${id}/`;
export const entryUrl = (id: string) => {
	const { program, local } = splitScopedId(id);
	return `/awards/${program}/entries/${local}/`;
};
export const customerUrl = (id: string) => `/customers/${id}/`;
/** Where a self-hosted video's file is published (under the video's id, see `publishedMediaName`); undefined for YouTube and Vimeo. */
export const mediaUrl = (video: Video) => (video.data.source.kind === 'file' ? `/media/${publishedMediaName(video.id, video.data.source.file)}` : undefined);

/** The library's related-evidence index, built once per build. */
const relatedIndexOfLibrary = memoised('related', async () => relatedIndex((await allEvidence()).map((i) => ({ ...i, industry: i.customer.data.industry }))));

/** Related evidence of a library item (same industry or products). */
export async function relatedTo(current: EvidenceItem): Promise<EvidenceItem[]> {
	return (await relatedIndexOfLibrary())({ ...current, industry: current.customer.data.industry });
}

/**
 * Every public award entry as a list item, newest first. Entries are listed on their program's
 * page; the library and the search index take only those the judges placed (see `allEvidence`).
 */
export const publicEntryItems = memoised('publicEntryItems', async () => {
	const programs = await awardPrograms();
	return (await Promise.all((await publicAwardEntries()).map((e) => entryItem(e, programs)))).sort(byNewest);
});

/**
 * Every public piece of evidence, newest first: stories, videos, and award entries once the
 * judges placed them (winner, finalist, honourable mention). An entry nobody has judged yet, or
 * that did not place, is the entrant's own claim, not evidence an independent panel stood
 * behind; it keeps its page, listed on its program's page. This also keeps a large library
 * within static hosts' file limits: each searchable page costs a page and a search fragment.
 */
export async function allEvidence(): Promise<EvidenceItem[]> {
	if (!memo.has('evidence')) {
		memo.set(
			'evidence',
			(async () => {
				const items = await Promise.all([
					...(await publicStories()).map(storyItem),
					...(await publicVideos()).map((v) =>
						item('video', v.id, videoUrl(v.id), v.data, v.data.publishedOn, { duration: v.data.duration, image: v.data.poster, featured: v.data.featured }),
					),
				]);
				const judged = (await publicEntryItems()).filter((e) => e.award?.placement);
				return [...items, ...judged].sort(byNewest);
			})(),
		);
	}
	return memo.get('evidence') as Promise<EvidenceItem[]>;
}

/** The search index's bundles (see src/lib/search-bundles.ts): every searchable page is library evidence. */
export const searchBundles = memoised('searchBundles', async () => {
	const pagesByYear: Record<string, number> = {};
	for (const item of await allEvidence()) {
		const year = yearOf(item.date);
		pagesByYear[year] = (pagesByYear[year] ?? 0) + 1;
	}
	return planSearchBundles(pagesByYear, maxBundlePages());
});

/** The library item shown at a URL (a public story, video or entry page). */
export async function evidenceAt(url: string): Promise<EvidenceItem> {
	if (!memo.has('evidenceByUrl')) memo.set('evidenceByUrl', allEvidence().then((all) => new Map(all.map((i) => [i.url, i]))));
	const found = ((await memo.get('evidenceByUrl')) as Map<string, EvidenceItem>).get(url);
	if (!found) throw new Error(`no public evidence at ${url}`);
	return found;
}

/**
 * The published results of a program the site shows now: the latest round whose announcement has
 * passed (see `announcedOutcome`); none before `awards publish`, nor while every round is embargoed.
 */
export function announcedResults(program: string): Promise<{ id: string; data: RoundOutcome } | undefined> {
	// Once per program for the build: every entry's list item and page asks.
	return memoised(`announcedResults:${program}`, async () => {
		const results = (await all('awardWinners')).find((w) => w.id === program);
		const definition = (await awardPrograms()).find((p) => p.id === program);
		const outcome = results && announcedOutcome(results.data, definition?.data.rounds ?? [], now);
		return outcome && { id: program, data: outcome };
	})();
}

/** Where each placed entry of a program stands (local entry id → placement), from its announced results. */
export function placementsOf(program: string): Promise<ReadonlyMap<string, Placement>> {
	return memoised(`placements:${program}`, async () => {
		const placements = new Map<string, Placement>();
		const results = await announcedResults(program);
		const decided = results !== undefined && (await winnersDecidedIn(program, results.data.round));
		for (const outcome of results?.data.categories ?? []) {
			for (const id of outcome.honourableMentions) placements.set(id, 'honourable-mention');
			for (const id of outcome.finalists) placements.set(id, 'finalist');
			if (decided && outcome.winner) placements.set(outcome.winner, 'winner');
		}
		return placements as ReadonlyMap<string, Placement>;
	})();
}

/** Whether the program's published round names the winners, not only the finalists (see `winnersDecided`). */
async function winnersDecidedIn(program: string, round: string): Promise<boolean> {
	const definition = (await awardPrograms()).find((p) => p.id === program);
	return definition ? winnersDecided(definition.data.rounds, round) : true;
}

/** A placed entry: `item` is absent when the entry is not public (then nothing of it may be shown). */
export interface PlacedEntry {
	id: string;
	placement: Placement;
	item?: EvidenceItem;
}

/** A program's announced outcome per category, in the program's category order; undefined until announced. */
export async function programOutcome(program: AwardProgram) {
	const results = await announcedResults(program.id);
	if (!results) return undefined;
	const publicItems = new Map((await allEvidence()).filter((i) => i.award?.program === program.id).map((i) => [splitScopedId(i.id).local, i]));
	const placed = (id: string, placement: Placement): PlacedEntry => ({ id, placement, item: publicItems.get(id) });
	// Finalists only, until the ranking round that picks the winners is published.
	const decided = winnersDecided(program.data.rounds, results.data.round);
	const categories = program.data.categories.flatMap((category) => {
		const outcome = results.data.categories.find((c) => c.category === category.id);
		if (!outcome) return [];
		return [
			{
				category,
				decidedByTieBreak: decided && outcome.decidedByTieBreak,
				decidedBy: decided ? outcome.decidedBy : undefined,
				winner: decided && outcome.winner ? placed(outcome.winner, 'winner') : undefined,
				finalists: outcome.finalists.filter((id) => !decided || id !== outcome.winner).map((id) => placed(id, 'finalist')),
				honourableMentions: outcome.honourableMentions.map((id) => placed(id, 'honourable-mention')),
			},
		];
	});
	return { results: results.data, announcedOn: announcementDate(results.data), categories, winnersDecided: decided };
}

/** Transcript paragraphs: the given transcript, or derived from the (relabelled) captions. */
export async function transcriptOf(video: Video): Promise<TranscriptParagraph[]> {
	if (video.data.transcript) return transcriptFromText(video.data.transcript);
	return transcriptFromCues(parseCaptions(await captionsTextOf(video)).cues);
}

/**
 * The WebVTT text of a video's captions as published (validated by the content check): without
 * NOTE blocks and cue identifiers (see `publishedCaptions`), and, for a customer that withholds
 * its name, with every voice naming one of its people (full, first or last name) replaced by that
 * person's credit (job title). The page's transcript and JSON-LD are derived from this text.
 */
export function captionsTextOf(video: Video): Promise<string> {
	// Read once per build (the page's cache key and its transcript both need it); under `npm run
	// dev` every request reads the file again, so an edited captions file shows at once.
	return import.meta.env.DEV ? readCaptionsText(video) : memoised(`captions:${video.id}`, () => readCaptionsText(video))();
}

async function readCaptionsText(video: Video): Promise<string> {
	// The check refuses captions that lead out of the content folder; this read refuses them again.
	const captionsPath = path.resolve(path.dirname(path.resolve(video.filePath!)), video.data.captions);
	const source = readFileSync(realPathInsideContent(contentRoot(process.cwd()), captionsPath), 'utf8');
	const anonymous: VoiceLabel[] = [];
	const customer = await customerById(video.data.customer);
	for (const person of (await all('people')).filter((p) => p.data.customer === customer.id)) {
		const credit = personCredit(person.data, customer.data);
		if (!credit.identified) anonymous.push({ name: person.data.name, label: credit.name });
	}
	const named = (await Promise.all(video.data.speakers.map(creditedPerson))).filter(({ credit }) => credit.identified).map(({ person }) => person.data.name);
	return relabelVoices(publishedCaptions(source), anonymous, named);
}

/**
 * Addresses the site no longer serves as they were: a story or video renamed (`previousIds`)
 * moved to its current address; a withdrawn one is gone, its address showing a tombstone. An
 * earlier id of a withdrawn item is gone too, and one of an item that is private for another
 * reason (a draft, an embargo) leads nowhere yet and is left out.
 */
export const retiredAddresses = memoised('retiredAddresses', async (): Promise<RetiredAddresses> => {
	const moved: RetiredAddresses['moved'] = [];
	const gone: RetiredAddresses['gone'] = [];
	const kinds = [
		{ url: storyUrl, shown: await publicStories(), withdrawn: await withdrawnStories() },
		{ url: videoUrl, shown: await publicVideos(), withdrawn: await withdrawnVideos() },
	];
	for (const { url, shown, withdrawn } of kinds) {
		for (const item of shown) for (const id of item.data.previousIds) moved.push({ from: url(id), to: url(item.id) });
		for (const { item, on } of withdrawn) for (const id of [item.id, ...item.data.previousIds]) gone.push({ url: url(id), on });
	}
	return { moved, gone };
});
