/** Settings the build reads from its environment. */

/**
 * A time in whole milliseconds from the environment variable `name`: `fallback` when unset, not
 * digits alone, or under `least`; at most 2³¹−1 (about 24.8 days), the longest a timer waits (Node
 * runs a longer one at once).
 */
export function millisecondsSetting(name: string, fallback: number, least: number): number {
	const text = process.env[name]?.trim() ?? '';
	if (!/^\d+$/.test(text)) return fallback;
	const set = Number(text);
	return set >= least ? Math.min(set, 2 ** 31 - 1) : fallback;
}
