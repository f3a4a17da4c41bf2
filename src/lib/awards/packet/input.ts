/** What a judge packet shows, and the facts about its scale that every part of the page uses. */

/** Everything one packet shows: plain data, loaded and checked by the caller. */
export interface PacketInput {
	program: {
		id: string;
		name: string;
		blind: boolean;
		scale: { min: number; max: number; step: number };
		criteria: PacketCriterion[];
		categories: { id: string; name: string; description: string }[];
	};
	round: { id: string; name: string; /** YYYY-MM-DD */ closes: string };
	judge: { id: string; name: string };
	/** The judge's entries only, in the order the judge should see them. */
	entries: PacketEntry[];
	/** ISO timestamp shown in the packet (the caller's clock keeps this function pure). */
	generatedAt: string;
}

/** A criterion of the rubric, with its level descriptors. */
export interface PacketCriterion {
	id: string;
	name: string;
	description: string;
	weight: number;
	levels: { score: number; label: string; descriptor: string }[];
}

/** One entry as the judge sees it. */
export interface PacketEntry {
	id: string;
	category: string;
	title: string;
	summary: string;
	/** Markdown body, shown as plain text blocks. */
	narrative: string;
	evidence: { label: string; detail: string; url?: string }[];
	/** Who entered; must be omitted when the program is blind. */
	entrant?: { name: string; website?: string };
}

/** Scales with more allowed values than this get a number field instead of radio buttons. */
export const MAX_RADIO_OPTIONS = 21;

/** Every score the scale allows, lowest first (rounded so 0.1 steps do not drift). */
export function allowedScores(scale: { min: number; max: number; step: number }): number[] {
	const count = Math.floor((scale.max - scale.min) / scale.step + 1e-9) + 1;
	return Array.from({ length: count }, (_, k) => Number((scale.min + k * scale.step).toFixed(10)));
}

/** "1 to 5 in steps of 0.5": the scale in words. */
export function scaleText(scale: { min: number; max: number; step: number }): string {
	return `${scale.min} to ${scale.max} in steps of ${scale.step}`;
}

/** The criterion's levels, lowest score first. */
export function sortedLevels(criterion: PacketCriterion): PacketCriterion['levels'] {
	return [...criterion.levels].sort((a, b) => a.score - b.score);
}

/** Each level descriptor has an id, so the score options it anchors can point at it (aria-describedby). */
export function levelId(ci: number, li: number): string {
	return `criterion-${ci + 1}-level-${li + 1}`;
}
