/** Files under the content folder that nothing reads are reported, never left out without a word. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_FOLDERS, findEscapingLinks, findStrayFiles, strayProblem } from '../../src/lib/content/stray-files.ts';
import { copyFixture, projectRoot } from '../helpers.ts';

const folder = (name: string) => CONTENT_FOLDERS.folders![name]!;

describe('strayProblem', () => {
	it('names the extension that would be read', () => {
		expect(strayProblem(folder('customers'), 'acme.yml', false)).toMatch(/expected customers \(<id>\.yaml\) in this folder, found "acme\.yml", which the check and the build do not read: rename it acme\.yaml/);
		expect(strayProblem(folder('customers'), 'acme.YAML', false)).toMatch(/rename it acme\.yaml/);
		expect(strayProblem(folder('stories'), 'launch.markdown', false)).toMatch(/rename it launch\.md/);
		expect(strayProblem(CONTENT_FOLDERS, 'site.yml', false)).toMatch(/rename it site\.yaml/);
		expect(strayProblem(folder('awards').anyFolder!.folders!.entries!, 'x.mdx', false)).toMatch(/rename it x\.md \(award entries are plain Markdown/);
	});
	it('accepts what is read, hidden files and backups', () => {
		for (const name of ['acme.yaml', '.DS_Store', '.gitkeep', 'acme.yaml~', 'winners.yaml.123.0.tmp']) expect(strayProblem(folder('customers'), name, false), name).toBeUndefined();
		expect(strayProblem(folder('stories'), 'x.mdx', false)).toBeUndefined();
		expect(strayProblem(folder('videos'), 'x.vtt', false)).toBeUndefined();
		expect(strayProblem(folder('videos'), 'media', true)).toBeUndefined();
	});
	it('leaves notes for the editors alone, and nothing else of their kind', () => {
		for (const name of ['README.md', 'readme', 'LICENSE', 'License.txt']) expect(strayProblem(CONTENT_FOLDERS, name, false), name).toBeUndefined();
		expect(strayProblem(folder('customers'), 'README.md', false)).toBeUndefined();
		expect(strayProblem(CONTENT_FOLDERS, 'notes.md', false)).toMatch(/found "notes\.md", which the check and the build do not read/);
		expect(strayProblem(CONTENT_FOLDERS, 'README.yaml', false)).toMatch(/found "README\.yaml"/);
	});
	it('reports folders nothing reads, suggesting the one meant', () => {
		expect(strayProblem(CONTENT_FOLDERS, 'story', true)).toMatch(/found the folder "story": nothing in it is read \(did you mean stories\/\?\)/);
		expect(strayProblem(folder('stories'), '2026', true)).toMatch(/found the folder "2026": nothing in it is read: move its files up/);
	});
});

describe('findStrayFiles', () => {
	let dir: string;
	let cleanup: () => void;
	beforeEach(() => ({ dir, cleanup } = copyFixture()));
	afterEach(() => cleanup());

	it('finds nothing in the fixture, and each stray file or folder once', () => {
		expect(findStrayFiles(projectRoot, dir)).toEqual([]);
		writeFileSync(path.join(dir, 'customers/acme.yml'), 'name: Acme\n');
		mkdirSync(path.join(dir, 'stories/drafts'));
		writeFileSync(path.join(dir, 'stories/drafts/a.md'), '---\n---\n');
		writeFileSync(path.join(dir, 'awards/demo-awards/judges/x.json'), '{}');
		const found = findStrayFiles(projectRoot, dir).map((d) => [path.relative(dir, d.file), d.field, d.severity]);
		expect(found.sort()).toEqual([
			['awards/demo-awards/judges/x.json', '(file name)', 'error'],
			['customers/acme.yml', '(file name)', 'error'],
			['stories/drafts', '(folder)', 'error'],
		]);
	});
});

describe('findEscapingLinks', () => {
	let dir: string;
	let cleanup: () => void;
	beforeEach(() => ({ dir, cleanup } = copyFixture()));
	afterEach(() => cleanup());

	it('reports every link under the content folder that leads out of it, read or not, and no link that stays inside', () => {
		expect(findEscapingLinks(projectRoot, dir)).toEqual([]);
		const outside = path.join(path.dirname(dir), 'outside');
		mkdirSync(outside);
		writeFileSync(path.join(outside, 'secret.txt'), 'secret');
		symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'assets/unused.png'));
		// A folder the award tools write and read, linked out: its files are never listed, the link is.
		symlinkSync(outside, path.join(dir, 'awards/demo-awards/results'));
		symlinkSync(path.join(dir, 'assets/hero.jpg'), path.join(dir, 'assets/hero-again.jpg'));
		symlinkSync('../../etc', path.join(dir, 'assets/relative'));
		const found = findEscapingLinks(projectRoot, dir).map((d) => [path.relative(dir, d.file), d.field, d.severity, d.message]);
		expect(found).toEqual([
			['assets/unused.png', '(file)', 'error', expect.stringMatching(/^expected files and folders inside the content folder .*found a symbolic link to .*outside\/secret.txt, outside the content folder: replace the link with a copy of the file$/)],
			['awards/demo-awards/results', '(file)', 'error', expect.stringMatching(/found a symbolic link to .*outside, outside the content folder/)],
		]);
	});
});
