/**
 * One row of a finalist round's private ranking sheet (`rankings/<round>.csv`, header
 * judge,entry,rank): each judge ranks the finalists of each category, 1 = best.
 */
import { z } from 'astro/zod';
import { ID_PATTERN } from './common.ts';

export const RANKING_COLUMNS = ['judge', 'entry', 'rank'] as const;

export const rankingRowSchema = z
	.object({
		/** Judge id (the file name in judges/). */
		judge: z.string().regex(ID_PATTERN, { error: 'expected a judge id like "ana-lyst"' }),
		/** A finalist's entry id. */
		entry: z.string().regex(ID_PATTERN, { error: 'expected an entry id like "one-plan-for-every-mill"' }),
		/** The judge's rank for it within its category, 1 = best. */
		rank: z.union([z.number(), z.string()]).transform((value, ctx) => {
			const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
			if (!Number.isInteger(n) || n < 1) {
				ctx.addIssue({ code: 'custom', message: `expected a whole-number rank from 1, found "${value}"` });
				return z.NEVER;
			}
			return n;
		}),
	})
	.strict();

export type RankingRow = z.infer<typeof rankingRowSchema>;
