/**
 * Draft preview: what `npm run dev` says about an item that is not public (draft, embargoed,
 * unapproved, approval lapsed), so a marketer and the customer can review it before it goes out.
 * The words come from the same publication rule the build applies (`publication.ts`); the build
 * itself never shows these items (see `previewEnabled`).
 */
import type { Publishable } from '../schemas/common.ts';
import { publicationState, withdrawalOf, type PublicationContext, type PublicationState } from './publication.ts';

/** Why an item is not public, and what would make it public. */
export interface PreviewNotice {
	state: Exclude<PublicationState, 'public'>;
	/** One short sentence: "Draft — not public.", "Embargoed until 12 Jan 2027 10:00 UTC." */
	headline: string;
	/** What would make it public, and when: "It becomes public when draft: true is removed and …" */
	detail: string;
	/** A card's marker in lists: "Draft", "Embargoed", "Not approved", "Approval lapsed". */
	label: string;
}

/** Each state that keeps an item off the site, in a word or two: cards' markers, and the awards CLI's notes. */
export const PUBLICATION_LABELS: Record<PreviewNotice['state'], string> = { withdrawn: 'Withdrawn', 'changes-requested': 'Changes requested', declined: 'Declined', 'changed-since-approval': 'Changed since approval', draft: 'Draft', embargoed: 'Embargoed', unapproved: 'Not approved', 'approval-expired': 'Approval lapsed' };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "12 Jan 2027" (UTC). */
export function previewDay(date: Date): string {
	return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "12 Jan 2027 10:00 UTC". */
export function previewDateTime(date: Date): string {
	return `${previewDay(date)} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/**
 * What the preview banner says about an item at `now`; undefined when the item is public.
 * `customer` names who must approve it. Every condition still missing is named, not only the
 * first the rule meets, so nobody removes `draft` and then finds an embargo or a lapsed approval.
 */
export function previewNotice(item: Publishable, now: Date, customer: string, context: PublicationContext = {}): PreviewNotice | undefined {
	const state = publicationState(item, now, context);
	const customerRecord = context.customer;
	const changed = context.changedSinceApproval ?? [];
	if (state === 'public') return undefined;
	const at = now.getTime();
	const { approval, publishAt } = item;
	const embargoed = publishAt !== undefined && publishAt.getTime() > at;
	const approvalPending = approval !== undefined && approval.approvedOn.getTime() > at;
	const lapsed = approval !== undefined && approval.expiresOn.getTime() <= at;

	const conditions: string[] = [];
	const withdrawal = withdrawalOf(item, customerRecord);
	if (withdrawal) conditions.push(`withdrawn is removed${item.withdrawn ? '' : ` from ${customer}'s file`} (only with ${customer}'s agreement)`);
	if (item.draft) conditions.push('draft: true is removed');
	const reviewed = state === 'changes-requested' || state === 'declined';
	if (reviewed || state === 'changed-since-approval') conditions.push(`${customer} approves a new proof (npm run approval -- proof)`);
	if (embargoed) conditions.push(`the embargo lifts on ${previewDateTime(publishAt)}`);
	if (!approval) conditions.push(`${customer} approves it (an approval with approvedBy, approvedOn and expiresOn)`);
	else if (approvalPending) conditions.push(`the approval takes effect on ${previewDay(approval.approvedOn)}`);
	else if (lapsed) conditions.push(`${customer} renews the approval (a later expiresOn)`);
	// The dates alone would make it public from this instant, unless the approval lapses first.
	const opens = Math.max(at, publishAt?.getTime() ?? 0, approval?.approvedOn.getTime() ?? 0);
	if (approval && !lapsed && approval.expiresOn.getTime() <= opens) conditions.push(`the approval, which lapses on ${previewDay(approval.expiresOn)} before that, is renewed`);

	const headline = {
		withdrawn: `Withdrawn at the customer's request on ${withdrawal ? previewDay(withdrawal.on) : ''} — not public; its address shows a tombstone if it was ever published.`,
		'changes-requested': `${customer} asked for changes${item.review ? ` on ${previewDay(item.review.reviewedOn)}` : ''} — not public.`,
		declined: `${customer} declined publication${item.review ? ` on ${previewDay(item.review.reviewedOn)}` : ''} — not public.`,
		'changed-since-approval': `Changed since ${customer} approved it (${changed.join(', ')}) — not public.`,
		draft: 'Draft — not public.',
		embargoed: `Embargoed until ${publishAt ? previewDateTime(publishAt) : ''} — not public.`,
		unapproved: approvalPending ? `Not approved by ${customer} yet — the approval takes effect on ${approval ? previewDay(approval.approvedOn) : ''}.` : `Not approved by ${customer} yet — not public.`,
		'approval-expired': `Approval lapsed on ${approval ? previewDay(approval.expiresOn) : ''} — no longer public.`,
	}[state];
	const timed = conditions.length > 0 && !withdrawal && !reviewed && state !== 'changed-since-approval' && !item.draft && approval !== undefined && !lapsed && approval.expiresOn.getTime() > opens;
	const detail =
		`It becomes public when ${joinAnd(conditions)}` +
		(timed ? `: from ${previewDateTime(new Date(opens))}, at the first build after then (the scheduled daily build).` : ', and the site is rebuilt.') +
		' Only npm run dev shows it; the built site does not.';
	return { state, headline, detail, label: PUBLICATION_LABELS[state] };
}

function joinAnd(parts: string[]): string {
	return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * Whether the site shows unpublished items: only under `astro dev` (`npm run dev`), never in
 * `astro build`, whatever the environment says. `CREDENCE_PREVIEW=0` turns it off in dev, to see
 * the site exactly as it will be published.
 */
export function previewEnabled(command: string, env: Record<string, string | undefined> = process.env): boolean {
	return command === 'dev' && env.CREDENCE_PREVIEW !== '0';
}
