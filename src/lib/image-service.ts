/**
 * Astro's sharp image service, which also tells `npm run build` that the pages are written the
 * first time it draws an image. Astro draws the optimized images only once every page is written
 * (its "generating optimized images" step), and drawing them changes no page, so the search index
 * can start then rather than at `astro:build:generated`, after the last image: the images of a
 * 1,000-item library take about 4 s on two cores, which Pagefind now shares
 * (src/integrations/pages-written.ts). A build whose images all come from the cache draws none,
 * and announces at `astro:build:generated` as before. Everything else is sharp's service unchanged.
 */
import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import { announcePagesWritten } from '../integrations/pages-written.ts';

const sharp = sharpService as LocalImageService;

const service: LocalImageService = {
	...sharp,
	transform(...args: Parameters<LocalImageService['transform']>) {
		announcePagesWritten((message) => console.warn(message));
		return sharp.transform(...args);
	},
};

export default service;
