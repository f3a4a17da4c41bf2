/**
 * The customers that have a page, and what each page lists: everything public about them (award
 * entries the judges did not place included, but not entries of a blind program being judged:
 * they would name their entrant), newest first. Only customers who let us use their name have a
 * page. The index of customers and the customer pages both read this, so the index lists exactly
 * the customers that have a page, with the counts their pages show.
 */
import { byNewest, countOf } from '../lib/evidence';
import { allEvidence, memoised, publicEntryItems, type EvidenceItem } from './content';

/** Once per build: the index of customers and every customer page (its paths and cache keys) read it. */
export const evidenceByCustomer: () => Promise<ReadonlyMap<string, readonly EvidenceItem[]>> = memoised('evidenceByCustomer', async () => {
	const everything = [...(await allEvidence()).filter((i) => !i.award), ...(await publicEntryItems()).filter((i) => !i.entrantWithheld)].sort(byNewest);
	const byCustomer = new Map<string, EvidenceItem[]>();
	for (const item of everything) {
		// A page of its own would identify a customer that withholds its name.
		if (!item.customerNamed) continue;
		const items = byCustomer.get(item.customer.id);
		if (items) items.push(item);
		else byCustomer.set(item.customer.id, [item]);
	}
	return byCustomer;
});

/** What a customer's evidence comes to: `2 stories, 1 video, 1 award entry`. */
export function evidenceSummary(items: readonly EvidenceItem[]): string {
	const count = (...types: string[]) => items.filter((i) => types.includes(i.type)).length;
	return (
		[
			[count('story'), 'story', 'stories'],
			[count('video'), 'video', 'videos'],
			[count('award-winner', 'award-entry'), 'award entry', 'award entries'],
		] as const
	)
		.filter(([n]) => n > 0)
		.map(([n, one, many]) => countOf(n, one, many))
		.join(', ');
}
