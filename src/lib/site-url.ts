/**
 * The site's public address, which canonical links, the sitemap, the RSS feed and Open Graph tags
 * all carry: `url` in `content/site.yaml`, unless `CREDENCE_SITE_URL` overrides it (a preview
 * deploy, a test). `astro.config.mjs` hands it to Astro as `site`; `npm run build` warns when a
 * production build would publish the example address.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { contentEscape } from './content/inside-content.ts';

/** The sample's address, used when neither the environment nor `site.yaml` gives one. */
export const EXAMPLE_SITE_URL = 'https://evidence.tessellate.example';

export interface SiteUrl {
	url: string;
	/** Where it came from, for messages. */
	from: 'CREDENCE_SITE_URL' | 'site.yaml' | 'the default';
}

/**
 * `url` from `<contentDir>/site.yaml`, or undefined when the file or the field is missing or not
 * text. Read leniently: the content check reports a malformed file, with its line. A `site.yaml`
 * that leads outside the content folder (a symbolic link) is not read at all: `astro.config.mjs`
 * reads this while the content check still runs (`npm run build` starts both at once), so the
 * check's refusal comes too late to keep the read from happening.
 */
export function siteYamlUrl(contentDir: string): string | undefined {
	try {
		if (contentEscape(contentDir, 'site.yaml')) return undefined;
		const data = load(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')) as { url?: unknown } | undefined;
		return typeof data?.url === 'string' && data.url.trim() ? data.url.trim() : undefined;
	} catch {
		return undefined;
	}
}

/** The address the site is built for: the environment's, then `site.yaml`'s, then the example. */
export function siteUrl(contentDir: string, env: Record<string, string | undefined> = process.env): SiteUrl {
	if (env.CREDENCE_SITE_URL) return { url: env.CREDENCE_SITE_URL, from: 'CREDENCE_SITE_URL' };
	const fromFile = siteYamlUrl(contentDir);
	if (fromFile) return { url: fromFile, from: 'site.yaml' };
	return { url: EXAMPLE_SITE_URL, from: 'the default' };
}

/**
 * True for an address under a name reserved for examples (RFC 2606: `.example`, `example.com`,
 * `.net`, `.org`, and `.test`, `.invalid`, `localhost`): no visitor can reach a site there.
 */
export function isExampleAddress(url: string): boolean {
	let host: string;
	try {
		host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
	} catch {
		return false;
	}
	return /(^|\.)(example|test|invalid|localhost)$/.test(host) || /(^|\.)example\.(com|net|org)$/.test(host);
}

/** The warning a production build prints for an example address; undefined for a real one. */
export function exampleAddressWarning({ url, from }: SiteUrl): string | undefined {
	if (!isExampleAddress(url)) return undefined;
	const origin = from === 'the default' ? "the sample's, as content/site.yaml sets no url" : from === 'site.yaml' ? 'from url in content/site.yaml' : 'from CREDENCE_SITE_URL';
	return `warning: the site is built for ${url}, an example address (${origin}): canonical links, the sitemap, the RSS feed and Open Graph tags all carry it, so search engines and shared links would point nowhere. Set url in content/site.yaml to the address the site is served from, like url: https://evidence.example.com (CREDENCE_SITE_URL overrides it for one build).`;
}
