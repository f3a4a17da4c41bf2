/**
 * How a customer's logo is drawn at a given height, shared by the server-rendered cards
 * (Logo.astro) and the metadata the library's filter draws its cards from (LibraryIndexData).
 * A vector logo is served as it is: it is sharp at any density, and every transform of an image
 * is recorded per page in the incremental-build manifest (tens of MB of logo transforms at 10k
 * items). A raster logo gets 1x and 2x versions.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';

export interface LogoImage {
	src: string;
	srcset?: string;
	width: number;
	height: number;
}

export async function logoAt(logo: ImageMetadata, height: number): Promise<LogoImage> {
	if (logo.format === 'svg') return { src: logo.src, width: Math.round((logo.width * height) / logo.height), height };
	const image = await getImage({ src: logo, height, densities: [1, 2] });
	return { src: image.src, srcset: image.srcSet.attribute || undefined, width: Number(image.attributes.width), height: Number(image.attributes.height) };
}

/** The logo's height on a library card, server-rendered or drawn by the library's filter. */
export const CARD_LOGO_HEIGHT = 28;
