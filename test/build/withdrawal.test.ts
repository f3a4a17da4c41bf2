/**
 * Withdrawal, renames and the host files, proven on a real build of the fixture with: a story and
 * a self-hosted video withdrawn at the customer's request, a customer withdrawn with a story of
 * theirs, and a story renamed. Each withdrawn thing carries its own marker word in every text and
 * file name it has; after the build no marker is anywhere in dist/ (pages, feed, sitemap, assets,
 * the decompressed Pagefind index), a tombstone stands at each withdrawn address, and `_redirects`
 * and `_headers` say what the hosts must do.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildSite, filesMentioning, fixtureSite, readBuiltFiles, type BuiltFile } from '../build-helpers.ts';
import { CLOUDFLARE_STATUSES, headerValues, parseHeaders, parseRedirects, redirectFor, servedAt, type HeadersRule, type RedirectRule } from '../host-file-syntax.ts';
import { IMMUTABLE, REVALIDATE, RETIRED_ADDRESSES_FILE } from '../../src/lib/host-files.ts';

/** Marker words: none occurs anywhere else. */
const STORY = 'tombstoneprobe';
const VIDEO = 'videogoneprobe';
const CUSTOMER = 'fernleafprobe';
const PERSON = 'fernpersonprobe';
const CUSTOMER_STORY = 'fernstoryprobe';
const REASON = 'reasonprobe';
/** In the id of a draft withdrawn before anyone saw it. */
const UNSEEN = 'unseenprobe';
const WITHDRAWN = { on: '2026-11-20', reason: `The customer asked; ${REASON}.` };

const { dir: content, outDir } = fixtureSite();
let files: BuiltFile[];
let buildOutput: string;
const file = (p: string) => files.find((f) => f.path === p)?.text;

function copyStory(target: string, edit: (data: any) => void, bodyExtra: string) {
	const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(path.join(content, 'stories/quarry-forecasting.mdx'), 'utf8'))!;
	const data = parse(front);
	edit(data);
	writeFileSync(path.join(content, 'stories', target), `---\n${stringify(data)}---\n${body}\n${bodyExtra}\n`);
}

