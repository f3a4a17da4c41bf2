/** `references find`: who to put forward for a sales request, and who is left out and why. */
import { findReferences, type Candidate, type ReferenceRequest } from '../../src/lib/references/find.ts';
import { daysBetween } from '../../src/lib/references/fatigue.ts';
import { REFERENCE_KINDS, type ReferenceKind } from '../../src/schemas/reference.ts';
import { INDUSTRIES, REGIONS, SIZES, type CompanySize, type Industry, type Region } from '../../src/schemas/taxonomy.ts';
import { colour } from '../lib/cli.ts';
import { choice } from './choice.ts';
import type { ReferencesContext } from './context.ts';

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The request from the command line, each value checked against the fixed facets and the products. */
export function requestFrom({ options, check }: ReferencesContext): ReferenceRequest {
	return {
		industry: choice<Industry>('industry', options.industry, Object.keys(INDUSTRIES) as Industry[]),
		region: choice<Region>('region', options.region, Object.keys(REGIONS) as Region[]),
		size: choice<CompanySize>('size', options.size, Object.keys(SIZES) as CompanySize[]),
		product: choice('product', options.product, [...check.index.products.keys()]),
		kind: choice<ReferenceKind>('kind', options.kind, Object.keys(REFERENCE_KINDS) as ReferenceKind[]),
	};
}

/** A candidate as JSON: dates as days. */
const asJson = (c: Candidate) => ({
	advocate: c.advocate,
	name: c.name,
	title: c.title,
	customer: c.customer,
	customerName: c.customerName,
	stage: c.stage,
	score: c.score,
	reasons: c.reasons,
	leftOutBecause: c.leftOutBecause,
	cautions: c.cautions,
	load: c.fatigue.load,
	limit: c.fatigue.limit,
	asksInWindow: c.fatigue.asks,
	lastAsked: c.fatigue.lastAsked ? day(c.fatigue.lastAsked) : null,
	restingUntil: c.fatigue.restingUntil ? day(c.fatigue.restingUntil) : null,
	evidence: c.evidence,
});

export async function find(context: ReferencesContext): Promise<number> {
	const { check, now } = context;
	const request = requestFrom(context);
	const result = findReferences(check.index, check.references, request, now);
	const { policy } = check.references;
	if (context.options.json) {
		console.log(JSON.stringify({ now: now.toISOString(), windowDays: policy.windowDays, request, suggested: result.suggested.map(asJson), leftOut: result.leftOut.map(asJson) }, null, 2));
		return 0;
	}
	const asked = [
		request.industry && `industry ${INDUSTRIES[request.industry]}`,
		request.region && `region ${REGIONS[request.region]}`,
		request.size && `size ${SIZES[request.size]}`,
		request.product && `product ${check.index.products.get(request.product)?.data.name ?? request.product}`,
		request.kind && `kind ${REFERENCE_KINDS[request.kind].toLowerCase()}`,
	].filter(Boolean);
	console.log(colour.bold(`Reference request: ${asked.length ? asked.join(', ') : 'any advocate'}`));
	console.log(colour.dim(`As of ${day(now)}; load is weighted asks in the last ${policy.windowDays} days (see content/references/policy.yaml).`));
	const lastAsked = (c: Candidate) => (c.fatigue.lastAsked ? `last asked ${day(c.fatigue.lastAsked)} (${daysBetween(c.fatigue.lastAsked, now)} days ago)` : 'never asked');
	console.log(`\n${colour.bold('Suggested')}`);
	if (result.suggested.length === 0) console.log(colour.yellow('  No advocate who fits is available: widen the request, or see who is left out below.'));
	result.suggested.forEach((c, i) => {
		console.log(`  ${i + 1}. ${colour.bold(c.name)}, ${c.title}, ${c.customerName} (${c.stage}; score ${c.score})`);
		console.log(`     why: ${c.reasons.join('; ')}`);
		for (const caution of c.cautions) console.log(colour.yellow(`     mind: ${caution}`));
		console.log(colour.dim(`     load ${c.fatigue.load} of ${c.fatigue.limit} in the window · ${lastAsked(c)}`));
	});
	if (result.leftOut.length) {
		console.log(`\n${colour.bold('Left out')}`);
		for (const c of result.leftOut) {
			console.log(`  ${c.name}, ${c.customerName}: ${colour.yellow(c.leftOutBecause.join('; '))}`);
			console.log(colour.dim(`     load ${c.fatigue.load} of ${c.fatigue.limit} in the window · ${lastAsked(c)}`));
		}
	}
	return 0;
}
