/**
 * `references find`: the advocates who fit a sales request, best first, and those who fit but are
 * left out (at their limit, resting, retired, not agreed to this kind, customer's approval lapsed),
 * each with the reasons a reference manager would give.
 */
import type { ContentIndex } from '../content/integrity.ts';
import { REFERENCE_KINDS, type ReferenceKind } from '../../schemas/reference.ts';
import { INDUSTRIES, REGIONS, SIZES, type CompanySize, type Industry, type Region } from '../../schemas/taxonomy.ts';
import { evidenceWith, lapsedApprovals, lapsingApprovals, type AdvocateEvidence } from './evidence.ts';
import { fatigueOf, weightOf, type Fatigue } from './fatigue.ts';
import type { ReferenceData } from './load.ts';

/** What sales asked for; every part optional. */
export interface ReferenceRequest {
	industry?: Industry;
	region?: Region;
	size?: CompanySize;
	/** A product id. */
	product?: string;
	kind?: ReferenceKind;
}

/** Points per matching facet, and per piece of public evidence the advocate appears in (at most `EVIDENCE_CAP` count). */
export const POINTS = { industry: 3, region: 2, size: 1, product: 2, evidence: 1 } as const;
export const EVIDENCE_CAP = 3;
/** An approval lapsing within this many days is a caution on a suggestion. */
export const LAPSING_DAYS = 30;

/** One advocate considered for the request. */
export interface Candidate {
	advocate: string;
	name: string;
	title: string;
	customer: string;
	customerName: string;
	stage: string;
	/** How well they fit: the sum of the points behind `reasons`. */
	score: number;
	/** Why they fit. */
	reasons: string[];
	/** Why they are left out (empty for a suggestion). */
	leftOutBecause: string[];
	/** What to mind before asking, without ruling them out: an approval of their customer's about to lapse. */
	cautions: string[];
	fatigue: Fatigue;
	evidence: AdvocateEvidence[];
}

export interface FindResult {
	request: ReferenceRequest;
	suggested: Candidate[];
	leftOut: Candidate[];
}

const day = (date: Date) => date.toISOString().slice(0, 10);
/** `a reference call`, `an event talk` */
const aKind = (kind: ReferenceKind) => {
	const label = REFERENCE_KINDS[kind].toLowerCase();
	return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
};

/** Ranks the advocates for `request` at `now`. Only advocates whose customer matches at least one requested facet are considered (all, when none is requested). */
export function findReferences(index: ContentIndex, references: ReferenceData, request: ReferenceRequest, now: Date): FindResult {
	const { policy } = references;
	const facetsAsked = Boolean(request.industry || request.region || request.size || request.product);
	const candidates: Candidate[] = [];
	for (const [id, { data: advocate }] of references.advocates) {
		const customer = index.customers.get(advocate.customer)?.data;
		const person = index.people.get(advocate.person)?.data;
		if (!customer || !person) continue;
		const reasons: string[] = [];
		let score = 0;
		let facetMatches = 0;
		const facet = (matches: boolean, points: number, reason: string) => {
			if (!matches) return;
			score += points;
			facetMatches += 1;
			reasons.push(reason);
		};
		facet(request.industry !== undefined && customer.industry === request.industry, POINTS.industry, `same industry (${INDUSTRIES[customer.industry]})`);
		facet(request.region !== undefined && customer.region === request.region, POINTS.region, `same region (${REGIONS[customer.region]})`);
		facet(request.size !== undefined && customer.size === request.size, POINTS.size, `same company size (${SIZES[customer.size]})`);
		facet(request.product !== undefined && customer.products.includes(request.product), POINTS.product, `${customer.name} uses ${index.products.get(request.product!)?.data.name ?? request.product}`);
		if (facetsAsked && facetMatches === 0) continue;
		const evidence = evidenceWith(index, advocate.person, now);
		for (const piece of evidence.slice(0, EVIDENCE_CAP)) {
			score += POINTS.evidence;
			reasons.push(`appears in the ${piece.type === 'award-entry' ? 'award entry' : piece.type} "${piece.title}"`);
		}

		const fatigue = fatigueOf(id, advocate, references.activities, policy, now);
		const leftOutBecause: string[] = [];
		if (advocate.stage === 'nominated') leftOutBecause.push('only nominated: not yet recruited into the program');
		if (advocate.stage === 'resting') leftOutBecause.push(`resting since ${day(advocate.stageSince)}`);
		if (advocate.stage === 'retired') leftOutBecause.push(`retired from the program since ${day(advocate.stageSince)}`);
		if (request.kind && !advocate.agreedTo.includes(request.kind)) leftOutBecause.push(`has not agreed to ${aKind(request.kind)} (agreed to: ${advocate.agreedTo.map((k) => REFERENCE_KINDS[k].toLowerCase()).join(', ')})`);
		const lapsed = lapsedApprovals(index, advocate.customer, now);
		if (lapsed.length) leftOutBecause.push(`${customer.name}'s approval has lapsed (${lapsed.map((t) => `"${t}"`).join(', ')}): renew it first`);
		if (fatigue.restingUntil) leftOutBecause.push(`resting after ${aKind(fatigue.restingAfter!)} until ${day(fatigue.restingUntil)} (${policy.restDays}-day rest after a heavy ask)`);
		const weight = request.kind ? weightOf(policy, request.kind) : 1;
		if (fatigue.load >= fatigue.limit) leftOutBecause.push(`at their limit: load ${fatigue.load} of ${fatigue.limit} in the last ${policy.windowDays} days (${fatigue.asks} asks)`);
		else if (fatigue.load + weight > fatigue.limit) leftOutBecause.push(`this ask (weight ${weight}) would take them over their limit: load ${fatigue.load} of ${fatigue.limit} in the last ${policy.windowDays} days`);
		const cautions = lapsingApprovals(index, advocate.customer, now, LAPSING_DAYS).map((a) => `the approval of "${a.title}" lapses on ${day(a.expiresOn)}: renew it before a prospect reads it`);
		candidates.push({ advocate: id, name: person.name, title: person.title, customer: advocate.customer, customerName: customer.name, stage: advocate.stage, score, reasons, leftOutBecause, cautions, fatigue, evidence });
	}
	// Best fit first; among equals the least loaded, then the one asked longest ago (never asked first), so asks are spread.
	const rank = (a: Candidate, b: Candidate) =>
		b.score - a.score ||
		a.fatigue.load - b.fatigue.load ||
		(a.fatigue.lastAsked?.getTime() ?? 0) - (b.fatigue.lastAsked?.getTime() ?? 0) ||
		a.advocate.localeCompare(b.advocate);
	candidates.sort(rank);
	return { request, suggested: candidates.filter((c) => c.leftOutBecause.length === 0), leftOut: candidates.filter((c) => c.leftOutBecause.length > 0) };
}
