/**
 * The awards commands refuse what would silently undo or contradict committed work, on a copy of
 * the sample program (which has been through every step): nothing is written, and the message
 * says what to do instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFixture, editData, runScript, sampleContent } from '../helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture(sampleContent)));
afterEach(() => cleanup());

const awards = (...args: string[]) => runScript('scripts/awards.ts', [...args, '--content', dir]);
const check = () => runScript('scripts/check.ts', ['--content', dir]);
const program = () => path.join(dir, 'awards/cia-2026');
/** Every file of the program with its bytes, to show nothing changed. */
function snapshot(): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (folder: string) => {
		for (const name of readdirSync(folder)) {
			const file = path.join(folder, name);
			if (statSync(file).isDirectory()) walk(file);
			else files[path.relative(program(), file)] = readFileSync(file, 'utf8');
		}
	};
	walk(program());
	return files;
}

describe('assign', () => {
	it('refuses to replace an assignment the round already has scores for', async () => {
		const before = snapshot();
		const result = await awards('assign', 'cia-2026', '--per-entry', '3', '--seed', '1');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/round-1 already has 500 imported scores in .*awards\/cia-2026\/scores\/round-1\.csv/);
		expect(result.out).toMatch(/nothing was written. To start the round over, move .*scores\/round-1\.csv/);
		expect(snapshot()).toEqual(before);
		expect((await check()).code).toBe(0);
	});
});

describe('publish', () => {
	it('refuses to publish the scoring round again once the final round is published', async () => {
		const before = snapshot();
		const result = await awards('publish', 'cia-2026');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/winners\.yaml holds the outcome of final, a later round than round-1: publishing round-1 again would take it back\. To update the published outcome run `npm run awards -- publish cia-2026 --round final`; nothing was written/);
		expect(snapshot()).toEqual(before);
		expect((await awards('verify', 'cia-2026')).code).toBe(0);
	});

	it('refuses to publish the scoring round again once the final round has rankings', async () => {
		// The finalists are published (round-1) and judges have ranked them, but the final is not published yet.
		const winners = path.join(program(), 'winners.yaml');
		const text = readFileSync(winners, 'utf8');
		writeFileSync(winners, text.replace('round: final', 'round: round-1').replace('method: schulze', 'method: scaled'));
		const before = snapshot();
		const result = await awards('publish', 'cia-2026', '--round', 'round-1');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/final already has rankings \(.*rankings\/final\.csv\) made for the finalists of round-1: publishing round-1 again could change them\. Publish final instead/);
		expect(snapshot()).toEqual(before);
	});
});

describe('publish and the announcement date', () => {
	const winners = () => readFileSync(path.join(program(), 'winners.yaml'), 'utf8');
	it('sets the announcement with --publish-at, and keeps it when publishing again', async () => {
		const set = await awards('publish', 'cia-2026', '--round', 'final', '--publish-at', '2026-12-10T09:00:00Z');
		expect(set.code, set.out).toBe(0);
		expect(winners()).toMatch(/^publishAt: 2026-12-10T09:00:00Z$/m);
		// The finalists (round-1, kept in earlierRounds) stay on the site until the winners' instant.
		expect(set.out).toMatch(/announced 2026-12-10T09:00:00Z: until then .* the site shows the results of round-1/);
		// A correction published again, without the option: the embargo stays.
		const again = await awards('publish', 'cia-2026', '--round', 'final');
		expect(again.code, again.out).toBe(0);
		expect(winners()).toMatch(/^publishAt: 2026-12-10T09:00:00Z$/m);
		// The finalists' round has no announcement of its own: it never inherits the winners'.
		expect(winners()).not.toMatch(/^\s+publishAt:/m);
		expect((await check()).code).toBe(0);
		expect((await awards('verify', 'cia-2026')).code).toBe(0);
	});
	it('refuses a date-time without its zone, writing nothing', async () => {
		const before = snapshot();
		const result = await awards('publish', 'cia-2026', '--round', 'final', '--publish-at', '2026-12-10 09:00');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/--publish-at expects a date-time with its zone, like 2026-12-10T09:00:00Z, found "2026-12-10 09:00"/);
		expect(snapshot()).toEqual(before);
	});
});

