/** The build refuses content that `check` refuses, with the same report and no stack trace. */
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildSite, fixtureSite } from '../build-helpers.ts';
import { editData } from '../helpers.ts';

const { dir, outDir } = fixtureSite();

it('fails on a dangling reference that Astro alone would only log', async () => {
	editData(path.join(dir, 'stories/quarry-forecasting.mdx'), (d) => (d.authors = ['ada-quarry', 'nobody-at-all']));
	const result = await buildSite(dir, outDir);
	expect(result.code).not.toBe(0);
	expect(result.output).toMatch(/stories\/quarry-forecasting\.mdx\s+authors\[1\]: expected the id of an existing entry in people, found "nobody-at-all"/);
	expect(result.output).toMatch(/content check found \d+ errors?/);
	expect(result.output).not.toMatch(/\n\s+at .*\.(ts|js|mjs):\d+:\d+/);
	expect(result.output).not.toMatch(/astro:config:setup|unhandled error|Stack trace/);
}, 120_000);
