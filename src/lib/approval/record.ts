/**
 * What `npm run approval -- record` writes for an approval file, decided purely: the file must be
 * for an item that exists, from a person of that item's customer, about the very text the item
 * holds now (its digest); then an approval becomes the item's `approval` block (with the digest of
 * each field approved), and changes requested or a decline its `review` block.
 */
import type { ApprovalFile } from '../../tools/proof/data.ts';
import { changedFields, itemDigest, type FieldDigests } from './digest.ts';
import type { BlockEdits } from './front-matter.ts';

/** How long an approval lasts when the reviewer gives no end date. */
export const DEFAULT_APPROVAL_YEARS = 2;

/** What `record` knows about the item and the reviewer, from the checked content. */
export interface RecordContext {
	/** The item's file, for messages. */
	itemFile: string;
	/** The item's customer. */
	customer: string;
	/** The item's published fields' digests now. */
	currentFields: FieldDigests;
	/** The person the file names: undefined when there is no such person; `customer` undefined for the vendor's people. */
	person?: { id: string; name: string; customer?: string };
	/**
	 * The decisions the item's file holds now: a decision made before either is refused, since an
	 * approval file is not used up when recorded (an earlier approval recorded again would erase a
	 * later decline, and an earlier decline would be outweighed by the approval after it).
	 */
	recorded?: { approvedOn?: Date; review?: { decision: string; reviewedOn: Date } };
	now: Date;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The edits to make to the item's file, with a sentence saying what they mean; or the problems, each naming the field. */
export function recordDecision(file: ApprovalFile, ctx: RecordContext): { edits: BlockEdits; summary: string; problems?: undefined } | { problems: string[] } {
	const problems: string[] = [];
	const { person } = ctx;
	if (!person) {
		problems.push(`reviewer.person: expected a person of the customer "${ctx.customer}" listed in content/people, found "${file.reviewer.person}", who is not there`);
	} else if (person.customer !== ctx.customer) {
		const who = person.customer ? `a person of "${person.customer}"` : "one of the vendor's people";
		problems.push(`reviewer.person: expected a person of the customer "${ctx.customer}" (the customer approves what is published about them), found "${person.id}", ${who}`);
	}
	if (itemDigest(file.fields) !== file.digest) {
		problems.push('digest: expected the digest of the fields listed in the file, found another: the file was changed after it was exported; ask the reviewer to export it again from the proof');
	} else if (file.digest !== itemDigest(ctx.currentFields)) {
		const changed = changedFields(file.fields, ctx.currentFields);
		problems.push(`digest: the proof is out of date: ${changed.map((f) => `"${f}"`).join(', ')} changed in ${ctx.itemFile} since the proof was made, so the reviewer decided on other words; send a new proof (npm run approval -- proof)`);
	}
	const decidedAt = new Date(file.decidedAt);
	if (decidedAt.getTime() > ctx.now.getTime() + 86_400_000) {
		problems.push(`decidedAt: expected the time of the decision, found ${file.decidedAt}, more than a day in the future: check the reviewer's computer clock`);
	}
	const decidedOn = new Date(`${day(decidedAt)}T00:00:00Z`);
	const expiresOn = file.expiresOn ? new Date(`${file.expiresOn}T00:00:00Z`) : new Date(Date.UTC(decidedOn.getUTCFullYear() + DEFAULT_APPROVAL_YEARS, decidedOn.getUTCMonth(), decidedOn.getUTCDate()));
	const { approvedOn, review } = ctx.recorded ?? {};
	const latest = [
		...(approvedOn ? [{ what: 'approval', on: approvedOn }] : []),
		...(review ? [{ what: review.decision === 'declined' ? 'decline' : 'request for changes', on: review.reviewedOn }] : []),
	].sort((a, b) => b.on.getTime() - a.on.getTime())[0];
	if (latest && decidedOn.getTime() < new Date(`${day(latest.on)}T00:00:00Z`).getTime()) {
		problems.push(`decidedAt: expected a decision made since the last one recorded, found ${file.decidedAt} (${day(decidedOn)}), older than the ${latest.what} recorded on ${day(latest.on)} in ${ctx.itemFile}: the customer decided again since; if this decision is meant to stand, ask the reviewer to make it again from the proof`);
	}
	if (file.decision === 'approve' && expiresOn.getTime() <= decidedOn.getTime()) {
		problems.push(`expiresOn: expected a day after the approval (${day(decidedOn)}), found ${file.expiresOn}`);
	}
	if (problems.length) return { problems };

	if (file.decision === 'approve') {
		return {
			edits: { approval: { approvedBy: person!.id, approvedOn: day(decidedOn), expiresOn: day(expiresOn), digest: { ...ctx.currentFields } }, review: undefined },
			summary: `approved by ${person!.name} (${file.reviewer.title}) on ${day(decidedOn)}, until ${day(expiresOn)}`,
		};
	}
	const decision = file.decision === 'decline' ? 'declined' : 'changes-requested';
	return {
		edits: { review: { decision, reviewedBy: person!.id, reviewedOn: day(decidedOn), comments: file.comments, digest: { ...ctx.currentFields } } },
		summary: `${decision === 'declined' ? 'declined' : 'changes requested'} by ${person!.name} (${file.reviewer.title}) on ${day(decidedOn)}${file.comments ? `: "${file.comments}"` : ''}; the item stays unpublished`,
	};
}