beforeAll(async () => {
	const image = (shade: number) => sharp({ create: { width: 200, height: 90, channels: 3, background: { r: shade, g: 30, b: 200 } } }).jpeg();
	// A withdrawn story, once called older-withdrawn-story.
	await image(11).toFile(path.join(content, `assets/hero-${STORY}.jpg`));
	copyStory(
		'withdrawn-story.md',
		(d) => {
			Object.assign(d, { title: `Story ${STORY} title`, summary: `Summary ${STORY}.`, withdrawn: WITHDRAWN, previousIds: ['older-withdrawn-story'] });
			d.hero.src = `../assets/hero-${STORY}.jpg`;
			d.quotes = [{ text: `Quote ${STORY}.`, person: 'ada-quarry' }];
		},
		`A body paragraph about ${STORY}.`,
	);
	// A withdrawn self-hosted video with its file, poster and captions.
	mkdirSync(path.join(content, 'videos/media'), { recursive: true });
	writeFileSync(path.join(content, `videos/media/clip-${VIDEO}.mp4`), Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom not really a video')]));
	await image(22).toFile(path.join(content, `assets/poster-${VIDEO}.jpg`));
	writeFileSync(path.join(content, `videos/captions-${VIDEO}.vtt`), `WEBVTT\n\n00:00.000 --> 00:04.000\n<v Hal>Caption ${VIDEO}.\n`);
	const video = parse(readFileSync(path.join(content, 'videos/grid-operations.yaml'), 'utf8'));
	Object.assign(video, {
		title: `Video ${VIDEO}`,
		summary: `Summary ${VIDEO}.`,
		source: { kind: 'file', file: `clip-${VIDEO}.mp4` },
		poster: { src: `../assets/poster-${VIDEO}.jpg`, alt: `Poster ${VIDEO}` },
		captions: `./captions-${VIDEO}.vtt`,
		withdrawn: WITHDRAWN,
	});
	writeFileSync(path.join(content, 'videos/withdrawn-video.yaml'), stringify(video));
	// A withdrawn customer, one of its people, and a story about it that is not withdrawn itself.
	writeFileSync(path.join(content, `assets/logo-${CUSTOMER}.svg`), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><title>${CUSTOMER}</title><rect width="20" height="10" fill="#3a7"/></svg>`);
	const customer = parse(readFileSync(path.join(content, 'customers/quarry-bank.yaml'), 'utf8'));
	Object.assign(customer, { name: `Fern ${CUSTOMER} Holdings`, about: `About ${CUSTOMER}.`, logo: `../assets/logo-${CUSTOMER}.svg`, website: 'https://fern.example', withdrawn: WITHDRAWN });
	writeFileSync(path.join(content, 'customers/fern-holdings.yaml'), stringify(customer));
	writeFileSync(path.join(content, 'people/fern-person.yaml'), stringify({ name: `Fen ${PERSON}`, title: 'Head of Planning', role: 'customer', customer: 'fern-holdings', headshot: '../assets/person.png' }));
	copyStory(
		'fern-story.md',
		(d) => {
			Object.assign(d, { title: `Story ${CUSTOMER_STORY}`, summary: `Summary ${CUSTOMER_STORY}.`, customer: 'fern-holdings', authors: ['fern-person', 'vera-vendor'] });
			d.quotes = [{ text: `We chose ${CUSTOMER_STORY}.`, person: 'fern-person' }];
			d.approval.approvedBy = 'fern-person';
		},
		`Body ${CUSTOMER_STORY}.`,
	);
	// A draft withdrawn before it was ever published: nothing of it, not even its address.
	copyStory(`draft-${UNSEEN}.md`, (d) => Object.assign(d, { title: 'An unseen draft', draft: true, withdrawn: WITHDRAWN, previousIds: [`earlier-${UNSEEN}`] }), '');
	// A story renamed from old-forecasting-story.
	copyStory('renamed-story.md', (d) => Object.assign(d, { title: 'The renamed story', previousIds: ['old-forecasting-story'] }), '');

	const result = await buildSite(content, outDir);
	buildOutput = result.output;
	expect(result.code, result.output).toBe(0);
	files = readBuiltFiles(outDir);
}, 240_000);

describe('a withdrawn item', () => {
	it.each([STORY, VIDEO, CUSTOMER, PERSON, CUSTOMER_STORY, REASON, UNSEEN])('leaves no trace of %s anywhere in dist/ (pages, feed, sitemap, assets, search index)', (marker) => {
		expect(filesMentioning(files, marker)).toEqual([]);
	});

	it('leaves none of its images, media file or captions', () => {
		expect(files.some((f) => f.path === 'videos/withdrawn-video/captions.vtt')).toBe(false);
		expect(files.some((f) => f.path.startsWith('media/withdrawn-video'))).toBe(false);
		expect(files.some((f) => /^og\/(stories|videos)\/(withdrawn-|fern-)/.test(f.path))).toBe(false);
		for (const source of [`hero-${STORY}.jpg`, `poster-${VIDEO}.jpg`]) {
			const bytes = readFileSync(path.join(content, 'assets', source));
			expect(files.filter((f) => f.path.startsWith('_astro/') && readFileSync(path.join(outDir, f.path)).equals(bytes)), source).toEqual([]);
		}
	});

	it.each(['stories/withdrawn-story', 'stories/older-withdrawn-story', 'videos/withdrawn-video', 'stories/fern-story'])('leaves a noindex tombstone at /%s/ saying only when it was withdrawn', (address) => {
		const page = file(`${address}/index.html`);
		expect(page, address).toBeDefined();
		expect(page).toContain('<meta name="robots" content="noindex">');
		expect(page).toContain(`Withdrawn at the customer's request on <time datetime="2026-11-20">20 November 2026</time>`);
		expect(page).not.toContain('rel="canonical"');
		expect(page).not.toContain('application/ld+json');
		expect(page).not.toContain('data-pagefind-body');
		expect(page).not.toMatch(/_astro\/[^"]+\.(jpe?g|webp|png|avif)/);
	});

	it('is gone from the library, the customers, the feed and the sitemap', () => {
		for (const listing of ['stories/index.html', 'videos/index.html', 'customers/index.html', 'rss.xml', 'sitemap-0.xml', 'index.html']) {
			expect(file(listing), listing).not.toMatch(/withdrawn-story|withdrawn-video|fern-story|fern-holdings/);
		}
		expect(files.some((f) => f.path.startsWith('customers/fern-holdings'))).toBe(false);
	});

	it('leaves no hand-over file behind', () => {
		expect(files.some((f) => f.path === RETIRED_ADDRESSES_FILE)).toBe(false);
	});
});

describe('a renamed item', () => {
	it('keeps its page at its current address, in the sitemap', () => {
		expect(file('stories/renamed-story/index.html')).toContain('The renamed story');
		expect(file('sitemap-0.xml')).toContain('/stories/renamed-story/');
	});

	it('leaves a notice at its earlier address that sends browsers on, for hosts without _redirects', () => {
		const page = file('stories/old-forecasting-story/index.html')!;
		expect(page).toContain('<meta http-equiv="refresh" content="0; url=https://evidence.tessellate.example/stories/renamed-story/">');
		expect(page).toContain('<link rel="canonical" href="https://evidence.tessellate.example/stories/renamed-story/">');
		expect(page).toContain('<meta name="robots" content="noindex">');
		expect(file('sitemap-0.xml')).not.toContain('old-forecasting-story');
	});
});

describe('_redirects', () => {
	let rules: RedirectRule[];
	beforeAll(() => {
		rules = parseRedirects(file('_redirects')!);
	});

	it('moves an earlier address permanently on both hosts', () => {
		for (const host of ['netlify', 'cloudflare'] as const) {
			const rule = redirectFor(rules, '/stories/old-forecasting-story/', host);
			expect(rule, host).toMatchObject({ to: '/stories/renamed-story/' });
			expect(rule!.status.replace('!', ''), host).toBe('301');
		}
		// Netlify serves a file that exists at the address unless the rule is forced.
		expect(redirectFor(rules, '/stories/old-forecasting-story/', 'netlify')!.status).toBe('301!');
	});

	it('answers 410 Gone at every withdrawn address on Netlify, with the tombstone; Cloudflare serves the tombstone', () => {
		for (const address of ['/stories/withdrawn-story/', '/stories/older-withdrawn-story/', '/videos/withdrawn-video/', '/stories/fern-story/']) {
			expect(redirectFor(rules, address, 'netlify'), address).toMatchObject({ to: address, status: '410!' });
			expect(redirectFor(rules, address, 'cloudflare'), address).toBeUndefined();
		}
	});

	it('has no rule for a published address, and every rule leads to a built page', () => {
		const pages = new Set(files.filter((f) => f.path.endsWith('.html')).map((f) => servedAt(f.path)));
		for (const rule of rules) {
			expect(pages.has(rule.to), `line ${rule.line}: ${rule.to}`).toBe(true);
			expect(CLOUDFLARE_STATUSES.has(rule.status) || /^(301|410)!$/.test(rule.status), `line ${rule.line}`).toBe(true);
		}
		expect(rules.some((r) => r.from === '/stories/renamed-story/' || r.from === '/stories/quarry-forecasting/')).toBe(false);
	});
});

describe('_headers', () => {
	let rules: HeadersRule[];
	beforeAll(() => {
		rules = parseHeaders(file('_headers')!);
	});

	it('gives every file exactly one Cache-Control: a year for hashed assets and Pagefind index parts, revalidation for pages and the rest', () => {
		expect(files.some((f) => f.path.startsWith('_astro/'))).toBe(true);
		expect(files.some((f) => f.path.startsWith('pagefind/fragment/'))).toBe(true);
		for (const built of files) {
			if (built.path === '_headers' || built.path === '_redirects') continue;
			const values = headerValues(rules, servedAt(built.path), 'Cache-Control');
			expect(values, built.path).toHaveLength(1);
			const hashed = built.path.startsWith('_astro/') || /^pagefind\/(?:[^/]+\/)?(fragment|index|filter)\//.test(built.path) || /\.pf_meta$/.test(built.path);
			expect(values[0], built.path).toBe(hashed ? IMMUTABLE : REVALIDATE);
		}
		expect(headerValues(rules, '/pagefind/pagefind.js', 'Cache-Control')).toEqual([REVALIDATE]);
		expect(headerValues(rules, '/pagefind/pagefind-entry.json', 'Cache-Control')).toEqual([REVALIDATE]);
	});

	it('sends the security headers everywhere, framing denied', () => {
		for (const address of ['/', '/stories/quarry-forecasting/', '/_astro/x.js', '/pagefind/pagefind.js']) {
			expect(headerValues(rules, address, 'X-Content-Type-Options'), address).toEqual(['nosniff']);
			expect(headerValues(rules, address, 'Referrer-Policy'), address).toEqual(['strict-origin-when-cross-origin']);
			expect(headerValues(rules, address, 'Permissions-Policy'), address).toHaveLength(1);
			expect(headerValues(rules, address, 'X-Frame-Options'), address).toEqual(['DENY']);
		}
	});

	it("sends a Content-Security-Policy no stricter than each page's own: the hash-free directives of its meta policy, and frame-ancestors", () => {
		const [header] = headerValues(rules, '/stories/quarry-forecasting/', 'Content-Security-Policy');
		const directives = header.split(';').map((d) => d.trim());
		expect(directives).toContain("frame-ancestors 'none'");
		// Scripts and styles are allowed by hash in each page's meta; a header default-src, script-src or style-src would refuse them.
		expect(directives.filter((d) => /^(default|script|style)-src/.test(d))).toEqual([]);
		for (const page of files.filter((f) => f.path.endsWith('.html') && f.text.includes('Content-Security-Policy'))) {
			const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(page.text)![1].replaceAll('&#39;', "'");
			const metaDirectives = meta.split(';').map((d) => d.trim());
			for (const directive of directives) if (!directive.startsWith('frame-ancestors')) expect(metaDirectives, page.path).toContain(directive);
		}
	});
});

it('reports the file count against the hosts’ 20,000-file limit', () => {
	const count = files.length;
	expect(buildOutput).toContain(`${count.toLocaleString('en-US')} files (Cloudflare Pages deploys at most 20,000)`);
});
