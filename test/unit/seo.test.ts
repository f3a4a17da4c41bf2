import { describe, expect, it } from 'vitest';
import { articleJsonLd, isoDuration, organizationJsonLd, serializeJsonLd, videoJsonLd, websiteJsonLd } from '../../src/lib/seo.ts';

const vendor = { name: 'Tessellate', url: 'https://tessellate.example' };

describe('articleJsonLd', () => {
	const article = articleJsonLd({
		url: 'https://evidence.example/stories/grid/',
		headline: 'Planning spares',
		description: 'How a grid operator pooled its spares.',
		image: 'https://evidence.example/og/stories/grid.png',
		datePublished: new Date('2026-10-06T00:00:00Z'),
		authors: [
			{ name: 'Head of Asset Logistics', worksFor: { name: 'A European grid operator' } },
			{ name: 'Tom Reyes', jobTitle: 'Solutions Architect', worksFor: vendor },
		],
		publisher: vendor,
		about: { name: 'A European grid operator' },
	});

	it('names every co-author as a Person with their organisation', () => {
		expect(article['@type']).toBe('Article');
		expect(article.author).toEqual([
			{ '@type': 'Person', name: 'Head of Asset Logistics', worksFor: { '@type': 'Organization', name: 'A European grid operator' } },
			{ '@type': 'Person', name: 'Tom Reyes', jobTitle: 'Solutions Architect', worksFor: { '@type': 'Organization', name: 'Tessellate', url: 'https://tessellate.example' } },
		]);
		expect(article.datePublished).toBe('2026-10-06');
	});

	it('carries no review or rating markup', () => {
		expect(JSON.stringify(article)).not.toMatch(/Review|Rating|ratingValue/);
	});
});

describe('videoJsonLd', () => {
	const video = videoJsonLd({
		url: 'https://evidence.example/videos/fresh/',
		name: 'Six in the morning',
		description: 'Before the doors open.',
		thumbnailUrl: 'https://evidence.example/_astro/poster.webp',
		uploadDate: new Date('2026-10-01'),
		durationSeconds: 141,
		embedUrl: 'https://www.youtube-nocookie.com/embed/Fb3rEsh9Kq0',
		chapters: [
			{ title: 'Before the doors open', start: 0 },
			{ title: 'The markdown list', start: 34 },
		],
		publisher: vendor,
	});

	it('has one Clip per chapter, each ending where the next starts and linking to its start', () => {
		expect(video.duration).toBe('PT2M21S');
		expect(video.hasPart).toEqual([
			{ '@type': 'Clip', name: 'Before the doors open', startOffset: 0, endOffset: 34, url: 'https://evidence.example/videos/fresh/#t=0' },
			{ '@type': 'Clip', name: 'The markdown list', startOffset: 34, endOffset: 141, url: 'https://evidence.example/videos/fresh/#t=34' },
		]);
	});
});

describe('organizationJsonLd', () => {
	it('leaves out what is not known', () => {
		expect(organizationJsonLd({ name: 'Tessellate' })).toEqual({ '@context': 'https://schema.org', '@type': 'Organization', name: 'Tessellate' });
	});
});

describe('isoDuration', () => {
	it('writes hours, minutes and seconds as ISO 8601', () => {
		expect(isoDuration(30)).toBe('PT30S');
		expect(isoDuration(97)).toBe('PT1M37S');
		expect(isoDuration(3600)).toBe('PT1H');
		expect(isoDuration(3725)).toBe('PT1H2M5S');
		expect(isoDuration(0)).toBe('PT0S');
	});
});

describe('serializeJsonLd', () => {
	it('cannot close its script element, and parses back to the same data', () => {
		const hostile = { name: '</script><script>alert(1)</script><!--' };
		const text = serializeJsonLd(hostile);
		expect(text).not.toContain('<');
		expect(JSON.parse(text)).toEqual(hostile);
	});
});

describe('websiteJsonLd', () => {
	it('declares the search page as the site search', () => {
		const site = websiteJsonLd({ name: 'Evidence', url: 'https://evidence.example/', description: 'd', publisher: vendor });
		expect(site.potentialAction).toMatchObject({ '@type': 'SearchAction', target: { urlTemplate: 'https://evidence.example/search/?q={search_term_string}' } });
	});
});
