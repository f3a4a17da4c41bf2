/**
 * Text YAML cut short: an unexpected "field" that is really the end of unquoted text gets "put the
 * text in quotes" with the line to write, not "unexpected field".
 */
import { expect, it } from 'vitest';
import { parseYaml } from '../../src/lib/content/load.ts';
import { validateSourceFiles } from '../../src/lib/content/validate.ts';

const story = (extra: string) => `title: T
summary: S
customer: quarry-bank
authors: [ada-quarry, vera-vendor]
publishedOn: 2026-01-01
hero: {src: ../assets/hero.jpg, alt: Hero}
disclosure: D
${extra}`;

function diagnosticsOf(yaml: string) {
	const { data, diagnostics } = parseYaml(yaml, 'content/stories/s.md');
	expect(diagnostics).toEqual([]);
	return validateSourceFiles([{ collection: 'stories', id: 's', file: 'content/stories/s.md', absolutePath: '/s.md', data }]).diagnostics;
}

it('words after a colon read as a field name: put the text in quotes, with the joined line', () => {
	const found = diagnosticsOf(story('quotes:\n  - person: ada-quarry\n    text: Our trucks run full\n    and our bins got lighter.: yes\n'));
	expect(found).toEqual([
		expect.objectContaining({
			field: 'quotes[0].and our bins got lighter.',
			message: expect.stringMatching(/^"and our bins got lighter\." is not a field but text: .*colon.*Put the text in quotes: text: "Our trucks run full and our bins got lighter\."$/),
		}),
	]);
	expect(found[0].message).not.toMatch(/unexpected field/);
});

it('a comma inside { … }: put the text in quotes, with the corrected value', () => {
	const found = diagnosticsOf(story('').replace('alt: Hero}', 'alt: A team, smiling}'));
	expect(found).toEqual([expect.objectContaining({ field: 'hero.smiling', message: expect.stringMatching(/comma inside \{ … \}.*Put the text in quotes: alt: "A team, smiling"$/) })]);
});

it('a misspelt field stays a misspelling', () => {
	const found = diagnosticsOf(story('featurd:\n'));
	expect(found).toEqual([expect.objectContaining({ field: 'featurd', message: expect.stringMatching(/unexpected field "featurd" \(did you mean "featured"\?\)/) })]);
});
