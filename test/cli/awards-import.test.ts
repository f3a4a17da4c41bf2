/**
 * `awards import` as a program manager runs it on a copy of the fixture program: valid files are
 * merged atomically into the round's score sheet; any problem imports nothing and names the row.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFixture, runScript } from '../helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture()));
afterEach(() => cleanup());

const awards = (...args: string[]) => runScript('scripts/awards.ts', [...args, '--content', dir]);

const sheet = () => path.join(dir, 'awards/demo-awards/scores/round-1.csv');
/** A score file as aca-demic's packet exports it for round 1 of the fixture program. */
const packetExport = (scores: { entry: string; criterion: string; score: number; comment: string }[]) => ({
	format: 'credence-scores/1', program: 'demo-awards', round: 'round-1', judge: 'aca-demic', exportedAt: '2026-10-10T10:00:00.000Z', scores,
});
const incoming = (name: string, text: string) => {
	const file = path.join(dir, '..', name);
	writeFileSync(file, text);
	return file;
};

describe('awards import', () => {
	it('merges a CSV into the round, sorted, and reports what it did', async () => {
		const before = readFileSync(sheet(), 'utf8');
		writeFileSync(sheet(), 'judge,entry,criterion,score,comment\n');
		const file = incoming('scores.csv', 'judge,entry,criterion,score,comment\naca-demic,quarry-planning,originality,3,"Familiar, but solid"\naca-demic,quarry-planning,impact,4.5,\n');
		const result = await awards('import', 'demo-awards', '--round', 'round-1', file);
		expect(result.out).toMatch(/imported 2 scores from aca-demic for 1 entry/);
		expect(result.code).toBe(0);
		expect(readFileSync(sheet(), 'utf8')).toBe('judge,entry,criterion,score,comment\naca-demic,quarry-planning,impact,4.5,\naca-demic,quarry-planning,originality,3,"Familiar, but solid"\n');
		expect(before).toContain('quixotic');
	});

	it('imports a partly scored entry, but says which entry and which criteria are missing', async () => {
		writeFileSync(sheet(), 'judge,entry,criterion,score,comment\n');
		const file = incoming('half.csv', 'judge,entry,criterion,score,comment\naca-demic,quarry-planning,impact,4,\n');
		const result = await awards('import', 'demo-awards', file);
		expect(result.code, result.out).toBe(0);
		expect(result.out).toMatch(/imported 1 score from aca-demic for 1 entry/);
		expect(result.out).toMatch(/warning: .*half\.csv leaves 1 entry partly scored, with criteria missing: aca-demic on quarry-planning \(missing originality\)\. It is imported; ask the judge for the missing scores/);
		expect(readFileSync(sheet(), 'utf8')).toBe('judge,entry,criterion,score,comment\naca-demic,quarry-planning,impact,4,\n');
		// The rest, sent later, completes the entry: no warning then.
		const rest = await awards('import', 'demo-awards', incoming('rest.csv', 'judge,entry,criterion,score,comment\naca-demic,quarry-planning,originality,3,\n'));
		expect(rest.code, rest.out).toBe(0);
		expect(rest.out).not.toMatch(/partly scored/);
	});

	it('imports a score within rounding error of a step as that step, and says so', async () => {
		writeFileSync(sheet(), 'judge,entry,criterion,score,comment\n');
		const exported = packetExport([{ entry: 'quarry-planning', criterion: 'impact', score: 4.5000000001, comment: '' }, { entry: 'quarry-planning', criterion: 'originality', score: 3, comment: '' }]);
		const result = await awards('import', 'demo-awards', incoming('near.json', JSON.stringify(exported)));
		expect(result.code, result.out).toBe(0);
		expect(result.out).toMatch(/note: 1 score was within rounding error of a step of the scale and is imported as that step: scores\[0\] 4\.5000000001 → 4\.5/);
		expect(readFileSync(sheet(), 'utf8')).toBe('judge,entry,criterion,score,comment\naca-demic,quarry-planning,impact,4.5,\naca-demic,quarry-planning,originality,3,\n');
		// Further off is still refused.
		const off = await awards('import', 'demo-awards', '--replace', incoming('off.csv', 'judge,entry,criterion,score,comment\naca-demic,quarry-planning,impact,4.51,\n'));
		expect(off.code).toBe(1);
		expect(off.out).toMatch(/line 2 score: expected a score from 1 to 5 in steps of 0.5, found 4.51/);
	});

	it('a mistyped judge or entry id in an imported sheet gets the nearest existing id first', async () => {
		const file = incoming('typos.csv', 'judge,entry,criterion,score,comment\naca-demik,quarry-planing,impact,4,\n');
		const result = await awards('import', 'demo-awards', file);
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/line 2 judge: expected a judge of demo-awards, found "aca-demik" \(did you mean "aca-demic"\?/);
		expect(result.out).toMatch(/line 2 entry: expected an entry of demo-awards, found "quarry-planing" \(did you mean "quarry-planning"\?/);
	});

	it('imports nothing when any row is wrong, naming each row', async () => {
		const before = readFileSync(sheet(), 'utf8');
		const file = incoming('bad.csv', 'judge,entry,criterion,score,comment\nana-lyst,quarry-planning,impact,4,\nnobody,quarry-planning,impact,4,\naca-demic,ghost,impact,4,\naca-demic,quarry-planning,price,4,\naca-demic,quarry-planning,impact,5.2,\n');
		const result = await awards('import', 'demo-awards', file);
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/line 2 judge: judge "ana-lyst" has a conflict with "quarry-bank"/);
		expect(result.out).toMatch(/line 3 judge: expected a judge of demo-awards, found "nobody"/);
		expect(result.out).toMatch(/line 4 entry: expected an entry of demo-awards, found "ghost"/);
		expect(result.out).toMatch(/line 5 criterion: .*found "price"/);
		expect(result.out).toMatch(/line 6 score: expected a score from 1 to 5 in steps of 0.5, found 5.2/);
		expect(result.out).toMatch(/nothing was imported/);
		expect(result.out).not.toMatch(/\n\s+at .*:\d+:\d+/);
		expect(readFileSync(sheet(), 'utf8')).toBe(before);
	});

	it('rejects scores already in the sheet unless --replace is given', async () => {
		const file = incoming('again.csv', 'judge,entry,criterion,score,comment\naca-demic,quarry-planning,impact,2,changed my mind\naca-demic,quarry-planning,originality,2,\n');
		const refused = await awards('import', 'demo-awards', file);
		expect(refused.code).toBe(1);
		expect(refused.out).toMatch(/duplicate score: aca-demic already scored quarry-planning on impact at .*round-1.csv line 2/);
		expect(refused.out).toMatch(/pass --replace/);
		const replaced = await awards('import', 'demo-awards', file, '--replace');
		expect(replaced.code).toBe(0);
		expect(readFileSync(sheet(), 'utf8')).toContain('aca-demic,quarry-planning,impact,2,changed my mind');
		expect(readFileSync(sheet(), 'utf8')).not.toContain('quixotic');
	});

	it('rejects duplicates within the file and a judge not assigned to the entry', async () => {
		const entries = path.join(dir, 'awards/demo-awards/entries');
		copyFileSync(path.join(entries, 'quarry-planning.md'), path.join(entries, 'second-entry.md'));
		mkdirSync(path.join(dir, 'awards/demo-awards/assignments'));
		writeFileSync(path.join(dir, 'awards/demo-awards/assignments/round-1.yaml'), 'round: round-1\nseed: 1\nperEntry: 1\njudges:\n  aca-demic: [quarry-planning]\n  ana-lyst: []\n');
		const file = incoming('dup.csv', 'judge,entry,criterion,score,comment\naca-demic,quarry-planning,impact,2,\naca-demic,quarry-planning,impact,3,\naca-demic,second-entry,impact,3,\n');
		const result = await awards('import', 'demo-awards', file, '--replace');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/line 3: duplicate score: aca-demic already scored quarry-planning on impact at line 2/);
		expect(result.out).toMatch(/line 4 judge: judge "aca-demic" is not assigned to second-entry in this round/);
	});

	it('accepts the JSON a judge exports from the packet, and checks its program and round', async () => {
		writeFileSync(sheet(), 'judge,entry,criterion,score,comment\n');
		const exported = packetExport([{ entry: 'quarry-planning', criterion: 'impact', score: 4, comment: '' }, { entry: 'quarry-planning', criterion: 'originality', score: 3.5, comment: 'Neat' }]);
		const ok = await awards('import', 'demo-awards', incoming('export.json', JSON.stringify(exported)));
		expect(ok.code).toBe(0);
		expect(readFileSync(sheet(), 'utf8')).toContain('aca-demic,quarry-planning,originality,3.5,Neat');
		const wrongRound = await awards('import', 'demo-awards', incoming('other.json', JSON.stringify({ ...exported, round: 'final' })));
		expect(wrongRound.code).toBe(1);
		expect(wrongRound.out).toMatch(/holds scores for demo-awards round final, not demo-awards round round-1/);
	});

	it('refuses a file that is not UTF-8 and imports nothing', async () => {
		const before = readFileSync(sheet(), 'utf8');
		const file = incoming('cp1252.csv', '');
		writeFileSync(file, Buffer.from('judge,entry,criterion,score,comment\naca-demic,quarry-planning,impact,2,\x93Caf\xe9\x94\n', 'latin1'));
		const result = await awards('import', 'demo-awards', file, '--replace');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/cp1252\.csv: not UTF-8 text: byte 0x93 at line 2, column 36 is not valid UTF-8 .*save it as UTF-8; nothing was imported/);
		const utf16 = incoming('utf16.csv', '');
		writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('judge,entry,criterion,score,comment\n', 'utf16le')]));
		const refused = await awards('import', 'demo-awards', utf16);
		expect(refused.code).toBe(1);
		expect(refused.out).toMatch(/utf16\.csv: not UTF-8 text: the file is UTF-16 .*save it as UTF-8/);
		expect(readFileSync(sheet(), 'utf8')).toBe(before);
	});

	it('names a malformed CSV and a missing file clearly', async () => {
		const malformed = await awards('import', 'demo-awards', incoming('broken.csv', 'judge,entry,score\nx,y,1\n'));
		expect(malformed.code).toBe(1);
		expect(malformed.out).toMatch(/expected the header "judge,entry,criterion,score,comment"/);
		const missing = await awards('import', 'demo-awards', path.join(dir, 'nope.csv'));
		expect(missing.out).toMatch(/cannot read .*nope.csv: no such file/);
	});

	it('suggests the entry, judge or criterion a misspelt id most likely means', async () => {
		const file = incoming('typo.csv', 'judge,entry,criterion,score,comment\naca-demic,quary-planning,impact,4,\naca-demik,quarry-planning,originalty,3,\n');
		const result = await awards('import', 'demo-awards', file, '--replace');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/line 2 entry: expected an entry of demo-awards, found "quary-planning" \(did you mean "quarry-planning"\?\)/);
		expect(result.out).toMatch(/found "aca-demik" \(did you mean "aca-demic"\?[ )]/);
		expect(result.out).toMatch(/found "originalty" \(did you mean "originality"\?\)/);
	});

	it('says once, naming --replace, that a file imported twice is already in the sheet', async () => {
		writeFileSync(sheet(), 'judge,entry,criterion,score,comment\n');
		const file = incoming('twice.csv', 'judge,entry,criterion,score,comment\naca-demic,quarry-planning,impact,4,\naca-demic,quarry-planning,originality,3,\n');
		expect((await awards('import', 'demo-awards', file)).code).toBe(0);
		const again = await awards('import', 'demo-awards', file);
		expect(again.code).toBe(1);
		expect(again.out.match(/duplicate score/g)).toHaveLength(1);
		expect(again.out).toMatch(/2 scores are already in .*round-1\.csv \(aca-demic; .*Was this file imported before\? .*--replace/);
		expect(again.out).toMatch(/1 problem in .*twice\.csv; nothing was imported/);
	});

	it('points a rankings file imported without --round to the ranking round', async () => {
		const file = incoming('rankings.csv', 'judge,entry,rank\naca-demic,quarry-planning,1\n');
		const result = await awards('import', 'demo-awards', file);
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/holds rankings \(header judge,entry,rank\), but round-1 is a scoring round.*--round final/);
	});
});
