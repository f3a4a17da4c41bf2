/**
 * A program's eligibility rules (`eligibility` in program.yaml) applied to one entry: who may
 * enter (customer since, in production, products, regions), one entry per customer per category,
 * and the entry's limits. Pure: `awards intake` runs it on an entrant's file before writing it,
 * and `check` on every entry that is submitted or eligible, so both say the same thing.
 *
 * Messages are for the entrant (the program team forwards them): each names what was found and
 * what the program accepts.
 */
import type { Eligibility } from '../../schemas/award.ts';
import { countChars, countWords } from './words.ts';

/** What the rules look at in one entry. */
export interface EligibilityEntry {
	/** Entry id, to tell entries apart when checking one per customer per category. */
	id: string;
	category: string;
	customer: string;
	title: string;
	summary: string;
	/** Markdown body. */
	narrative: string;
	evidence: unknown[];
	products: string[];
	/** Day it was submitted (intake: today). */
	submittedOn: Date;
	eligibility?: { customerSince?: Date; inProduction?: boolean };
}

/** What the rules need besides the entry. */
export interface EligibilityContext {
	/** The entrant's region, from its customer record (undefined when the customer is unknown). */
	region?: string;
	/** The program's other entries that count (not withdrawn, not ineligible, not drafts). */
	others: { id: string; category: string; customer: string }[];
	/** Display names of products, for messages; ids are shown when missing. */
	productNames?: Map<string, string>;
}

/** One broken rule, on a field of the entry. */
export interface EligibilityProblem {
	/** The entry's field: `eligibility.customerSince`, `products`, `(body)` for the narrative… */
	field: string;
	message: string;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Every rule of `rules` the entry breaks (none when `rules` is undefined). */
export function checkEligibility(entry: EligibilityEntry, rules: Eligibility | undefined, context: EligibilityContext): EligibilityProblem[] {
	if (!rules) return [];
	const problems: EligibilityProblem[] = [];
	const answers = entry.eligibility ?? {};
	if (rules.closes && entry.submittedOn.getTime() > rules.closes.getTime()) {
		problems.push({ field: 'submittedOn', message: `expected an entry submitted by ${day(rules.closes)}, when entries closed, found ${day(entry.submittedOn)}` });
	}
	if (rules.customerSince) {
		const since = answers.customerSince;
		if (!since) problems.push({ field: 'eligibility.customerSince', message: `expected the day your organisation became a customer (entries need to have been customers since ${day(rules.customerSince)} or earlier), found no answer` });
		else if (since.getTime() > rules.customerSince.getTime()) {
			problems.push({ field: 'eligibility.customerSince', message: `expected a customer since ${day(rules.customerSince)} or earlier, found ${day(since)}: this program is open to organisations that were customers by ${day(rules.customerSince)}` });
		}
	}
	if (rules.inProduction && answers.inProduction !== true) {
		problems.push({ field: 'eligibility.inProduction', message: `expected work that is in production (answer yes), found ${answers.inProduction === false ? 'no' : 'no answer'}: this program takes entries about work in everyday use, not pilots` });
	}
	if (rules.products.length && !entry.products.some((p) => rules.products.includes(p))) {
		const names = rules.products.map((p) => context.productNames?.get(p) ?? p);
		problems.push({ field: 'products', message: `expected at least one of the products ${names.join(', ')}, found ${entry.products.length ? entry.products.map((p) => context.productNames?.get(p) ?? p).join(', ') : 'none'}` });
	}
	if (rules.regions.length && context.region !== undefined && !(rules.regions as string[]).includes(context.region)) {
		problems.push({ field: 'customer', message: `expected an organisation in ${rules.regions.join(', ')}, found one in ${context.region}: this program is open only to those regions` });
	}
	if (rules.onePerCustomerPerCategory) {
		const other = context.others.find((o) => o.id !== entry.id && o.customer === entry.customer && o.category === entry.category);
		if (other) problems.push({ field: 'category', message: `expected one entry per organisation in each category, found "${other.id}" already entered by ${entry.customer} in ${entry.category}: enter another category, or withdraw one of the two` });
	}
	if (rules.titleMaxChars !== undefined) {
		const n = countChars(entry.title);
		if (n > rules.titleMaxChars) problems.push({ field: 'title', message: `expected a title of at most ${plural(rules.titleMaxChars, 'character')}, found ${n}: shorten it by ${n - rules.titleMaxChars}` });
	}
	if (rules.summaryMaxWords !== undefined) {
		const n = countWords(entry.summary);
		if (n > rules.summaryMaxWords) problems.push({ field: 'summary', message: `expected a summary of at most ${plural(rules.summaryMaxWords, 'word')}, found ${n}: cut ${n - rules.summaryMaxWords}` });
	}
	if (rules.narrativeMaxWords !== undefined) {
		const n = countWords(entry.narrative);
		if (n > rules.narrativeMaxWords) problems.push({ field: '(body)', message: `expected a narrative of at most ${plural(rules.narrativeMaxWords, 'word')}, found ${n}: cut ${n - rules.narrativeMaxWords}` });
	}
	if (rules.evidenceMax !== undefined && entry.evidence.length > rules.evidenceMax) {
		problems.push({ field: 'evidence', message: `expected at most ${plural(rules.evidenceMax, 'piece')} of evidence, found ${entry.evidence.length}: keep the strongest ${rules.evidenceMax}` });
	}
	return problems;
}

/** Whether an entry counts for the rules (and for one per customer per category): not withdrawn, not ineligible, not a draft. */
export const countsForEligibility = (entry: { status: string; draft: boolean }) => !entry.draft && (entry.status === 'submitted' || entry.status === 'eligible');
