/**
 * The rules across files, one test per class of problem: each edits a fresh copy of the fixture
 * content and expects `runCheck` to name the file, the field and what is wrong.
 */
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/content/check.ts';
import { hasUrlSyntax, nodeIO, whenLapses } from '../../src/lib/content/integrity.ts';
import { copyFixture, editData, NOW, projectRoot } from '../helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
	({ dir, cleanup } = copyFixture());
	mkdirSync(path.join(dir, 'awards/demo-awards/assignments'));
});
afterEach(() => cleanup());

const at = (...parts: string[]) => path.join(dir, ...parts);
const check = () => runCheck({ projectRoot, contentDir: dir, now: NOW });

async function expectError(fileSuffix: string, field: string, message: RegExp) {
	const result = await check();
	expect(result.diagnostics).toContainEqual(
		expect.objectContaining({ severity: 'error', file: expect.stringMatching(new RegExp(`${fileSuffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)), field, message: expect.stringMatching(message) }),
	);
}

describe('the fixture', () => {
	it('passes with no errors and no warnings', async () => {
		const result = await check();
		expect(result.diagnostics).toEqual([]);
		expect(result.index.stories.size).toBe(1);
		expect(result.scoreSheets[0].lines).toHaveLength(2);
	});
});

describe('references', () => {
	it('a story naming a customer that does not exist', async () => {
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.customer = 'nobody-inc'));
		await expectError('stories/quarry-forecasting.mdx', 'customer', /existing entry in customers, found "nobody-inc" \(known ids include/);
	});
	it('a mistyped id in any reference field: the nearest existing id first ("did you mean …?")', async () => {
		editData(at('stories/quarry-forecasting.mdx'), (d) => {
			d.customer = 'quary-bank';
			d.authors[0] = 'ada-quary';
			d.products = ['forcast'];
		});
		editData(at('videos/grid-operations.yaml'), (d) => (d.speakers = ['hal-gird']));
		editData(at('awards/demo-awards/judges/ana-lyst.yaml'), (d) => (d.conflicts = [{ customer: 'hiden-grid', reason: 'Former employer.' }]));
		editData(at('awards/demo-awards/entries/quarry-planning.md'), (d) => (d.submitter = 'ada-quarri'));
		await expectError('stories/quarry-forecasting.mdx', 'customer', /found "quary-bank" \(did you mean "quarry-bank"\?/);
		await expectError('stories/quarry-forecasting.mdx', 'authors[0]', /found "ada-quary" \(did you mean "ada-quarry"\?/);
		await expectError('stories/quarry-forecasting.mdx', 'products[0]', /did you mean "forecast"\?/);
		await expectError('videos/grid-operations.yaml', 'speakers[0]', /did you mean "hal-grid"\?/);
		await expectError('judges/ana-lyst.yaml', 'conflicts[0].customer', /did you mean "hidden-grid"\?/);
		await expectError('entries/quarry-planning.md', 'submitter', /did you mean "ada-quarry"\?/);
	});
	it('an award entry with errors of its own: each sheet says so once, not once per line', async () => {
		editData(at('awards/demo-awards/entries/quarry-planning.md'), (d) => (d.status = 'Eligible'));
		const result = await check();
		const scores = result.diagnostics.filter((d) => d.file.endsWith('scores/round-1.csv'));
		expect(scores).toEqual([
			expect.objectContaining({
				field: 'line 2 entry',
				message: expect.stringMatching(/^expected a valid entry of demo-awards, found "quarry-planning", whose file .*entries\/quarry-planning\.md has errors of its own .*\(1 more place in this file names it\)$/),
			}),
		]);
		await expectError('awards/demo-awards/entries/quarry-planning.md', 'status', /found "Eligible"/);
	});
	it('a product that does not exist', async () => {
		editData(at('customers/quarry-bank.yaml'), (d) => (d.products = ['forecast', 'teleport']));
		await expectError('customers/quarry-bank.yaml', 'products[1]', /found "teleport"/);
	});
	it('an MDX story the build could not compile (a stray "<")', async () => {
		const file = at('stories/quarry-forecasting.mdx');
		const lines = readFileSync(file, 'utf8').replace(/\n*$/, '\n').split('\n').length;
		appendFileSync(file, '\nStock-outs fell to <5 per week.\n');
		await expectError('stories/quarry-forecasting.mdx', `line ${lines + 1}`, /expected MDX the build can compile, found: Unexpected character after `<`.* \(line \d+, column 20\); in MDX a "<" or "\{" in text must be written \\< or \\\{/);
	});
	it('the same text in a Markdown story is text', async () => {
		const md = at('stories/quarry-forecasting.md');
		cpSync(at('stories/quarry-forecasting.mdx'), md);
		rmSync(at('stories/quarry-forecasting.mdx'));
		appendFileSync(md, '\nStock-outs fell to <5 per week, {roughly}.\n');
		expect((await check()).diagnostics).toEqual([]);
	});
	it('an unquoted date where text belongs (Astro reads it as a date, and the build would stop)', async () => {
		const file = at('videos/grid-operations.yaml');
		writeFileSync(file, readFileSync(file, 'utf8').replace(/(chapters:\n\s*- start: [^\n]+\n\s*title:) [^\n]+/, '$1 2026-01-15'));
		await expectError('videos/grid-operations.yaml', 'chapters[0].title', /found 2026-01-15 without quotes, which YAML reads as a date \(put it in quotes to keep it text\)/);
	});
	it('an unquoted impossible date in a date field', async () => {
		const file = at('stories/quarry-forecasting.mdx');
		writeFileSync(file, readFileSync(file, 'utf8').replace(/^publishedOn: .*$/m, 'publishedOn: 2026-02-30'));
		await expectError('stories/quarry-forecasting.mdx', 'publishedOn', /found "2026-02-30" which is not a real date/);
	});
	it('a reference to an entry whose own file has errors', async () => {
		editData(at('people/ada-quarry.yaml'), (d) => delete d.customer);
		await expectError('stories/quarry-forecasting.mdx', 'authors[0]', /expected a valid entry in people, found "ada-quarry", whose file .*people\/ada-quarry.yaml has errors of its own/);
		await expectError('people/ada-quarry.yaml', 'customer', /the customer this person works for/);
	});
	it('a reference to an entry whose YAML cannot be read', async () => {
		writeFileSync(at('products/forecast.yaml'), 'name: [unclosed');
		await expectError('customers/quarry-bank.yaml', 'products[0]', /expected a valid entry in products, found "forecast", whose file .*products\/forecast.yaml has errors of its own/);
	});
	it('a quote from a person who does not exist', async () => {
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.quotes[0].person = 'ghost'));
		await expectError('stories/quarry-forecasting.mdx', 'quotes[0].person', /existing entry in people, found "ghost"/);
	});
	it('an entry in a program folder without a program file', async () => {
		cpSync(at('awards/demo-awards/entries'), at('awards/lost-awards/entries'), { recursive: true });
		await expectError('awards/lost-awards/entries/quarry-planning.md', '(file)', /expected a program file at .*lost-awards\/program.yaml/);
	});
	it('an entry in a category the program does not have', async () => {
		editData(at('awards/demo-awards/entries/quarry-planning.md'), (d) => (d.category = 'design'));
		await expectError('entries/quarry-planning.md', 'category', /category of demo-awards \(operations\), found "design"/);
	});
});

describe('organisations', () => {
	it('a story without a vendor co-author', async () => {
		editData(at('people/vera-vendor.yaml'), (d) => { d.role = 'customer'; d.customer = 'quarry-bank'; });
		await expectError('stories/quarry-forecasting.mdx', 'authors', /co-authors from both sides/);
	});
	it('an author from another customer', async () => {
		editData(at('stories/quarry-forecasting.mdx'), (d) => d.authors.push('hal-grid'));
		await expectError('stories/quarry-forecasting.mdx', 'authors[2]', /author from the customer "quarry-bank" or the vendor, found "hal-grid" \(a person of hidden-grid\)/);
	});
	it('an approval by someone outside the customer', async () => {
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.approval.approvedBy = 'vera-vendor'));
		await expectError('stories/quarry-forecasting.mdx', 'approval.approvedBy', /person of the customer "quarry-bank".*found "vera-vendor" \(a vendor person\)/);
	});
	it('quotes from a customer that withholds quotes', async () => {
		editData(at('customers/quarry-bank.yaml'), (d) => (d.permissions = { name: true, logo: true, quotes: false }));
		await expectError('stories/quarry-forecasting.mdx', 'quotes[0]', /permissions.quotes is false/);
	});
	it('an entry submitted by someone outside the entrant', async () => {
		editData(at('awards/demo-awards/entries/quarry-planning.md'), (d) => (d.submitter = 'vera-vendor'));
		await expectError('entries/quarry-planning.md', 'submitter', /person of the entrant "quarry-bank"/);
	});
	it('a video speaker from another customer', async () => {
		editData(at('videos/grid-operations.yaml'), (d) => (d.speakers = ['ada-quarry']));
		await expectError('videos/grid-operations.yaml', 'speakers[0]', /speaker from the customer "hidden-grid"/);
	});
});

describe('judges and scores', () => {
	const scores = () => at('awards/demo-awards/scores/round-1.csv');
	it('a judge who is not independent', async () => {
		editData(at('awards/demo-awards/judges/aca-demic.yaml'), (d) => (d.person = 'vera-vendor'));
		await expectError('judges/aca-demic.yaml', 'person', /independent judge \(role analyst or academic\), found "vera-vendor" with role vendor/);
	});
	it('a judge scoring an entry of a customer they declared a conflict with', async () => {
		appendFileSync(scores(), 'ana-lyst,quarry-planning,impact,2,\n');
		await expectError('scores/round-1.csv', 'line 4 judge', /conflict with "quarry-bank"/);
	});
	it('scores for an unknown judge, entry and criterion', async () => {
		appendFileSync(scores(), 'nobody,quarry-planning,impact,2,\naca-demic,missing-entry,impact,2,\naca-demic,quarry-planning,price,2,\n');
		await expectError('scores/round-1.csv', 'line 4 judge', /judge of demo-awards.*found "nobody"/);
		await expectError('scores/round-1.csv', 'line 5 entry', /entry of demo-awards.*found "missing-entry"/);
		await expectError('scores/round-1.csv', 'line 6 criterion', /criterion of demo-awards \(impact, originality\), found "price"/);
	});
	it('a score outside the scale or off its step', async () => {
		writeFileSync(scores(), 'judge,entry,criterion,score,comment\naca-demic,quarry-planning,impact,6,\naca-demic,quarry-planning,originality,3.25,\n');
		await expectError('scores/round-1.csv', 'line 2 score', /from 1 to 5 in steps of 0.5, found 6/);
		await expectError('scores/round-1.csv', 'line 3 score', /found 3.25/);
	});
	it('a duplicate score', async () => {
		appendFileSync(scores(), 'aca-demic,quarry-planning,impact,4,again\n');
		await expectError('scores/round-1.csv', 'line 4', /duplicate score: aca-demic already scored quarry-planning on impact at line 2/);
	});
	it('a score sheet with the wrong header', async () => {
		writeFileSync(scores(), 'judge,entry,score\naca-demic,quarry-planning,4\n');
		await expectError('scores/round-1.csv', 'line 1', /expected the header "judge,entry,criterion,score,comment"/);
	});
	it('a score sheet for a round the program does not have', async () => {
		cpSync(scores(), at('awards/demo-awards/scores/round-9.csv'));
		await expectError('scores/round-9.csv', '(file name)', /named after a round of demo-awards \(round-1.csv, final.csv\)/);
	});
	it('an assignment that pairs a judge with an entry they are conflicted with', async () => {
		writeFileSync(at('awards/demo-awards/assignments/round-1.yaml'), 'round: round-1\nseed: 1\nperEntry: 1\njudges:\n  ana-lyst: [quarry-planning]\n  aca-demic: []\n');
		await expectError('assignments/round-1.yaml', 'judges.ana-lyst[0]', /conflict with "quarry-bank"/);
	});
	it('scores from a judge not assigned to the entry, once an assignment exists', async () => {
		writeFileSync(at('awards/demo-awards/assignments/round-1.yaml'), 'round: round-1\nseed: 1\nperEntry: 1\njudges:\n  aca-demic: []\n');
		await expectError('scores/round-1.csv', 'line 2 judge', /"aca-demic" is not assigned to quarry-planning/);
	});
	it('a mistyped judge or entry in an assignment: the nearest existing id first', async () => {
		writeFileSync(at('awards/demo-awards/assignments/round-1.yaml'), 'round: round-1\nseed: 1\nperEntry: 1\njudges:\n  aca-demik: [quarry-planing]\n');
		await expectError('assignments/round-1.yaml', 'judges.aca-demik', /found "aca-demik" \(did you mean "aca-demic"\?/);
		await expectError('assignments/round-1.yaml', 'judges.aca-demik[0]', /found "quarry-planing" \(did you mean "quarry-planning"\?/);
	});
	it('an assignment for a round the program does not have, or with unknown judges', async () => {
		writeFileSync(at('awards/demo-awards/assignments/round-7.yaml'), 'round: round-7\nseed: 1\nperEntry: 1\njudges:\n  nobody: [quarry-planning]\n');
		await expectError('assignments/round-7.yaml', 'round', /named after a round of demo-awards/);
		await expectError('assignments/round-7.yaml', 'judges.nobody', /judge of demo-awards, found "nobody"/);
	});
	it('finalist rankings before any finalists are published, or for a scoring round', async () => {
		mkdirSync(at('awards/demo-awards/rankings'));
		writeFileSync(at('awards/demo-awards/rankings/final.csv'), 'judge,entry,rank\naca-demic,quarry-planning,1\n');
		writeFileSync(at('awards/demo-awards/rankings/round-1.csv'), 'judge,entry,rank\naca-demic,quarry-planning,1\n');
		await expectError('rankings/final.csv', '(file)', /expected published finalists/);
		await expectError('rankings/round-1.csv', '(file name)', /ranking round of demo-awards \(final.csv\), found round-1.csv/);
	});
	it('finalist rankings that break the ranking rules', async () => {
		writeFileSync(at('awards/demo-awards/winners.yaml'), 'round: round-1\npublishedOn: 2026-11-01\nmethod: offset\ncategories:\n  - category: operations\n    winner: quarry-planning\n    finalists: [quarry-planning]\n');
		mkdirSync(at('awards/demo-awards/rankings'));
		writeFileSync(at('awards/demo-awards/rankings/final.csv'), 'judge,entry,rank\naca-demic,quarry-planning,2\nana-lyst,quarry-planning,1\n');
		await expectError('rankings/final.csv', 'line 2 rank', /expected aca-demic's ranks in operations to be 1/);
		await expectError('rankings/final.csv', 'line 3 judge', /conflict with "quarry-bank"/);
	});
	it('published results naming entries the program does not have', async () => {
		writeFileSync(at('awards/demo-awards/winners.yaml'), 'round: round-1\npublishedOn: 2026-11-01\nmethod: offset\ncategories:\n  - category: operations\n    winner: ghost-entry\n    finalists: [quarry-planning]\n');
		await expectError('awards/demo-awards/winners.yaml', 'categories[0].winner', /entry of demo-awards, found "ghost-entry"/);
	});
	it('a judge file not named after its person', async () => {
		cpSync(at('awards/demo-awards/judges/aca-demic.yaml'), at('awards/demo-awards/judges/someone-else.yaml'));
		await expectError('judges/someone-else.yaml', 'person', /named after the person/);
	});
});

describe('files', () => {
	it('malformed captions, naming the line', async () => {
		writeFileSync(at('videos/grid-operations.vtt'), 'WEBVTT\n\n00:00.000 --> 00:05.000\nfine\n\n00:09.000 --> 00:06.000\nbackwards\n');
		await expectError('videos/grid-operations.vtt', 'line 6', /invalid WebVTT/);
	});
	it('captions that run past the end of the video', async () => {
		editData(at('videos/grid-operations.yaml'), (d) => (d.duration = '0:12'));
		await expectError('videos/grid-operations.vtt', '(cues)', /within the video's duration \(12s\)/);
	});
	it('a missing captions file', async () => {
		rmSync(at('videos/grid-operations.vtt'));
		await expectError('videos/grid-operations.yaml', 'captions', /no file at .*grid-operations.vtt/);
	});
	it('a missing image file', async () => {
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.hero.src = '../assets/missing.jpg'));
		await expectError('stories/quarry-forecasting.mdx', 'hero.src', /expected an image file, found no file at .*assets\/missing.jpg/);
	});
	it('an SVG logo with a script in it (published as it is)', async () => {
		writeFileSync(at('assets/hostile-logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script><rect width="4" height="4"/></svg>');
		editData(at('customers/quarry-bank.yaml'), (d) => (d.logo = '../assets/hostile-logo.svg'));
		await expectError('customers/quarry-bank.yaml', 'logo', /expected an SVG that only draws .*found a <script> element in .*assets\/hostile-logo.svg: export it again as plain SVG/);
	});
	it('an image file that is not an image (the build could not read its size)', async () => {
		writeFileSync(at('assets/hero.jpg'), 'this is not a jpeg\n');
		await expectError('stories/quarry-forecasting.mdx', 'hero.src', /expected a JPEG\/PNG\/WebP\/AVIF\/GIF\/TIFF image, found a file sharp cannot read \(.+\) at .*assets\/hero.jpg$/);
	});
	it('an SVG drawing under a raster image name (it would escape the SVG rules)', async () => {
		writeFileSync(at('assets/poster.jpg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>');
		const result = await check();
		expect(result.diagnostics).toEqual([
			expect.objectContaining({ severity: 'error', file: expect.stringMatching(/videos\/grid-operations.yaml$/), field: 'poster.src', message: expect.stringMatching(/^expected a JPEG\/PNG\/WebP\/AVIF\/GIF\/TIFF image, found an SVG drawing under a raster image name \(name it .svg.*at .*assets\/poster.jpg$/) }),
		]);
	});
	it('an image file replaced by one that is not an image between two checks', async () => {
		expect((await check()).errors).toBe(0);
		writeFileSync(at('assets/person.png'), 'not a png either, and longer than the real one so its size changes'.repeat(40));
		await expectError('people/ada-quarry.yaml', 'headshot', /found a file sharp cannot read/);
	});
	it('an SVG with no viewBox, width or height (the build could not tell its size)', async () => {
		writeFileSync(at('assets/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>');
		await expectError('customers/quarry-bank.yaml', 'logo', /expected an SVG whose <svg> element has a viewBox or a width and a height .*found no viewBox and no width and height on its <svg> element in .*assets\/logo.svg$/);
		writeFileSync(at('assets/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="40"><rect width="4" height="4"/></svg>');
		await expectError('customers/quarry-bank.yaml', 'logo', /found no viewBox and only width="100%" and height="40"/);
		writeFileSync(at('assets/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0,0,40,40"><rect width="4" height="4"/></svg>');
		await expectError('customers/quarry-bank.yaml', 'logo', /found a viewBox "0,0,40,40" that gives no size/);
	});
	it('an SVG sized by its viewBox alone, or by width and height alone, passes', async () => {
		writeFileSync(at('assets/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 12"><rect width="4" height="4"/></svg>');
		expect((await check()).diagnostics).toEqual([]);
		writeFileSync(at('assets/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="40px" height="12"><rect width="4" height="4"/></svg>');
		expect((await check()).diagnostics).toEqual([]);
	});
	it('a missing self-hosted video file', async () => {
		editData(at('videos/grid-operations.yaml'), (d) => (d.source = { kind: 'file', file: 'gone.mp4' }));
		await expectError('videos/grid-operations.yaml', 'source.file', /no file at .*videos\/media\/gone.mp4/);
	});
	it('two files with the same id', async () => {
		cpSync(at('stories/quarry-forecasting.mdx'), at('stories/quarry-forecasting.md'));
		await expectError('stories/quarry-forecasting.mdx', '(file)', /duplicate id "quarry-forecasting"/);
	});
	it('a file name that cannot be an id', async () => {
		cpSync(at('products/forecast.yaml'), at('products/Forecast Pro.yaml'));
		await expectError('products/Forecast Pro.yaml', '(file name)', /lower-case words joined by hyphens/);
	});
	it('an award program folder name that cannot be an id (it is the URL), reported once', async () => {
		cpSync(at('awards/demo-awards'), at('awards/Demo Awards'), { recursive: true });
		rmSync(at('awards/demo-awards'), { recursive: true });
		const result = await check();
		const folder = result.diagnostics.filter((d) => d.field === '(folder name)');
		expect(folder).toEqual([
			expect.objectContaining({ severity: 'error', file: expect.stringMatching(/awards\/Demo Awards\/program.yaml$/), message: expect.stringMatching(/^expected an award program folder named in lower-case words joined by hyphens .*found "Demo Awards": rename the folder/) }),
		]);
		expect(result.index.awardPrograms.size).toBe(0);
		expect(result.index.awardEntries.size).toBe(0);
	});
	it('an award entry in a folder whose name cannot be an id, with no program file', async () => {
		cpSync(at('awards/demo-awards/entries'), at('awards/demo_awards/entries'), { recursive: true });
		await expectError('awards/demo_awards/entries/quarry-planning.md', '(folder name)', /found "demo_awards"/);
	});
	it('broken YAML, naming the line', async () => {
		writeFileSync(at('customers/quarry-bank.yaml'), 'name: Quarry\nindustry: [retail\n');
		await expectError('customers/quarry-bank.yaml', expect.stringMatching(/^line \d+$/) as unknown as string, /invalid YAML/);
	});
	it('Markdown without frontmatter', async () => {
		writeFileSync(at('stories/quarry-forecasting.mdx'), '# Just a heading\n');
		await expectError('stories/quarry-forecasting.mdx', '(frontmatter)', /YAML frontmatter between two "---" lines/);
	});
});

describe("images a story's body names, judged like the front matter's", () => {
	/** Appends `markdown` to the fixture story; returns the line it starts on. */
	function appendToStory(markdown: string): number {
		const story = at('stories/quarry-forecasting.mdx');
		const source = readFileSync(story, 'utf8');
		writeFileSync(story, `${source}\n${markdown}\n`);
		return source.split('\n').length + 1;
	}

	it('an SVG with <script> or an event handler is an error (it is published as /_astro/<hash>.svg and runs on the site origin)', async () => {
		writeFileSync(at('assets/evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(document.domain)</script></svg>');
		const line = appendToStory('![x](../assets/evil.svg)');
		const result = await check();
		expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('\n')).toMatch(/svg|script|draws/i);
		await expectError('stories/quarry-forecasting.mdx', `line ${line}`, /^expected an SVG that only draws .*found an event handler \(onload on <svg>\); a <script> element in .*assets\/evil.svg: export it again as plain SVG$/);
	});

	it('a truncated image is an error (astro build failed on it after check passed)', async () => {
		writeFileSync(at('assets/broken.png'), Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from('not really a png')]));
		const line = appendToStory('![x](../assets/broken.png)');
		const result = await check();
		expect(result.diagnostics.some((d) => d.severity === 'error' && /broken\.png/.test(d.message))).toBe(true);
		await expectError('stories/quarry-forecasting.mdx', `line ${line}`, /^expected a JPEG\/PNG\/WebP\/AVIF\/GIF\/TIFF image, found a file sharp cannot read \(.+\) at .*assets\/broken.png$/);
	});

	it('good images pass, and an SVG both the front matter and the body name is read once', async () => {
		appendToStory('![a](../assets/person.png) ![b](../assets/logo.svg)\n\n![c](../assets/logo.svg)');
		expect((await check()).diagnostics).toEqual([]);
		const reads: string[] = [];
		const io = { ...nodeIO, readText: (p: string) => (reads.push(p), nodeIO.readText(p)) };
		expect((await runCheck({ projectRoot, contentDir: dir, now: NOW, io })).diagnostics).toEqual([]);
		expect(reads.filter((p) => p.endsWith('logo.svg'))).toHaveLength(1);
	});

	it('an image several entries and lines name is looked for once, and each naming still gets its error', async () => {
		appendToStory('![a](../assets/person.png)\n\n![b](../assets/person.png)\n\n![c](../assets/gone.png)\n\n![d](../assets/gone.png)');
		const looked: string[] = [];
		const io = { ...nodeIO, exists: (p: string) => (looked.push(p), nodeIO.exists(p)) };
		const result = await runCheck({ projectRoot, contentDir: dir, now: NOW, io });
		expect(looked.filter((p) => p.endsWith('person.png'))).toHaveLength(1);
		expect(looked.filter((p) => p.endsWith('gone.png'))).toHaveLength(1);
		expect(result.diagnostics.filter((d) => /no file at .*gone\.png$/.test(d.message))).toHaveLength(2);
	});

	it('a path with "%", "?" or "#" is an error (a %2F in the name failed the build with ERR_INVALID_FILE_URL_PATH)', async () => {
		writeFileSync(at('assets/a%2Fb.png'), readFileSync(at('assets/person.png')));
		writeFileSync(at('assets/x.png?raw'), readFileSync(at('assets/person.png')));
		const line = appendToStory('![a](../assets/a%2Fb.png)\n\n![b](../assets/x.png?raw)\n\n![c](../assets/hero.jpg#top)\n\n![d](../assets/evil.svg?/../logo.svg)');
		const result = await check();
		const plain = /^expected a plain image file path, without "\?", "#" or "%" \(the build would read them as options or escapes\), found /;
		expect(result.diagnostics.filter((d) => d.field.startsWith('line '))).toEqual([
			expect.objectContaining({ severity: 'error', field: `line ${line}`, message: expect.stringMatching(new RegExp(`${plain.source}\\.\\./assets/a%2Fb\\.png: rename the file`)) }),
			expect.objectContaining({ severity: 'error', field: `line ${line + 2}`, message: expect.stringMatching(new RegExp(`${plain.source}\\.\\./assets/x\\.png\\?raw:`)) }),
			expect.objectContaining({ severity: 'error', field: `line ${line + 4}`, message: expect.stringMatching(new RegExp(`${plain.source}\\.\\./assets/hero\\.jpg#top:`)) }),
			expect.objectContaining({ severity: 'error', field: `line ${line + 6}`, message: expect.stringMatching(plain) }),
		]);
	});

	it('a front-matter path whose query resolving would drop is refused too', async () => {
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.hero.src = '../assets/evil.svg?/../hero.jpg'));
		await expectError('stories/quarry-forecasting.mdx', 'hero.src', /^expected a plain image file path, without "\?", "#" or "%" .*found \.\.\/assets\/evil.svg\?\/\.\.\/hero.jpg: rename the file/);
	});

	it('the plain-path rule', () => {
		expect(hasUrlSyntax('../assets/hero.jpg')).toBe(false);
		expect(hasUrlSyntax('../assets/my photo (1).jpg')).toBe(false);
		for (const written of ['../assets/a%2Fb.png', '../assets/x.png?raw', '../assets/x.png#top', '%2e%2e/x.png']) expect(hasUrlSyntax(written)).toBe(true);
	});
});

