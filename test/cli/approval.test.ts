/**
 * `npm run approval` on a copy of the fixture content: `proof` writes a self-contained HTML file
 * (nothing to fetch, a strict Content-Security-Policy); `record` accepts the approval file a
 * proof exports and writes the item's approval block, with the digest of the words approved,
 * leaving the body byte for byte; it refuses a file for another item, from someone who is not the
 * customer's, or about words that changed since the proof, naming the field and writing nothing.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvalFileJson, type ReviewerChoices } from '../../src/tools/proof/approval-file.ts';
import type { ProofData } from '../../src/tools/proof/data.ts';
import { copyFixture, NOW, runScript } from '../helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture()));
afterEach(() => cleanup());

const approval = (...args: string[]) => runScript('scripts/approval.ts', [...args, '--content', dir]);
const storyFile = () => path.join(dir, 'stories/quarry-forecasting.mdx');
const proofFile = () => path.join(dir, '..', 'proof.html');

/** The data a proof's form reads, from the proof file. */
function proofData(html: string): ProofData {
	return JSON.parse(/<script type="application\/json" id="proof-data">([\s\S]*?)<\/script>/.exec(html)![1]);
}

const APPROVE: ReviewerChoices = { person: 'ada-quarry', name: 'Ada Quarry', title: 'Head of Planning', decision: 'approve', expiresOn: '2028-06-30', comments: '' };

/** Makes a proof of the fixture story and the approval file its form would export with `choices`. */
async function exported(choices: Partial<ReviewerChoices> = {}, edit: (data: ProofData) => void = () => {}): Promise<string> {
	const made = await approval('proof', 'quarry-forecasting', '--out', proofFile());
	expect(made.code).toBe(0);
	const data = proofData(readFileSync(proofFile(), 'utf8'));
	edit(data);
	const file = path.join(dir, '..', 'approval.json');
	writeFileSync(file, approvalFileJson(data, { ...APPROVE, ...choices }, NOW.toISOString()));
	return file;
}

