/**
 * The reference program never reaches the site. A fixture site gets a reference program whose
 * every private field (advocate ids and file names, notes, nominators, recognition, who asked,
 * opportunity ids and stages, activity notes) carries its own canary word; after a real build no
 * canary may appear anywhere in dist/: pages, feed, sitemap, assets, or the decompressed Pagefind
 * index. The check must have read the records (a broken one fails the build), so they were there.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildSite, filesMentioning, readBuiltFiles, type BuiltFile } from '../build-helpers.ts';
import { copyFixture, runScript } from '../helpers.ts';

/** One canary per private field; none occurs anywhere else. */
const CANARIES = {
	advocateId: 'larkspurcanary',
	nominatedBy: 'nominatorcanary',
	advocateNotes: 'advocatenotecanary',
	recognition: 'recognitioncanary',
	requestedBy: 'requestercanary',
	opportunityId: 'OPPCANARY-77',
	opportunityStage: 'stagecanary',
	activityNotes: 'activitynotecanary',
} as const;

let content: string;
let cleanup: () => void;
let outDir: string;
let files: BuiltFile[];

beforeAll(async () => {
	({ dir: content, cleanup } = copyFixture());
	outDir = mkdtempSync(path.join(tmpdir(), 'credence-dist-'));
	const root = path.join(content, 'references');
	mkdirSync(path.join(root, 'advocates'), { recursive: true });
	mkdirSync(path.join(root, 'activities'), { recursive: true });
	writeFileSync(path.join(root, 'policy.yaml'), stringify({ windowDays: 60, maxLoad: 3 }));
	writeFileSync(
		path.join(root, 'advocates', `${CANARIES.advocateId}.yaml`),
		stringify({
			person: 'ada-quarry',
			customer: 'quarry-bank',
			stage: 'active',
			stageSince: '2026-03-01',
			agreedTo: ['reference-call', 'site-visit'],
			motivations: ['status'],
			nominatedBy: `Vera ${CANARIES.nominatedBy}`,
			recognition: [{ on: '2026-05-01', what: `Dinner ${CANARIES.recognition}` }],
			notes: `Prefers mornings ${CANARIES.advocateNotes}`,
		}),
	);
	writeFileSync(
		path.join(root, 'activities', '2026.yaml'),
		stringify({
			activities: [
				{
					date: '2026-10-01',
					advocate: CANARIES.advocateId,
					kind: 'reference-call',
					requestedBy: `Sam ${CANARIES.requestedBy}`,
					opportunity: { id: CANARIES.opportunityId, stage: CANARIES.opportunityStage, amount: 48213977 },
					outcome: 'won',
					evidence: { stories: ['quarry-forecasting'] },
					thankYouSent: true,
					notes: `Went well ${CANARIES.activityNotes}`,
				},
			],
		}),
	);
	const result = await buildSite(content, outDir);
	expect(result.code, result.output).toBe(0);
	files = readBuiltFiles(outDir);
}, 240_000);

afterAll(() => {
	cleanup?.();
	if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the reference program in a built site', () => {
	it('built the site, with its search index, around the records', () => {
		expect(files.some((f) => f.path.startsWith('pagefind/'))).toBe(true);
		expect(filesMentioning(files, 'Ada Quarry').length).toBeGreaterThan(0);
	});
	it.each(Object.entries(CANARIES))('leaves no trace of %s anywhere in dist/ or the search index', (_field, canary) => {
		expect(filesMentioning(files, canary)).toEqual([]);
	});
	it('publishes no deal amount', () => {
		expect(filesMentioning(files, '48213977')).toEqual([]);
	});
	it('had the records to hand: the references CLI reads them from the same folder', async () => {
		const result = await runScript('scripts/references.ts', ['report', '--json', '--content', content], { CREDENCE_NOW: '2026-10-15T00:00:00Z' });
		expect(result.code, result.out).toBe(0);
		expect(JSON.parse(result.out).outcomes.byKind).toMatchObject([{ kind: 'reference-call', won: 1 }]);
	}, 120_000);
});