describe('anonymity and blind judging', () => {
	it('a file name that reveals a customer who withholds its name', async () => {
		cpSync(at('videos/grid-operations.yaml'), at('videos/hidden-grid-story.yaml'));
		cpSync(at('videos/grid-operations.vtt'), at('videos/hidden-grid-story.vtt'));
		editData(at('videos/hidden-grid-story.yaml'), (d) => (d.captions = './hidden-grid-story.vtt'));
		await expectError('videos/hidden-grid-story.yaml', '(file name)', /does not reveal "hidden-grid"/);
	});
	it("files an anonymous customer's item refers to that reveal it: hero, poster, media and captions", async () => {
		expect((await check()).errors).toBe(0);
		for (const [from, to] of [
			['assets/hero.jpg', 'assets/hidden-grid-substation.jpg'],
			['assets/poster.jpg', 'assets/control-room-hidden.jpg'],
			['videos/grid-operations.vtt', 'videos/hidden-grid-interview.vtt'],
		]) cpSync(at(from), at(to));
		mkdirSync(at('videos/media'));
		writeFileSync(at('videos/media/hidden-interview.mp4'), Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom not really a video')]));
		editData(at('videos/grid-operations.yaml'), (d) => {
			d.poster.src = '../assets/control-room-hidden.jpg';
			d.source = { kind: 'file', file: 'hidden-interview.mp4' };
			d.captions = './hidden-grid-interview.vtt';
		});
		await expectError('videos/grid-operations.yaml', 'poster.src', /does not reveal "hidden-grid" .*without "hidden"\), found "control-room-hidden.jpg"/);
		await expectError('videos/grid-operations.yaml', 'source.file', /does not reveal "hidden-grid" .*found "hidden-interview.mp4"/);
		await expectError('videos/grid-operations.yaml', 'captions', /does not reveal "hidden-grid" .*without "hidden-grid"\), found "hidden-grid-interview.vtt"/);
		// The same hero is fine for a customer that lets us use its name …
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.hero.src = '../assets/hidden-grid-substation.jpg'));
		expect((await check()).diagnostics.filter((d) => d.field === 'hero.src')).toEqual([]);
		// … and an error for the one that withholds it.
		editData(at('stories/quarry-forecasting.mdx'), (d) => {
			d.customer = 'hidden-grid';
			d.authors = ['hal-grid', 'vera-vendor'];
			d.quotes = [];
			d.approval.approvedBy = 'hal-grid';
		});
		await expectError('stories/quarry-forecasting.mdx', 'hero.src', /does not reveal "hidden-grid" .*found "hidden-grid-substation.jpg"/);
	});
	it('warns when an anonymous customer is named in the text, naming the field', async () => {
		editData(at('videos/grid-operations.yaml'), (d) => (d.summary = 'How Hidden Grid Operator plans, told by hiddengrid.example.'));
		const result = await check();
		expect(result.diagnostics).toContainEqual(
			expect.objectContaining({ severity: 'warning', file: expect.stringMatching(/grid-operations.yaml$/), field: 'summary', message: expect.stringMatching(/names "Hidden Grid Operator", "hiddengrid.example".*shows "A European grid operator"/) }),
		);
	});
	it('warns about every published text field, by the brand word or a first or last name alone', async () => {
		const warningsFor = async (file: string) => (await check()).diagnostics.filter((d) => d.file.endsWith(file)).map((d) => `${d.severity} ${d.field}: ${/names (.*?), but/.exec(d.message)?.[1]}`);
		editData(at('stories/quarry-forecasting.mdx'), (d) => {
			d.customer = 'hidden-grid';
			d.authors = ['hal-grid', 'vera-vendor'];
			d.quotes = [{ text: 'We plan from one number.', person: 'hal-grid' }];
			d.approval.approvedBy = 'hal-grid';
			d.metrics[0].label = 'Forecast error at Hidden';
			d.metrics[0].period = "FY2025, Hal's first year";
			d.metrics[0].method = 'Weekly MAPE from the HIDDEN planning system.';
			d.disclosure = 'Hidden is a paying customer of Tessellate.';
			d.hero.alt = 'The Hidden control room';
			d.topics = ['hidden-rollout'];
		});
		expect((await warningsFor('stories/quarry-forecasting.mdx')).sort()).toEqual([
			'warning disclosure: "Hidden"',
			'warning hero.alt: "Hidden"',
			'warning metrics[0].label: "Hidden"',
			'warning metrics[0].method: "Hidden"',
			'warning topics[0]: "Hidden"',
		]);
		// A first name alone counts from 4 letters: "Hal" (in metrics[0].period) does not, "Halvard" does.
		editData(at('people/hal-grid.yaml'), (d) => (d.name = 'Halvard Grid'));
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.metrics[0].period = "FY2025, Halvard's first year"));
		expect(await warningsFor('stories/quarry-forecasting.mdx')).toContainEqual('warning metrics[0].period: "Halvard"');
		editData(at('videos/grid-operations.yaml'), (d) => {
			d.chapters[1].title = 'What Grid found';
			d.poster.alt = 'Halvard Grid at his desk';
		});
		expect((await warningsFor('videos/grid-operations.yaml')).sort()).toEqual(['warning chapters[1].title: "Grid"', 'warning poster.alt: "Halvard Grid", "Halvard", "Grid"']);
		editData(at('awards/demo-awards/entries/quarry-planning.md'), (d) => {
			d.customer = 'hidden-grid';
			d.submitter = 'hal-grid';
			d.approval.approvedBy = 'hal-grid';
			d.evidence[0].detail = 'Audited by Hidden internal audit.';
		});
		expect(await warningsFor('entries/quarry-planning.md')).toContainEqual('warning evidence[0].detail: "Hidden"');
	});
	it("warns when an anonymous customer's person is named in the captions, by line, NOTE blocks and cue identifiers included", async () => {
		const result = await check();
		expect(result.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
		writeFileSync(at('videos/grid-operations.vtt'), 'WEBVTT\n\nNOTE Interview with Hidden\n\nhidden-cue-1\n00:00.000 --> 00:05.000\nI am Hal Grid.\n\n00:05.000 --> 00:08.000\n<v Hal Grid>Hello\n');
		const after = (await check()).diagnostics.filter((d) => d.file.endsWith('grid-operations.vtt'));
		expect(after.map((d) => `${d.severity} ${d.field}`)).toEqual(['warning line 3', 'warning line 5', 'warning line 7']);
		expect(after[2].message).toMatch(/names "Hal Grid", "Grid", but hidden-grid withholds its name/);
	});
	it("reads captions as shown: a person named with character references or invisible characters is warned of, a voice so named is relabelled", async () => {
		writeFileSync(
			at('videos/grid-operations.vtt'),
			'WEBVTT\n\n00:00.000 --> 00:02.000\n<v H&#97;l Gr&#105;d>Hello\n\n00:02.000 --> 00:04.000\n<v\fHal\u00adGrid>Hello\n\n00:04.000 --> 00:06.000\nI am H&#97;l Gr&#105;d.\n\n00:06.000 --> 00:08.000\nI am Hal Gr\u200bid.\n',
		);
		const after = (await check()).diagnostics.filter((d) => d.file.endsWith('grid-operations.vtt'));
		expect(after.map((d) => `${d.severity} ${d.field}`)).toEqual(['warning line 10', 'warning line 13']);
		expect(after[0].message).toMatch(/names "Hal Grid", "Grid", but hidden-grid withholds its name/);
	});
	it("warns when another customer's item names a customer that withholds its name, or its people", async () => {
		const file = at('stories/quarry-forecasting.mdx');
		writeFileSync(file, readFileSync(file, 'utf8').replace('We finally plan from one number.', 'Hal Grid at Hidden Grid Operator told us to try it.'));
		const result = await check();
		// The audit's reproduction: the story is quarry-bank's, and passed with 0 warnings.
		expect(result.diagnostics.filter((d) => /hidden-grid/.test(d.message))).not.toEqual([]);
		expect(result.diagnostics).toContainEqual(
			expect.objectContaining({
				severity: 'warning',
				file: expect.stringMatching(/stories\/quarry-forecasting.mdx$/),
				message: expect.stringMatching(/^names "Hidden Grid Operator", "Hidden", "Hal Grid", "Grid", of hidden-grid, which withholds its name \(its own items show "A European grid operator" instead\): this item is about quarry-bank but would publish it all the same; write "A European grid operator" or leave the name out$/),
			}),
		);
	});
	it('does not take a name inside the item\'s own customer\'s name for a withheld one', async () => {
		editData(at('customers/quarry-bank.yaml'), (d) => (d.name = 'Hidden Grid Operator Services'));
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.disclosure = 'Hidden Grid Operator Services is a paying customer.'));
		expect((await check()).diagnostics.filter((d) => d.file.endsWith('quarry-forecasting.mdx') && /withholds/.test(d.message))).toEqual([]);
	});
	it("warns when an SVG of a withheld customer's item spells its name in its text, title or comments", async () => {
		writeFileSync(
			at('assets/poster-a.svg'),
			'<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1280 720"><title>Hidden Grid Operator</title><!-- Hidden Grid Operator --><rect width="1280" height="720" fill="#123"/><text x="40" y="80" fill="#fff">Hidden Grid Operator</text></svg>',
		);
		const file = at('videos/grid-operations.yaml');
		writeFileSync(file, readFileSync(file, 'utf8').replace('../assets/poster.jpg', '../assets/poster-a.svg'));
		const result = await check();
		// The audit's reproduction: the poster passed, and is published as it is.
		expect(result.diagnostics.filter((d) => /hidden-grid/.test(d.message))).not.toEqual([]);
		expect(result.diagnostics).toContainEqual(
			expect.objectContaining({
				severity: 'warning',
				file: expect.stringMatching(/videos\/grid-operations.yaml$/),
				field: 'poster.src',
				message: expect.stringMatching(/^the image .*assets\/poster-a.svg names "Hidden Grid Operator", "Hidden", "Grid", but hidden-grid withholds its name: .*take the name out of the file/),
			}),
		);
		// The same drawing for a customer that lets us use its name is fine.
		writeFileSync(at('assets/poster-a.svg'), readFileSync(at('assets/poster-a.svg'), 'utf8').replaceAll('Hidden Grid Operator', 'Control room'));
		expect((await check()).diagnostics.filter((d) => d.field === 'poster.src')).toEqual([]);
	});
	it('warns when an entry of a blind program names its entrant', async () => {
		editData(at('awards/demo-awards/entries/quarry-planning.md'), (d) => (d.summary = 'How Quarry Bank Mills replaced three spreadsheets.'));
		const result = await check();
		expect(result.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', file: expect.stringMatching(/quarry-planning.md$/), message: expect.stringMatching(/judged blind, but the entry names its entrant \("Quarry Bank Mills", "Quarry"\)/) }));
	});
});

