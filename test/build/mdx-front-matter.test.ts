/**
 * An MDX story's front matter is never rendered as its body, whatever line closes it: Astro and
 * the content check close it at any line that starts with `---`, and the build renders only the
 * body they leave (src/lib/mdx-story-html.ts). On the code before, a story closed by `---x`
 * passed the check, had its fields printed on its page, and an image named in a field was read
 * from outside the content folder and published.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { buildSite, fixtureSite } from '../build-helpers.ts';

const { dir, outDir } = fixtureSite();

it('publishes the story with its body alone, and no image its front matter names', async () => {
	const outside = path.join(path.dirname(dir), 'outside-front-matter');
	mkdirSync(outside);
	await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 255, g: 0, b: 0 } } }).png().toFile(path.join(outside, 'secret.png'));
	const story = path.join(dir, 'stories/quarry-forecasting.mdx');
	const source = readFileSync(story, 'utf8');
	const close = source.indexOf('\n---\n', 4);
	const front = source.slice(0, close).replace(/^summary: .*$/m, `summary: "Planning ![outside](../../outside-front-matter/secret.png) notes"`);
	writeFileSync(story, `${front}\n---x\n${source.slice(close + 5)}`);

	const result = await buildSite(dir, outDir);
	expect(result.code, result.output).toBe(0);
	const page = readFileSync(path.join(outDir, 'stories/quarry-forecasting/index.html'), 'utf8');
	const body = page.slice(page.indexOf('<div class="prose">'));
	expect(body).not.toMatch(/approvedOn|alt="outside"/);
	expect(page).toContain('Our planners kept three spreadsheets');
}, 180_000);
