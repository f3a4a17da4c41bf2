/** Inter-rater reliability of a panel's weighted scores. */
import { krippendorffAlphaInterval } from '../stats.ts';
import type { Panel } from './panel.ts';
import type { ReliabilityResult } from './types.ts';

/** Krippendorff's α over the weighted scores of the given entries (units = entries, coders = judges). */
export function reliabilityOf(panel: Panel, entries: readonly number[]): ReliabilityResult {
	const units: Float64Array[] = [];
	let values = 0;
	for (const e of entries) {
		const unit = panel.obsScore.subarray(panel.entryStart[e], panel.entryStart[e + 1]);
		if (unit.length < 2) continue;
		units.push(unit);
		values += unit.length;
	}
	return { alpha: krippendorffAlphaInterval(units), units: units.length, values };
}
