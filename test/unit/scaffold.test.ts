/** The pure parts of `npm run new`: ids from titles, the fields read from the schemas, the templates, the placeholder rule. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyPlaceholderRule } from '../../src/lib/content/placeholders.ts';
import { cliSchemaContext } from '../../src/lib/content/validate.ts';
import { error } from '../../src/lib/diagnostics.ts';
import { COLLECTION_SCHEMAS } from '../../src/schemas/index.ts';
import { idFromText, MAX_ID_LENGTH } from '../../src/lib/scaffold/id.ts';
import { KINDS, kindNamed } from '../../src/lib/scaffold/kinds.ts';
import { placeholderLines, placeholdersIn } from '../../src/lib/scaffold/placeholder.ts';
import { itemData, itemFiles, valueProblem, type ScaffoldContext } from '../../src/lib/scaffold/template.ts';

const context: ScaffoldContext = { today: '2026-12-05', known: { people: ['paul-vance', 'maya-chen'], customers: ['feira-boa'], products: [] }, program: { id: 'cia-2026', categories: ['data-and-ai'] } };

describe('idFromText', () => {
	it('makes lower-case ASCII words joined by hyphens, accents dropped', () => {
		expect(idFromText('Feira Boa: six in the morning')).toBe('feira-boa-six-in-the-morning');
		expect(idFromText('São Paulo Café')).toBe('sao-paulo-cafe');
		expect(idFromText('Søren Ærø Łódź Straße')).toBe('soren-aero-lodz-strasse');
		expect(idFromText("Alder & Finch's   new—season")).toBe('alder-and-finchs-new-season');
		expect(idFromText('东京')).toBe('');
	});
	it('cuts a long title at a word', () => {
		const id = idFromText('A very long headline about forecasting fresh produce in three hundred and forty stores across Brazil');
		expect(id.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
		expect(id).toMatch(/^a-very-long-headline-.*[a-z]$/);
		expect('a very long headline about forecasting fresh produce in three hundred and forty stores across brazil'.replaceAll(' ', '-').startsWith(id)).toBe(true);
	});
});

describe('templates from the schemas', () => {
	for (const kind of Object.values(KINDS)) {
		it(`${kind.name}: every required field of the schema is written, a value or a placeholder`, () => {
			const data = itemData(kind, 'new-item', { [kind.idFrom]: 'New item' }, context);
			const result = COLLECTION_SCHEMAS[kind.collection](cliSchemaContext).safeParse(data);
			// Nothing is missing: every complaint is about a placeholder's value, never an absent field.
			const placeholders = placeholdersIn(data).map((p) => p.path.join('.'));
			if (!result.success) for (const issue of result.error.issues) expect(placeholders.some((p) => p.startsWith(issue.path.join('.')) || issue.path.join('.').startsWith(p)), JSON.stringify(issue)).toBe(true);
			expect(placeholders.length).toBeGreaterThan(0);
		});
	}

	it('writes the front matter as the hand-written files are, with a body to fill in', () => {
		const [story] = itemFiles(KINDS.story, 'fresh-shelves', { title: 'Fresh shelves: less shrink', authors: ['maya-chen', 'paul-vance'] }, context);
		expect(story.file).toBe('stories/fresh-shelves.md');
		expect(story.text).toMatch(/^---\ntitle: "Fresh shelves: less shrink"\nsummary: "TODO: Summary for cards and feeds"\ncustomer: "TODO: the id of an entry in content\/customers\/ \(its file name without the extension\)"\nauthors:\n {2}- maya-chen\n {2}- paul-vance\npublishedOn: 2026-12-05\n/);
		expect(story.text).toMatch(/\n---\n\nTODO: the story in Markdown/);
		expect(story.placeholders).toBe(6);
	});

	it('asks a customer\'s person for the customer, an analyst for the firm', () => {
		expect(itemData(KINDS.person, 'p', { name: 'P', role: 'customer' }, context)).toHaveProperty('customer', expect.stringMatching(/^TODO: .*content\/customers\//));
		expect(itemData(KINDS.person, 'p', { name: 'P', role: 'analyst' }, context)).toHaveProperty('affiliation', expect.stringMatching(/^TODO: Firm or university/));
		expect(itemData(KINDS.person, 'p', { name: 'P', role: 'vendor' }, context)).not.toHaveProperty('customer');
	});

	it('a video: its captions file beside it, a source from a pasted address, the time quoted', () => {
		const [video, captions] = itemFiles(KINDS.video, 'barge-day', { title: 'Barge day', source: 'https://vimeo.com/76979871', duration: '2:21' }, context);
		const data = parse(video.text);
		expect(data).toMatchObject({ captions: './barge-day.vtt', source: { kind: 'vimeo', id: '76979871' }, duration: '2:21' });
		expect(video.text).toContain('duration: "2:21"');
		expect(captions.file).toBe('videos/barge-day.vtt');
		expect(captions.text).toMatch(/^WEBVTT\n\n1\n00:00:00\.000 --> 00:00:04\.000\nTODO: /);
	});

	it('an award entry: in its program\'s folder, its category one of the program\'s', () => {
		const [entry] = itemFiles(KINDS.entry, 'queue-times', { title: 'Queue times' }, context);
		expect(entry.file).toBe('awards/cia-2026/entries/queue-times.md');
		expect(entry.text).toContain('category: "TODO: one of data-and-ai"');
	});

	it('checks given values: ids against existing ones, nearest first; choices, dates and times by their format', () => {
		const fields = Object.fromEntries(KINDS.video.fields().map((f) => [f.flag, f]));
		expect(valueProblem(fields.speakers, 'paul-vanse', context.known)).toMatch(/found "paul-vanse", which is no entry in content\/people\/ \(did you mean "paul-vance"\?/);
		expect(valueProblem(fields.speakers, 'paul-vance', context.known)).toBeUndefined();
		expect(valueProblem(fields.products, 'x', context.known)).toMatch(/content\/products\/ has none yet/);
		expect(valueProblem(fields['published-on'], '2026-02-30', context.known)).toMatch(/expected a date like 2026-05-01/);
		expect(valueProblem(fields.duration, '141', context.known)).toMatch(/expected a time like 2:21/);
		expect(valueProblem(fields.featured, 'yes', context.known)).toMatch(/true or false/);
		const person = Object.fromEntries(KINDS.person.fields().map((f) => [f.flag, f]));
		expect(valueProblem(person.role, 'vender', context.known)).toMatch(/expected one of customer, vendor, analyst, academic, found "vender" \(did you mean "vendor"\?\)/);
	});

	it('knows the kinds by the names people use', () => {
		expect(kindNamed('stories')?.name).toBe('story');
		expect(kindNamed('people')?.name).toBe('person');
		expect(kindNamed('award-entry')?.name).toBe('entry');
		expect(kindNamed('program')).toBeUndefined();
	});
});

describe('the placeholder rule', () => {
	it('finds placeholders in fields and lines', () => {
		expect(placeholdersIn({ a: 'TODO: x', b: [{ c: '  TODO: y' }], d: 'Not a TODO: here' })).toEqual([
			{ path: ['a'], request: 'x' },
			{ path: ['b', 0, 'c'], request: 'y' },
		]);
		expect(placeholderLines('one\nTODO: two\n<!-- TODO: three -->\nOur list said TODO: nothing.')).toEqual([
			{ line: 2, request: 'two' },
			{ line: 3, request: 'three' },
		]);
	});

	it('reports each as "to fill in" and drops the other errors about the same fields', () => {
		const file = { collection: 'stories' as const, id: 's', file: 'content/stories/s.md', absolutePath: '/nowhere/s.md', data: { publishedOn: 'TODO: a date', source: { kind: 'TODO: youtube' } }, body: 'Text\nTODO: the story', bodyLine: 5 };
		const others = [error(file.file, 'publishedOn', 'expected a calendar date'), error(file.file, 'source', 'expected a source'), error(file.file, 'title', 'required field is missing'), error('content/other.yaml', 'publishedOn', 'kept')];
		const result = applyPlaceholderRule([file], others, { projectRoot: '/nowhere', contentDir: '/nowhere' });
		expect(result.map((d) => `${d.file} ${d.field}: ${d.message}`).sort()).toEqual([
			'content/other.yaml publishedOn: kept',
			'content/stories/s.md line 6: to fill in: the story',
			'content/stories/s.md publishedOn: to fill in: a date',
			'content/stories/s.md source.kind: to fill in: youtube',
			'content/stories/s.md title: required field is missing',
		]);
	});
});
