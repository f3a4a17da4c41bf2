/**
 * Open Graph cards encoded as PNG. Separate from og-image.ts, which pages import for card paths
 * without needing sharp.
 */
import sharp from 'sharp';

/**
 * The PNG of a card's SVG (ogCardSvg). The card is opaque, so the alpha channel is dropped: PNG
 * then encodes three channels instead of four, a quarter less work and a smaller file, and a
 * social platform shows the same picture.
 */
export function ogCardPng(svg: string): Promise<Buffer> {
	return sharp(Buffer.from(svg)).removeAlpha().png({ compressionLevel: 6 }).toBuffer();
}
