/**
 * The RSS feed is valid RSS 2.0: no `<author>` (RSS wants an email address there, and the feed
 * held a company name), co-authors credited with Dublin Core's `dc:creator` under its namespace
 * (by title for a customer that withholds its name), and `atom:link rel="self"` under Atom's.
 * It carries only the newest `feedItems` pieces of evidence: with all of them, a 10,000-item
 * library's feed was 4.3 MB, fetched again on every reader's poll. Readers take titles and
 * descriptions as HTML, so content's text is HTML-escaped before it is XML-escaped: an entrant's
 * `<img onerror>` reaches the reader as text, never as an element.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// The XML parser @astrojs/rss writes the feed with: a real parse, not patterns over the text.
import { XMLParser } from 'fast-xml-parser';
import type { Nodes } from 'hast';
import { htmlToHast } from 'satteri';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite } from '../build-helpers.ts';
import { copyFixture, editData } from '../helpers.ts';

const { dir, cleanup } = copyFixture();
const outDir = mkdtempSync(path.join(tmpdir(), 'credence-dist-'));
const SITE = 'https://feed.example';
/** Items in this build's feed: the fixture's library has one more (the archived story). */
const FEED_ITEMS = 3;
/** A summary a feed reader would turn into a live element if the feed carried it as HTML. */
const HOSTILE_SUMMARY = '<img src=x onerror="alert(1)"> Outages <b>halved</b> & more';
let feed: any;
let text: string;
let library: string;

beforeAll(async () => {
	// A second story, about the customer that withholds its name, by its person and the vendor's.
	const story = readFileSync(path.join(dir, 'stories/quarry-forecasting.mdx'), 'utf8')
		.replace(/^title: .*$/m, 'title: How an operator & its planners cut outages')
		.replace(/^summary: .*$/m, `summary: '${HOSTILE_SUMMARY}'`)
		.replace('customer: quarry-bank', 'customer: hidden-grid')
		.replace('authors: [ada-quarry, vera-vendor]', 'authors: [hal-grid, vera-vendor]')
		.replace(/quotes:\n  - text: .*\n    person: ada-quarry\n/, '')
		.replace(/^disclosure: .*$/m, 'disclosure: The operator is a paying customer of Tessellate.')
		.replace('approvedBy: ada-quarry', 'approvedBy: hal-grid');
	writeFileSync(path.join(dir, 'stories/operator-outages.mdx'), story);
	// The oldest piece of evidence, which a feed of the newest three leaves out.
	const archived = readFileSync(path.join(dir, 'stories/quarry-forecasting.mdx'), 'utf8')
		.replace(/^title: .*$/m, 'title: An archived story')
		.replace(/^publishedOn: .*$/m, 'publishedOn: 2025-06-02');
	writeFileSync(path.join(dir, 'stories/archived-story.mdx'), archived);
	editData(path.join(dir, 'site.yaml'), (site) => (site.feedItems = FEED_ITEMS));
	const result = await buildSite(dir, outDir, { CREDENCE_SITE_URL: SITE });
	expect(result.output).toMatch(/content check passed/);
	expect(result.code).toBe(0);
	text = readFileSync(path.join(outDir, 'rss.xml'), 'utf8');
	library = readFileSync(path.join(outDir, 'stories/index.html'), 'utf8');
	feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'dc:creator', 'category'].includes(name) }).parse(text);
}, 180_000);
afterAll(() => {
	cleanup();
	rmSync(outDir, { recursive: true, force: true });
});

it('declares the Atom and Dublin Core namespaces and links to itself', () => {
	expect(feed.rss['@_version']).toBe('2.0');
	expect(feed.rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
	expect(feed.rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
	expect(feed.rss.channel['atom:link']).toEqual({ '@_href': `${SITE}/rss.xml`, '@_rel': 'self', '@_type': 'application/rss+xml' });
});

it('has no <author> (RSS 2.0 wants an email address) and credits co-authors with dc:creator', () => {
	const items: any[] = feed.rss.channel.item;
	expect(items.length).toBeGreaterThanOrEqual(3);
	expect(text).not.toMatch(/<author>/);
	for (const item of items) expect(item.author).toBeUndefined();
	const byLink = (slug: string) => items.find((i) => i.link === `${SITE}/stories/${slug}/`);
	expect(byLink('quarry-forecasting')['dc:creator']).toEqual(['Ada Quarry', 'Vera Vendor']);
	// Named as on the story's page: by title and the anonymous label, never by name.
	expect(byLink('operator-outages')['dc:creator']).toEqual(['Operations Director, A European grid operator', 'Vera Vendor']);
	expect(asReaderShows(byLink('operator-outages').title)).toBe('How an operator & its planners cut outages');
	expect(text).not.toMatch(/Hal Grid|Hidden Grid/);
	// Videos and award entries have no co-authors.
	for (const item of items.filter((i) => !i.link.includes('/stories/'))) expect(item['dc:creator']).toBeUndefined();
});

/** What a reader makes of a feed text it takes as HTML: its elements (there must be none) and its text. */
function readAsHtml(html: string): { elements: string[]; text: string } {
	const elements: string[] = [];
	let text = '';
	const walk = (node: Nodes) => {
		if (node.type === 'element') elements.push(node.tagName);
		if (node.type === 'text') text += node.value;
		if ('children' in node) for (const child of node.children) walk(child as Nodes);
	};
	walk(htmlToHast(String(html), { fragment: true }) as Nodes);
	return { elements, text };
}
const asReaderShows = (html: string) => readAsHtml(html).text;

it('carries content as text: a reader taking titles, descriptions, creators and categories as HTML finds no element', () => {
	const items: any[] = feed.rss.channel.item;
	const texts = [feed.rss.channel.title, feed.rss.channel.description, ...items.flatMap((i) => [i.title, i.description, ...(i.category ?? []), ...(i['dc:creator'] ?? [])])];
	expect(texts.length).toBeGreaterThan(10);
	for (const text of texts) expect(readAsHtml(text).elements, text).toEqual([]);
	// The entrant's markup is shown as the literal text they wrote.
	const outages = items.find((i) => i.link === `${SITE}/stories/operator-outages/`);
	expect(asReaderShows(outages.description)).toBe(HOSTILE_SUMMARY);
});

it('carries only the newest feedItems pieces of evidence, in the library\'s order', () => {
	const items: any[] = feed.rss.channel.item;
	// The library's cards, newest first: the feed is their head.
	const cards = [...library.matchAll(/<h3 class="card-title"><a href="([^"]+)"/g)].map((m) => `${SITE}${m[1]}`);
	expect(cards).toHaveLength(FEED_ITEMS + 1);
	expect(cards.at(-1)).toBe(`${SITE}/stories/archived-story/`);
	expect(items.map((i) => i.link)).toEqual(cards.slice(0, FEED_ITEMS));
	expect(text).not.toContain('An archived story');
});
