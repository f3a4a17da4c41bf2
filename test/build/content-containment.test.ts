/**
 * Content never leaves the content folder, end to end: a self-hosted video file and a hero image
 * that are symbolic links out of the content folder, and an image a story's body names outside
 * it, stop the build with the check's report, and nothing from outside reaches the output.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildSite, filesMentioning, fixtureSite, readBuiltFiles } from '../build-helpers.ts';
import { editData } from '../helpers.ts';

const { dir, outDir } = fixtureSite();

it('stops on a video file and a hero image linked out of the content folder and a body image outside it, and publishes none', async () => {
	// Beside the content folder, standing for /proc/self/environ and a file elsewhere on the machine.
	const outside = path.join(path.dirname(dir), 'outside');
	mkdirSync(outside);
	const secret = 'CREDENCE_TEST_SECRET_5f1c2a';
	writeFileSync(path.join(outside, 'environ'), `AWS_SECRET_ACCESS_KEY=${secret}\n`);
	writeFileSync(path.join(outside, 'hero.jpg'), readFileSync(path.join(dir, 'assets/hero.jpg')));
	mkdirSync(path.join(dir, 'videos/media'));
	symlinkSync(path.join(outside, 'environ'), path.join(dir, 'videos/media/grid-interview.mp4'));
	editData(path.join(dir, 'videos/grid-operations.yaml'), (d) => (d.source = { kind: 'file', file: 'grid-interview.mp4' }));
	rmSync(path.join(dir, 'assets/hero.jpg'));
	symlinkSync(path.join(outside, 'hero.jpg'), path.join(dir, 'assets/hero.jpg'));
	// An image the story's body names, outside the content folder: the previous code's build published it as /_astro/….webp.
	const story = path.join(dir, 'stories/quarry-forecasting.mdx');
	writeFileSync(story, `${readFileSync(story, 'utf8')}\n![Out](../../outside/hero.jpg)\n`);

	const result = await buildSite(dir, outDir);
	expect(result.code).not.toBe(0);
	expect(result.output).toMatch(/videos\/grid-operations\.yaml\s+source\.file: expected a video file inside the content folder .*found a symbolic link to .*outside\/environ/);
	expect(result.output).toMatch(/stories\/quarry-forecasting\.mdx\s+hero\.src: expected an image file inside the content folder .*found a symbolic link to .*outside\/hero\.jpg/);
	expect(result.output).toMatch(/stories\/quarry-forecasting\.mdx\s+line \d+: expected an image file \(!\[…\]\(\.\.\/\.\.\/outside\/hero\.jpg\)\) inside the content folder/);
	const built = readBuiltFiles(outDir);
	expect(filesMentioning(built, secret)).toEqual([]);
	expect(built.filter((f) => f.path.startsWith('media/') || /hero/.test(f.path))).toEqual([]);
}, 180_000);
