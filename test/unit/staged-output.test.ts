/** The swap that puts a complete build in place (scripts/lib/staged-output.ts). */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deletePreviousBuilds, previousDirFor, publishStagedBuild, stagingDirFor } from '../../scripts/lib/staged-output.ts';

let root: string;
beforeEach(() => void (root = mkdtempSync(path.join(tmpdir(), 'credence-staged-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (file: string, text: string) => {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, text);
};

describe('publishing a staged build', () => {
	it('stages beside the output folder, on its file system', () => {
		expect(stagingDirFor('/site/dist')).toBe('/site/.dist.building');
		expect(previousDirFor('/site/dist')).toBe('/site/.dist.previous');
	});

	it('replaces the last build with the new one, keeping the deploy repository (.git), and moves the last build aside', async () => {
		const outDir = path.join(root, 'dist');
		write(path.join(outDir, 'index.html'), 'old');
		write(path.join(outDir, 'gone.html'), 'old');
		write(path.join(outDir, '.git/HEAD'), 'ref');
		write(path.join(stagingDirFor(outDir), 'index.html'), 'new');
		publishStagedBuild(stagingDirFor(outDir), outDir);
		expect(readdirSync(outDir).sort()).toEqual(['.git', 'index.html']);
		expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('new');
		expect(readFileSync(path.join(outDir, '.git/HEAD'), 'utf8')).toBe('ref');
		expect(existsSync(stagingDirFor(outDir))).toBe(false);
		const [previous] = readdirSync(previousDirFor(outDir));
		expect(readdirSync(path.join(previousDirFor(outDir), previous)).sort()).toEqual(['gone.html', 'index.html']);
		await deletePreviousBuilds(outDir);
		expect(existsSync(previousDirFor(outDir))).toBe(false);
	});

	it('puts the first build in place, and an empty output folder leaves nothing aside', () => {
		const outDir = path.join(root, 'dist');
		write(path.join(stagingDirFor(outDir), 'index.html'), 'first');
		publishStagedBuild(stagingDirFor(outDir), outDir);
		expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('first');
		write(path.join(stagingDirFor(outDir), 'index.html'), 'second');
		rmSync(path.join(outDir, 'index.html'));
		publishStagedBuild(stagingDirFor(outDir), outDir);
		expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('second');
		expect(existsSync(previousDirFor(outDir))).toBe(false);
	});
});
