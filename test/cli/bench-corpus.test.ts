/**
 * The benchmark's synthetic corpus (scripts/bench/corpus.ts) passes the real content check, in
 * the stated mix, and its bare-Astro twin has one page per item: a schema change the generator
 * did not follow fails here, not an hour into a benchmark.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateCorpus, MIX, storyToEdit, writeBareCorpus } from '../../scripts/bench/corpus.ts';
import { runCheck } from '../../src/lib/content/check.ts';
import { NOW, projectRoot, runScript } from '../helpers.ts';

const work = mkdtempSync(path.join(tmpdir(), 'credence-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('generates a corpus that passes the content check, in the stated mix, with a bare twin per item', async () => {
	const content = path.join(work, 'content');
	const summary = generateCorpus(content, 200, 7);
	expect(summary.stories + summary.videos + summary.entries).toBe(200);
	expect(summary.stories).toBe(Math.round(200 * MIX.stories));
	expect(summary.videos).toBe(Math.round(200 * MIX.videos));

	const result = await runCheck({ projectRoot, contentDir: content, now: NOW });
	expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	expect(result.index.stories.size).toBe(summary.stories);
	expect(result.index.videos.size).toBe(summary.videos);
	expect(result.index.awardEntries.size).toBe(summary.entries);

	expect(writeBareCorpus(content, path.join(work, 'bare'))).toBe(200);
	expect(readdirSync(path.join(work, 'bare'))).toHaveLength(200);
	// The twin has the story's title as it is, though YAML quotes it (it holds a colon).
	const [story] = [...result.index.stories.values()];
	expect(readFileSync(path.join(work, 'bare', `${story.id}.md`), 'utf8')).toContain(`title: "${story.data.title}"\n`);
});

it('is the same corpus for the same seed, and another for another seed', () => {
	/** Every file's path and content, in one digest. */
	const digest = (dir: string) => {
		const hash = createHash('sha256');
		for (const file of readdirSync(dir, { recursive: true }).map(String).sort()) {
			const absolute = path.join(dir, file);
			if (statSync(absolute).isFile()) hash.update(file).update(readFileSync(absolute));
		}
		return hash.digest('hex');
	};
	const corpus = (name: string, seed: number) => (generateCorpus(path.join(work, name), 50, seed), digest(path.join(work, name)));
	expect(corpus('a', 3)).toBe(corpus('b', 3));
	expect(corpus('c', 4)).not.toBe(corpus('a', 3));
});

it('writes the corpus alone with --corpus, which `npm run check` passes, and never into a folder that holds something', async () => {
	const target = path.join(work, 'by-hand');
	const written = await runScript('scripts/bench.ts', ['--entries', '40', '--corpus', target]);
	expect(written.code).toBe(0);
	expect(written.out).toContain(`wrote 40 evidence items (22 stories, 6 videos, 12 award entries in 1 program;`);
	expect(written.out).toContain(`npm run check -- --content ${target}`);
	const check = await runScript('scripts/check.ts', ['--content', target, '--json']);
	expect(check.code).toBe(0);
	expect(JSON.parse(check.out).errors).toBe(0);

	// A second run into the same folder (or into the sample content) is refused, and deletes nothing.
	const again = await runScript('scripts/bench.ts', ['--entries', '40', '--corpus', target]);
	expect(again.code).toBe(1);
	expect(again.out).toContain(`--corpus ${target}: ${target} already exists and is not an empty folder`);
	expect(readdirSync(path.join(target, 'stories'))).toHaveLength(22);

	const twoSizes = await runScript('scripts/bench.ts', ['--entries', '40,80', '--corpus', path.join(work, 'other')]);
	expect(twoSizes.code).toBe(1);
	expect(twoSizes.out).toContain('--corpus writes one corpus: give one size');
});

it('edits a Markdown story before the rebuild, the same one each time, even when an MDX story comes first by name', () => {
	const content = path.join(work, 'edit');
	generateCorpus(content, 40, 1);
	const stories = path.join(content, 'stories');
	const first = readdirSync(stories).sort()[0];
	// Give the first story by name the MDX extension, as story 1 (MDX) of the first customer by name would have.
	renameSync(path.join(stories, first), path.join(stories, first.replace(/\.mdx?$/, '.mdx')));
	const edited = storyToEdit(content);
	expect(edited.endsWith('.md')).toBe(true);
	expect(path.basename(edited)).toBe(readdirSync(stories).sort().find((f) => f.endsWith('.md')));
	expect(storyToEdit(content)).toBe(edited);
});
