/**
* Files from outside the team, as a hostile contributor would send them: `npm run approval -- record` takes decisions in the order they are run,
 * not the order the customer made them. An approval file is not used up when recorded, so an
 * earlier approval recorded again after the customer declined erased the decline (the review
 * block is removed) and put the story back on the site; and a decline older than the approval
 * the file holds was written with "the item stays unpublished" while the approval, being newer,
 * kept it published. A decision older than the one recorded is refused, writing nothing.
 *
 * `npm run awards -- intake` read an entrant's file whole, whatever its size, and the program's
 * word limits count words, not characters: a summary, narrative or evidence detail of one
 * megabytes-long "word" was taken and written into entries/ (and from there into the repository,
 * the judges' packets and the site). An entry file over the size the kit could export is refused.
 *
 * `npm run new -- customer --name "Aux"` (or --id nul) wrote customers/aux.yaml: a name Windows
 * keeps for a device, with any extension, so Git for Windows cannot check the repository out.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvalFileJson, type ReviewerChoices } from '../../src/tools/proof/approval-file.ts';
import type { ProofData } from '../../src/tools/proof/data.ts';
import { copyFixture, projectRoot, runScript } from '../helpers.ts';
import { entryFileText, INTAKE_PROGRAM, scaffoldIntakeProgram } from '../fixtures/intake-program.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture()));
afterEach(() => cleanup());

const approval = (...args: string[]) => runScript('scripts/approval.ts', [...args, '--content', dir]);
const storyFile = () => path.join(dir, 'stories/quarry-forecasting.mdx');
const proofFile = () => path.join(dir, '..', 'proof.html');
const proofData = (html: string): ProofData => JSON.parse(/<script type="application\/json" id="proof-data">([\s\S]*?)<\/script>/.exec(html)![1]);

const APPROVE: ReviewerChoices = { person: 'ada-quarry', name: 'Ada Quarry', title: 'Head of Planning', decision: 'approve', expiresOn: '2028-06-30', comments: '' };

let made: ProofData | undefined;
/** The approval file the fixture story's proof exports for `choices`, decided at `decidedAt`. */
async function exported(name: string, choices: Partial<ReviewerChoices>, decidedAt: string): Promise<string> {
	if (!made) {
		const result = await approval('proof', 'quarry-forecasting', '--out', proofFile());
		expect(result.code, result.out).toBe(0);
		made = proofData(readFileSync(proofFile(), 'utf8'));
	}
	const file = path.join(dir, '..', `${name}.json`);
	writeFileSync(file, approvalFileJson(made, { ...APPROVE, ...choices }, decidedAt));
	return file;
}
beforeEach(() => {
	made = undefined;
});

describe('approval record, decisions out of order', { timeout: 120_000 }, () => {
	it('refuses an earlier approval recorded again after the customer declined', async () => {
		const approved = await exported('approve', {}, '2026-11-20T09:00:00.000Z');
		const declined = await exported('decline', { decision: 'decline', comments: 'Please take it down.' }, '2026-11-23T09:00:00.000Z');
		expect((await approval('record', approved)).code).toBe(0);
		const decline = await approval('record', declined);
		expect(decline.code, decline.out).toBe(0);
		const afterDecline = readFileSync(storyFile(), 'utf8');
		expect(afterDecline).toContain('decision: declined');

		const replay = await approval('record', approved);
		expect(replay.out).toMatch(/decidedAt: .*2026-11-20.*older than the decline recorded on 2026-11-23/);
		expect(replay.code).toBe(1);
		expect(readFileSync(storyFile(), 'utf8')).toBe(afterDecline);
	});

	it('refuses a decline older than the approval the file holds, instead of saying the item stays unpublished', async () => {
		const approved = await exported('approve', {}, '2026-11-22T09:00:00.000Z');
		const declined = await exported('decline', { decision: 'decline', comments: 'No.' }, '2026-11-21T09:00:00.000Z');
		expect((await approval('record', approved)).code).toBe(0);
		const before = readFileSync(storyFile(), 'utf8');
		const result = await approval('record', declined);
		expect(result.out).not.toContain('stays unpublished');
		expect(result.out).toMatch(/decidedAt: .*2026-11-21.*older than the approval recorded on 2026-11-22/);
		expect(result.code).toBe(1);
		expect(readFileSync(storyFile(), 'utf8')).toBe(before);
	});
});

describe('awards intake, a huge entry file', { timeout: 120_000 }, () => {
	it('refuses a file far larger than the entry kit exports, even when every word limit is met, and writes nothing', async () => {
		const base = mkdtempSync(path.join(tmpdir(), 'credence-review2-'));
		try {
			const content = path.join(base, 'content');
			cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
			const folder = scaffoldIntakeProgram(content);
			const big = 'x'.repeat(3_000_000);
			const file = path.join(base, 'entry.json');
			// One "word" each: within summaryMaxWords 30 and narrativeMaxWords 60.
			writeFileSync(file, entryFileText({ summary: `Shelf ${big}.`, narrative: `We did ${big}.`, evidence: [{ label: 'Gaps', detail: big }] }));
			const result = await runScript('scripts/awards.ts', ['intake', INTAKE_PROGRAM, file, '--content', content]);
			expect(result.out).toMatch(/rejected\s+\S*entry\.json\s+\(file\): expected an entry file of at most 256 KiB/);
			expect(result.code).toBe(1);
			expect(readdirSync(path.join(folder, 'entries'))).toEqual([]);
		} finally {
			rmSync(base, { recursive: true, force: true });
		}
	});
});

describe('npm run new, a Windows device name', { timeout: 120_000 }, () => {
	it('refuses an id Windows keeps for a device, from the name or from --id, and writes nothing', async () => {
		const before = readdirSync(path.join(dir, 'customers')).sort();
		const named = await runScript('scripts/new.ts', ['customer', '--name', 'Aux', '--content', dir]);
		expect(named.out).toMatch(/--name: the id would be "aux", a name Windows keeps for a device/);
		expect(named.code).toBe(1);
		const given = await runScript('scripts/new.ts', ['customer', '--name', 'Null Industries', '--id', 'nul', '--content', dir]);
		expect(given.out).toMatch(/--id: the id would be "nul", a name Windows keeps for a device/);
		expect(given.code).toBe(1);
		expect(readdirSync(path.join(dir, 'customers')).sort()).toEqual(before);
	});
});
