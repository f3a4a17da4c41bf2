/**
 * `check` reports an entry's wrong category even while its program file has an error of its own
 * (issue #19): both are listed at once, rather than the second appearing only after the first is fixed.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, editData, runScript } from '../helpers.ts';

const { dir, cleanup } = copyFixture();
afterAll(cleanup);

describe('check on an award program with errors in two files', () => {
	it('lists the wrong category of an entry beside the program file’s own error', async () => {
		const program = path.join(dir, 'awards/demo-awards');
		editData(path.join(program, 'program.yaml'), (p) => (p.criteria[0].weight -= 5));
		editData(path.join(program, 'entries/quarry-planning.md'), (e) => (e.category = 'operatons'));
		const result = await runScript('scripts/check.ts', ['--content', dir]);
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/program\.yaml +criteria: expected criterion weights summing to 100, found 95/);
		expect(result.out).toMatch(/quarry-planning\.md +category: expected a category of demo-awards \(operations\), found "operatons"/);
	});
});
