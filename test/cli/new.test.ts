/**
 * `npm run new` as a marketer runs it, on a copy of the fixture content: each kind makes a file
 * that `check` reads, with every placeholder reported as "to fill in" (and nothing else); once the
 * placeholders are filled, `check` passes. It never overwrites, and off a terminal it says which
 * flags it needs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { execFile } from 'node:child_process';
import { copyFixture, NOW, projectRoot, runScript } from '../helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = copyFixture()));
afterEach(() => cleanup());

const create = (...args: string[]) => runScript('scripts/new.ts', [...args, '--content', dir]);
const check = () => runScript('scripts/check.ts', ['--content', dir]);

/** What a person writes over each placeholder, by field (list indices aside). */
const FILL: Record<string, unknown> = {
	summary: 'What changed, in two sentences.',
	about: 'A regional bank.',
	title: 'Head of Operations',
	disclosure: 'Quarry Bank is a paying customer of the vendor.',
	logo: '../assets/logo.svg',
	industry: 'financial-services',
	region: 'emea',
	size: 'enterprise',
	website: 'https://quarry.example',
	customer: 'quarry-bank',
	submitter: 'ada-quarry',
	speakers: 'ada-quarry',
	authors: 'ada-quarry',
	'hero.src': '../assets/hero.jpg',
	'hero.alt': 'A warehouse at dawn.',
	'poster.src': '../assets/poster.jpg',
	'poster.alt': 'Title card.',
	'source.kind': 'youtube',
	'source.id': 'dQw4w9WgXcQ',
	duration: '0:30',
	category: 'operations',
};

/** Replaces every placeholder in `file` as a person would: FILL's value in fields, a sentence in bodies and captions. */
function fillIn(file: string): void {
	const text = readFileSync(file, 'utf8');
	const fill = (value: unknown, at: string): unknown => {
		if (typeof value === 'string' && value.startsWith('TODO:')) {
			expect(FILL, `no fill for ${at}`).toHaveProperty([at]);
			return FILL[at];
		}
		if (Array.isArray(value)) return value.map((item) => fill(item, at));
		if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, at ? `${at}.${k}` : k)]));
		return value;
	};
	const prose = (body: string) => body.replace(/^TODO:.*$/gm, 'We planned by hand. Now we plan with data.');
	if (file.endsWith('.vtt')) writeFileSync(file, prose(text));
	else if (file.endsWith('.md')) {
		const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
		writeFileSync(file, `---\n${stringify(fill(parse(front), ''))}---\n${prose(body)}`);
	} else writeFileSync(file, stringify(fill(parse(text), '')));
}

/** The lines check prints about `file`. */
const linesAbout = (out: string, file: string) => out.split('\n').filter((line) => line.includes(`${file}  `));

const KINDS: { args: string[]; files: string[] }[] = [
	{ args: ['customer', '--name', 'Søren & Æbelø Logistik'], files: ['customers/soren-and-aebelo-logistik.yaml'] },
	{ args: ['person', '--name', 'Paul Vance', '--role', 'customer'], files: ['people/paul-vance.yaml'] },
	{ args: ['product', '--name', 'Tessellate Pulse'], files: ['products/tessellate-pulse.yaml'] },
	{ args: ['story', '--title', 'Fresh shelves: less shrink', '--authors', 'ada-quarry,vera-vendor'], files: ['stories/fresh-shelves-less-shrink.md'] },
	{ args: ['video', '--title', 'Six in the morning'], files: ['videos/six-in-the-morning.yaml', 'videos/six-in-the-morning.vtt'] },
	{ args: ['entry', '--title', 'Cutting queue times'], files: ['awards/demo-awards/entries/cutting-queue-times.md'] },
];

