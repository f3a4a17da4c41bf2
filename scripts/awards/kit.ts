/**
 * `awards kit <program> [--out dir]`: the program's entry kit, one self-contained HTML form that
 * entrants fill in offline and that exports the file `awards intake` takes. Written outside the
 * public site (default `packets/<program>/entry-kit.html`, git-ignored); it holds nothing private,
 * only the program's rules, categories, criteria and product names.
 */
import path from 'node:path';
import { renderKit } from '../../src/lib/awards/kit/html.ts';
import { displayPath } from '../../src/lib/content/load.ts';
import { colour, writeAtomic } from '../lib/cli.ts';
import type { CommandContext } from './commands.ts';

export async function kit(context: CommandContext): Promise<number> {
	const { data, check, options, projectRoot, now } = context;
	const { program } = data;
	const listed = program.eligibility?.products ?? [];
	const products = [...check.index.products]
		.filter(([id]) => listed.length === 0 || listed.includes(id))
		.map(([id, p]) => ({ id, name: p.data.name }))
		.sort((a, b) => a.name.localeCompare(b.name));
	const html = renderKit({
		program: { id: data.id, name: program.name, summary: program.summary, blind: program.blind, scale: program.scale, categories: program.categories, criteria: program.criteria, eligibility: program.eligibility },
		products,
		generatedAt: now.toISOString(),
	});
	const file = options.out ? path.join(path.resolve(options.out), 'entry-kit.html') : path.join(projectRoot, 'packets', data.id, 'entry-kit.html');
	await writeAtomic(file, html);
	console.log(`${colour.green('✓')} wrote the entry kit ${displayPath(projectRoot, file)}: send it to entrants; run \`npm run awards -- intake ${data.id} <file>…\` on the files they send back.`);
	return 0;
}