describe('publish failing half-way', () => {
	it('writes nothing when one file cannot be written, and names it without a raw error', async () => {
		const feedback = path.join(program(), 'feedback/nurses-back-at-the-bedside.md');
		rmSync(feedback);
		mkdirSync(feedback);
		writeFileSync(path.join(program(), 'winners.yaml'), `# marker\n${readFileSync(path.join(program(), 'winners.yaml'), 'utf8')}`);
		const before = snapshot();
		const result = await awards('publish', 'cia-2026', '--round', 'final');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/error: cannot write .*feedback\/nurses-back-at-the-bedside\.md: it is a folder; nothing was written/);
		expect(result.out).not.toMatch(/\[Error|EISDIR|\n\s+at /);
		expect(snapshot()).toEqual(before);
		expect(readdirSync(path.join(program(), 'feedback')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});
});

describe('entries without scores', () => {
	/** Back to the moment round-1 was tallied: no finalist round yet. */
	function beforeFinalRound() {
		rmSync(path.join(program(), 'rankings'), { recursive: true });
		rmSync(path.join(program(), 'results/final.json'));
		rmSync(path.join(program(), 'winners.yaml'));
	}
	/** Drops every score of the given entries from round-1. */
	function dropScores(entries: string[]) {
		const sheet = path.join(program(), 'scores/round-1.csv');
		const lines = readFileSync(sheet, 'utf8').split('\n');
		writeFileSync(sheet, lines.filter((line) => !entries.includes(line.split(',')[1])).join('\n'));
	}

	it('tally warns about an unscored entry, and publish refuses until it is scored', async () => {
		beforeFinalRound();
		dropScores(['surplus-to-food-banks']);
		const tallied = await awards('tally', 'cia-2026');
		expect(tallied.code, tallied.out).toBe(0);
		expect(tallied.out).toMatch(/warning: 1 eligible entry has no scores in round-1 and is left out of the ranking: surplus-to-food-banks/);
		const before = snapshot();
		const result = await awards('publish', 'cia-2026');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/cannot publish round-1 while eligible entries of cia-2026 are unscored in round-1 \(eligible entries with no scores: surplus-to-food-banks\)/);
		expect(result.out).toMatch(/nothing was written/);
		expect(snapshot()).toEqual(before);
	});

	it('tally warns about a partly scored judge–entry pair, and publish refuses until it is complete', async () => {
		beforeFinalRound();
		const sheet = path.join(program(), 'scores/round-1.csv');
		const lines = readFileSync(sheet, 'utf8').split('\n');
		const dropped = lines.filter((line) => line.startsWith('elena-varga,attribute-based-new-item-forecasts,') && /,(innovation|evidence),/.test(line));
		expect(dropped).toHaveLength(2);
		writeFileSync(sheet, lines.filter((line) => !dropped.includes(line)).join('\n'));
		const tallied = await awards('tally', 'cia-2026');
		expect(tallied.code, tallied.out).toBe(0);
		expect(tallied.out).toMatch(/warning: 1 judge–entry pair is partly scored in round-1, so that judge's score rests on some criteria only: elena-varga on attribute-based-new-item-forecasts \(missing innovation, evidence\)/);
		const before = snapshot();
		const result = await awards('publish', 'cia-2026');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/cannot publish round-1 while 1 judge–entry pair is partly scored in round-1: elena-varga on attribute-based-new-item-forecasts \(missing innovation, evidence\)\. Import the missing criteria's scores/);
		expect(result.out).toMatch(/nothing was written/);
		expect(snapshot()).toEqual(before);
		// Complete again, it publishes.
		writeFileSync(sheet, lines.join('\n'));
		expect((await awards('tally', 'cia-2026')).code).toBe(0);
		const published = await awards('publish', 'cia-2026');
		expect(published.code, published.out).toBe(0);
		expect(published.out).not.toMatch(/partly scored/);
	});

	it('says a category has no scores (not that its top is tied)', async () => {
		beforeFinalRound();
		const category = readdirSync(path.join(program(), 'entries')).filter((f) => readFileSync(path.join(program(), 'entries', f), 'utf8').includes('category: sustainable-supply-chains')).map((f) => f.replace(/\.md$/, ''));
		expect(category.length).toBeGreaterThan(1);
		dropScores(category);
		const tallied = await awards('tally', 'cia-2026');
		expect(tallied.code, tallied.out).toBe(0);
		expect(tallied.out).toMatch(/No winner: no entry in this category has scores/);
		expect(tallied.out).not.toMatch(/still tied/);
		expect(tallied.out).toMatch(/warning: no scores at all in category sustainable-supply-chains for round-1/);
		const result = await awards('publish', 'cia-2026');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/no scores at all in category sustainable-supply-chains/);
		expect(result.out).not.toMatch(/still tied|\(\)/);
	});

	it('publish removes the feedback of an entry no longer judged, and only files named after entries', async () => {
		beforeFinalRound();
		const feedback = path.join(program(), 'feedback');
		editData(path.join(program(), 'entries/surplus-to-food-banks.md'), (d) => (d.status = 'withdrawn'));
		writeFileSync(path.join(feedback, 'notes.md'), 'kept');
		const t = await awards('tally', 'cia-2026'); expect(t.code, t.out).toBe(0);
		const result = await awards('publish', 'cia-2026');
		expect(result.code, result.out).toBe(0);
		expect(result.out).toMatch(/removed .*feedback\/surplus-to-food-banks\.md: the entry is no longer judged/);
		expect(existsSync(path.join(feedback, 'surplus-to-food-banks.md'))).toBe(false);
		expect(readFileSync(path.join(feedback, 'notes.md'), 'utf8')).toBe('kept');
		// 24 entrants' feedback and the unrelated file.
		expect(readdirSync(feedback)).toHaveLength(25);
	});
});

describe('verify', () => {
	const noStack = (out: string) => expect(out).not.toMatch(/\n\s+at .*:\d+:\d+|SyntaxError/);

	it('reports a damaged or empty results file as a failed check naming it', async () => {
		writeFileSync(path.join(program(), 'results/round-1.json'), '{"truncated": ');
		writeFileSync(path.join(program(), 'results/final.json'), '');
		const result = await awards('verify', 'cia-2026');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/✗ tally round-1 .*results\/round-1\.json\n\s+not valid JSON \(.*\): damaged or hand-edited; `npm run awards -- tally cia-2026 --round round-1` writes it again/);
		expect(result.out).toMatch(/✗ tally final .*results\/final\.json\n\s+not valid JSON \(the file is empty\)/);
		expect(result.out).toMatch(/✓ published outcome \(final\)/);
		noStack(result.out);
	});

	it('stops on a damaged winners.yaml, naming it, without a stack trace', async () => {
		writeFileSync(path.join(program(), 'winners.yaml'), '{"truncated": ');
		const result = await awards('verify', 'cia-2026');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/winners\.yaml .*invalid YAML/);
		noStack(result.out);
	});

	it('passes when the rows of the score and ranking sheets are only reordered', async () => {
		for (const sheet of ['scores/round-1.csv', 'rankings/final.csv']) {
			const file = path.join(program(), sheet);
			const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
			// Reversed, then every other row first: no row keeps its place.
			const reordered = [...rows].reverse();
			writeFileSync(file, [header, ...reordered.filter((_, i) => i % 2 === 0), ...reordered.filter((_, i) => i % 2 === 1)].join('\n') + '\n');
			expect(readFileSync(file, 'utf8')).not.toBe([header, ...rows].join('\n') + '\n');
		}
		const result = await awards('verify', 'cia-2026');
		expect(result.code, result.out).toBe(0);
		expect(result.out).toMatch(/all 5 results recompute identically/);
	});

	it('catches a hand-edited method or round in winners.yaml', async () => {
		const winners = path.join(program(), 'winners.yaml');
		const text = readFileSync(winners, 'utf8');
		writeFileSync(winners, text.replace('method: schulze', 'method: mean'));
		const method = await awards('verify', 'cia-2026');
		expect(method.code).toBe(1);
		expect(method.out).toMatch(/✗ published outcome \(final\).*\n\s+method: committed "mean", recomputed "schulze"/);
		writeFileSync(winners, text.replace('round: final', 'round: round-1'));
		const round = await awards('verify', 'cia-2026');
		expect(round.code).toBe(1);
		expect(round.out).toMatch(/✗ published outcome \(round-1\).*\n(\s+.*\n)*\s+method: committed "schulze", recomputed "scaled"/);
	});
});

