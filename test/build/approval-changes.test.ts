/**
 * "Approved means these words", proven on the built output: a story approved with a digest and
 * edited afterwards is withdrawn from every page, the sitemap, the feed and the search index by
 * default, with a `check` warning naming the changed field; with `approvalChanges: warn` in
 * site.yaml it stays published and the warning says so. A story whose approved words are
 * unchanged stays published either way.
 */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldDigests } from '../../src/lib/approval/digest.ts';
import { editItemFile } from '../../src/lib/approval/front-matter.ts';
import { approvableItem, customerShown, readApprovableEntry } from '../../src/lib/approval/item.ts';
import { parse } from 'yaml';
import { cliSchemaContext } from '../../src/lib/content/validate.ts';
import { customerSchema } from '../../src/schemas/customer.ts';
import { buildSite, filesMentioning, readBuiltFiles, removeOutDir, type BuiltFile } from '../build-helpers.ts';
import { copyFixture } from '../helpers.ts';

const EDITED = 'lobeliaprobe';
const UNCHANGED = 'quarry-forecasting';

/** Writes the digest of the story's current published fields into its approval, as `approval record` does. */
function approveAsItIs(contentDir: string, file: string): void {
	const entry = readApprovableEntry(contentDir, 'stories', file);
	const customer = customerSchema(cliSchemaContext).parse(parse(readFileSync(path.join(contentDir, 'customers/quarry-bank.yaml'), 'utf8')));
	const digest = fieldDigests(approvableItem('stories', entry, customerShown(customer)));
	writeFileSync(file, editItemFile(readFileSync(file, 'utf8'), true, { approval: { approvedBy: 'ada-quarry', approvedOn: '2026-02-20', expiresOn: '2028-02-20', digest } }, file));
}

function site(mode: 'default' | 'warn') {
	const { dir, cleanup } = copyFixture();
	const outDir = mkdtempSync(path.join(tmpdir(), 'credence-dist-'));
	const original = path.join(dir, 'stories/quarry-forecasting.mdx');
	const edited = path.join(dir, `stories/${EDITED}-story.mdx`);
	writeFileSync(edited, readFileSync(original, 'utf8').replace('title: How Quarry Bank cut forecast error in half', `title: The ${EDITED} story`));
	approveAsItIs(dir, original);
	approveAsItIs(dir, edited);
	// After approval, someone adds a sentence the customer never saw.
	appendFileSync(edited, '\nAnd a claim the customer never approved.\n');
	if (mode === 'warn') appendFileSync(path.join(dir, 'site.yaml'), 'approvalChanges: warn\n');
	return { dir, outDir, cleanup: () => (cleanup(), removeOutDir(outDir)) };
}

describe.each(['default', 'warn'] as const)('a story edited after approval (approvalChanges: %s)', (mode) => {
	const s = site(mode);
	let output = '';
	let code = -1;
	let files: BuiltFile[] = [];
	beforeAll(async () => {
		({ code, output } = await buildSite(s.dir, s.outDir));
		if (code === 0) files = readBuiltFiles(s.outDir);
	}, 300_000);
	afterAll(() => s.cleanup());

	it('builds, and check names the changed field', () => {
		expect(output).toContain(`${EDITED}-story.mdx`);
		expect(output).toMatch(/changed since ada-quarry approved it on 2026-02-20: "body" no longer matches/);
		expect(output).toContain(mode === 'warn' ? 'it stays published because site.yaml says approvalChanges: warn' : 'it is withdrawn from the site until the customer approves it again');
		expect(code).toBe(0);
	});

	it(mode === 'warn' ? 'keeps it on its page, the sitemap and the search index' : 'takes it off every page, the sitemap, the feed and the search index', () => {
		const mentioning = filesMentioning(files, EDITED);
		if (mode === 'warn') {
			expect(mentioning).toContain(`stories/${EDITED}-story/index.html`);
			expect(mentioning.some((f) => f.startsWith('sitemap'))).toBe(true);
			expect(mentioning.some((f) => f.startsWith('pagefind/'))).toBe(true);
		} else {
			expect(mentioning).toEqual([]);
		}
	});

	it('keeps the story whose approved words are unchanged', () => {
		expect(filesMentioning(files, UNCHANGED)).toContain(`stories/${UNCHANGED}/index.html`);
	});
});
