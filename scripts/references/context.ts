/** What every references command gets: the checked content (the reference program among it), "now" and the options. */
import type { CheckResult } from '../../src/lib/content/check.ts';

export interface ReferencesContext {
	projectRoot: string;
	contentDir: string;
	check: CheckResult;
	now: Date;
	options: {
		industry?: string;
		region?: string;
		size?: string;
		product?: string;
		kind?: string;
		advocate?: string;
		date?: string;
		'requested-by'?: string;
		opportunity?: string;
		stage?: string;
		amount?: string;
		outcome?: string;
		stories?: string;
		videos?: string;
		entries?: string;
		'thank-you'?: boolean;
		notes?: string;
		'dry-run'?: boolean;
		html?: boolean;
		out?: string;
		json?: boolean;
	};
}
