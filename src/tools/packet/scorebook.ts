/**
 * The judge's scores and comments, one cell per entry and criterion, each with the time it was last
 * set: `scores[entry][criterion] = { v: number or null (cleared), t: ms }`, and likewise `comments`
 * with text.
 *
 * Two copies of the packet open at once (two tabs, two windows) share one saved record: every save
 * merges what is saved with what is here, the newest value per cell winning, and a 'storage' event
 * brings the other copy's changes into this one, so neither copy overwrites scores or comments
 * typed in the other. Pure: the page's storage and form are wired up in main.ts.
 */
import type { Scale } from './data.ts';
import { onScale, snap } from './scores.ts';

/** One cell's value (null once cleared) and when it was set, in ms since the epoch. */
export interface Cell<T> {
	v: T | null;
	t: number;
}

/** Cells by entry id, then criterion id. */
export type CellTable<T> = Record<string, Record<string, Cell<T>>>;

/** An entry's criterion, as [entry id, criterion id]. */
export type CellRef = [entry: string, criterion: string];

/** What the packet saves in localStorage. Version 1 (older packets) held bare values, no times. */
export interface SavedScores {
	version: 2;
	scores: CellTable<number>;
	comments: CellTable<string>;
}

type Kind = 'scores' | 'comments';

const validComment = (text: unknown): text is string => typeof text === 'string' && text !== '';

/** A cell of a saved record, if it is there and valid; a version 1 value counts as the oldest. */
function savedCell(saved: Record<string, unknown>, kind: Kind, entry: string, criterion: string, valid: (value: unknown) => boolean): Cell<unknown> | undefined {
	const table = (saved[kind] as Record<string, unknown> | null | undefined)?.[entry];
	if (!table || !Object.prototype.hasOwnProperty.call(table, criterion)) return undefined;
	const raw = (table as Record<string, unknown>)[criterion];
	const cell = saved.version === 2 ? raw : { v: raw, t: 0 };
	if (!cell || typeof cell !== 'object') return undefined;
	const { v, t } = cell as { v?: unknown; t?: unknown };
	if (typeof t !== 'number' || !Number.isFinite(t)) return undefined;
	if (v !== null && !valid(v)) return undefined;
	return { v, t };
}

export class Scorebook {
	readonly scores: CellTable<number> = {};
	readonly comments: CellTable<string> = {};
	private readonly entries: readonly string[];
	private readonly criteria: readonly string[];
	private readonly scale: Scale;
	private readonly now: () => number;
	/** The latest time set or seen: every change is stamped later, even within one millisecond. */
	private lastStamp = 0;

	/** A scorebook for the packet's entries and criteria; `now` is the clock (Date.now in the page). */
	constructor(packet: { entries: readonly string[]; criteria: readonly string[]; scale: Scale }, now: () => number = Date.now) {
		this.entries = packet.entries;
		this.criteria = packet.criteria;
		this.scale = packet.scale;
		this.now = now;
	}

	private stamp(): number {
		let t = this.now();
		if (t <= this.lastStamp) t = this.lastStamp + 1;
		this.lastStamp = t;
		return t;
	}

	private put<T>(table: CellTable<T>, entry: string, criterion: string, cell: Cell<T>): void {
		if (!table[entry]) table[entry] = {};
		table[entry][criterion] = cell;
		if (cell.t > this.lastStamp) this.lastStamp = cell.t;
	}

	/** The entry's score on the criterion, or undefined when it has none. */
	score(entry: string, criterion: string): number | undefined {
		const cell = this.scores[entry]?.[criterion];
		return cell && cell.v !== null ? cell.v : undefined;
	}

	/** The entry's comment on the criterion ('' when none). */
	comment(entry: string, criterion: string): string {
		const cell = this.comments[entry]?.[criterion];
		return cell && cell.v !== null ? cell.v : '';
	}

	/** Sets (or with undefined, clears) a score, stamped now. */
	setScore(entry: string, criterion: string, value: number | undefined): void {
		this.put(this.scores, entry, criterion, { v: value === undefined ? null : value, t: this.stamp() });
	}

	/** Sets (or with '', clears) a comment, stamped now. */
	setComment(entry: string, criterion: string, text: string): void {
		this.put(this.comments, entry, criterion, { v: text === '' ? null : text, t: this.stamp() });
	}

	/**
	 * Takes every cell of a saved record (another copy's, or this one's from before) that is newer
	 * than ours; returns the cells whose value changed. Only what still fits this packet is kept: a
	 * reissued packet may have other entries or a new scale, and the record may be anything at all.
	 */
	merge(saved: unknown): CellRef[] {
		const changed: CellRef[] = [];
		if (!saved || typeof saved !== 'object') return changed;
		const record = saved as Record<string, unknown>;
		const validScore = (value: unknown) => onScale(this.scale, value);
		for (const entry of this.entries) {
			for (const criterion of this.criteria) {
				let touched = false;
				const kinds: [Kind, (value: unknown) => boolean][] = [['scores', validScore], ['comments', validComment]];
				for (const [kind, valid] of kinds) {
					const theirs = savedCell(record, kind, entry, criterion, valid);
					const table = this[kind] as CellTable<unknown>;
					const mine = table[entry]?.[criterion];
					if (theirs && (!mine || theirs.t > mine.t)) {
						if (kind === 'scores' && theirs.v !== null) theirs.v = snap(this.scale, theirs.v as number);
						this.put(table, entry, criterion, theirs);
						touched = touched || !mine || mine.v !== theirs.v;
					}
				}
				if (touched) changed.push([entry, criterion]);
			}
		}
		return changed;
	}

	/** The record to save. */
	saved(): SavedScores {
		return { version: 2, scores: this.scores, comments: this.comments };
	}

	/** Every cell of the packet, entry by entry. */
	allCells(): CellRef[] {
		return this.entries.flatMap((entry) => this.criteria.map((criterion): CellRef => [entry, criterion]));
	}

	/** How many of the entry's criteria have a score. */
	scoredCount(entry: string): number {
		return this.criteria.filter((criterion) => this.score(entry, criterion) !== undefined).length;
	}

	/** How many entries have a score on every criterion. */
	completeCount(): number {
		return this.entries.filter((entry) => this.scoredCount(entry) === this.criteria.length).length;
	}
}

/** A saved record's text as a value; null when it is missing or not JSON. */
export function readSaved(text: string | null): unknown {
	try {
		return JSON.parse(text || 'null');
	} catch {
		return null;
	}
}
