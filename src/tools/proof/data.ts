/** What the proof's script reads from the page's JSON block (written by `src/lib/approval/proof.ts`). */

/** The id of the JSON block holding the proof's data. */
export const PROOF_DATA_ID = 'proof-data';

/** The format the exported approval file declares; `npm run approval -- record` reads only this. */
export const APPROVAL_FILE_FORMAT = 'credence-approval/1';

/** A reviewer's choices: approve, approve once the changes asked for are made, or decline. */
export const DECISIONS = ['approve', 'approve-with-changes', 'decline'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface ProofData {
	format: string;
	item: { kind: string; id: string };
	/** The digest of the item's published fields, and each field's, as proofed. */
	digest: string;
	fields: Record<string, string>;
	/** The customer's people the reviewer may be. */
	people: { id: string; name: string; title: string }[];
	/** Name of the approval file to download. */
	fileName: string;
}

/** The approval file the proof exports and `approval record` reads. */
export interface ApprovalFile {
	format: string;
	item: { kind: string; id: string };
	digest: string;
	fields: Record<string, string>;
	reviewer: { person: string; name: string; title: string };
	decision: Decision;
	/** YYYY-MM-DD, or null for the default term. */
	expiresOn: string | null;
	comments: string;
	/** The reviewer's clock, ISO 8601. */
	decidedAt: string;
}
