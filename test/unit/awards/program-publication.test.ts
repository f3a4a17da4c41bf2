/**
 * The awards CLI's view of whether an entry is public is the site's: an entry edited after the
 * entrant approved it (with a digest) is not public unless site.yaml says `approvalChanges: warn`,
 * and the CLI says why (src/lib/awards/program.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldDigests } from '../../../src/lib/approval/digest.ts';
import { editItemFile } from '../../../src/lib/approval/front-matter.ts';
import { approvableItem, customerShown, readApprovableEntry } from '../../../src/lib/approval/item.ts';
import { programData } from '../../../src/lib/awards/program.ts';
import { runCheck } from '../../../src/lib/content/check.ts';
import { cliSchemaContext } from '../../../src/lib/content/validate.ts';
import { customerSchema } from '../../../src/schemas/customer.ts';
import { copyFixture, NOW, projectRoot } from '../../helpers.ts';

const PROGRAM = 'demo-awards';
let cleanup = () => {};
afterEach(() => cleanup());

/** The fixture with its one entry approved as it is (digest included), then, when `edit`, retitled. */
async function entryState(edit: boolean, approvalChanges?: 'warn') {
	const fixture = copyFixture();
	cleanup = fixture.cleanup;
	const dir = fixture.dir;
	const file = path.join(dir, `awards/${PROGRAM}/entries/quarry-planning.md`);
	const entry = readApprovableEntry(dir, 'awardEntries', file);
	const customer = customerSchema(cliSchemaContext).parse(parse(readFileSync(path.join(dir, 'customers/quarry-bank.yaml'), 'utf8')));
	const digest = fieldDigests(approvableItem('awardEntries', entry, customerShown(customer)));
	writeFileSync(file, editItemFile(readFileSync(file, 'utf8'), true, { approval: { approvedBy: 'ada-quarry', approvedOn: '2026-02-20', expiresOn: '2028-02-20', digest } }, file));
	if (edit) writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: A title the entrant never approved'));
	if (approvalChanges) writeFileSync(path.join(dir, 'site.yaml'), `${readFileSync(path.join(dir, 'site.yaml'), 'utf8')}\napprovalChanges: warn\n`);
	const check = await runCheck({ projectRoot, contentDir: dir, now: NOW });
	expect(check.errors).toBe(0);
	return programData(check, dir, PROGRAM, NOW).entries.find((e) => e.id === 'quarry-planning')!;
}

describe("the awards CLI's view of a public entry", () => {
	it('is public when the approved words are unchanged', async () => {
		expect(await entryState(false)).toMatchObject({ public: true, publication: 'public' });
	});
	it('is not public once the entry changed since its approval, as on the site', async () => {
		expect(await entryState(true)).toMatchObject({ public: false, publication: 'changed-since-approval' });
	});
	it("stays public when site.yaml says approvalChanges: warn", async () => {
		expect(await entryState(true, 'warn')).toMatchObject({ public: true, publication: 'public' });
	});
});
