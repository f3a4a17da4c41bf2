/** The entry kit and the ranking packet as HTML: escaped, offline, blind where the program is. */
import { describe, expect, it } from 'vitest';
import { renderKit, type KitInput } from '../../../src/lib/awards/kit/html.ts';
import { renderRankingPacket, type RankingPacketInput } from '../../../src/lib/awards/packet/ranking-html.ts';
import { eligibilitySchema } from '../../../src/schemas/award.ts';
import { demoPacketProgram } from '../../fixtures/packet-program.ts';

const HOSTILE = '</script><script>alert("xss")</script><img src=x onerror=alert(1)>';
const cspOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1].replace(/&#39;/g, "'");
const dataOf = (html: string, id: string) => JSON.parse(new RegExp(`<script type="application/json" id="${id}">([^<]*)</script>`).exec(html)![1]);

const kitInput = (): KitInput => ({
	program: { ...demoPacketProgram, name: `Awards ${HOSTILE}`, summary: HOSTILE, eligibility: eligibilitySchema.parse({ customerSince: '2025-06-30', inProduction: true, narrativeMaxWords: 400, evidenceMax: 3, products: ['tessellate-forecast'] }) },
	products: [{ id: 'tessellate-forecast', name: `Forecast ${HOSTILE}` }],
	generatedAt: '2027-01-01T00:00:00.000Z',
});

describe('renderKit', () => {
	it('escapes the program text, fetches nothing and runs only its own hashed script', () => {
		const html = renderKit(kitInput());
		expect(html).not.toContain('<img');
		expect(html.match(/<script/g)).toHaveLength(2);
		const csp = cspOf(html);
		expect(csp).toMatch(/default-src 'none'/);
		expect(csp).toMatch(/connect-src 'none'/);
		expect(csp).not.toContain('unsafe-inline');
	});

	it('passes the limits and questions from program.yaml to the form as data', () => {
		const data = dataOf(renderKit(kitInput()), 'kit-data');
		expect(data).toMatchObject({ program: 'demo-awards', format: 'credence-entry/1', storageKey: 'credence-entry-kit:demo-awards', productRequired: true, questions: { customerSince: true, inProduction: true }, limits: { narrativeMaxWords: 400, evidenceMax: 3 } });
		const html = renderKit(kitInput());
		expect(html).toContain('at most 400 words');
		expect(html).toContain('Since when has your organisation been a customer?');
		expect(html).toContain('No measured result, or a result without a baseline.');
	});

	it('asks no eligibility questions when the program has no rules', () => {
		const html = renderKit({ ...kitInput(), program: { ...kitInput().program, eligibility: undefined } });
		expect(html).not.toContain('Since when');
		expect(dataOf(html, 'kit-data').questions).toEqual({ customerSince: false, inProduction: false });
	});
});

const rankingInput = (): RankingPacketInput => ({
	program: { id: 'demo-awards', name: 'Demo', blind: true },
	round: { id: 'final', name: 'Final ranking', closes: '2027-10-20' },
	judge: { id: 'ana-lyst', name: 'Ana Lyst' },
	categories: [
		{
			id: 'operations',
			name: 'Operations',
			description: 'Ops.',
			finalists: ['a', 'b', 'c'].map((id) => ({ id, category: 'operations', title: `${id} ${HOSTILE}`, summary: HOSTILE, narrative: `# ${HOSTILE}`, evidence: [{ label: HOSTILE, detail: HOSTILE, url: 'https://x.example/"><script>' }] })),
		},
	],
	generatedAt: '2027-10-01T00:00:00.000Z',
});

describe('renderRankingPacket', () => {
	it('escapes the finalists, and every finalist has move buttons and a rank picker', () => {
		const html = renderRankingPacket(rankingInput());
		expect(html).not.toContain('<img');
		expect(html.match(/<script/g)).toHaveLength(2);
		expect(html.match(/<button[^>]*data-move="up"/g)).toHaveLength(3);
		expect(html.match(/<button[^>]*data-move="down"/g)).toHaveLength(3);
		expect(html.match(/<select data-rank=/g)).toHaveLength(3);
		expect(html).toContain('aria-live="assertive"');
		expect(cspOf(html)).toMatch(/default-src 'none'/);
		expect(dataOf(html, 'ranking-data')).toMatchObject({ judge: 'ana-lyst', file: 'demo-awards-final-ana-lyst.csv', categories: [{ id: 'operations', entries: [0, 1, 2] }] });
	});

	it('refuses entrant details in a blind program, and a finalist listed twice', () => {
		const input = rankingInput();
		const named = { ...input, categories: [{ ...input.categories[0], finalists: [{ ...input.categories[0].finalists[0], entrant: { name: 'Quarry Bank' } }] }] };
		expect(() => renderRankingPacket(named)).toThrow(/judged blind/);
		const twice = { ...input, categories: [input.categories[0], { ...input.categories[0], id: 'other' }] };
		expect(() => renderRankingPacket(twice)).toThrow(/listed twice/);
	});
});
