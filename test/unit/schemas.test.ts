/**
 * Every schema against one valid example and one case per class of bad input. Each bad case
 * names the field path the error must point at and words the message must contain.
 */
import { describe, expect, it } from 'vitest';
import { cliSchemaContext, issueToDiagnostic } from '../../src/lib/content/validate.ts';
import { entrySchema, judgeSchema, programSchema, scoreRowSchema } from '../../src/schemas/award.ts';
import { customerSchema } from '../../src/schemas/customer.ts';
import { personSchema } from '../../src/schemas/person.ts';
import { productSchema } from '../../src/schemas/product.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { storySchema } from '../../src/schemas/story.ts';
import { videoSchema } from '../../src/schemas/video.ts';
import type { z } from 'astro/zod';

type Case = [name: string, mutate: (data: any) => void, field: string, message: RegExp];

function suite(name: string, schema: z.ZodType, valid: () => any, cases: Case[]) {
	describe(name, () => {
		it('accepts the valid example', () => {
			const result = schema.safeParse(valid());
			expect(result.error?.issues ?? []).toEqual([]);
		});
		it.each(cases)('rejects %s', (_, mutate, field, message) => {
			const data = valid();
			mutate(data);
			const result = schema.safeParse(data);
			expect(result.success).toBe(false);
			const diagnostics = result.error!.issues.map((issue) => issueToDiagnostic('x.yaml', data, issue, schema));
			expect(diagnostics).toContainEqual(expect.objectContaining({ field, message: expect.stringMatching(message) }));
		});
	});
}

const approval = () => ({ approvedBy: 'ada-quarry', approvedOn: '2026-01-01', expiresOn: '2027-01-01' });

