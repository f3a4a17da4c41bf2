/**
 * A video testimonial (`content/videos/<id>.yaml` with a WebVTT captions file beside it): the
 * customer, on camera, about what they achieved.
 */
import { z } from 'astro/zod';
import { videoIdFromUrl } from '../lib/video-url.ts';
import { addressFields, imageWithAlt, isoDate, publicationFields, ref, text, topics, type SchemaContext } from './common.ts';

const TIMESTAMP_RE = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/;

/** Parses "m:ss" or "h:mm:ss" into seconds; undefined when malformed. */
export function parseTimestamp(value: string): number | undefined {
	const match = TIMESTAMP_RE.exec(value.trim());
	if (!match) return undefined;
	const [, h, m, s] = match;
	return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
}

/** `65` → `1:05`, `3725` → `1:02:05`: how a number of seconds is written as a time. */
export function formatTimestamp(seconds: number): string {
	const whole = Math.floor(seconds);
	const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
	const two = (n: number) => String(n).padStart(2, '0');
	return h ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/**
 * "m:ss" / "h:mm:ss" → seconds. A bare number is refused: `duration: 65` could mean seconds or
 * minutes, and `1:05` unquoted is read as text anyway, so the one way to write a time is the one
 * a person reads the same as the site does.
 */
export const timestamp = () =>
	z.union([z.string(), z.number()]).transform((value, ctx) => {
		if (typeof value === 'number') {
			const asSeconds = Number.isInteger(value) && value >= 0 ? `; for ${value} seconds write "${formatTimestamp(value)}"` : '';
			ctx.addIssue({ code: 'custom', message: `expected a time in minutes and seconds like "1:05" or hours, minutes and seconds like "0:01:05", found the bare number ${value}, which could mean seconds or minutes${asSeconds}` });
			return z.NEVER;
		}
		const seconds = parseTimestamp(value);
		if (seconds === undefined) {
			ctx.addIssue({ code: 'custom', message: `expected a time like 1:05 or 1:02:03, found "${value}"` });
			return z.NEVER;
		}
		return seconds;
	});

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d+$/;

/**
 * What is wrong with a YouTube or Vimeo id; a pasted address gets the id it contains. A regex
 * check (not a refine), so the editor can read the pattern, and its message with no input.
 */
function videoIdMessage(kind: 'youtube' | 'vimeo', input: unknown): string {
	const expected = kind === 'youtube' ? 'an 11-character YouTube video id' : 'a numeric Vimeo video id';
	const found = typeof input === 'string' ? videoIdFromUrl(input) : undefined;
	if (found?.kind === kind) return `expected ${expected}, found the video's web address: write only the id it contains, id: "${found.id}"`;
	if (found) return `expected ${expected}, found the address of a ${found.kind === 'youtube' ? 'YouTube' : 'Vimeo'} video: write kind: ${found.kind} and id: "${found.id}"`;
	return `expected ${expected}${typeof input === 'string' && input !== '' ? `, found "${input.length > 60 ? `${input.slice(0, 57)}...` : input}"` : ''}`;
}

/** What is wrong with a source; a pasted address instead of kind and id gets both, spelled out. */
function sourceMessage(input: unknown): string {
	const found = typeof input === 'string' ? videoIdFromUrl(input) : undefined;
	if (found) return `expected a source with kind and id on their own lines, found the video's web address: write source: with kind: ${found.kind} and id: "${found.id}" indented under it`;
	return 'expected a source with kind youtube, vimeo or file';
}

/** Where the video plays from. */
export const videoSourceSchema = z.discriminatedUnion(
	'kind',
	[
		z.object({
			kind: z.literal('youtube'),
			/** The 11-character YouTube video id. */
			id: z.string({ error: 'expected an 11-character YouTube video id' }).regex(YOUTUBE_ID, { error: (issue) => videoIdMessage('youtube', issue.input) }),
		}).strict(),
		z.object({
			kind: z.literal('vimeo'),
			/** The numeric Vimeo video id. */
			id: z.string({ error: 'expected a numeric Vimeo video id, in quotes' }).regex(VIMEO_ID, { error: (issue) => videoIdMessage('vimeo', issue.input) }),
		}).strict(),
		z.object({
			kind: z.literal('file'),
			/** File name in `content/videos/media/`; copied to the site only while the video is public. */
			file: z.string().regex(/^[a-z0-9-]+\.(mp4|webm)$/, { error: 'expected a file name like acme-story.mp4 or acme-story.webm in content/videos/media/' }),
		}).strict(),
	],
	{ error: (issue) => sourceMessage(issue.input) },
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
