/** The WebVTT captions of each public video, for `<track>`; private videos get no file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { captionsTextOf, publicVideos, type Video } from '../../../data/content';

export const getStaticPaths = (async () =>
	(await publicVideos()).map((video) => ({ params: { slug: video.id }, props: { video } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
	new Response(await captionsTextOf((props as { video: Video }).video), { headers: { 'Content-Type': 'text/vtt; charset=utf-8' } });
