/**
 * What a ranking packet's page hands its script: the JSON block `#ranking-data`, written by
 * `renderRankingPacket` (src/lib/awards/packet/ranking-html.ts). Ids travel as data; the markup
 * carries only indices into `categories` and `entries`.
 */

export interface RankingData {
	/** localStorage key of this judge's saved order (program, round and judge in it). */
	storageKey: string;
	program: string;
	round: string;
	judge: string;
	/** Per category (page order): its id, name and the indices of its finalists in `entries`, in the starting order. */
	categories: { id: string; name: string; entries: number[] }[];
	/** Finalist entry ids and titles. */
	entries: { id: string; title: string }[];
	/** The name the rankings file downloads as. */
	file: string;
}

export const RANKING_DATA_ID = 'ranking-data';
