/**
 * A judge's ranking, without the DOM: each category's order, whether the judge has confirmed it,
 * moving a finalist, reading what was saved, and the rankings sheet (`judge,entry,rank`) that
 * `awards import --round <ranking round>` takes.
 */
import { neutraliseCsvCell } from '../../lib/csv-cell.ts';
import { csvField } from '../packet/export.ts';
import type { RankingData } from './data.ts';

export interface RankingState {
	/** Per category, entry indices best first. */
	orders: number[][];
	/** Per category, whether the judge has said the order is their ranking. */
	confirmed: boolean[];
}

/** The starting state: the order of the page, nothing confirmed. */
export const initialState = (data: RankingData): RankingState => ({ orders: data.categories.map((c) => [...c.entries]), confirmed: data.categories.map(() => false) });

/**
 * What was saved, where it still fits the packet (the same finalists in each category); anything
 * else starts from the page's order.
 */
export function readSaved(data: RankingData, text: string | null): RankingState {
	const state = initialState(data);
	if (!text) return state;
	try {
		const saved = JSON.parse(text) as Partial<RankingState>;
		data.categories.forEach((c, ci) => {
			const order = saved.orders?.[ci];
			if (Array.isArray(order) && order.length === c.entries.length && [...order].sort((a, b) => a - b).join() === [...c.entries].sort((a, b) => a - b).join()) {
				state.orders[ci] = order.map(Number);
				state.confirmed[ci] = saved.confirmed?.[ci] === true;
			}
		});
	} catch {
		// Unreadable: start from the page's order.
	}
	return state;
}

/** Moves the finalist at position `from` of category `ci` to position `to` (0-based, clamped); returns where it ended. */
export function move(state: RankingState, ci: number, from: number, to: number): number {
	const order = state.orders[ci];
	const target = Math.max(0, Math.min(order.length - 1, to));
	const [entry] = order.splice(from, 1);
	order.splice(target, 0, entry);
	return target;
}

/** The rankings sheet of the confirmed categories: one row per finalist, rank 1 = best. */
export function rankingsCsv(data: RankingData, state: RankingState): string {
	const text = (value: string) => csvField(neutraliseCsvCell(value));
	const rows = data.categories.flatMap((_, ci) =>
		state.confirmed[ci] ? state.orders[ci].map((ei, position) => [text(data.judge), text(data.entries[ei].id), String(position + 1)].join(',')) : [],
	);
	return `${['judge,entry,rank', ...rows].join('\n')}\n`;
}