describe('import --replace', () => {
	const incoming = (name: string, text: string) => {
		const file = path.join(dir, '..', name);
		writeFileSync(file, text);
		return file;
	};
	const rowsOf = (file: string, judge: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith(`${judge},`));

	it('replaces only the judge’s scores for the entries in the file, and says how many', async () => {
		const sheet = path.join(program(), 'scores/round-1.csv');
		const mine = rowsOf(sheet, 'elena-varga');
		expect(mine).toHaveLength(65);
		const entries = [...new Set(mine.map((l) => l.split(',')[1]))].slice(0, 2);
		const resubmitted = mine.filter((l) => entries.includes(l.split(',')[1])).map((l) => l.split(',').slice(0, 3).join(',') + ',3,resubmitted');
		const file = incoming('elena.csv', `judge,entry,criterion,score,comment\n${resubmitted.join('\n')}\n`);
		const result = await awards('import', 'cia-2026', file, '--replace');
		expect(result.code, result.out).toBe(0);
		expect(result.out).toMatch(/imported 10 scores from elena-varga for 2 entries into .*round-1\.csv, replacing 10 earlier scores of those entries \(500 scores in the round\)/);
		const after = rowsOf(sheet, 'elena-varga');
		expect(after).toHaveLength(65);
		expect(after.filter((l) => l.endsWith(',3,resubmitted'))).toHaveLength(10);
		// The other 11 entries' scores are untouched.
		expect(after.filter((l) => !entries.includes(l.split(',')[1]))).toEqual(mine.filter((l) => !entries.includes(l.split(',')[1])));
	});

	it('replaces only the judge’s rankings of the entries in the file', async () => {
		const sheet = path.join(program(), 'rankings/final.csv');
		const before = rowsOf(sheet, 'elena-varga');
		const file = incoming('ranks.csv', 'judge,entry,rank\nelena-varga,nurses-back-at-the-bedside,2\nelena-varga,delivery-dates-customers-can-trust,1\nelena-varga,faster-restores-for-rural-subscribers,3\n');
		const result = await awards('import', 'cia-2026', '--round', 'final', file, '--replace');
		expect(result.code, result.out).toBe(0);
		expect(result.out).toMatch(/imported 3 rankings from elena-varga into .*final\.csv, replacing 3 earlier rankings of the same entries/);
		const after = rowsOf(sheet, 'elena-varga');
		expect(after).toHaveLength(12);
		expect(after).toContain('elena-varga,delivery-dates-customers-can-trust,1');
		expect(after.filter((l) => !/nurses-back|delivery-dates|faster-restores/.test(l))).toEqual(before.filter((l) => !/nurses-back|delivery-dates|faster-restores/.test(l)));
	});
});

