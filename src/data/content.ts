/**
 * The query layer pages use. Every public list goes through `isPublic` here, so no page can
 * forget the publication rule; collection reads are memoised for the build.
 */
import { getCollection, getEntry, type CollectionEntry, type CollectionKey } from 'astro:content';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { splitScopedId } from '../lib/content/layout.ts';
import { byNewest, customerDisplayName, customerFacets, customerIsNamed, personCredit, type Credit } from '../lib/evidence.ts';
import { isPublic, publicationTime } from '../lib/publication.ts';
import { parseCaptions, relabelVoices, transcriptFromCues, transcriptFromText, type TranscriptParagraph } from '../lib/vtt.ts';
import type { ContentType } from '../schemas/taxonomy.ts';

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

export const publicStories = async () => (await all('stories')).filter((s) => isPublic(s.data, now));
export const publicVideos = async () => (await all('videos')).filter((v) => isPublic(v.data, now));
/** Award entries the entrant approved, not withdrawn or ineligible. */
export const publicAwardEntries = async () =>
	(await all('awardEntries')).filter((e) => isPublic(e.data, now) && (e.data.status === 'submitted' || e.data.status === 'eligible'));

export const awardPrograms = () => all('awardPrograms');
export const products = () => all('products');

export async function customerById(id: string): Promise<Customer> {
	const customer = (await all('customers')).find((c) => c.id === id);
	if (!customer) throw new Error(`unknown customer ${id}`); // integrity check makes this unreachable
	return customer;
}

export async function personById(id: string): Promise<Person> {
	const person = (await all('people')).find((p) => p.id === id);
	if (!person) throw new Error(`unknown person ${id}`);
	return person;
}

/** A person with how the site may credit them (see `personCredit`). */
export async function creditedPerson(id: string): Promise<{ person: Person; credit: Credit }> {
	const person = await personById(id);
	const employer = person.data.customer ? (await customerById(person.data.customer)).data : undefined;
	return { person, credit: personCredit(person.data, employer) };
}

export async function productById(id: string) {
	return (await products()).find((p) => p.id === id)!;
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

/** The common shape of every piece of evidence in lists, feeds and the library. */
export interface EvidenceItem {
	type: ContentType;
	id: string;
	url: string;
	title: string;
	summary: string;
	date: Date;
	customer: Customer;
	customerName: string;
	customerNamed: boolean;
	facets: ReturnType<typeof customerFacets>;
	products: string[];
}

async function item(type: ContentType, id: string, url: string, data: { title: string; summary: string; customer: string; products: string[] }, date: Date): Promise<EvidenceItem> {
	const customer = await customerById(data.customer);
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
		facets: customerFacets(customer.data),
		products: data.products,
	};
}

export const storyUrl = (id: string) => `/stories/${id}/`;
export const videoUrl = (id: string) => `/videos/${id}/`;
export const entryUrl = (id: string) => {
	const { program, local } = splitScopedId(id);
	return `/awards/${program}/entries/${local}/`;
};
export const customerUrl = (id: string) => `/customers/${id}/`;

/** Every public piece of evidence, newest first. */
export async function allEvidence(): Promise<EvidenceItem[]> {
	const items = await Promise.all([
		...(await publicStories()).map((s) => item('story', s.id, storyUrl(s.id), s.data, s.data.publishedOn)),
		...(await publicVideos()).map((v) => item('video', v.id, videoUrl(v.id), v.data, v.data.publishedOn)),
		...(await publicAwardEntries()).map((e) => item('award-entry', e.id, entryUrl(e.id), e.data, e.data.submittedOn)),
	]);
	return items.sort(byNewest);
}

/** Transcript paragraphs: the given transcript, or derived from the (relabelled) captions. */
export async function transcriptOf(video: Video): Promise<TranscriptParagraph[]> {
	if (video.data.transcript) return transcriptFromText(video.data.transcript);
	return transcriptFromCues(parseCaptions(await captionsTextOf(video)).cues);
}

/**
 * The WebVTT text of a video's captions (validated by the content check), with the voice names
 * of speakers who must stay anonymous replaced by their job titles.
 */
export async function captionsTextOf(video: Video): Promise<string> {
	const source = readFileSync(path.resolve(path.dirname(path.resolve(video.filePath!)), video.data.captions), 'utf8');
	const labels = new Map<string, string>();
	for (const id of video.data.speakers) {
		const { person, credit } = await creditedPerson(id);
		if (!credit.identified) labels.set(person.data.name, credit.name);
	}
	return relabelVoices(source, labels);
}
