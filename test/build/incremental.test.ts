/**
 * Incremental builds reuse unchanged pages (Astro's cacheKey) but never serve a stale one: a
 * rebuild after an edit shows the edit on every page that shows the edited record.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildSite, filesMentioning, readBuiltFiles, removeOutDir } from '../build-helpers.ts';
import { buildCacheDir } from '../../src/lib/content/layout.ts';
import { copyFixture, editData, projectRoot } from '../helpers.ts';

const { dir, cleanup } = copyFixture();
const outDir = mkdtempSync(path.join(tmpdir(), 'credence-dist-'));
afterAll(() => {
	cleanup();
	removeOutDir(outDir);
});
const page = (route: string) => readFileSync(path.join(outDir, route, 'index.html'), 'utf8');

it('re-renders what an edit touches and restores the rest', async () => {
	expect((await buildSite(dir, outDir)).code).toBe(0);
	const videoBefore = page('videos/grid-operations');

	editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.title = 'Quarry Bank, retitled'));
	const second = await buildSite(dir, outDir);
	expect(second.code, second.output).toBe(0);
	expect(page('stories/quarry-forecasting')).toContain('Quarry Bank, retitled');
	expect(second.output).toMatch(/videos\/grid-operations\/index\.html \(restored\)/);
	expect(page('videos/grid-operations')).toBe(videoBefore);

	// A record shown on many pages (a customer) changes every page that shows it.
	editData(path.join(dir, 'customers/quarry-bank.yaml'), (d) => (d.name = 'Quarry Bank Textiles'));
	const third = await buildSite(dir, outDir);
	expect(third.code, third.output).toBe(0);
	expect(page('stories/quarry-forecasting')).toContain('Quarry Bank Textiles');
	expect(page('customers/quarry-bank')).toContain('Quarry Bank Textiles');
	// The fixture program is judged blind with no results yet: its entry page names no entrant.
	expect(page('awards/demo-awards/entries/quarry-planning')).not.toContain('Quarry Bank');

	// A picture replaced at the same path (withdrawn for consent, say) is not restored from the
	// build before: the entry's data did not change, its image did.
	const heroes = () => [...page('stories/quarry-forecasting').matchAll(/\/_astro\/[^"' ,]+\.webp/g)].map((m) => m[0]);
	const heroBefore = heroes();
	expect(heroBefore.length).toBeGreaterThan(0);
	await sharp({ create: { width: 800, height: 400, channels: 3, background: { r: 200, g: 20, b: 60 } } }).jpeg().toFile(path.join(dir, 'assets/hero.jpg'));
	const replaced = await buildSite(dir, outDir);
	expect(replaced.code, replaced.output).toBe(0);
	const gone = heroBefore.filter((src) => !heroes().includes(src));
	expect(gone.length).toBeGreaterThan(0);
	for (const src of gone) expect(existsSync(path.join(outDir, src))).toBe(false);

	// An item that stops being public leaves nothing behind from the builds before, and the last
	// build, moved aside, is gone from the cache.
	editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.draft = true));
	const fourth = await buildSite(dir, outDir);
	expect(fourth.code, fourth.output).toBe(0);
	expect(existsSync(path.join(outDir, 'stories/quarry-forecasting'))).toBe(false);
	expect(filesMentioning(readBuiltFiles(outDir), 'Quarry Bank, retitled')).toEqual([]);
	expect(page('videos/grid-operations')).toBe(videoBefore);
	expect(existsSync(path.join(buildCacheDir(projectRoot, { CREDENCE_CONTENT_DIR: dir }), 'previous-output'))).toBe(false);
}, 240_000);

it('re-renders what an embargo decides when it lifts during the day, and again when a build goes back before it', async () => {
	const site = copyFixture();
	const out = mkdtempSync(path.join(tmpdir(), 'credence-dist-'));
	try {
		writeFileSync(
			path.join(site.dir, 'awards/demo-awards/winners.yaml'),
			stringify({ round: 'final', publishedOn: '2026-12-01', publishAt: '2026-12-10T09:00:00Z', method: 'schulze', categories: [{ category: 'operations', winner: 'quarry-planning', finalists: ['quarry-planning'] }] }),
		);
		const entryPage = () => readFileSync(path.join(out, 'awards/demo-awards/entries/quarry-planning/index.html'), 'utf8');
		const announced = await buildSite(site.dir, out, { CREDENCE_NOW: '2026-12-10T10:00:00Z' });
		expect(announced.code, announced.output).toBe(0);
		expect(entryPage()).toContain('placement-winner');
		// The program is judged blind: the entrant shows once the results are announced.
		expect(entryPage()).toContain('Entered by Quarry Bank Mills');
		// A preview an hour before the announcement, the same day: nothing may come from the build after it.
		const before = await buildSite(site.dir, out, { CREDENCE_NOW: '2026-12-10T08:00:00Z' });
		expect(before.code, before.output).toBe(0);
		expect(entryPage()).not.toContain('placement-winner');
		expect(entryPage()).not.toContain('Quarry Bank');
		expect(readFileSync(path.join(out, 'customers/quarry-bank/index.html'), 'utf8')).not.toContain('/awards/demo-awards/entries/quarry-planning/');
		// Nor in the search index (the search page's facet form names the type; its index must not).
		expect(filesMentioning(readBuiltFiles(out), 'Award winner').filter((file) => file !== 'search/index.html')).toEqual([]);
	} finally {
		site.cleanup();
		removeOutDir(out);
	}
}, 240_000);

it('withdraws a published story in one edit: the rebuild keeps nothing of it from the build before, and leaves its tombstone', async () => {
	const site = copyFixture();
	const out = mkdtempSync(path.join(tmpdir(), 'credence-dist-'));
	try {
		const first = await buildSite(site.dir, out);
		expect(first.code, first.output).toBe(0);
		// "zymurgical" is a word of the story's body, in its page and in the search index.
		expect(filesMentioning(readBuiltFiles(out), 'zymurgical').length).toBeGreaterThan(1);
		editData(path.join(site.dir, 'stories/quarry-forecasting.mdx'), (d) => (d.withdrawn = { on: '2026-11-20', reason: 'Asked by email.' }));
		const second = await buildSite(site.dir, out);
		expect(second.code, second.output).toBe(0);
		const files = readBuiltFiles(out);
		for (const word of ['zymurgical', 'cut forecast error in half', 'We finally plan from one number', 'Asked by email']) expect(filesMentioning(files, word), word).toEqual([]);
		const tombstone = readFileSync(path.join(out, 'stories/quarry-forecasting/index.html'), 'utf8');
		expect(tombstone).toContain('<meta name="robots" content="noindex">');
		expect(tombstone).toContain('Withdrawn at the customer');
		expect(readFileSync(path.join(out, '_redirects'), 'utf8')).toContain('/stories/quarry-forecasting/ /stories/quarry-forecasting/ 410!');
		expect(readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8')).not.toContain('/stories/quarry-forecasting/');
		expect(existsSync(path.join(out, 'customers/quarry-bank'))).toBe(false);
	} finally {
		site.cleanup();
		removeOutDir(out);
	}
}, 240_000);
