import { describe, expect, it } from 'vitest';
import { cspHeader, fileCountReport, headersFile, IMMUTABLE, redirectsFile, REVALIDATE } from '../../src/lib/host-files.ts';
import { CSP_DIRECTIVES } from '../../src/lib/csp.ts';
import { headerValues, parseHeaders, parseRedirects, redirectFor } from '../host-file-syntax.ts';

describe('redirectsFile', () => {
	const text = redirectsFile({ moved: [{ from: '/stories/old/', to: '/stories/new/' }], gone: [{ url: '/videos/gone/', on: new Date('2026-11-20') }] });
	const rules = parseRedirects(text);

	it('moves a renamed address with 301 on Netlify (forced) and on Cloudflare Pages (plain)', () => {
		expect(redirectFor(rules, '/stories/old/', 'netlify')).toMatchObject({ to: '/stories/new/', status: '301!' });
		expect(redirectFor(rules, '/stories/old/', 'cloudflare')).toMatchObject({ to: '/stories/new/', status: '301' });
	});

	it('answers 410 at a withdrawn address on Netlify only, serving the tombstone there', () => {
		expect(redirectFor(rules, '/videos/gone/', 'netlify')).toMatchObject({ to: '/videos/gone/', status: '410!' });
		expect(redirectFor(rules, '/videos/gone/', 'cloudflare')).toBeUndefined();
	});

	it('is all comments when nothing was renamed or withdrawn', () => {
		expect(parseRedirects(redirectsFile({ moved: [], gone: [] }))).toEqual([]);
	});
});

describe('headersFile', () => {
	const rules = parseHeaders(
		headersFile({
			entries: [
				{ name: '_astro', directory: true },
				{ name: 'pagefind', directory: true },
				{ name: 'stories', directory: true },
				{ name: 'index.html', directory: false },
				{ name: 'rss.xml', directory: false },
				{ name: '_redirects', directory: false },
			],
			pagefindFiles: ['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind', 'pagefind.en_317ff8a9fc.pf_meta', 'fragment/en_6ab0a50.pf_fragment', 'index/en_1.pf_index', '2020-2022/pagefind-entry.json', '2020-2022/fragment/en_2.pf_fragment', '2020-2022/pagefind.en_0123abcd45.pf_meta'],
		}),
	);
	const cache = (path: string) => headerValues(rules, path, 'Cache-Control');

	it('caches hashed files for a year and revalidates everything else, one value per path', () => {
		expect(cache('/_astro/B3Ga1OsS.webp')).toEqual([IMMUTABLE]);
		expect(cache('/pagefind/fragment/en_6ab0a50.pf_fragment')).toEqual([IMMUTABLE]);
		expect(cache('/pagefind/2020-2022/fragment/en_2.pf_fragment')).toEqual([IMMUTABLE]);
		expect(cache('/pagefind/pagefind.en_317ff8a9fc.pf_meta')).toEqual([IMMUTABLE]);
		expect(cache('/pagefind/2020-2022/pagefind.en_0123abcd45.pf_meta')).toEqual([IMMUTABLE]);
		for (const path of ['/', '/stories/x/', '/rss.xml', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.en.pagefind', '/pagefind/2020-2022/pagefind-entry.json']) {
			expect(cache(path), path).toEqual([REVALIDATE]);
		}
	});

	it('gives no rule to the host files themselves', () => {
		expect(rules.some((r) => r.path === '/_redirects' || r.path === '/_headers')).toBe(false);
	});

	it('sends the security headers on every path', () => {
		for (const path of ['/', '/_astro/a.js', '/pagefind/pagefind.js']) {
			expect(headerValues(rules, path, 'Content-Security-Policy')).toEqual([cspHeader()]);
			expect(headerValues(rules, path, 'X-Frame-Options')).toEqual(['DENY']);
		}
	});
});

describe('cspHeader', () => {
	it("denies framing and repeats the pages' hash-free directives, leaving scripts and styles to the pages' meta", () => {
		const directives = cspHeader().split('; ');
		expect(directives).toContain("frame-ancestors 'none'");
		expect(directives.filter((d) => /^(default|script|style)-src/.test(d))).toEqual([]);
		for (const d of directives) if (!d.startsWith('frame-ancestors')) expect(CSP_DIRECTIVES).toContain(d);
	});
});

describe('fileCountReport', () => {
	it('says the count against the limit', () => {
		expect(fileCountReport(1234)).toEqual({ warn: false, message: '1,234 files (Cloudflare Pages deploys at most 20,000)' });
	});

	it('warns from 90% of the limit', () => {
		expect(fileCountReport(17_999).warn).toBe(false);
		expect(fileCountReport(18_000)).toMatchObject({ warn: true, message: expect.stringContaining('within 2,000 of the limit') });
	});

	it('says by how much a build is over the limit', () => {
		expect(fileCountReport(20_001)).toMatchObject({ warn: true, message: expect.stringContaining('over the limit by 1') });
		expect(fileCountReport(20_000).message).toContain('within 0 of the limit');
	});
});
