/** The approval file a reviewer's choices make (pure: the page's form reads them, this writes them). */
import { APPROVAL_FILE_FORMAT, type ApprovalFile, type Decision, type ProofData } from './data.ts';

export interface ReviewerChoices {
	person: string;
	name: string;
	title: string;
	decision: Decision;
	expiresOn: string;
	comments: string;
}

/** What is missing before the file can be exported, in words for the reviewer; empty when complete. */
export function missingChoices(choices: Partial<ReviewerChoices>): string[] {
	const missing: string[] = [];
	if (!choices.person) missing.push('choose who you are from the list');
	if (!choices.name?.trim()) missing.push('type your name');
	if (!choices.title?.trim()) missing.push('type your job title');
	if (!choices.decision) missing.push('choose approve, approve with changes, or decline');
	if (choices.decision && choices.decision !== 'approve' && !choices.comments?.trim()) missing.push('say in the comments what should change, or why you decline');
	if (choices.expiresOn && !/^\d{4}-\d{2}-\d{2}$/.test(choices.expiresOn)) missing.push('give the expiry as a date like 2028-06-30, or leave it empty');
	return missing;
}

/** The JSON approval file; `decidedAt` is the reviewer's clock. */
export function approvalFileJson(data: ProofData, choices: ReviewerChoices, decidedAt: string): string {
	const file: ApprovalFile = {
		format: APPROVAL_FILE_FORMAT,
		item: data.item,
		digest: data.digest,
		fields: data.fields,
		reviewer: { person: choices.person, name: choices.name.trim(), title: choices.title.trim() },
		decision: choices.decision,
		expiresOn: choices.expiresOn || null,
		comments: choices.comments.trim(),
		decidedAt,
	};
	return `${JSON.stringify(file, null, '\t')}\n`;
}
