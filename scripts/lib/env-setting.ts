/** Settings the build reads from its environment. */

/**
 * A time in milliseconds from the environment variable `name`: `fallback` when unset, not a
 * number, or under `least`; at most 2³¹−1 (about 24.8 days), the longest a timer waits (Node runs
 * a longer one at once).
 */
export function millisecondsSetting(name: string, fallback: number, least: number): number {
	const set = Number(process.env[name]);
	return process.env[name] && Number.isFinite(set) && set >= least ? Math.min(set, 2 ** 31 - 1) : fallback;
}
