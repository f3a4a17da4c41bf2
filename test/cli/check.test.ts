/**
 * `npm run check` as a user runs it: mutated content files make it exit 1, naming the file and
 * the field, with no stack trace; clean content exits 0.
 */
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/lib/content/load.ts';
import { copyFixture, editData, projectRoot, runScript } from '../helpers.ts';


const check = (contentDir: string, ...args: string[]) => runScript('scripts/check.ts', ['--content', contentDir, ...args]);

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture()));
afterEach(() => cleanup());

const story = () => path.join(dir, 'stories/quarry-forecasting.mdx');
const relative = (file: string) => displayPath(projectRoot, file);

function expectCleanFailure(result: { code: number; out: string }, file: string, field: string) {
	expect(result.code).toBe(1);
	const line = result.out.split('\n').find((l) => l.startsWith('error') && l.includes(relative(file)) && l.includes(`  ${field}`));
	expect(line, result.out).toBeDefined();
	expect(result.out).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
	return line!;
}

describe('npm run check', () => {
	it('passes clean content with exit 0 and a summary', async () => {
		const result = await check(dir);
		expect(result.code).toBe(0);
		expect(result.out).toMatch(/✓ checked 15 entries and 1 score sheet .*: 0 errors, 0 warnings/);
	});

	it('fails on a deleted required field', async () => {
		editData(story(), (d) => delete d.summary);
		expect(expectCleanFailure(await check(dir), story(), 'summary')).toMatch(/required field is missing/);
	});

	it('fails on broken YAML, naming the line', async () => {
		const file = path.join(dir, 'customers/quarry-bank.yaml');
		writeFileSync(file, readFileSync(file, 'utf8').replace('industry: manufacturing', 'industry: [manufacturing'));
		expect(expectCleanFailure(await check(dir), file, 'line')).toMatch(/invalid YAML/);
	});

	it('fails on an impossible date', async () => {
		editData(story(), (d) => (d.publishedOn = '2026-02-30'));
		expect(expectCleanFailure(await check(dir), story(), 'publishedOn')).toMatch(/"2026-02-30" which is not a real date/);
	});

	it('fails on MDX that would run code (the audit\'s expression, an import, an unknown component), naming each line and the fix', async () => {
		const source = readFileSync(story(), 'utf8').replace(/\n*$/, '\n');
		const lines = source.split('\n').length;
		writeFileSync(story(), `${source}\n{[].constructor.constructor("return process")().getBuiltinModule("fs").writeFileSync("pwned", "x")}\n\nimport Chart from './chart.js'\n\n<Callout>Read this</Callout>\n`);
		const result = await check(dir);
		expect(expectCleanFailure(result, story(), `line ${lines + 1}`)).toMatch(/a JavaScript expression, which stories may not contain .*write them as \\\{ and \\\}/);
		expect(expectCleanFailure(result, story(), `line ${lines + 3}`)).toMatch(/MDX stories cannot import files or code; put an image in the front matter/);
		expect(expectCleanFailure(result, story(), `line ${lines + 5}`)).toMatch(/found <Callout>, which the build cannot render/);
	});

	it('fails on an approval that lapses before it was given, saying so (not a hint about quotes)', async () => {
		writeFileSync(story(), readFileSync(story(), 'utf8').replace('expiresOn: 2028-02-20', 'expiresOn: 2020-01-01'));
		const line = expectCleanFailure(await check(dir), story(), 'approval.expiresOn');
		expect(line).toMatch(/expected the day the approval lapses, after approvedOn \(2026-02-20\), found 2020-01-01, before approvedOn: the approval would lapse before it was given; set expiresOn to the day the customer's approval ends \(after 2026-02-20\)/);
		expect(line).not.toMatch(/quotes/);
	});

	it('fails on a file nothing reads (a customer saved as .yml), naming the name that would be read', async () => {
		const file = path.join(dir, 'customers/acme.yml');
		writeFileSync(file, readFileSync(path.join(dir, 'customers/quarry-bank.yaml'), 'utf8'));
		expect(expectCleanFailure(await check(dir), file, '(file name)')).toMatch(/which the check and the build do not read: rename it acme\.yaml/);
	});

	it('fails on a reference to a missing customer', async () => {
		editData(story(), (d) => (d.customer = 'missing-customer'));
		expect(expectCleanFailure(await check(dir), story(), 'customer')).toMatch(/found "missing-customer"/);
	});

	it('reports machine-readable diagnostics with --json', async () => {
		rmSync(path.join(dir, 'videos/grid-operations.vtt'));
		const result = await check(dir, '--json');
		expect(result.code).toBe(1);
		const report = JSON.parse(result.out);
		expect(report.errors).toBe(1);
		expect(report.diagnostics[0]).toMatchObject({ severity: 'error', field: 'captions', file: expect.stringMatching(/grid-operations.yaml$/) });
	});

	it('reports a file that is not UTF-8, naming the line of the first bad byte', async () => {
		const customer = path.join(dir, 'customers/quarry-bank.yaml');
		const lines = readFileSync(customer, 'utf8').split('\n');
		lines[1] += ' caf\xe9';
		writeFileSync(customer, Buffer.from(lines.join('\n'), 'latin1'));
		const captions = path.join(dir, 'videos/grid-operations.vtt');
		writeFileSync(captions, Buffer.concat([Buffer.from(readFileSync(captions, 'utf8')), Buffer.from('\n\x93quoted\x94\n', 'latin1')]));
		const result = await check(dir);
		expect(expectCleanFailure(result, customer, 'line 2')).toMatch(/not UTF-8 text: byte 0xE9 at line 2, column \d+ is not valid UTF-8 .*save it as UTF-8/);
		expect(expectCleanFailure(result, captions, 'line')).toMatch(/not UTF-8 text: byte 0x93/);
		// Once: the captions are read once for all their rules, not once per rule.
		expect(result.out.match(/not UTF-8 text: byte 0x93/g)).toHaveLength(1);
		expect(result.out).not.toContain('\uFFFD');
	});

	it('reports a UTF-16 score sheet, saying to save it as UTF-8', async () => {
		const sheet = path.join(dir, 'awards/demo-awards/scores/round-1.csv');
		writeFileSync(sheet, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(sheet, 'utf8'), 'utf16le')]));
		expect(expectCleanFailure(await check(dir), sheet, 'line 1')).toMatch(/not UTF-8 text: the file is UTF-16 .*save it as UTF-8/);
	});

	it('names a folder that has a score sheet\'s name', async () => {
		const folder = path.join(dir, 'awards/demo-awards/scores/final.csv');
		mkdirSync(folder);
		expect(expectCleanFailure(await check(dir), folder, '(file)')).toMatch(/expected a file, found a folder/);
	});

	it('passes the bundled sample content', async () => {
		const result = await check(path.join(projectRoot, 'content'));
		expect(result.out).toMatch(/: 0 errors/);
		expect(result.code).toBe(0);
	});
});
