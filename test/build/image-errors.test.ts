/**
 * An image the build cannot read (a text file named .jpg, an SVG with no size) stops the build
 * with the check's report naming the entry and field, not Astro's NoImageMetadata stack trace.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildSite, fixtureSite } from '../build-helpers.ts';

const { dir, outDir } = fixtureSite();

it('stops on a hero that is not an image and a logo with no size, naming entry and field, without a stack trace', async () => {
	writeFileSync(path.join(dir, 'assets/hero.jpg'), 'this is not a jpeg\n');
	writeFileSync(path.join(dir, 'assets/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>');
	const result = await buildSite(dir, outDir);
	expect(result.code).not.toBe(0);
	expect(result.output).toMatch(/stories\/quarry-forecasting\.mdx\s+hero\.src: expected a JPEG\/PNG\/WebP\/AVIF\/GIF\/TIFF image, found a file sharp cannot read/);
	expect(result.output).toMatch(/customers\/quarry-bank\.yaml\s+logo: expected an SVG whose <svg> element has a viewBox or a width and a height/);
	expect(result.output).toMatch(/content check found \d+ errors/);
	expect(result.output).not.toMatch(/NoImageMetadata|\n\s+at .*\.(ts|js|mjs):\d+:\d+/);
}, 180_000);
