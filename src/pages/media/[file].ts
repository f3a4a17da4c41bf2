/**
 * Self-hosted video files live in `content/videos/media/`, not `public/`, so a draft or
 * embargoed video's file never ships: only public videos get their file copied to `/media/`,
 * named after the video (`mediaUrl`), not after the source file.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mediaUrl, publicVideos } from '../../data/content';
import { realPathInsideContent } from '../../lib/content/inside-content';
import { contentRoot, VIDEO_MEDIA_FOLDER } from '../../lib/content/layout';

export const getStaticPaths = (async () =>
	(await publicVideos()).flatMap((video) =>
		video.data.source.kind === 'file' ? [{ params: { file: mediaUrl(video)!.slice('/media/'.length) }, props: { file: video.data.source.file } }] : [],
	)) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const file = (props as { file: string }).file;
	const root = contentRoot(process.cwd());
	// The check refuses a media file that leads out of the content folder; this read refuses it again, whatever ran before.
	const bytes = await readFile(realPathInsideContent(root, path.join(root, VIDEO_MEDIA_FOLDER, file)));
	return new Response(bytes, { headers: { 'Content-Type': file.endsWith('.webm') ? 'video/webm' : 'video/mp4' } });
};
