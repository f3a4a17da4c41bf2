/**
 * Structured data (schema.org JSON-LD) for search engines, built from plain values so it can be
 * tested without Astro. Pages pass people already credited by `personCredit`: the people of a
 * customer that withholds its name appear under their job title, never their name.
 *
 * Deliberately absent: Review, AggregateRating and star markup. Search engines ignore reviews a
 * business publishes about itself, and customer evidence is not a rating.
 */

export type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';

export interface OrganizationInput {
	name: string;
	url?: string;
	logo?: string;
	description?: string;
}

export function organizationJsonLd(org: OrganizationInput, withContext = true): JsonLd {
	return prune({
		...(withContext ? { '@context': CONTEXT } : {}),
		'@type': 'Organization',
		name: org.name,
		url: org.url,
		logo: org.logo,
		description: org.description,
	});
}

export interface AuthorInput {
	/** The credited name (a job title for people who must stay anonymous). */
	name: string;
	/** Job title, only for people credited by name (for the others it already is the name). */
	jobTitle?: string;
	/** The organisation the person writes for (an anonymous customer's label, not its name). */
	worksFor: OrganizationInput;
}

export interface ArticleInput {
	url: string;
	headline: string;
	description: string;
	image?: string;
	datePublished: Date;
	authors: AuthorInput[];
	publisher: OrganizationInput;
	/** The customer the piece is about. */
	about?: OrganizationInput;
	keywords?: string[];
}

/** `Article` naming every co-author, customer side and vendor side, each with their organisation. */
export function articleJsonLd(article: ArticleInput): JsonLd {
	return prune({
		'@context': CONTEXT,
		'@type': 'Article',
		mainEntityOfPage: article.url,
		url: article.url,
		headline: article.headline,
		description: article.description,
		image: article.image,
		datePublished: isoDay(article.datePublished),
		author: article.authors.map((a) =>
			prune({ '@type': 'Person', name: a.name, jobTitle: a.jobTitle, worksFor: organizationJsonLd(a.worksFor, false) }),
		),
		publisher: organizationJsonLd(article.publisher, false),
		about: article.about && organizationJsonLd(article.about, false),
		keywords: article.keywords?.length ? article.keywords.join(', ') : undefined,
	});
}

export interface VideoInput {
	/** The page the video is on; chapter clips link to `#t=<seconds>` on it. */
	url: string;
	name: string;
	description: string;
	thumbnailUrl: string;
	uploadDate: Date;
	durationSeconds: number;
	/** The player a visitor gets after clicking play (YouTube's privacy-enhanced host, Vimeo). */
	embedUrl?: string;
	/** The file itself, for self-hosted videos. */
	contentUrl?: string;
	chapters: { title: string; start: number }[];
	transcript?: string;
	publisher: OrganizationInput;
	inLanguage?: string;
}

/** `VideoObject` with one `Clip` per chapter (each ends where the next begins, the last at the end). */
export function videoJsonLd(video: VideoInput): JsonLd {
	return prune({
		'@context': CONTEXT,
		'@type': 'VideoObject',
		url: video.url,
		name: video.name,
		description: video.description,
		thumbnailUrl: video.thumbnailUrl,
		uploadDate: isoDay(video.uploadDate),
		duration: isoDuration(video.durationSeconds),
		embedUrl: video.embedUrl,
		contentUrl: video.contentUrl,
		inLanguage: video.inLanguage,
		transcript: video.transcript,
		publisher: organizationJsonLd(video.publisher, false),
		hasPart: video.chapters.length
			? video.chapters.map((chapter, i) => ({
					'@type': 'Clip',
					name: chapter.title,
					startOffset: chapter.start,
					endOffset: video.chapters[i + 1]?.start ?? video.durationSeconds,
					url: `${video.url}#t=${chapter.start}`,
				}))
			: undefined,
	});
}

/** ISO 8601 duration: 97 → "PT1M37S". */
export function isoDuration(seconds: number): string {
	const whole = Math.max(0, Math.round(seconds));
	const h = Math.floor(whole / 3600);
	const m = Math.floor((whole % 3600) / 60);
	const s = whole % 60;
	return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/**
 * The text of a `<script type="application/ld+json">`. `<` is written as `\u003c` (still the
 * same JSON string), so no value, however hostile, can close the script element early.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
	return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Drops undefined values so the JSON carries no empty keys. */
function prune(object: JsonLd): JsonLd {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** `WebSite` with the search page as its `SearchAction` (`/search/?q=` deep links work). */
export function websiteJsonLd(site: { name: string; url: string; description: string; publisher: OrganizationInput }): JsonLd {
	return {
		'@context': CONTEXT,
		'@type': 'WebSite',
		name: site.name,
		url: site.url,
		description: site.description,
		publisher: organizationJsonLd(site.publisher, false),
		potentialAction: {
			'@type': 'SearchAction',
			target: { '@type': 'EntryPoint', urlTemplate: `${new URL('/search/', site.url).href}?q={search_term_string}` },
			'query-input': 'required name=search_term_string',
		},
	};
}