describe('npm run new', () => {
	for (const { args, files } of KINDS) {
		it(`${args[0]}: a file check reads, each placeholder "to fill in", and check passes once they are filled`, async () => {
			const made = await create(...args);
			expect(made.code, made.out).toBe(0);
			for (const file of files) {
				expect(existsSync(path.join(dir, file)), file).toBe(true);
				expect(made.out).toContain(`created ${path.join(dir, file).split(path.sep).join('/')}`);
			}
			expect(made.out).toMatch(/Next:\n {2}1\. Replace each TODO: \(\d+ places?\): `npm run check` lists them as "to fill in"/);

			const before = await check();
			expect(before.code).toBe(1);
			for (const file of files) {
				const text = readFileSync(path.join(dir, file), 'utf8');
				const placeholders = text.split('TODO:').length - 1;
				const reported = linesAbout(before.out, file);
				// Every placeholder is named, and nothing else is said about the file: no "expected a date" for a TODO.
				expect(reported, before.out).toHaveLength(placeholders);
				for (const line of reported) expect(line).toMatch(/^error {3}\S+ {2}\S.*: to fill in: \S/);
			}

			for (const file of files) fillIn(path.join(dir, file));
			const after = await check();
			expect(after.code, after.out).toBe(0);
			for (const file of files) expect(linesAbout(after.out, file).filter((l) => l.startsWith('error'))).toEqual([]);
		}, 60_000);
	}

	it('takes every field as a flag, a YouTube address as the source, and checks ids against the existing ones', async () => {
		const made = await create('video', '--title', 'Barge day', '--customer', 'quarry-bank', '--speakers', 'ada-quarry', '--source', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', '--duration', '2:21', '--summary', 'On the barge.', '--topics', 'logistics,iot');
		expect(made.code, made.out).toBe(0);
		const data = parse(readFileSync(path.join(dir, 'videos/barge-day.yaml'), 'utf8'));
		expect(data).toMatchObject({ title: 'Barge day', customer: 'quarry-bank', speakers: ['ada-quarry'], source: { kind: 'youtube', id: 'dQw4w9WgXcQ' }, duration: '2:21', captions: './barge-day.vtt', topics: ['logistics', 'iot'], publishedOn: '2026-11-23' });
		expect(readFileSync(path.join(dir, 'videos/barge-day.yaml'), 'utf8')).toContain('duration: "2:21"');

		const typo = await create('story', '--title', 'Another', '--customer', 'quary-bank', '--authors', 'ada-quarry,vera-vendr');
		expect(typo.code).toBe(1);
		expect(typo.out).toMatch(/--customer: found "quary-bank", which is no entry in content\/customers\/ \(did you mean "quarry-bank"\?/);
		expect(typo.out).toMatch(/--authors: found "vera-vendr", .*did you mean "vera-vendor"\?/);
		expect(typo.out).toMatch(/nothing was written/);
		expect(existsSync(path.join(dir, 'stories/another.md'))).toBe(false);
	});

	it('never overwrites: an existing id is refused, naming the file (a story in .mdx too)', async () => {
		expect((await create('product', '--name', 'Pulse', '--summary', 'Mine.')).code).toBe(0);
		const first = readFileSync(path.join(dir, 'products/pulse.yaml'), 'utf8');
		const again = await create('product', '--name', 'Pulse', '--summary', 'Yours.');
		expect(again.code).toBe(1);
		expect(again.out).toMatch(/a product with the id "pulse" already exists: .*products\/pulse\.yaml\. It is never overwritten/);
		expect(readFileSync(path.join(dir, 'products/pulse.yaml'), 'utf8')).toBe(first);

		const story = await create('story', '--title', 'Quarry forecasting');
		expect(story.code).toBe(1);
		expect(story.out).toMatch(/stories\/quarry-forecasting\.mdx\. It is never overwritten/);
		expect(existsSync(path.join(dir, 'stories/quarry-forecasting.md'))).toBe(false);
	});

	it('off a terminal, without the title or name: a clear error listing the flags, nothing written', async () => {
		const result = await create('story', '--summary', 'No title.');
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/error: npm run new -- story needs --title "…" when it is not run on a terminal/);
		expect(result.out).toMatch(/required: --summary, --customer, --authors, --published-on, --hero-src, --hero-alt, --disclosure/);
		expect(result.out).toMatch(/Flags for a story:\n {2}--title <text>/);
		expect(result.out).not.toMatch(/\n\s+at .*:\d+:\d+/);
	});

	// util-linux's `script` gives the command a terminal (a pseudo-terminal), as a person has.
	it.skipIf(!existsSync('/usr/bin/script'))('on a terminal: asks for the name and each required field, re-asks after a mistyped value, Enter leaves a placeholder', async () => {
		const answers = ['Jo Bloggs', '', 'custmer', 'customer', 'quary-bank', 'quarry-bank', ''].join('\n') + '\n';
		const command = `${JSON.stringify(process.execPath)} scripts/new.ts person --content ${JSON.stringify(dir)}`;
		const out = await new Promise<string>((resolve) => {
			const child = execFile('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: projectRoot, env: { ...process.env, CREDENCE_NOW: NOW.toISOString(), NO_COLOR: '1' } }, (_, stdout) => resolve(stdout));
			child.stdin!.end(answers);
		});
		expect(out).toMatch(/name \(Full name\.\): /);
		expect(out).toMatch(/expected one of customer, vendor, analyst, academic, found "custmer" \(did you mean "customer"\?\)/);
		expect(out).toMatch(/found "quary-bank", which is no entry in content\/customers\/ \(did you mean "quarry-bank"\?/);
		expect(out).toMatch(/created .*people\/jo-bloggs\.yaml \(1 place to fill in\)/);
		expect(parse(readFileSync(path.join(dir, 'people/jo-bloggs.yaml'), 'utf8'))).toEqual({ name: 'Jo Bloggs', title: 'TODO: Job title', role: 'customer', customer: 'quarry-bank' });
	}, 60_000);

	it('names an unknown kind or flag with the nearest one', async () => {
		const kind = await create('storey', '--title', 'X');
		expect(kind.code).toBe(1);
		expect(kind.out).toMatch(/no kind "storey" \(did you mean "story"\?\)/);
		const flag = await create('story', '--title', 'X', '--custmer', 'quarry-bank');
		expect(flag.code).toBe(1);
		expect(flag.out).toMatch(/unknown option --custmer \(did you mean --customer\?\)/);
	});
});
