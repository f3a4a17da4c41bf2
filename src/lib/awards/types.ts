/**
 * Plain data the judging algorithms work on, independent of files and of Astro: the CLI loads
 * content into these shapes, the algorithms return JSON-serialisable results.
 */

/** An entry as the algorithms see it. */
export interface EntryRef {
	/** Entry id within its program (the file name). */
	id: string;
	/** Category id. */
	category: string;
	/** Entrant customer id (for conflicts). */
	customer: string;
}

/** A judge as the algorithms see it. */
export interface JudgeRef {
	/** Judge id (the person id). */
	id: string;
	/** Expertise tags. */
	expertise: string[];
	/** Customers the judge may not score: declared conflicts and their own employer. */
	conflicts: string[];
}

/** One criterion score. */
export interface Score {
	judge: string;
	entry: string;
	criterion: string;
	score: number;
	comment?: string;
}

/** A criterion with its weight (percent; weights sum to 100). */
export interface CriterionRef {
	id: string;
	weight: number;
}

/** One judge–entry pair of an assignment. */
export interface Assignment {
	judge: string;
	entry: string;
}
