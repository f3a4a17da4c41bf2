import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { EXAMPLE_SITE_URL, exampleAddressWarning, isExampleAddress, siteUrl } from '../../src/lib/site-url.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const withSiteYaml = (text?: string) => {
	dir = mkdtempSync(path.join(tmpdir(), 'credence-site-url-'));
	if (text !== undefined) writeFileSync(path.join(dir, 'site.yaml'), text);
	return dir;
};

it('takes url from site.yaml; CREDENCE_SITE_URL overrides it; the example address when neither gives one', () => {
	const content = withSiteYaml('title: T\nurl: https://evidence.acme.com\n');
	expect(siteUrl(content, {})).toEqual({ url: 'https://evidence.acme.com', from: 'site.yaml' });
	expect(siteUrl(content, { CREDENCE_SITE_URL: 'https://preview.acme.com' })).toEqual({ url: 'https://preview.acme.com', from: 'CREDENCE_SITE_URL' });
	// An empty variable is no override.
	expect(siteUrl(content, { CREDENCE_SITE_URL: '' }).from).toBe('site.yaml');
	expect(siteUrl(withSiteYaml('title: T\n'), {})).toEqual({ url: EXAMPLE_SITE_URL, from: 'the default' });
});

it('reads a missing or malformed site.yaml as giving no address (check reports the file)', () => {
	expect(siteUrl(withSiteYaml(), {}).from).toBe('the default');
	expect(siteUrl(withSiteYaml('title: [unclosed\n'), {}).from).toBe('the default');
	expect(siteUrl(withSiteYaml('url: 42\n'), {}).from).toBe('the default');
});

it('does not read a site.yaml that is a symbolic link out of the content folder (astro.config.mjs reads it while the check runs)', () => {
	const base = withSiteYaml();
	const content = path.join(base, 'content');
	mkdirSync(content);
	writeFileSync(path.join(base, 'elsewhere.yaml'), 'url: https://outside.acme.com\n');
	symlinkSync(path.join(base, 'elsewhere.yaml'), path.join(content, 'site.yaml'));
	expect(siteUrl(content, {})).toEqual({ url: EXAMPLE_SITE_URL, from: 'the default' });
	// A link that stays inside is read as the file itself.
	writeFileSync(path.join(content, 'real-site.yaml'), 'url: https://evidence.acme.com\n');
	rmSync(path.join(content, 'site.yaml'));
	symlinkSync('real-site.yaml', path.join(content, 'site.yaml'));
	expect(siteUrl(content, {}).url).toBe('https://evidence.acme.com');
});

it('knows the names reserved for examples', () => {
	for (const url of [EXAMPLE_SITE_URL, 'https://example.com', 'https://www.example.org/x', 'http://localhost:4321', 'https://site.test']) expect(isExampleAddress(url), url).toBe(true);
	for (const url of ['https://evidence.acme.com', 'https://example-corp.com', 'https://myexample.com', 'not a url']) expect(isExampleAddress(url), url).toBe(false);
});

it('warns only for an example address, saying where it came from', () => {
	expect(exampleAddressWarning({ url: 'https://evidence.acme.com', from: 'site.yaml' })).toBeUndefined();
	expect(exampleAddressWarning({ url: EXAMPLE_SITE_URL, from: 'the default' })).toMatch(/an example address \(the sample's, as content\/site\.yaml sets no url\): canonical links, the sitemap/);
	expect(exampleAddressWarning({ url: 'https://x.example', from: 'CREDENCE_SITE_URL' })).toMatch(/\(from CREDENCE_SITE_URL\)/);
});
