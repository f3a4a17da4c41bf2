/**
 * The entrant's draft, the problems that keep it from being exported, and the entry file it
 * exports. Pure (no DOM), so the same rules are unit-tested; `awards intake` checks everything
 * again on its side, these checks only spare the entrant a round trip.
 */
import { ENTRY_FILE_FORMAT, type EntryFile } from '../../lib/awards/entry-file.ts';
import { countChars, countWords } from '../../lib/awards/words.ts';
import type { KitData } from './data.ts';

/** What the form holds, as saved in localStorage. */
export interface Draft {
	customer: string;
	submitter: string;
	customerSince: string;
	/** "yes", "no" or "" (not answered). */
	inProduction: string;
	/** Index into the kit's categories, or -1. */
	category: number;
	title: string;
	summary: string;
	narrative: string;
	/** Indices into the kit's products. */
	products: number[];
	evidence: { label: string; detail: string; url: string }[];
}

export const emptyDraft = (): Draft => ({ customer: '', submitter: '', customerSince: '', inProduction: '', category: -1, title: '', summary: '', narrative: '', products: [], evidence: [] });

/** A saved draft, or an empty one when what was saved cannot be read (another version, or edited). */
export function readDraft(text: string | null): Draft {
	const draft = emptyDraft();
	if (!text) return draft;
	try {
		const saved = JSON.parse(text) as Partial<Draft>;
		for (const key of ['customer', 'submitter', 'customerSince', 'inProduction', 'title', 'summary', 'narrative'] as const) {
			if (typeof saved[key] === 'string') draft[key] = saved[key] as string;
		}
		if (typeof saved.category === 'number') draft.category = saved.category;
		if (Array.isArray(saved.products)) draft.products = saved.products.filter((p): p is number => typeof p === 'number');
		if (Array.isArray(saved.evidence)) {
			draft.evidence = saved.evidence.map((item) => ({ label: String(item?.label ?? ''), detail: String(item?.detail ?? ''), url: String(item?.url ?? '') }));
		}
	} catch {
		// An unreadable draft starts the form empty rather than breaking it.
	}
	return draft;
}

/** One problem, on the field (its element id) the entrant should fix. */
export interface DraftProblem {
	field: string;
	message: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What keeps the draft from being a valid entry, in the order of the form. */
export function draftProblems(data: KitData, draft: Draft): DraftProblem[] {
	const problems: DraftProblem[] = [];
	const { limits } = data;
	for (const [field, name] of [['customer', "your organisation's id"], ['submitter', 'your own id']] as const) {
		if (!draft[field].trim()) problems.push({ field, message: `Fill in ${name}.` });
		else if (!ID.test(draft[field].trim())) problems.push({ field, message: `${name[0].toUpperCase()}${name.slice(1)} is lower-case words joined by hyphens, like "acme-logistics": check your invitation.` });
	}
	if (data.questions.customerSince && !/^\d{4}-\d{2}-\d{2}$/.test(draft.customerSince)) problems.push({ field: 'customer-since', message: 'Say since when your organisation has been a customer.' });
	if (data.questions.inProduction && draft.inProduction === '') problems.push({ field: 'in-production', message: 'Say whether the work is in production.' });
	if (draft.category < 0 || draft.category >= data.categories.length) problems.push({ field: 'category', message: 'Choose a category.' });
	if (!draft.title.trim()) problems.push({ field: 'title', message: 'Give your entry a title.' });
	else if (limits.titleMaxChars !== undefined && countChars(draft.title) > limits.titleMaxChars) problems.push({ field: 'title', message: `The title is ${countChars(draft.title)} characters; the limit is ${limits.titleMaxChars}.` });
	if (!draft.summary.trim()) problems.push({ field: 'summary', message: 'Write a summary.' });
	else if (limits.summaryMaxWords !== undefined && countWords(draft.summary) > limits.summaryMaxWords) problems.push({ field: 'summary', message: `The summary is ${countWords(draft.summary)} words; the limit is ${limits.summaryMaxWords}.` });
	if (!draft.narrative.trim()) problems.push({ field: 'narrative', message: 'Write the narrative.' });
	else if (limits.narrativeMaxWords !== undefined && countWords(draft.narrative) > limits.narrativeMaxWords) problems.push({ field: 'narrative', message: `The narrative is ${countWords(draft.narrative)} words; the limit is ${limits.narrativeMaxWords}.` });
	if (data.productRequired && draft.products.length === 0) problems.push({ field: 'products', message: 'Tick at least one product.' });
	if (limits.evidenceMax !== undefined && draft.evidence.length > limits.evidenceMax) problems.push({ field: 'evidence', message: `There are ${draft.evidence.length} pieces of evidence; the limit is ${limits.evidenceMax}.` });
	draft.evidence.forEach((item, i) => {
		if (!item.label.trim() || !item.detail.trim()) problems.push({ field: `evidence-${i}`, message: `Evidence ${i + 1}: fill in what it measures and the figure, or remove it.` });
		if (item.url.trim() && !/^https?:\/\/[^\s]+$/i.test(item.url.trim())) problems.push({ field: `evidence-${i}`, message: `Evidence ${i + 1}: the web address must start with https:// (or leave it empty).` });
	});
	return problems;
}

/** The entry file `awards intake` takes: text trimmed, empty answers left out. */
export function entryFile(data: KitData, draft: Draft, exportedAt: string): EntryFile {
	return {
		format: ENTRY_FILE_FORMAT,
		program: data.program,
		exportedAt,
		entry: {
			category: data.categories[draft.category],
			customer: draft.customer.trim(),
			submitter: draft.submitter.trim(),
			title: draft.title.trim(),
			summary: draft.summary.trim(),
			narrative: draft.narrative.trim(),
			evidence: draft.evidence.map((item) => ({ label: item.label.trim(), detail: item.detail.trim(), ...(item.url.trim() ? { url: item.url.trim() } : {}) })),
			products: [...new Set(draft.products)].sort((a, b) => a - b).map((i) => data.products[i]).filter((p) => p !== undefined),
			eligibility: {
				...(data.questions.customerSince && draft.customerSince ? { customerSince: draft.customerSince } : {}),
				...(data.questions.inProduction && draft.inProduction ? { inProduction: draft.inProduction === 'yes' } : {}),
			},
		},
	};
}