suite('site', siteSchema, () => ({ title: 'T', description: 'D', vendor: { name: 'V', website: 'https://v.example' } }), [
	['a missing vendor', (d) => delete d.vendor, 'vendor', /required field is missing/],
	['a relative vendor website', (d) => (d.vendor.website = 'v.example'), 'vendor.website', /web address starting with https:\/\//],
	['an empty library page', (d) => (d.libraryPageSize = 0), 'libraryPageSize', /at least 1 card per page/],
	['a fractional library page size', (d) => (d.libraryPageSize = 12.5), 'libraryPageSize', /whole number of cards/],
	['an empty feed', (d) => (d.feedItems = 0), 'feedItems', /at least 1 feed item/],
	['a feed of every item of a large library', (d) => (d.feedItems = 7100), 'feedItems', /at most 500 feed items/],
]);

it('puts the newest 50 items in the feed unless site.yaml says otherwise', () => {
	const site = { title: 'T', description: 'D', vendor: { name: 'V', website: 'https://v.example' } };
	expect(siteSchema.parse(site).feedItems).toBe(50);
	expect(siteSchema.parse({ ...site, feedItems: 10 }).feedItems).toBe(10);
});

it('pages the library 48 cards at a time unless site.yaml says otherwise', () => {
	const site = { title: 'T', description: 'D', vendor: { name: 'V', website: 'https://v.example' } };
	expect(siteSchema.parse(site).libraryPageSize).toBe(48);
	expect(siteSchema.parse({ ...site, libraryPageSize: 12 }).libraryPageSize).toBe(12);
});

suite('product', productSchema, () => ({ name: 'P', summary: 'S' }), [
	['a javascript: product page', (d) => (d.url = 'JavaScript:alert(1)'), 'url', /web address/],
	['an empty name', (d) => (d.name = ' '), 'name', /non-empty/],
	['an unknown field', (d) => (d.colour = 'red'), 'colour', /unexpected field "colour"/],
]);

suite('customer', customerSchema(cliSchemaContext), () => ({
	name: 'Acme', logo: '../assets/logos/acme.svg', industry: 'retail', region: 'emea', size: 'smb', website: 'https://acme.example', about: 'A shop.',
}), [
	['a missing required field', (d) => delete d.name, 'name', /required field is missing.*expected text/],
	['an industry outside the facet list', (d) => (d.industry = 'mining'), 'industry', /one of financial-services.*found "mining"/],
	['a size band that does not exist', (d) => (d.size = 'huge'), 'size', /company-size band/],
	['a missing size band', (d) => delete d.size, 'size', /^required field is missing: expected a company-size band/],
	// A misspelt optional field would otherwise be dropped: named, with the field meant and the fields there are.
	['a misspelt optional field', (d) => (d.anonymouslabel = 'A shop'), 'anonymouslabel', /unexpected field "anonymouslabel" \(did you mean "anonymousLabel"\?\).*the fields here are name, anonymousLabel, logo/],
	['products as text, not a list', (d) => (d.products = 'forecast'), 'products', /^expected a list \(one "- item" per line.*found "forecast"/],
	['a logo that is not a relative image path', (d) => (d.logo = '/logo.bmp'), 'logo', /image path relative to this file/],
	['a withheld name without an anonymous label', (d) => (d.permissions = { name: false }), 'anonymousLabel', /expected anonymousLabel/],
	['a product id with capitals', (d) => (d.products = ['Forecast']), 'products[0]', /id like/],
	// A link that would run script on the site when clicked.
	['a javascript: website', (d) => (d.website = 'javascript:alert(document.domain)//'), 'website', /web address starting with https:\/\//],
	['a data: website', (d) => (d.website = 'data:text/html,<script>alert(1)</script>'), 'website', /https:\/\/ or http:\/\//],
]);

suite('person', personSchema(cliSchemaContext), () => ({ name: 'Ada', title: 'Planner', role: 'customer', customer: 'acme' }), [
	['an unknown role', (d) => (d.role = 'consultant'), 'role', /customer, vendor, analyst, academic/],
	['a customer person without their customer', (d) => delete d.customer, 'customer', /the customer this person works for/],
	['a vendor person tied to a customer', (d) => (d.role = 'vendor'), 'customer', /no customer for a person whose role is vendor/],
	['an analyst without affiliation', (d) => { d.role = 'analyst'; delete d.customer; }, 'affiliation', /firm or university/],
]);

const metric = () => ({ label: 'Error', value: 9, unit: '%', baseline: 21, better: 'lower', period: 'FY25', method: 'Weekly MAPE.', measuredOn: '2026-01-15' });
suite('story', storySchema(cliSchemaContext), () => ({
	title: 'T', summary: 'S', customer: 'acme', authors: ['ada', 'vera'], publishedOn: '2026-03-02', metrics: [metric()],
	quotes: [{ text: 'Q', person: 'ada' }], hero: { src: '../assets/hero.jpg', alt: 'A' }, disclosure: 'Acme is a customer.', approval: approval(),
}), [
	['a single author', (d) => (d.authors = ['ada']), 'authors', /at least two authors/],
	['an impossible publication date', (d) => (d.publishedOn = '2026-02-30'), 'publishedOn', /not a real date/],
	['a metric without a baseline', (d) => delete d.metrics[0].baseline, 'metrics[0].baseline', /required field is missing/],
	['a metric value that is text', (d) => (d.metrics[0].value = '9%'), 'metrics[0].value', /expected a number, found "9%"/],
	['a metric without a direction', (d) => (d.metrics[0].better = 'up'), 'metrics[0].better', /higher or lower/],
	['a misspelt metric field', (d) => { d.metrics[0].basline = d.metrics[0].baseline; delete d.metrics[0].baseline; }, 'metrics[0].basline', /did you mean "baseline"\?.*the fields here are label, value, unit, baseline/],
	['a hero given as a path alone', (d) => (d.hero = '../assets/hero.jpg'), 'hero', /expected a group of fields \(src, alt\), each on its own line, indented under the field/],
	['a missing disclosure', (d) => delete d.disclosure, 'disclosure', /required field is missing/],
	['an approval that expires before it was given', (d) => (d.approval.expiresOn = '2025-01-01'), 'approval.expiresOn', /^expected the day the approval lapses, after approvedOn \(2026-01-01\), found 2025-01-01, before approvedOn: the approval would lapse before it was given; set expiresOn to the day the customer's approval ends/],
	['an approval that expires the day it was given', (d) => (d.approval.expiresOn = '2026-01-01'), 'approval.expiresOn', /found 2026-01-01, the same day as approvedOn: the approval would lapse before it was given/],
	['a draft flag that is not a boolean', (d) => (d.draft = 'yes'), 'draft', /true or false/],
	['a publishAt without a zone', (d) => (d.publishAt = '2027-01-01T09:00:00'), 'publishAt', /date-time with a zone/],
	['a hero without alt text', (d) => delete d.hero.alt, 'hero.alt', /alt text/],
]);

suite('video', videoSchema(cliSchemaContext), () => ({
	title: 'T', summary: 'S', customer: 'acme', speakers: ['ada'], publishedOn: '2026-03-02', source: { kind: 'youtube', id: 'dQw4w9WgXcQ' },
	poster: { src: '../assets/poster.jpg', alt: 'P' }, duration: '2:00', captions: './t.vtt', chapters: [{ start: '0:00', title: 'Intro' }, { start: '1:00', title: 'Results' }],
	disclosure: 'D', approval: approval(),
}), [
	['an unknown source kind', (d) => (d.source = { kind: 'tiktok', id: '1' }), 'source.kind', /youtube, vimeo or file/],
	['a malformed YouTube id', (d) => (d.source.id = 'short'), 'source.id', /11-character YouTube video id/],
	['a self-hosted file that is not mp4 or webm', (d) => (d.source = { kind: 'file', file: 'clip.mov' }), 'source.file', /mp4 or .*webm/],
	['missing captions', (d) => delete d.captions, 'captions', /required field is missing/],
	['captions that are not a .vtt file beside it', (d) => (d.captions = 'captions.srt'), 'captions', /captions file beside this one/],
	['a malformed duration', (d) => (d.duration = '2 minutes'), 'duration', /time like 1:05/],
	['a bare number as the duration', (d) => (d.duration = 65), 'duration', /found the bare number 65, which could mean seconds or minutes; for 65 seconds write "1:05"/],
	['a bare number as a chapter start', (d) => (d.chapters[1].start = 3725), 'chapters[1].start', /like "0:01:05", found the bare number 3725.*write "1:02:05"/],
	['a YouTube address pasted as the id', (d) => (d.source.id = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s'), 'source.id', /found the video's web address: write only the id it contains, id: "dQw4w9WgXcQ"/],
	['a youtu.be address pasted as the id', (d) => (d.source.id = 'https://youtu.be/dQw4w9WgXcQ'), 'source.id', /id: "dQw4w9WgXcQ"/],
	['a Vimeo address pasted as the id', (d) => (d.source = { kind: 'vimeo', id: 'https://vimeo.com/76979871' }), 'source.id', /write only the id it contains, id: "76979871"/],
	['a Vimeo address under kind youtube', (d) => (d.source.id = 'https://player.vimeo.com/video/76979871'), 'source.id', /address of a Vimeo video: write kind: vimeo and id: "76979871"/],
	['an address pasted as the whole source', (d) => (d.source = 'https://www.youtube.com/embed/dQw4w9WgXcQ'), 'source', /found the video's web address: write source: with kind: youtube and id: "dQw4w9WgXcQ"/],
	['a chapter after the end', (d) => d.chapters.push({ start: '5:00', title: 'Late' }), 'chapters[2].start', /before the end of the video/],
	['chapters out of order', (d) => (d.chapters[1].start = '0:00'), 'chapters[1].start', /increasing start order/],
	['no speakers', (d) => (d.speakers = []), 'speakers', /at least one speaker/],
]);

const level = (score: number) => ({ score, label: `L${score}`, descriptor: `Level ${score}` });
const criterion = (id: string, weight: number) => ({ id, name: id, description: id, weight, levels: [level(1), level(3), level(5)] });
suite('award program', programSchema, () => ({
	name: 'Awards', year: 2026, summary: 'S', categories: [{ id: 'ops', name: 'Ops', description: 'D' }],
	criteria: [criterion('impact', 60), criterion('novelty', 40)], scale: { min: 1, max: 5, step: 0.5 },
	rounds: [{ id: 'round-1', name: 'R1', kind: 'scoring', opens: '2026-09-01', closes: '2026-10-01' }],
	tally: { method: 'offset', tieBreak: ['impact', 'judges'] },
}), [
	['weights that do not sum to 100', (d) => (d.criteria[1].weight = 30), 'criteria', /summing to 100, found 90/],
	['duplicate criterion ids', (d) => (d.criteria[1].id = 'impact'), 'criteria', /"impact" twice/],
	['a level score off the scale', (d) => (d.criteria[0].levels[1].score = 7), 'criteria[0].levels[1].score', /on the scale 1–5/],
	['a level score off the step', (d) => (d.criteria[0].levels[1].score = 2.25), 'criteria[0].levels[1].score', /step 0.5, found 2.25/],
	['a rubric missing the top level', (d) => d.criteria[0].levels.pop(), 'criteria[0].levels', /highest \(5\)/],
	['a tie-break naming an unknown criterion', (d) => (d.tally.tieBreak = ['price']), 'tally.tieBreak[0]', /found "price"/],
	['a tie-break that is no id', (d) => (d.tally.tieBreak = ['Most judges']), 'tally.tieBreak[0]', /expected a criterion id \(like "impact"\) or "judges", found "Most judges"/],
	['a category expertise tag in capitals', (d) => (d.categories[0].expertise = ['Ops']), 'categories[0].expertise[0]', /expected an expertise id like "data-and-ai", found "Ops"/],
	['an unknown tally method', (d) => (d.tally.method = 'borda'), 'tally.method', /offset, scaled, zscore or mean/],
	['a round that closes before it opens', (d) => (d.rounds[0].closes = '2026-08-01'), 'rounds[0].closes', /on or after opens/],
	['an inverted scale', (d) => (d.scale.max = 0), 'scale.max', /max above min/],
]);

suite('award entry', entrySchema, () => ({
	category: 'ops', customer: 'acme', submitter: 'ada', title: 'T', summary: 'S', submittedOn: '2026-08-01', approval: approval(),
}), [
	['an unknown status', (d) => (d.status = 'winner'), 'status', /submitted, eligible, ineligible, withdrawn/],
	['evidence with a bad URL', (d) => (d.evidence = [{ label: 'L', detail: 'D', url: 'nope' }]), 'evidence[0].url', /web address/],
	['evidence with a javascript: URL', (d) => (d.evidence = [{ label: 'L', detail: 'D', url: 'javascript:alert("x")' }]), 'evidence[0].url', /web address starting with https:\/\//],
	['a missing submitter', (d) => delete d.submitter, 'submitter', /required field is missing/],
]);

suite('judge', judgeSchema, () => ({ person: 'ana', independence: 'Independent.', conflicts: [{ customer: 'acme', reason: 'Adviser.' }] }), [
	['a conflict without a reason', (d) => delete d.conflicts[0].reason, 'conflicts[0].reason', /required field is missing/],
	['a missing independence statement', (d) => delete d.independence, 'independence', /required field is missing/],
	['an expertise tag in capitals', (d) => (d.expertise = ['Data AI']), 'expertise[0]', /expected an expertise id like "data-and-ai", found "Data AI"/],
]);

suite('score row', scoreRowSchema, () => ({ judge: 'ana', entry: 'e1', criterion: 'impact', score: '4.5', comment: '' }), [
	['an empty score cell (not zero)', (d) => (d.score = ''), 'score', /expected a number, found ""/],
	['a score that is text', (d) => (d.score = 'four'), 'score', /found "four"/],
]);

describe('score row parsing', () => {
	it('turns the CSV cell into a number', () => {
		expect(scoreRowSchema.parse({ judge: 'ana', entry: 'e1', criterion: 'impact', score: ' 4.5 ' }).score).toBe(4.5);
	});
});
