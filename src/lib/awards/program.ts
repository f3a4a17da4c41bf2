/**
 * One award program's data, gathered from the checked content for the awards CLI: the rules,
 * entries and judges in the plain shapes the algorithms take, and each round's committed
 * assignment and scores.
 */
import path from 'node:path';
import type { AssignmentFile, Program, Winners } from '../../schemas/award.ts';
import type { CheckResult } from '../content/check.ts';
import { assignedPairs, conflictedCustomers, rankingContextFor, type AssignmentSheet, type RankingSheet, type ScoreSheet } from '../content/integrity.ts';
import type { RankingContext } from './rankings.ts';
import { splitScopedId } from '../content/layout.ts';
import { indexedPublicationState } from '../indexed-publication.ts';
import type { PublicationState } from '../publication.ts';
import { unknownNameHint } from '../spelling.ts';
import type { EntryRef, JudgeRef, Score } from './types.ts';

export interface ProgramEntry extends EntryRef {
	title: string;
	summary: string;
	narrative: string;
	evidence: { label: string; detail: string; url?: string }[];
	status: string;
	/** A draft is an unfinished submission: not judged. */
	draft: boolean;
	/** Whether the entry may appear on the public site. */
	public: boolean;
	/** Why it may or may not: the publication rule the site applies (src/lib/publication.ts), changes since approval included. */
	publication: PublicationState;
}

export interface ProgramJudge extends JudgeRef {
	name: string;
}

export interface ProgramData {
	id: string;
	program: Program;
	/** Folder of the program, absolute. */
	folder: string;
	entries: ProgramEntry[];
	judges: ProgramJudge[];
	/** Entries that take part in judging: submitted or eligible, and not drafts. */
	eligible: ProgramEntry[];
	assignment(round: string): AssignmentSheet | undefined;
	scoreSheet(round: string): ScoreSheet | undefined;
	scores(round: string): Score[];
	assigned(round: string): Set<string> | undefined;
	rankingSheet(round: string): RankingSheet | undefined;
	/** The published outcome (`winners.yaml`, as checked); undefined before publishing. */
	winners: Winners | undefined;
	/** Finalists from the published outcome, with the panel's conflicts; undefined before publishing. */
	rankingContext: RankingContext | undefined;
}

export class UnknownProgramError extends Error {}

export function programData(check: CheckResult, contentDir: string, programId: string, now: Date): ProgramData {
	const entry = check.index.awardPrograms.get(programId);
	if (!entry) {
		const known = [...check.index.awardPrograms.keys()];
		throw new UnknownProgramError(`no award program "${programId}" (${unknownNameHint(programId, known, { none: 'there are no programs yet' })})`);
	}
	const entries: ProgramEntry[] = [...check.index.awardEntries.values()]
		.filter((e) => splitScopedId(e.id).program === programId)
		.map((e) => ({
			id: splitScopedId(e.id).local,
			publication: indexedPublicationState(check.index, e, now),
			category: e.data.category,
			customer: e.data.customer,
			title: e.data.title,
			summary: e.data.summary,
			narrative: e.body ?? '',
			evidence: e.data.evidence,
			status: e.data.status,
			draft: e.data.draft,
		}))
		.map((e) => ({ ...e, public: e.publication === 'public' }))
		.sort((a, b) => a.id.localeCompare(b.id));
	const judges: ProgramJudge[] = [...check.index.awardJudges.values()]
		.filter((j) => splitScopedId(j.id).program === programId)
		.map((j) => {
			const person = check.index.people.get(j.data.person)?.data;
			return { id: splitScopedId(j.id).local, name: person?.name ?? j.data.person, expertise: j.data.expertise, conflicts: [...conflictedCustomers(j.data, person)].sort() };
		})
		.sort((a, b) => a.id.localeCompare(b.id));
	const sheetFor = <T extends { program: string; round: string }>(list: T[], round: string) => list.find((s) => s.program === programId && s.round === round);
	return {
		id: programId,
		program: entry.data,
		folder: path.join(contentDir, 'awards', programId),
		entries,
		judges,
		eligible: entries.filter((e) => !e.draft && (e.status === 'submitted' || e.status === 'eligible')),
		assignment: (round) => sheetFor(check.assignments, round),
		scoreSheet: (round) => sheetFor(check.scoreSheets, round),
		scores: (round) => (sheetFor(check.scoreSheets, round)?.lines ?? []).map(({ row }) => ({ ...row })),
		rankingSheet: (round) => sheetFor(check.rankingSheets, round),
		winners: check.index.awardWinners.get(programId)?.data,
		rankingContext: rankingContextFor(check.index, programId),
		assigned: (round) => {
			const sheet = sheetFor(check.assignments, round);
			return sheet && assignedPairs(sheet);
		},
	};
}

/** Assignment file data → judge/entry pairs. */
export function pairsOf(file: AssignmentFile): { judge: string; entry: string }[] {
	return Object.entries(file.judges).flatMap(([judge, entries]) => entries.map((entry) => ({ judge, entry })));
}
