/**
 * Blind judging: before packets go to judges, every entry of a blind program is checked for text
 * that still names its entrant. The packet leaves out the entrant's name, logo, people and
 * website, but it cannot rewrite what the entrant wrote; a slip there would unblind the judge, so
 * the packets command fails on any problem found here.
 */
import { findMentions, organisationNeedles, personNeedles } from '../mentions.ts';

/** Who entered, as far as identifying them in text goes. */
export interface BlindEntrant {
	/** Customer id, e.g. "harbourline-freight". */
	customer: string;
	/** Organisation name, e.g. "Harbourline Freight Ltd". */
	name: string;
	/** Website, whose domain also identifies the entrant. */
	website?: string;
	/** Names of the entrant's people. */
	people: string[];
}

/** An entry field that names its entrant. */
export interface BlindProblem {
	/** Entry id. */
	entry: string;
	/** The field at fault: `id`, `title`, `summary`, `narrative`, `evidence[1].detail`… */
	field: string;
	/** The names found, as the needles were spelled (e.g. "Harbourline Freight", "harbourline.example"). */
	found: string[];
}

/** An entry of a blind program with its entrant, as the lint needs it. */
export interface BlindEntry {
	id: string;
	title: string;
	summary: string;
	/** Markdown body. */
	narrative: string;
	evidence: { label: string; detail: string; url?: string }[];
	entrant: BlindEntrant;
}

/**
 * Every way the text of an entry could name its entrant: the organisation's needles (name, short
 * name, brand word, domain), its customer id, and its people's full names and first or last
 * names of 4 letters or more ("Harbourline", "Marieke").
 */
export function entrantNeedles(entrant: BlindEntrant): string[] {
	return [
		...new Set([
			...organisationNeedles(entrant.name, entrant.website),
			// The customer id ("harbourline-freight") is how the entrant appears in URLs and file names.
			entrant.customer,
			...entrant.people.flatMap(personNeedles),
		]),
	];
}

/**
 * Finds entries whose text names their entrant: its name (with or without a legal suffix), its
 * brand word, its website's domain or the domain's first label, its customer id, or one of its
 * people's full, first or last names (see `entrantNeedles`);
 * whole words, case-insensitively. The entry id is checked too, since packets and score files
 * show it to the judge. Returns one problem per field, in entry order; nothing when all are clean.
 */
export function lintBlindEntries(entries: BlindEntry[]): BlindProblem[] {
	const problems: BlindProblem[] = [];
	for (const entry of entries) {
		const needles = entrantNeedles(entry.entrant);
		const fields: [string, string][] = [
			['id', entry.id],
			['title', entry.title],
			['summary', entry.summary],
			['narrative', entry.narrative],
			...entry.evidence.flatMap((item, i): [string, string][] => [
				[`evidence[${i}].label`, item.label],
				[`evidence[${i}].detail`, item.detail],
				...(item.url ? [[`evidence[${i}].url`, item.url] as [string, string]] : []),
			]),
		];
		for (const [field, text] of fields) {
			const found = findMentions(text, needles);
			if (found.length) problems.push({ entry: entry.id, field, found });
		}
	}
	return problems;
}

/**
 * Whether a round is judged blind. A blind program keeps entrants hidden until the announcement
 * its `blindUntil` names: with `winners` every round is blind (the finalists are ranked without
 * names, as the site shows them); with `finalists` the rounds after the first are not, since the
 * site names the entrants once the finalists are announced. Packets and site follow this one rule.
 */
export function judgedBlind(program: { blind: boolean; blindUntil?: 'winners' | 'finalists'; rounds: readonly { id: string }[] }, round: string): boolean {
	if (!program.blind) return false;
	return program.blindUntil !== 'finalists' || program.rounds.findIndex((r) => r.id === round) <= 0;
}
