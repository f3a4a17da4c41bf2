/** How the content check reads YAML and frontmatter: YAML 1.2 core types, errors naming their line. */
import { describe, expect, it } from 'vitest';
import { parseFrontmatter, parseYaml } from '../../src/lib/content/load.ts';
import { YamlTimestamp } from '../../src/schemas/common.ts';

const FILE = 'content/customers/x.yaml';

describe('parseYaml', () => {
	it('reads YAML 1.2 core types, keeps yes/no as strings and unquoted dates as their text, for the schemas to judge', () => {
		const { data, diagnostics } = parseYaml('name: Quarry Bank\nfounded: 2026-02-30\nat: 2026-02-03 09:00:00Z\nquoted: "2026-02-03"\nsize: 250\nshare: 0.5\nlisted: true\nanswer: yes\nnote: ~\ntags: [a, b]\n', FILE);
		expect(diagnostics).toEqual([]);
		expect(data).toStrictEqual({ name: 'Quarry Bank', founded: new YamlTimestamp('2026-02-30'), at: new YamlTimestamp('2026-02-03 09:00:00Z'), quoted: '2026-02-03', size: 250, share: 0.5, listed: true, answer: 'yes', note: null, tags: ['a', 'b'] });
	});

	it('reads an empty file as an empty record', () => {
		expect(parseYaml('', FILE)).toEqual({ data: {}, diagnostics: [] });
		expect(parseYaml('# only a comment\n', FILE)).toEqual({ data: {}, diagnostics: [] });
	});

	it('names the line of a syntax error, and returns no data', () => {
		const result = parseYaml('name: Quarry Bank\nindustry: [manufacturing\nregion: europe\n', FILE);
		expect(result.data).toBeUndefined();
		expect(result.diagnostics).toHaveLength(1);
		expect(result.diagnostics[0]).toMatchObject({ severity: 'error', file: FILE, field: expect.stringMatching(/^line [34]$/) });
		expect(result.diagnostics[0].message).toMatch(/^invalid YAML: /);
	});

	it('says to quote a value that holds a colon and a space, the usual cause of "bad indentation"', () => {
		const result = parseYaml('name: Quarry Bank\ntitle: Planning: the next step\n', FILE);
		expect(result.diagnostics[0]).toMatchObject({ field: 'line 2', message: expect.stringMatching(/colon and a space.*put the whole value in quotes/) });
		expect(result.diagnostics[0].message).not.toMatch(/at line/); // the line is the field already
		// A quoted value, or an error of another kind, gets no such hint.
		expect(parseYaml('title: "Planning: the next step"\n', FILE).diagnostics).toEqual([]);
	});

	it('gives the line to write for text cut short: a colon inside it, text wrapped onto the next line, { … } with a comma', () => {
		const colon = parseYaml('quotes:\n  - text: We cut waste: and our bins got lighter.\n    person: ada-quarry\n', FILE);
		expect(colon.diagnostics[0].message).toMatch(/put the whole value in quotes: - text: "We cut waste: and our bins got lighter\."$/);
		const wrapped = parseYaml('quotes:\n  - text: We cut waste\n    and our bins got lighter.\n    person: ada-quarry\n', FILE);
		expect(wrapped.diagnostics[0].message).toMatch(/the text of text \(line 2\) goes on at the start of the next line, which YAML reads as a new field: put the whole text in quotes on one line: - text: "We cut waste and our bins got lighter\."$/);
		const braces = parseYaml('hero: {src: ../a.jpg, alt: A team: smiling}\n', FILE);
		expect(braces.diagnostics[0].message).toMatch(/inside \{ … \} a colon and a space, or a comma, ends unquoted text: put each text in quotes/);
		for (const d of [...colon.diagnostics, ...wrapped.diagnostics]) expect(d.message).not.toContain('\n');
		expect(parseYaml('name: Quarry Bank\nindustry: [manufacturing\nregion: europe\n', FILE).diagnostics[0].message).not.toMatch(/colon and a space/);
	});

	it('rejects a key given twice, naming its line', () => {
		const result = parseYaml('name: Quarry Bank\nregion: europe\nname: Other\n', FILE);
		expect(result.data).toBeUndefined();
		expect(result.diagnostics[0]).toMatchObject({ field: 'line 3', message: expect.stringMatching(/^invalid YAML: .*(unique|duplicated)/i) });
	});

	it('rejects a second document in one file', () => {
		const result = parseYaml('name: A\n---\nname: B\n', FILE);
		expect(result.data).toBeUndefined();
		expect(result.diagnostics[0].message).toMatch(/^invalid YAML: /);
	});
});

describe('parseFrontmatter', () => {
	it('counts lines from the top of the file, past the opening ---', () => {
		const result = parseFrontmatter('---\ntitle: A story\nsummary: [unclosed\nauthors: []\n---\nBody\n', 'content/stories/a.md');
		expect(result.diagnostics[0].field).toMatch(/^line [45]$/);
		expect(result.body).toBe('Body\n');
	});

	it('returns the data, the body and the line the body starts on', () => {
		expect(parseFrontmatter('---\ntitle: A story\n---\n\nBody text\n', 'content/stories/a.md')).toEqual({ data: { title: 'A story' }, body: '\nBody text\n', bodyLine: 4, diagnostics: [] });
	});
});
