/**
 * Whether a score is on the program's scale: the same rule as the importer's (within the bounds
 * and a whole number of steps from the minimum), with room for float error.
 */
import type { Scale } from './data.ts';

/** True for a finite number within the scale's bounds and on one of its steps. */
export function onScale(scale: Scale, n: unknown): n is number {
	if (typeof n !== 'number' || !Number.isFinite(n) || n < scale.min || n > scale.max) return false;
	const k = (n - scale.min) / scale.step;
	return Math.abs(k - Math.round(k)) < 1e-9;
}

/** The exact step value a score on the scale stands for (4.5000000001 is 4.5). */
export function snap(scale: Scale, n: number): number {
	return Number((scale.min + Math.round((n - scale.min) / scale.step) * scale.step).toFixed(10));
}

/** What a judge typed into a number field means. */
export type TypedScore = { kind: 'empty' } | { kind: 'valid'; score: number } | { kind: 'invalid' };

/**
 * Reads a number field: empty (and not a half-typed number the browser flags as `badInput`),
 * a score on the scale (kept as its exact step), or anything else, which is not kept.
 */
export function readTypedScore(scale: Scale, value: string, badInput: boolean): TypedScore {
	const raw = value.trim();
	if (raw === '' && !badInput) return { kind: 'empty' };
	const n = Number(raw);
	if (raw !== '' && onScale(scale, n)) return { kind: 'valid', score: snap(scale, n) };
	return { kind: 'invalid' };
}
