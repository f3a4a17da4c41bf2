/**
 * The WebVTT captions of each public self-hosted video, for its `<track>`; private videos get no
 * file. YouTube and Vimeo players show their own captions, and the transcript is on the page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { captionsTextOf, publicVideos, type Video } from '../../../data/content';

export const getStaticPaths = (async () =>
	(await publicVideos()).filter((video) => video.data.source.kind === 'file').map((video) => ({ params: { slug: video.id }, props: { video } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
	new Response(await captionsTextOf((props as { video: Video }).video), { headers: { 'Content-Type': 'text/vtt; charset=utf-8' } });
