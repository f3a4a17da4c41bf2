/**
 * Empty and single states on small content sets: no section is a heading over nothing, an empty
 * list says so, counts of one are singular, and the judging notice neither promises a date gone
 * by nor points to criteria "below" on pages that have none.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../build-helpers.ts';
import { copyFixture } from '../helpers.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** Builds a copy of the fixture after `edit`, and returns a reader of its pages' text. */
async function build(edit: (dir: string) => void, env: Record<string, string> = {}): Promise<(page: string) => string> {
	const content = copyFixture();
	const outDir = mkdtempSync(path.join(tmpdir(), 'credence-dist-'));
	cleanups.push(content.cleanup, () => rmSync(outDir, { recursive: true, force: true }));
	edit(content.dir);
	const result = await buildSite(content.dir, outDir, env);
	expect(result.code, result.output).toBe(0);
	return (page) => readFileSync(path.join(outDir, page, 'index.html'), 'utf8').replace(/&#39;/g, "'");
}

const remove = (dir: string, ...files: string[]) => files.forEach((file) => rmSync(path.join(dir, file), { recursive: true, force: true }));

describe('a program announced with no placements, no judges listed and no stories', () => {
	let page: (path: string) => string;
	beforeAll(async () => {
		page = await build((dir) => {
			remove(dir, 'stories/quarry-forecasting.mdx', 'awards/demo-awards/judges', 'awards/demo-awards/scores');
			writeFileSync(path.join(dir, 'awards/demo-awards/winners.yaml'), 'round: final\npublishedOn: 2026-11-20\nmethod: offset\ncategories: []\n');
		});
	}, 240_000);

	it('shows no "Latest stories" and no "The winners" over empty lists on the home page', () => {
		expect(page('')).not.toContain('id="latest-stories"');
		expect(page('')).not.toContain('The winners');
		expect(page('')).toMatch(/<strong>0<\/strong> co-authored stories/);
	});

	it('offers no facet without options (Product, with no product in the library)', () => {
		expect(page('stories')).toContain('<legend>Content type</legend>');
		expect(page('stories')).not.toContain('<legend>Product</legend>');
	});

	it('leaves out the judges section and its link when the program lists no judges', () => {
		const program = page('awards/demo-awards');
		expect(program).not.toContain('id="judges"');
		expect(program).not.toContain('href="#judges"');
	});

	it('says so on the winners page when the results name no placements', () => {
		expect(page('awards/demo-awards/winners')).toContain('No placements have been published for this program.');
	});

	it('counts one category in the singular', () => {
		expect(page('awards')).toContain('· 1 category</p>');
	});
});

describe('nothing public but one blind entry, built after the announcement date with results still unpublished', () => {
	let page: (path: string) => string;
	beforeAll(async () => {
		page = await build((dir) => remove(dir, 'stories/quarry-forecasting.mdx', 'videos/grid-operations.yaml', 'videos/grid-operations.vtt'), { CREDENCE_NOW: '2026-12-20T12:00:00Z' });
	}, 240_000);

	it('gives empty lists a message', () => {
		expect(page('videos')).toContain('No video testimonials are published yet.');
		expect(page('customers')).toContain('No customer has approved a page of their own yet.');
		expect(page('stories')).toContain('No evidence is published yet.');
		expect(page('stories')).toContain('0 pieces of evidence');
	});

	it('counts one award entry in the singular on the home page', () => {
		expect(page('')).toMatch(/<strong>1<\/strong> award entry, judged independently/);
	});

	it.each(['', 'awards/demo-awards', 'awards/demo-awards/winners'])('on /%s says judging is in progress without a date gone by or criteria "below"', (url) => {
		const text = page(url);
		expect(text).toContain('Judging in progress.');
		expect(text).toContain('Winners will be announced here once judging is complete.');
		expect(text).not.toContain('Winners will be announced on');
		expect(text).not.toContain('criteria below');
		expect(text).toContain('<a href="/awards/demo-awards/#criteria">published criteria</a>');
	});
});

describe('the judging notice before the announcement date', () => {
	it('gives the date', async () => {
		const page = await build(() => {});
		expect(page('awards/demo-awards')).toMatch(/Winners will be announced on <time datetime="2026-12-10">/);
	}, 240_000);
});
