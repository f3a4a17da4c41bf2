/**
 * What the reference program needs from the published evidence: which public pieces an advocate
 * appears in, and the state of their customer's approvals. Reads the checked content index.
 */
import type { ContentIndex } from '../content/integrity.ts';
import { entrantShownAt } from '../awards/announcement.ts';
import { splitScopedId } from '../content/layout.ts';
import type { ValidEntry } from '../content/validate.ts';
import { indexedPublicationState } from '../indexed-publication.ts';
import type { PublicationState } from '../publication.ts';
import type { Publishable } from '../../schemas/common.ts';

/**
 * The publication state of a story, video or award entry of the index: the one place the
 * reference program asks the publication rule, so it reads evidence exactly as the site does
 * (its customer's withdrawal and changes since approval included).
 */
export function stateOf(index: ContentIndex, entry: ValidEntry<Publishable & { customer: string }>, now: Date): PublicationState {
	return indexedPublicationState(index, entry, now);
}

/** A piece of evidence an advocate appears in. */
export interface AdvocateEvidence {
	type: 'story' | 'video' | 'award-entry';
	id: string;
	title: string;
}

/**
 * Whether the site names the entrant of award entry `id`: not while its blind program is judged
 * (until `blindUntil`'s announcement). Until then the entry is no evidence a prospect can be shown
 * of who entered it, and the reference program must not let the entrant be looked up through it.
 */
function entrantNamed(index: ContentIndex, id: string, now: Date): boolean {
	const { program } = splitScopedId(id);
	const definition = index.awardPrograms.get(program)?.data;
	return definition !== undefined && entrantShownAt(definition, index.awardWinners.get(program)?.data, now);
}

/** The public stories (author or quoted), videos (speaker) and award entries (submitter, once the site names the entrant) `person` appears in. */
export function evidenceWith(index: ContentIndex, person: string, now: Date): AdvocateEvidence[] {
	const found: AdvocateEvidence[] = [];
	for (const [id, story] of index.stories) {
		const s = story.data;
		if (stateOf(index, story, now) !== 'public') continue;
		if (s.authors.includes(person) || s.quotes.some((q: { person: string }) => q.person === person)) found.push({ type: 'story', id, title: s.title });
	}
	for (const [id, video] of index.videos) {
		if (stateOf(index, video, now) === 'public' && video.data.speakers.includes(person)) found.push({ type: 'video', id, title: video.data.title });
	}
	for (const [id, entry] of index.awardEntries) {
		if (stateOf(index, entry, now) === 'public' && entry.data.submitter === person && entrantNamed(index, id, now)) found.push({ type: 'award-entry', id, title: entry.data.title });
	}
	return found;
}

/** Every story, video and award entry about `customer` that carries an approval (drafts aside). */
function approvedItemsOf(index: ContentIndex, customer: string) {
	return [...index.stories.values(), ...index.videos.values(), ...index.awardEntries.values()].filter((e) => e.data.customer === customer && !e.data.draft && e.data.approval);
}

/**
 * The pieces about `customer` whose approval has lapsed (and not been renewed). Until the customer
 * signs off again, they are not one to put in front of a prospect: the prospect could not even
 * be shown the story.
 */
export function lapsedApprovals(index: ContentIndex, customer: string, now: Date): string[] {
	return approvedItemsOf(index, customer)
		.filter((e) => stateOf(index, e, now) === 'approval-expired')
		.map((e) => e.data.title as string);
}

/** The public pieces about `customer` whose approval lapses within `days` days of `now`. */
export function lapsingApprovals(index: ContentIndex, customer: string, now: Date, days: number): { title: string; expiresOn: Date }[] {
	const horizon = now.getTime() + days * 86_400_000;
	return approvedItemsOf(index, customer)
		.flatMap((e) => (e.data.approval && stateOf(index, e, now) === 'public' && e.data.approval.expiresOn.getTime() < horizon ? [{ title: e.data.title as string, expiresOn: e.data.approval.expiresOn as Date }] : []));
}
