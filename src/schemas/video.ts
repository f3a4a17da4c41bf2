/**
 * A video testimonial (`content/videos/<id>.yaml` with a WebVTT captions file beside it): the
 * customer, on camera, about what they achieved.
 */
import { z } from 'astro/zod';
import { addressFields, imageWithAlt, isoDate, publicationFields, ref, text, topics, type SchemaContext } from './common.ts';

const TIMESTAMP_RE = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/;

/** Parses "m:ss" or "h:mm:ss" into seconds; undefined when malformed. */
export function parseTimestamp(value: string): number | undefined {
	const match = TIMESTAMP_RE.exec(value.trim());
	if (!match) return undefined;
	const [, h, m, s] = match;
	return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
}

/** "m:ss" / "h:mm:ss" → seconds. */
export const timestamp = () =>
	z.union([z.string(), z.number()]).transform((value, ctx) => {
		const seconds = typeof value === 'number' ? value : parseTimestamp(value);
		if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
			ctx.addIssue({ code: 'custom', message: `expected a time like 1:05 or 1:02:03, found "${value}"` });
			return z.NEVER;
		}
		return seconds;
	});

/** Where the video plays from. */
export const videoSourceSchema = z.discriminatedUnion(
	'kind',
	[
		z.object({
			kind: z.literal('youtube'),
			/** The 11-character YouTube video id. */
			id: z.string().regex(/^[A-Za-z0-9_-]{11}$/, { error: 'expected an 11-character YouTube video id' }),
		}).strict(),
		z.object({
			kind: z.literal('vimeo'),
			/** The numeric Vimeo video id. */
			id: z.string().regex(/^\d+$/, { error: 'expected a numeric Vimeo video id' }),
		}).strict(),
		z.object({
			kind: z.literal('file'),
			/** File name in `content/videos/media/`; copied to the site only while the video is public. */
			file: z.string().regex(/^[a-z0-9-]+\.(mp4|webm)$/, { error: 'expected a file name like acme-story.mp4 or acme-story.webm in content/videos/media/' }),
		}).strict(),
	],
	{ error: 'expected a source with kind youtube, vimeo or file' },
);

/** A chapter marker. */
export const chapterSchema = z
	.object({
		/** Start time, "m:ss". */
		start: timestamp().describe('Start time, m:ss.'),
		/** Chapter title. */
		title: text().describe('Chapter title.'),
	})
	.strict();

export function videoSchema<Image extends z.ZodType>(context: SchemaContext<Image>) {
	return z
		.object({
			/** Title. */
			title: text().describe('Title.'),
			/** One or two sentences for cards, feeds and search results. */
			summary: text().describe('Summary for cards and feeds.'),
			/** The customer on camera. */
			customer: ref('customers'),
			/** People speaking in the video. */
			speakers: z.array(ref('people')).min(1, { error: 'expected at least one speaker' }).describe('People on camera.'),
			/** Recording or release date. */
			publishedOn: isoDate().describe('Date shown as the publication date.'),
			/** Where the video plays from. */
			source: videoSourceSchema,
			/** Poster frame shown before play. */
			poster: imageWithAlt(context),
			/** Length, "m:ss". */
			duration: timestamp().describe('Length, m:ss.'),
			/** WebVTT captions file, relative to this file (required: no captions, no video). */
			captions: z.string().regex(/^\.\/[a-z0-9-]+\.vtt$/, { error: 'expected a captions file beside this one, like ./acme-story.vtt' }).describe('WebVTT captions file beside this file.'),
			/** Language of the captions (BCP 47). */
			language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: 'expected a language tag like en or en-GB' }).default('en'),
			/** Chapter markers in order. */
			chapters: z.array(chapterSchema).default([]).describe('Chapter markers.'),
			/** Full transcript; derived from the captions when not given. */
			transcript: z.string().optional().describe('Transcript; derived from the captions when absent.'),
			/** Topic tags. */
			topics: topics(),
			/** Vendor products the video is about. */
			products: z.array(ref('products')).default([]),
			/** The material connection between customer and vendor. */
			disclosure: text().describe('Material connection between customer and vendor.'),
			/** Show on the home page. */
			featured: z.boolean().default(false),
			...publicationFields,
			...addressFields,
		})
		.strict()
		.superRefine((v, ctx) => {
			v.chapters.forEach((chapter, i) => {
				if (chapter.start >= v.duration) {
					ctx.addIssue({ code: 'custom', path: ['chapters', i, 'start'], message: `expected a start before the end of the video (${v.duration}s), found ${chapter.start}s` });
				}
				if (i > 0 && chapter.start <= v.chapters[i - 1].start) {
					ctx.addIssue({ code: 'custom', path: ['chapters', i, 'start'], message: 'expected chapters in increasing start order' });
				}
			});
		});
}

export type Video = z.infer<ReturnType<typeof videoSchema>>;
