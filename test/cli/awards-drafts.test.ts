/**
 * Draft entries are left out of judging, and every command where it matters says so (issue #19):
 * status (whose judges look complete without them), assign, tally and publish.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, editData, runScript, sampleContent } from '../helpers.ts';

const sample = copyFixture(sampleContent);
const fixture = copyFixture();
afterAll(() => {
	sample.cleanup();
	fixture.cleanup();
});

const DRAFT_NOTE = /1 entry is a draft and left out of judging \(not assigned, not ranked, never published\): campus-catering-waste\. Set `draft: false`/;

describe('draft entries', { timeout: 120_000 }, () => {
	it('are named by status and tally, not left out silently', async () => {
		const status = await runScript('scripts/awards.ts', ['status', 'cia-2026', '--content', sample.dir]);
		expect(status.code, status.out).toBe(0);
		expect(status.out).toMatch(DRAFT_NOTE);
		const tally = await runScript('scripts/awards.ts', ['tally', 'cia-2026', '--content', sample.dir]);
		expect(tally.code, tally.out).toBe(0);
		expect(tally.out).toMatch(DRAFT_NOTE);
	});

	it('when every entry is a draft, tally says so rather than only "no scores"', async () => {
		editData(path.join(fixture.dir, 'awards/demo-awards/entries/quarry-planning.md'), (e) => (e.draft = true));
		const tally = await runScript('scripts/awards.ts', ['tally', 'demo-awards', '--content', fixture.dir]);
		expect(tally.code).toBe(1);
		expect(tally.out).toMatch(/every entry of demo-awards is a draft, and drafts are not judged: quarry-planning/);
	});
});