describe('approval proof', () => {
	it('writes one self-contained file: a strict CSP, images inline, nothing to fetch', async () => {
		const result = await approval('proof', 'quarry-forecasting', '--out', proofFile());
		expect(result.out).toContain('wrote the proof of');
		expect(result.code).toBe(0);
		const html = readFileSync(proofFile(), 'utf8');
		const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1].replaceAll('&#39;', "'");
		expect(csp).toContain("default-src 'none'");
		expect(csp).toContain("connect-src 'none'");
		expect(csp).toContain('img-src data:');
		expect(csp).not.toContain('unsafe-inline');
		const sources = [...html.matchAll(/\s(?:src|href|srcset|poster|data)="([^"]*)"/g)].map((m) => m[1]);
		expect(sources.length).toBeGreaterThan(0);
		for (const source of sources) expect(source).toMatch(/^data:/);
		expect(html).not.toMatch(/<link[^>]+stylesheet|<iframe|@import|url\(\s*['"]?https?:/i);
		expect(html).toContain('How Quarry Bank cut forecast error in half');
		expect(html).toContain('We finally plan from one number.');
		expect(proofData(html).people.map((p) => p.id)).toEqual(['ada-quarry']);
	});

	it('shows hostile story text as text: escaped fields, a sanitised body, only its own two scripts', async () => {
		const hostile = '</script><script>alert("xss")</script><img src=x onerror=alert("xss")>';
		const source = readFileSync(storyFile(), 'utf8')
			.replace('title: How Quarry Bank cut forecast error in half', `title: '${hostile}'`)
			.replace('We finally plan from one number.', hostile.replace(/"/g, "'"));
		// As Markdown, where raw HTML is allowed through to the sanitiser (MDX refuses it at check).
		rmSync(storyFile());
		writeFileSync(storyFile().replace(/\.mdx$/, '.md'), `${source}\n${hostile}\n\n[click](javascript:alert(1)) <iframe src="https://evil.example/"></iframe>\n`);
		const result = await approval('proof', 'quarry-forecasting', '--out', proofFile());
		expect(result.out).toContain('wrote the proof');
		expect(result.code).toBe(0);
		const html = readFileSync(proofFile(), 'utf8');
		expect(html.match(/<script/g)).toHaveLength(2);
		expect(html).not.toMatch(/<img[^>]*onerror|<iframe|javascript:/i);
		expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;xss&quot;)');
	});

	it('says which items exist when the item is unknown', async () => {
		const result = await approval('proof', 'no-such-story');
		expect(result.out).toContain('no story, video or award entry "no-such-story"');
		expect(result.code).toBe(1);
	});
});

describe('approval record', () => {
	it('writes the approval with its digest, keeps the body byte for byte, and check finds it unchanged', async () => {
		const file = await exported();
		const before = readFileSync(storyFile(), 'utf8');
		const result = await approval('record', file);
		expect(result.out).toContain('approved by Ada Quarry (Head of Planning) on 2026-11-23, until 2028-06-30');
		expect(result.code).toBe(0);
		const after = readFileSync(storyFile(), 'utf8');
		expect(after.slice(after.indexOf('\n---\n'))).toBe(before.slice(before.indexOf('\n---\n')));
		expect(after).toMatch(/approval:\n {2}approvedBy: ada-quarry\n {2}approvedOn: 2026-11-23\n {2}expiresOn: 2028-06-30\n {2}digest:\n {4}title: [0-9a-f]{64}\n/);
		// The other fields stay as written (flow lists, quoting).
		expect(after).toContain('authors: [ada-quarry, vera-vendor]');
		expect(readdirSync(path.dirname(storyFile()))).toEqual(['quarry-forecasting.mdx']);

		const checked = await runScript('scripts/check.ts', ['--content', dir]);
		expect(checked.code).toBe(0);
		expect(checked.out).not.toContain('approval.digest');

		// Edited afterwards: check names the field, and says the story comes down.
		writeFileSync(storyFile(), after.replace('title: How Quarry Bank cut forecast error in half', 'title: How Quarry Bank ended forecast error'));
		const rechecked = await runScript('scripts/check.ts', ['--content', dir]);
		expect(rechecked.out).toMatch(/quarry-forecasting\.mdx\s+approval\.digest: changed since ada-quarry approved it on 2026-11-23: "title" no longer matches what was approved; it is withdrawn from the site/);
	});

	it('records changes requested as a review that keeps the story private, with the comments in check', async () => {
		const file = await exported({ decision: 'approve-with-changes', comments: 'Say 1,200 SKUs, not 1,000.' });
		const result = await approval('record', file);
		expect(result.out).toContain('changes requested by Ada Quarry');
		expect(result.code).toBe(0);
		expect(readFileSync(storyFile(), 'utf8')).toMatch(/review:\n {2}decision: changes-requested\n {2}reviewedBy: ada-quarry\n {2}reviewedOn: 2026-11-23\n {2}comments: Say 1,200 SKUs, not 1,000.\n/);
		const checked = await runScript('scripts/check.ts', ['--content', dir]);
		expect(checked.out).toContain('review: ada-quarry asked for changes on 2026-11-23: "Say 1,200 SKUs, not 1,000."; the item stays unpublished');
		expect(checked.code).toBe(0);
	});

	const refusals: [string, () => Promise<string>, RegExp][] = [
		['an item that does not exist', () => exported({}, (d) => (d.item.id = 'other-story')), /item: expected a story of this content, found "other-story"/],
		['a person who is not the customer\'s', () => exported({ person: 'vera-vendor' }), /reviewer\.person: expected a person of the customer "quarry-bank" .*found "vera-vendor", one of the vendor's people/],
		['a person who does not exist', () => exported({ person: 'nobody-here' }), /reviewer\.person: expected a person of the customer "quarry-bank" listed in content\/people, found "nobody-here"/],
		['a digest edited after export', () => exported({}, (d) => (d.digest = 'f'.repeat(64))), /digest: expected the digest of the fields listed in the file/],
		[
			'a proof of words that changed since',
			async () => {
				const file = await exported();
				writeFileSync(storyFile(), readFileSync(storyFile(), 'utf8').replace('We finally plan from one number.', 'We plan from one number.'));
				return file;
			},
			/digest: the proof is out of date: "quotes" changed in .*quarry-forecasting\.mdx since the proof was made/,
		],
		[
			'a file that is not an approval file',
			async () => {
				const file = path.join(dir, '..', 'approval.json');
				writeFileSync(file, JSON.stringify({ format: 'credence-approval/1', decision: 'yes please' }));
				return file;
			},
			/decision: expected a decision: one of approve, approve-with-changes, decline/,
		],
	];
	it.each(refusals)('refuses %s, naming the field, and writes nothing', async (_, make, message) => {
		const file = await make();
		const before = readFileSync(storyFile(), 'utf8');
		const result = await approval('record', file);
		expect(result.out).toMatch(message);
		expect(result.out).toMatch(/nothing was (written|recorded)/);
		expect(result.code).toBe(1);
		expect(readFileSync(storyFile(), 'utf8')).toBe(before);
	});
});
