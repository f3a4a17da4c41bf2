/**
 * Seeded randomness for the judging workflow: the same seed gives the same assignment and the
 * same bootstrap, on every machine (pure-rand's xoroshiro128+).
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Random {
	/** Integer in [from, to], both included. */
	int(from: number, to: number): number;
	/** Float in [0, 1). */
	float(): number;
	/** A new array with the items in random order (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[];
}

export function seededRandom(seed: number): Random {
	const rng = xoroshiro128plus(seed);
	const random: Random = {
		int: (from, to) => uniformInt(rng, from, to),
		float: () => uniformFloat64(rng),
		shuffle(items) {
			const out = [...items];
			for (let i = out.length - 1; i > 0; i--) {
				const j = uniformInt(rng, 0, i);
				[out[i], out[j]] = [out[j], out[i]];
			}
			return out;
		},
	};
	return random;
}
