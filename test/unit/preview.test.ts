/** Draft preview's words (src/lib/preview.ts) and when preview is on (never in a build). */
import { describe, expect, it } from 'vitest';
import { draftPreview, PREVIEW_FLAG } from '../../src/integrations/draft-preview.ts';
import { previewEnabled, previewNotice } from '../../src/lib/preview.ts';

const now = new Date('2026-11-23T12:00:00Z');
const approval = { approvedBy: 'ada', approvedOn: new Date('2026-01-01'), expiresOn: new Date('2027-06-01') };
const base = { draft: false, approval };

describe('previewNotice', () => {
	it('says nothing about a public item', () => {
		expect(previewNotice(base, now, 'Quarry Bank')).toBeUndefined();
	});

	it('names a draft and every other condition still missing', () => {
		const notice = previewNotice({ draft: true, publishAt: new Date('2027-01-12T10:00:00Z') }, now, 'Quarry Bank')!;
		expect(notice.state).toBe('draft');
		expect(notice.label).toBe('Draft');
		expect(notice.headline).toBe('Draft — not public.');
		expect(notice.detail).toMatch(/^It becomes public when draft: true is removed, the embargo lifts on 12 Jan 2027 10:00 UTC and Quarry Bank approves it/);
		expect(notice.detail).toMatch(/Only npm run dev shows it/);
	});

	it('gives an embargo its date and time, and when the item would be public', () => {
		const notice = previewNotice({ ...base, publishAt: new Date('2027-01-12T10:00:00Z') }, now, 'Quarry Bank')!;
		expect(notice.headline).toBe('Embargoed until 12 Jan 2027 10:00 UTC — not public.');
		expect(notice.detail).toMatch(/from 12 Jan 2027 10:00 UTC, at the first build after then \(the scheduled daily build\)/);
	});

	it('says whose approval is missing, or when a given one takes effect', () => {
		expect(previewNotice({ draft: false }, now, 'Quarry Bank')!.headline).toBe('Not approved by Quarry Bank yet — not public.');
		const pending = previewNotice({ draft: false, approval: { ...approval, approvedOn: new Date('2026-12-01') } }, now, 'Quarry Bank')!;
		expect(pending.state).toBe('unapproved');
		expect(pending.headline).toBe('Not approved by Quarry Bank yet — the approval takes effect on 1 Dec 2026.');
		expect(pending.detail).toMatch(/from 1 Dec 2026 00:00 UTC/);
	});

	it('says when an approval lapsed and that it must be renewed', () => {
		const notice = previewNotice({ draft: false, approval: { ...approval, expiresOn: new Date('2026-10-31') } }, now, 'Quarry Bank')!;
		expect(notice.state).toBe('approval-expired');
		expect(notice.headline).toBe('Approval lapsed on 31 Oct 2026 — no longer public.');
		expect(notice.detail).toMatch(/Quarry Bank renews the approval \(a later expiresOn\)/);
	});

	it('warns when the approval lapses before the embargo lifts', () => {
		const notice = previewNotice({ ...base, publishAt: new Date('2027-07-01T00:00:00Z') }, now, 'Quarry Bank')!;
		expect(notice.detail).toMatch(/the approval, which lapses on 1 Jun 2027 before that, is renewed/);
		expect(notice.detail).not.toMatch(/scheduled daily build/);
	});
});

describe('when preview is on', () => {
	it('only under astro dev, whatever the environment says', () => {
		expect(previewEnabled('dev', {})).toBe(true);
		expect(previewEnabled('dev', { CREDENCE_PREVIEW: '0' })).toBe(false);
		for (const command of ['build', 'preview', 'sync']) expect(previewEnabled(command, { CREDENCE_PREVIEW: '1' })).toBe(false);
	});

	it('compiles the flag into the pages as a constant: false for astro build', async () => {
		const defines: Record<string, unknown>[] = [];
		const hook = draftPreview().hooks['astro:config:setup'] as (options: unknown) => void;
		const logger = { info: () => {} };
		const env = process.env.CREDENCE_PREVIEW;
		process.env.CREDENCE_PREVIEW = '1';
		try {
			for (const command of ['build', 'dev']) hook({ command, logger, updateConfig: (c: { vite: { define: Record<string, unknown> } }) => defines.push(c.vite.define) });
		} finally {
			if (env === undefined) delete process.env.CREDENCE_PREVIEW;
			else process.env.CREDENCE_PREVIEW = env;
		}
		expect(defines).toEqual([{ [PREVIEW_FLAG]: 'false' }, { [PREVIEW_FLAG]: 'true' }]);
	});
});