describe('concurrent imports', () => {
	const sheet = () => path.join(program(), 'scores/round-1.csv');
	/** Takes two judges' scores out of the sheet, into one import file each. */
	function takeOut(judges: string[]): string[] {
		const [header, ...rows] = readFileSync(sheet(), 'utf8').trimEnd().split('\n');
		writeFileSync(sheet(), [header, ...rows.filter((r) => !judges.includes(r.split(',')[0]))].join('\n') + '\n');
		return judges.map((judge) => {
			const file = path.join(dir, '..', `${judge}.csv`);
			writeFileSync(file, [header, ...rows.filter((r) => r.split(',')[0] === judge)].join('\n') + '\n');
			return file;
		});
	}

	it('two imports at once both land: the second waits for the first’s lock and reads the sheet again', async () => {
		const original = readFileSync(sheet(), 'utf8');
		const files = takeOut(['elena-varga', 'kwame-mensah', 'tanvir-hossain']);
		const results = await Promise.all(files.map((file) => awards('import', 'cia-2026', file)));
		for (const result of results) expect(result.code, result.out).toBe(0);
		expect(readFileSync(sheet(), 'utf8')).toBe(original);
		expect(existsSync(`${sheet()}.lock`)).toBe(false);
	});

	it('fails clearly while another live process holds the lock, and takes over a stale one', async () => {
		const before = readFileSync(sheet(), 'utf8');
		const [file] = takeOut(['elena-varga']);
		const taken = readFileSync(sheet(), 'utf8');
		// This test's own process: alive.
		writeFileSync(`${sheet()}.lock`, `${process.pid}\n`);
		const blocked = await runScript('scripts/awards.ts', ['import', 'cia-2026', file, '--content', dir], { CREDENCE_LOCK_WAIT_MS: '300' });
		expect(blocked.code).toBe(1);
		expect(blocked.out).toMatch(new RegExp(`round-1\\.csv is being updated by another command \\(process ${process.pid}, lock file .*round-1\\.csv\\.lock\\); nothing was written`));
		expect(readFileSync(sheet(), 'utf8')).toBe(taken);
		// A process that has exited: its lock is stale.
		const dead = spawnSync(process.execPath, ['-e', '']).pid!;
		writeFileSync(`${sheet()}.lock`, `${dead}\n`);
		const imported = await awards('import', 'cia-2026', file);
		expect(imported.code, imported.out).toBe(0);
		expect(readFileSync(sheet(), 'utf8')).toBe(before);
		expect(existsSync(`${sheet()}.lock`)).toBe(false);
	});
});
