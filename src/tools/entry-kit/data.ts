/**
 * What the entry kit's page hands its script: the JSON block `#kit-data`, written by `renderKit`
 * (src/lib/awards/kit/html.ts). The limits come from the program's eligibility rules, so the kit
 * counts against exactly what `awards intake` checks.
 */

export interface KitData {
	/** localStorage key of the entrant's draft (one per program). */
	storageKey: string;
	/** The `format` tag of the exported entry file. */
	format: string;
	program: string;
	/** Category ids, in the order of the page. */
	categories: string[];
	/** Product ids offered, in the order of the page. */
	products: string[];
	/** The entry must name at least one product. */
	productRequired: boolean;
	/** The eligibility questions asked (as they appear in the entry's `eligibility`). */
	questions: { customerSince: boolean; inProduction: boolean };
	limits: { titleMaxChars?: number; summaryMaxWords?: number; narrativeMaxWords?: number; evidenceMax?: number };
}

/** The id of the JSON block holding the kit's data. */
export const KIT_DATA_ID = 'kit-data';
