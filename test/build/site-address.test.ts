/**
 * The site's address comes from `url` in site.yaml (CREDENCE_SITE_URL overrides it, see
 * rss-feed.test.ts): canonical links, the sitemap and Open Graph tags carry it, and a production
 * build for an example address says so.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildSite, fixtureSite } from '../build-helpers.ts';
import { editData } from '../helpers.ts';

const ADDRESS = 'https://evidence.quarry.example';
const { dir, outDir } = fixtureSite();
let output = '';

beforeAll(async () => {
	editData(path.join(dir, 'site.yaml'), (site) => (site.url = ADDRESS));
	// The test runner's own environment must not decide the address.
	const result = await buildSite(dir, outDir, { CREDENCE_SITE_URL: '' });
	output = result.output;
	expect(result.code, output).toBe(0);
}, 240_000);

it('builds canonical links, Open Graph tags and the sitemap from url in site.yaml', () => {
	const story = readFileSync(path.join(outDir, 'stories/quarry-forecasting/index.html'), 'utf8');
	expect(story).toContain(`<link rel="canonical" href="${ADDRESS}/stories/quarry-forecasting/"`);
	expect(story).toMatch(new RegExp(`<meta property="og:url" content="${ADDRESS}/stories/quarry-forecasting/"`));
	expect(readFileSync(path.join(outDir, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${ADDRESS}/stories/quarry-forecasting/</loc>`);
});

it('warns that the address is an example one, naming where it came from and what to set', () => {
	expect(output).toContain(`warning: the site is built for ${ADDRESS}, an example address (from url in content/site.yaml)`);
	expect(output).toMatch(/canonical links, the sitemap, the RSS feed and Open Graph tags all carry it/);
	expect(output).toMatch(/Set url in content\/site\.yaml to the address the site is served from/);
});
