import { demoPacket } from '../../fixtures/packet-program.ts';
import { describe, expect, it } from 'vitest';
import { lintBlindEntries, type BlindEntry } from '../../../src/lib/awards/blind.ts';
import {
	allowedScores,
	jsonForScript,
	PACKET_EXPORT_FORMAT,
	packetExportFileName,
	parsePacketExport,
	renderPacket,
	type PacketInput,
} from '../../../src/lib/awards/packet.ts';

const HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';

/** The demo program's packet (two criteria, a half-point scale, blind unless told), with a Markdown narrative. */
function packetInput(overrides: Partial<PacketInput> = {}): PacketInput {
	const packet = demoPacket([
		{
			id: 'quarry-planning',
			category: 'operations',
			title: 'One plan for every mill',
			summary: 'Replacing three spreadsheets with one forecast.',
			narrative: '## Why\n\nWe replaced **three** planning spreadsheets.\n\n- Meetings cut from 3 hours to 1\n- Stock-outs down by 40%',
			evidence: [{ label: 'Forecast error', detail: 'MAPE fell from 21% to 9%.', url: 'https://audit.example/report' }],
		},
	]);
	return { ...packet, ...overrides };
}

/** The text of the packet's JSON data block. */
const dataBlock = (html: string) => /<script type="application\/json" id="packet-data">([\s\S]*?)<\/script>/.exec(html)![1];