describe('publication warnings', () => {
	it('warns when an approval lapses within 30 days', async () => {
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.approval.expiresOn = '2026-12-10'));
		const result = await check();
		expect(result.errors).toBe(0);
		expect(result.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', field: 'approval.expiresOn', message: expect.stringMatching(/lapses on 2026-12-10 \(in 17 days\)/) }));
	});
	it('says an approval lapses tomorrow or today, never "in 0 days"', async () => {
		// Now is 2026-11-23 at noon (UTC): an approval expiring on the 24th lapses at the start of tomorrow.
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.approval.expiresOn = '2026-11-24'));
		const message = async () => (await check()).diagnostics.find((d) => d.field === 'approval.expiresOn')?.message;
		expect(await message()).toBe('approval lapses on 2026-11-24 (tomorrow): ask the customer to renew it');
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.approval.expiresOn = '2026-11-25'));
		expect(await message()).toBe('approval lapses on 2026-11-25 (in 2 days): ask the customer to renew it');
	});
	it('counts calendar days in UTC to the lapse', () => {
		expect(whenLapses(new Date('2026-11-23T18:00:00Z'), new Date('2026-11-23T12:00:00Z'))).toBe('today');
		expect(whenLapses(new Date('2026-11-24T00:00:00Z'), new Date('2026-11-23T23:59:59Z'))).toBe('tomorrow');
		expect(whenLapses(new Date('2026-11-25T00:00:00Z'), new Date('2026-11-23T00:00:00Z'))).toBe('in 2 days');
	});
	it('warns that an expired approval withdrew the item', async () => {
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.approval.expiresOn = '2026-11-01'));
		const result = await check();
		expect(result.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/lapsed on 2026-11-01: the item is withdrawn/) }));
	});
	it('says when an approval dated in the future takes effect, not that there is none', async () => {
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.approval.approvedOn = '2026-12-15'));
		const result = await check();
		expect(result.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', field: 'approval.approvedOn', message: 'approval is dated 2026-12-15, still to come: the item stays unpublished until then' }));
		expect(result.diagnostics.find((d) => /no customer approval yet/.test(d.message))).toBeUndefined();
	});
	it('warns about a finished item with no approval', async () => {
		editData(at('videos/grid-operations.yaml'), (d) => delete d.approval);
		const result = await check();
		expect(result.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', file: expect.stringMatching(/grid-operations.yaml$/), field: 'approval' }));
	});
});