describe('renderPacket', () => {
	it('escapes hostile entrant text everywhere it appears', () => {
		const input = packetInput({ program: { ...packetInput().program, blind: false } });
		const hostileEntry = {
			id: 'hostile',
			category: 'operations',
			title: HOSTILE,
			summary: `Summary ${HOSTILE}`,
			narrative: `# ${HOSTILE}\n\nParagraph ${HOSTILE}\n\n- item ${HOSTILE}`,
			evidence: [{ label: HOSTILE, detail: HOSTILE, url: `https://x.example/"><script>alert(3)</script>` }],
			entrant: { name: `Evil ${HOSTILE}`, website: 'https://evil.example/"onmouseover="alert(4)' },
		};
		const html = renderPacket({ ...input, entries: [hostileEntry] });
		// The only script elements are the packet's own data block and scorecard.
		expect(html.match(/<script/g)).toHaveLength(2);
		expect(html).not.toContain('<img');
		expect(html).not.toContain('"onmouseover=');
		expect(html).not.toMatch(/<script>alert/);
		expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
		expect(html).toContain('https://x.example/&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
		// The one </script> before the scorecard's own closes the data block, nothing earlier.
		const firstClose = html.indexOf('</script>');
		expect(html.lastIndexOf('<script type="application/json"', firstClose)).toBeGreaterThan(-1);
		expect(html.slice(0, html.indexOf('<script type="application/json"'))).not.toContain('</script>');
	});

	it('escapes every `<` in the data the script reads, even in ids', () => {
		const input = packetInput();
		const html = renderPacket({ ...input, entries: [{ ...input.entries[0], id: HOSTILE }] });
		const data = dataBlock(html);
		expect(data).not.toContain('<');
		expect(data).toContain('\\u003c/script\\u003e');
		expect(JSON.parse(data).entries).toEqual([HOSTILE]);
		// The page shows the id too: as text, like any other entry text.
		expect(html.match(/<script/g)).toHaveLength(2);
		expect(html).not.toContain('<img');
		expect(html).toContain('id <code>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</code>');
		expect(jsonForScript({ a: '</script>&\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u0026\\u2028"}');
	});

	it('shows the program, round, closing date, judge and instructions', () => {
		const html = renderPacket(packetInput());
		expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
		for (const text of ['Demo Innovation Awards', 'Round 1 scoring', '16 October 2026', 'Ana Lyst', 'Instructions', '2026-09-20T08:00:00.000Z']) {
			expect(html).toContain(text);
		}
		expect(html).toContain('demo-awards-round-1-ana-lyst.json');
		expect(html).toContain('0 of 2 entries complete');
	});

	it('contains every criterion with its weight and every level descriptor', () => {
		const input = packetInput();
		const html = renderPacket(input);
		for (const criterion of input.program.criteria) {
			expect(html).toContain(criterion.name);
			expect(html).toContain(`weight ${criterion.weight}%`);
			for (const level of criterion.levels) {
				expect(html).toContain(level.label);
				expect(html).toContain(level.descriptor);
			}
		}
	});

	it('contains only the entries it is given, each with a scorecard on the scale', () => {
		const input = packetInput();
		const html = renderPacket({ ...input, entries: [input.entries[1]] });
		expect(html).toContain('Routing the night shift');
		expect(html).not.toContain('One plan for every mill');
		expect(JSON.parse(dataBlock(html)).entries).toEqual(['night-shift-routing']);
		// One radio per allowed score (1, 1.5 … 5) per criterion, labelled with its level where it has one.
		expect(html.match(/type="radio"/g)).toHaveLength(9 * 2);
		expect(html).toContain('<span class="value">3</span><span class="level">Solid</span>');
		expect(html).toContain('<span class="value">3.5</span></label>');
		expect(html.match(/<fieldset class="score"/g)).toHaveLength(2);
		expect(html.match(/<legend>/g)).toHaveLength(2);
	});

	it('renders the narrative as text blocks and evidence URLs as text, never links', () => {
		const html = renderPacket(packetInput());
		expect(html).toContain('<h5>Why</h5>');
		expect(html).toContain('<p>We replaced three planning spreadsheets.</p>');
		expect(html).toContain('<ul><li>Meetings cut from 3 hours to 1</li><li>Stock-outs down by 40%</li></ul>');
		expect(html).toContain('<code class="url">https://audit.example/report</code>');
		expect(html).not.toMatch(/href="https?:/);
		expect(html).not.toMatch(/src="https?:/);
	});

	it('allows no fetches: a Content-Security-Policy with hashed inline script and style only', () => {
		const html = renderPacket(packetInput());
		const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1].replace(/&#39;/g, "'");
		expect(csp).toMatch(/default-src 'none'/);
		expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
		expect(csp).not.toContain('unsafe-inline');
	});

	it('in a blind program, says so and refuses entrant details', () => {
		const input = packetInput();
		const html = renderPacket(input);
		expect(html).toContain('Judged blind');
		expect(html).not.toContain('Entrant:');
		const named = { ...input, entries: [{ ...input.entries[0], entrant: { name: 'Quarry Bank Mills', website: 'https://quarrybank.example' } }] };
		expect(() => renderPacket(named)).toThrow(/judged blind, but entry "quarry-planning" was given its entrant/);
	});

	it('names the entrant when the program is not blind', () => {
		const input = packetInput();
		const open = {
			...input,
			program: { ...input.program, blind: false },
			entries: [{ ...input.entries[0], entrant: { name: 'Quarry Bank Mills', website: 'https://quarrybank.example' } }],
		};
		const html = renderPacket(open);
		expect(html).not.toContain('Judged blind');
		expect(html).toContain('Quarry Bank Mills');
		expect(html).toContain('https://quarrybank.example');
		// The blind packet of the same entry carries neither.
		const blind = renderPacket(input);
		expect(blind).not.toContain('Quarry Bank');
		expect(blind).not.toContain('quarrybank');
	});

	it('uses a number field instead of radios on a scale with many values', () => {
		const input = packetInput();
		const html = renderPacket({ ...input, program: { ...input.program, scale: { min: 0, max: 100, step: 1 }, criteria: input.program.criteria.map((c) => ({ ...c, levels: [{ score: 0, label: 'None', descriptor: 'x' }, { score: 100, label: 'All', descriptor: 'y' }] })) } });
		expect(html).not.toContain('type="radio"');
		expect(html).toContain('<input type="number" id="e1-c1-score" min="0" max="100" step="1"');
	});

	it('does not depend on the clock', () => {
		expect(renderPacket(packetInput())).toBe(renderPacket(packetInput()));
	});
});

describe('scale helpers', () => {
	it('lists every allowed score without float drift', () => {
		expect(allowedScores({ min: 1, max: 5, step: 0.5 })).toEqual([1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
		expect(allowedScores({ min: 0, max: 1, step: 0.1 })).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
	});
	it('names export files program-round-judge', () => {
		expect(packetExportFileName('cia-2026', 'round-1', 'elena-varga', 'json')).toBe('cia-2026-round-1-elena-varga.json');
		expect(packetExportFileName('a/b', 'r 1', '..', 'csv')).toBe('a-b-r-1-...csv');
	});
});

describe('parsePacketExport', () => {
	const valid = {
		format: PACKET_EXPORT_FORMAT,
		program: 'demo-awards',
		round: 'round-1',
		judge: 'ana-lyst',
		exportedAt: '2026-10-14T09:30:00.000Z',
		scores: [
			{ entry: 'quarry-planning', criterion: 'impact', score: 4.5, comment: 'Strong, audited.' },
			{ entry: 'quarry-planning', criterion: 'originality', score: 3, comment: '' },
		],
	};
	const parse = (value: unknown) => parsePacketExport(JSON.stringify(value));
	const errorOf = (value: unknown) => {
		const result = typeof value === 'string' ? parsePacketExport(value) : parse(value);
		expect(result.ok).toBe(false);
		return result.ok ? '' : result.error;
	};

	it('accepts a valid export', () => {
		expect(parse(valid)).toEqual({ ok: true, value: valid });
		expect(parsePacketExport(`\uFEFF${JSON.stringify(valid, null, '\t')}\n`)).toEqual({ ok: true, value: valid });
		expect(parse({ ...valid, scores: [] })).toEqual({ ok: true, value: { ...valid, scores: [] } });
	});

	it('rejects text that is not JSON, or not an object', () => {
		expect(errorOf('judge,entry,criterion,score,comment\n')).toMatch(/^expected a JSON score file exported by a judging packet: /);
		expect(errorOf([valid])).toBe('expected a JSON object exported by a judging packet, found a list');
	});

	it('rejects a wrong or missing format', () => {
		expect(errorOf({ ...valid, format: 'credence-scores/2' })).toBe('expected format "credence-scores/1", found "credence-scores/2"');
		const { format: _, ...noFormat } = valid;
		expect(errorOf(noFormat)).toBe('missing "format": expected "credence-scores/1" (is this a score file exported by a judging packet?)');
	});

	it('rejects missing fields and unknown ones, naming each', () => {
		const { judge: _, exportedAt: __, ...partial } = valid;
		expect(errorOf(partial)).toBe('invalid score file: missing "judge": expected an id; missing "exportedAt": expected an ISO date-time');
		const { scores: ___, ...noScores } = valid;
		expect(errorOf(noScores)).toBe('invalid score file: missing "scores": expected a list of scores');
		expect(errorOf({ ...valid, extra: 1 })).toBe('invalid score file: unexpected field "extra"');
		const { comment: ____, ...noComment } = valid.scores[0];
		expect(errorOf({ ...valid, scores: [noComment, { ...valid.scores[1], weight: 2 }] })).toBe(
			'invalid score file: scores[0]: missing "comment": expected text (empty when there is none); scores[1]: unexpected field "weight"',
		);
	});

	it('rejects non-numeric scores, including numeric strings', () => {
		expect(errorOf({ ...valid, scores: [{ ...valid.scores[0], score: 'four' }] })).toBe('invalid score file: scores[0].score: expected a number, found "four"');
		expect(errorOf({ ...valid, scores: [valid.scores[0], { ...valid.scores[1], score: '3' }] })).toBe('invalid score file: scores[1].score: expected a number, found "3"');
		expect(errorOf({ ...valid, scores: [{ ...valid.scores[0], score: null }] })).toBe('invalid score file: scores[0].score: expected a number, found null');
	});

	it('rejects malformed ids, dates and rows', () => {
		expect(errorOf({ ...valid, judge: 'Ana Lyst', exportedAt: 'yesterday', scores: [42] })).toBe(
			'invalid score file: judge: expected an id like "round-1", found "Ana Lyst"; exportedAt: expected an ISO date-time like "2026-10-14T09:30:00.000Z", found "yesterday"; scores[0]: expected an object with entry, criterion, score, comment, found 42',
		);
		expect(errorOf({ ...valid, scores: { impact: 3 } })).toBe('invalid score file: scores: expected a list of scores, found an object');
	});

	it('lists at most ten problems', () => {
		const scores = Array.from({ length: 12 }, () => ({ ...valid.scores[0], score: 'x' }));
		expect(errorOf({ ...valid, scores })).toMatch(/scores\[9\]\.score: expected a number, found "x"; and 2 more problems$/);
	});
});

describe('lintBlindEntries', () => {
	const entrant = { customer: 'harbourline-freight', name: 'Harbourline Freight Ltd', website: 'https://www.harbourline.example', people: ['Jonas Lindqvist', 'Mia Ek'] };
	const clean: BlindEntry = {
		id: 'storm-ready-deliveries',
		title: 'Storm-ready coastal deliveries',
		summary: 'A regional carrier kept 97% of deliveries on time through the winter storms.',
		narrative: 'Our planners re-route **every** evening.\n\n- Fewer failed drops',
		evidence: [{ label: 'On time', detail: '97% in storm weeks', url: 'https://audit.example/report' }],
		entrant,
	};

	it('returns nothing for clean text', () => {
		expect(lintBlindEntries([clean])).toEqual([]);
		// Whole words only: a longer word that starts with the name is not the name.
		expect(lintBlindEntries([{ ...clean, summary: 'Harbourlines of the north coast' }])).toEqual([]);
	});

	it('finds the name, with or without its legal suffix, in any case', () => {
		expect(lintBlindEntries([{ ...clean, summary: 'At harbourline freight we re-plan nightly.' }])).toEqual([
			{ entry: 'storm-ready-deliveries', field: 'summary', found: ['harbourline', 'Harbourline Freight'] },
		]);
		expect(lintBlindEntries([{ ...clean, title: 'HARBOURLINE FREIGHT LTD goes coastal' }])).toEqual([
			{ entry: 'storm-ready-deliveries', field: 'title', found: ['Harbourline Freight Ltd', 'harbourline', 'Harbourline Freight'] },
		]);
	});

	it('finds the domain, also in evidence URLs', () => {
		const entry = { ...clean, evidence: [{ label: 'Report', detail: 'See the annual report.', url: 'https://investors.harbourline.example/2026.pdf' }] };
		expect(lintBlindEntries([entry])).toEqual([{ entry: 'storm-ready-deliveries', field: 'evidence[0].url', found: ['harbourline.example', 'harbourline'] }]);
	});

	it("finds the entrant's people, in the narrative and in evidence", () => {
		const entry = { ...clean, narrative: 'Led by jonas lindqvist, our head of logistics.', evidence: [{ label: 'Quote', detail: 'Mia Ek: "it works"' }] };
		expect(lintBlindEntries([entry])).toEqual([
			{ entry: 'storm-ready-deliveries', field: 'narrative', found: ['Jonas Lindqvist', 'Jonas', 'Lindqvist'] },
			{ entry: 'storm-ready-deliveries', field: 'evidence[0].detail', found: ['Mia Ek'] },
		]);
	});

	it('finds an entry id that carries the entrant', () => {
		expect(lintBlindEntries([{ ...clean, id: 'harbourline-freight-storms' }])).toEqual([
			{ entry: 'harbourline-freight-storms', field: 'id', found: ['harbourline', 'harbourline-freight'] },
		]);
	});

	it('checks each entry against its own entrant only', () => {
		const other = { ...clean, id: 'other', summary: 'Unlike Harbourline Freight, we ship by rail.', entrant: { customer: 'railco', name: 'Railco', people: [] } };
		expect(lintBlindEntries([clean, other])).toEqual([]);
	});
});