describe('withdrawals and renames', () => {
	const story = () => at('stories/quarry-forecasting.mdx');
	const copyAs = (name: string, edit: (d: any) => void) => {
		writeFileSync(at('stories', name), readFileSync(story(), 'utf8'));
		editData(at('stories', name), edit);
	};

	it('an earlier id that is a current id: its address is in use', async () => {
		copyAs('renamed.mdx', (d) => (d.previousIds = ['quarry-forecasting']));
		await expectError('stories/renamed.mdx', 'previousIds[0]', /found "quarry-forecasting", which is the id of the story .*quarry-forecasting\.mdx: its address is in use/);
	});

	it("an item's own id among its earlier ids", async () => {
		editData(story(), (d) => (d.previousIds = ['quarry-forecasting']));
		await expectError('stories/quarry-forecasting.mdx', 'previousIds[0]', /which is this story's own id/);
	});

	it('an earlier id two items claim', async () => {
		editData(story(), (d) => (d.previousIds = ['old-name']));
		copyAs('other.mdx', (d) => (d.previousIds = ['old-name']));
		const result = await check();
		const claims = result.diagnostics.filter((d) => d.field === 'previousIds[0]');
		expect(claims).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/found "old-name", also in the previousIds of .*: its old address can lead to only one story/) })]);
	});

	it('an earlier id that is not an id', async () => {
		editData(story(), (d) => (d.previousIds = ['Old Name']));
		await expectError('stories/quarry-forecasting.mdx', 'previousIds[0]', /expected an earlier id like "acme-logistics-story"/);
	});

	it('a withdrawal dated in the future, on an item or a customer', async () => {
		editData(story(), (d) => (d.withdrawn = { on: '2026-12-01', reason: 'asked' }));
		editData(at('customers/quarry-bank.yaml'), (d) => (d.withdrawn = { on: '2026-12-01', reason: 'asked' }));
		await expectError('stories/quarry-forecasting.mdx', 'withdrawn.on', /found 2026-12-01, still to come/);
		await expectError('customers/quarry-bank.yaml', 'withdrawn.on', /found 2026-12-01, still to come/);
	});

	it('a withdrawal without a reason', async () => {
		editData(story(), (d) => (d.withdrawn = { on: '2026-11-20' }));
		const result = await check();
		expect(result.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', file: expect.stringMatching(/quarry-forecasting\.mdx$/), field: expect.stringMatching(/^withdrawn/) }));
	});

	it('a withdrawn item with a lapsed approval: no warning to renew it', async () => {
		editData(story(), (d) => {
			d.withdrawn = { on: '2026-11-20', reason: 'asked' };
			d.approval.expiresOn = '2026-11-01';
		});
		expect((await check()).diagnostics).toEqual([]);
	});
});
