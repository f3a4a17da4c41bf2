/**
 * A PNG encoder for the Open Graph cards: opaque pictures in flat colours with a few lines of
 * text. libvips took about 10 ms of CPU per 1200×630 card whatever it drew (about 13 ns per
 * pixel, even for a plain rectangle); this writes the same lossless three-channel PNG from the
 * canvas's pixels with node:zlib, whose deflate runs on libuv's thread pool like sharp's work did.
 *
 * Most of a card is its background, the same on every card. `BackgroundPng` keeps, per worker,
 * the background's rows filtered and deflated once; a card then reads back, filters and deflates
 * only its bands of text, and its PNG is the cached deflate of the background between them
 * (docs/performance.md, "Open Graph cards are drawn with Skia").
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflate = promisify(zlib.deflate);
const deflateRaw = promisify(zlib.deflateRaw);

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG's row filters (PNG specification, 9.2): each row says how its bytes are predicted. */
const FILTER_SUB = 1;
const FILTER_UP = 2;

/**
 * Writes one row's filtered bytes at `out` (filter type first): Up when `above` (an offset into
 * `aboveSource`, or -1 for none) holds the same pixels, all zeros after the type; otherwise Sub,
 * each byte minus the same channel of the pixel to its left, so a flat run is zeros too. The
 * three colour bytes of each RGBA pixel are kept, alpha dropped. `rows` must be zero-filled
 * where the row goes. Adds the bytes it writes to `sums` (Σ byte, Σ byte × its offset in
 * `rows`), which the zlib stream's Adler-32 needs (`adler32`), so that no second pass reads them.
 */
function filterRow(source: Buffer, start: number, aboveSource: Buffer, above: number, width: number, rows: Buffer, out: number, sums?: Sums): void {
	const inStride = width * 4;
	if (above >= 0 && aboveSource.compare(source, start, start + inStride, above, above + inStride) === 0) {
		rows[out] = FILTER_UP;
		if (sums) {
			sums.sum += FILTER_UP;
			sums.indexed += FILTER_UP * out;
		}
		return;
	}
	rows[out] = FILTER_SUB;
	rows[out + 1] = source[start];
	rows[out + 2] = source[start + 1];
	rows[out + 3] = source[start + 2];
	let sum = FILTER_SUB + rows[out + 1] + rows[out + 2] + rows[out + 3];
	let indexed = FILTER_SUB * out + rows[out + 1] * (out + 1) + rows[out + 2] * (out + 2) + rows[out + 3] * (out + 3);
	// A pixel the same as the one to its left filters to zeros, which `rows` holds already: most of
	// a row of text is background between glyphs, so pixels are compared four bytes at once first.
	const pixels = (source.byteOffset & 3) === 0 ? new Uint32Array(source.buffer, source.byteOffset, source.length >>> 2) : undefined;
	// Buffer stores wrap modulo 256, as PNG's filter arithmetic does.
	for (let s = start + 4, d = out + 4, end = start + inStride; s < end; s += 4, d += 3) {
		if (pixels && pixels[s >>> 2] === pixels[(s >>> 2) - 1]) continue;
		rows[d] = source[s] - source[s - 4];
		rows[d + 1] = source[s + 1] - source[s - 3];
		rows[d + 2] = source[s + 2] - source[s - 2];
		const r = rows[d];
		const g = rows[d + 1];
		const b = rows[d + 2];
		sum += r + g + b;
		indexed += r * d + g * (d + 1) + b * (d + 2);
	}
	if (sums) {
		sums.sum += sum;
		sums.indexed += indexed;
	}
}

/** Σ byte and Σ byte × offset of a run of bytes: exact while under 2⁵³, as a card's rows are. */
interface Sums {
	sum: number;
	indexed: number;
}

function bytesOf(rgba: Uint8Array | Uint8ClampedArray): Buffer {
	return Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
}

/**
 * An opaque picture's rows as PNG stores them before compression: three bytes a pixel (the
 * alpha channel is dropped: the card is opaque, and three channels are a quarter less to
 * compress), each row after its filter type. A row the same as the one above is filtered Up,
 * all zeros; any other row Sub, so a flat run is zeros too. Most of a card is rows of
 * background, so deflate's fastest level finds little but zeros.
 */
export function pngRows(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Buffer {
	const inStride = width * 4;
	const outStride = width * 3 + 1;
	const source = bytesOf(rgba);
	// Zero-filled: an Up row needs nothing written but its filter type.
	const rows = Buffer.alloc(outStride * height);
	for (let y = 0; y < height; y++) filterRow(source, y * inStride, source, y > 0 ? (y - 1) * inStride : -1, width, rows, y * outStride);
	return rows;
}

/** A PNG chunk: length, type, data and the CRC of type and data (PNG specification, 5.3). */
function chunk(type: string, data: Buffer): Buffer {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'latin1');
	data.copy(out, 8);
	out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

function checkSize(length: number, width: number, height: number): void {
	if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || length !== width * height * 4) {
		throw new Error(`encodeOpaquePng: expected ${width}×${height} RGBA pixels (${width * height * 4} bytes), got ${length} bytes`);
	}
}

/** The PNG around compressed image data: signature, header (8-bit RGB), IDAT, IEND. */
function png(width: number, height: number, idat: Buffer): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bits per channel
	header[9] = 2; // colour type: truecolour (RGB)
	// Compression method, filter method and interlace (bytes 10–12) are all 0: deflate, adaptive, none.
	return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * The PNG (8-bit RGB, no alpha) of an opaque picture given as RGBA bytes, row after row; the
 * alpha bytes are ignored. Lossless: the PNG decodes to exactly the RGB of `rgba`.
 */
export async function encodeOpaquePng(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Promise<Buffer> {
	checkSize(rgba.length, width, height);
	return png(width, height, await deflate(pngRows(rgba, width, height), { level: 1 }));
}

/** Rows `top` (included) to `bottom` (excluded) of a picture, and their RGBA pixels. */
export interface Band {
	top: number;
	bottom: number;
	/** The band's pixels; not needed when `key` names a band already kept (`BackgroundPng.keeps`). */
	rgba?: Uint8Array | Uint8ClampedArray;
	/**
	 * Everything the band's pixels depend on besides the background (its rows, its lines of text,
	 * the fonts): bands with the same key have the same pixels, so that a band drawn again on a
	 * later card (a kicker, a byline, the site's name) is taken from the first one's encoding.
	 */
	key?: string;
}

/**
 * Band keys a background remembers having seen once (a card has a few bands, and a title's is
 * seen once): past this many it forgets them all, which only delays keeping a band.
 */
const MAX_SEEN_BANDS = 4096;

/**
 * Bands a background keeps encoded (kickers, bylines, site lines: a few per customer): past this
 * many it keeps no more. A kept band is never dropped, so a card told that a band is kept
 * (`keeps`) can leave its pixels out.
 */
const MAX_KEPT_BANDS = 512;

/** How many band keys a background remembers (tests). */
export interface BandLimits {
	seen?: number;
	kept?: number;
}

/**
 * A run of filtered rows, deflated on its own so that runs can be joined: each ends on a
 * byte boundary with a sync flush (no final block), and shares no history with the one before
 * (RFC 1951: a stream of such blocks may be cut and joined there, as pigz joins its chunks).
 * `sum` and `weighted` are what the zlib stream's Adler-32 needs of its bytes (`adler32`).
 */
interface Segment {
	deflated: Buffer;
	length: number;
	/** Σ byte. */
	sum: number;
	/** Σ byte × (length − index): each byte's share of Adler-32's second sum. */
	weighted: number;
}

const ADLER_MOD = 65521;
const SYNC = { level: 1, finishFlush: zlib.constants.Z_SYNC_FLUSH };
/** An empty final block of fixed codes: BFINAL 1, BTYPE 01, end-of-block (RFC 1951, 3.2.6). */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
/** zlib's header: deflate with a 32 KB window, fastest level, no dictionary (RFC 1950); 0x7801 is a multiple of 31. */
const ZLIB_HEADER = Buffer.from([0x78, 0x01]);

/** Σ byte and Σ byte × offset of `bytes`, exactly (both stay under 2⁵³ for a card's rows). */
function sumsOf(bytes: Buffer): Sums {
	let sum = 0;
	let indexed = 0;
	// Filtered card rows are mostly zeros: skipped four bytes at a time where the buffer is aligned.
	const aligned = (bytes.byteOffset & 3) === 0 ? bytes.length & ~3 : 0;
	const words = aligned ? new Uint32Array(bytes.buffer, bytes.byteOffset, aligned >>> 2) : new Uint32Array(0);
	for (let w = 0; w < words.length; w++) {
		if (words[w] === 0) continue;
		for (let i = w << 2, end = i + 4; i < end; i++) {
			sum += bytes[i];
			indexed += bytes[i] * i;
		}
	}
	for (let i = aligned; i < bytes.length; i++) {
		sum += bytes[i];
		indexed += bytes[i] * i;
	}
	return { sum, indexed };
}

/** `rows` deflated on their own, with their sums (`sumsOf(rows)`, given when already known). */
async function segment(rows: Buffer, sums: Sums = sumsOf(rows)): Promise<Segment> {
	return { deflated: await deflateRaw(rows, SYNC), length: rows.length, sum: sums.sum, weighted: sums.sum * rows.length - sums.indexed };
}

/**
 * Adler-32 (RFC 1950, 8.2) of segments joined end to end, from each one's sums: with n bytes in
 * all, a = 1 + Σ byte and b = n + Σ byte × (n − position), so a zero byte adds nothing but its
 * place, and each segment's share is its own sums moved to where it stands.
 */
function adler32(segments: Segment[]): number {
	const total = segments.reduce((n, s) => n + s.length, 0);
	let a = 1;
	let b = total % ADLER_MOD;
	let offset = 0;
	for (const s of segments) {
		a = (a + s.sum) % ADLER_MOD;
		// Bytes after the segment: each of its bytes is counted once more for each of them.
		b = (b + (s.sum % ADLER_MOD) * ((total - offset - s.length) % ADLER_MOD) + (s.weighted % ADLER_MOD)) % ADLER_MOD;
		offset += s.length;
	}
	return ((b << 16) | a) >>> 0;
}

/**
 * A background picture (the card without its text), filtered and deflated once: a card is the
 * background with bands of rows drawn over it, and `encode` filters and deflates only those
 * bands, joining them with the background's deflated runs between. Built once per worker and
 * background; each run between bands is deflated the first time a card needs it.
 */
export class BackgroundPng {
	readonly width: number;
	readonly height: number;
	readonly #rgba: Buffer;
	/** Every row of the background filtered as a whole picture would be. */
	readonly #rows: Buffer;
	readonly #runs = new Map<string, Promise<Segment>>();
	/** Keys of bands seen once. */
	readonly #seen = new Set<string>();
	/** Bands seen again, by key, filtered and deflated. */
	readonly #kept = new Map<string, Promise<Segment>>();
	readonly #limits: Required<BandLimits>;

	constructor(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, limits: BandLimits = {}) {
		checkSize(rgba.length, width, height);
		this.width = width;
		this.height = height;
		this.#limits = { seen: MAX_SEEN_BANDS, kept: MAX_KEPT_BANDS, ...limits };
		this.#rgba = Buffer.from(bytesOf(rgba));
		this.#rows = pngRows(this.#rgba, width, height);
	}

	/** Background rows `top` to `bottom` (excluded), filtered and deflated, each run once. */
	#run(top: number, bottom: number): Promise<Segment> {
		const key = `${top}-${bottom}`;
		let run = this.#runs.get(key);
		if (!run) {
			const outStride = this.width * 3 + 1;
			run = segment(this.#rows.subarray(top * outStride, bottom * outStride));
			this.#runs.set(key, run);
		}
		return run;
	}

	/** Whether rows `top` to `bottom` with this key are kept, so that `encode` needs no pixels for them. */
	keeps(top: number, bottom: number, key: string): boolean {
		return this.#kept.has(`${top}-${bottom} ${key}`);
	}

	/**
	 * A band's rows filtered and deflated: kept from an earlier band with the same key, or made
	 * from its pixels, and kept when its key has been seen before (a title, seen once, is not).
	 */
	#band(band: Band): Promise<Segment> {
		const id = band.key === undefined ? undefined : `${band.top}-${band.bottom} ${band.key}`;
		const kept = id === undefined ? undefined : this.#kept.get(id);
		if (kept) return kept;
		if (!band.rgba) throw new Error(`BackgroundPng: band ${band.top}–${band.bottom} has no pixels and no kept encoding`);
		const made = this.#filterBand(band.top, band.bottom, bytesOf(band.rgba));
		if (id !== undefined && this.#kept.size < this.#limits.kept) {
			if (this.#seen.delete(id)) {
				this.#kept.set(id, made);
				// A band that failed to encode is not kept: the next card with it draws it again.
				made.catch(() => this.#kept.delete(id));
			} else {
				if (this.#seen.size >= this.#limits.seen) this.#seen.clear();
				this.#seen.add(id);
			}
		}
		return made;
	}

	/** Rows `top` to `bottom` of `source` over the background, and the background row after them, filtered and deflated. */
	#filterBand(top: number, bottom: number, source: Buffer): Promise<Segment> {
		const { width, height } = this;
		const inStride = width * 4;
		const outStride = width * 3 + 1;
		// The band's rows, and the background row under it, whose filter depends on the band's last row.
		const end = Math.min(bottom + 1, height);
		const rows = Buffer.alloc((end - top) * outStride);
		const sums: Sums = { sum: 0, indexed: 0 };
		for (let y = top; y < bottom; y++) {
			const start = (y - top) * inStride;
			if (y === top) filterRow(source, start, this.#rgba, y > 0 ? (y - 1) * inStride : -1, width, rows, 0, sums);
			else filterRow(source, start, source, start - inStride, width, rows, (y - top) * outStride, sums);
		}
		if (end > bottom) {
			const out = (bottom - top) * outStride;
			filterRow(this.#rgba, bottom * inStride, source, (bottom - top - 1) * inStride, width, rows, out, sums);
		}
		return segment(rows, sums);
	}

	/**
	 * The PNG of the background with `bands` over it: rows outside every band must be the
	 * background's exactly (the caller clips its drawing to the bands). Bands in order, apart
	 * (`mergeBands`). Decodes to the same pixels as `encodeOpaquePng` of the whole picture.
	 */
	async encode(bands: readonly Band[]): Promise<Buffer> {
		const { width, height } = this;
		const parts: Promise<Segment>[] = [];
		let next = 0;
		for (const band of bands) {
			const { top, bottom } = band;
			if (top < next || bottom <= top || bottom > height || (band.rgba && band.rgba.length !== (bottom - top) * width * 4)) {
				throw new Error(`BackgroundPng: band ${top}–${bottom} is out of order, empty, outside the ${width}×${height} picture or of the wrong size`);
			}
			if (top > next) parts.push(this.#run(next, top));
			parts.push(this.#band(band));
			next = Math.min(bottom + 1, height);
		}
		if (next < height) parts.push(this.#run(next, height));
		const segments = await Promise.all(parts);
		const trailer = Buffer.alloc(4);
		trailer.writeUInt32BE(adler32(segments), 0);
		return png(width, height, Buffer.concat([ZLIB_HEADER, ...segments.map((s) => s.deflated), FINAL_BLOCK, trailer]));
	}
}

/**
 * `bands` (rows `top` to `bottom`, excluded) clamped to `0…height`, sorted, and merged where
 * they overlap or leave less than two rows between them (a band's encoding takes the row after
 * it), dropping empty ones.
 */
export function mergeBands(bands: readonly { top: number; bottom: number }[], height: number): { top: number; bottom: number }[] {
	const sorted = bands
		.map(({ top, bottom }) => ({ top: Math.max(0, Math.floor(top)), bottom: Math.min(height, Math.ceil(bottom)) }))
		.filter(({ top, bottom }) => bottom > top)
		.sort((a, b) => a.top - b.top);
	const merged: { top: number; bottom: number }[] = [];
	for (const band of sorted) {
		const last = merged.at(-1);
		if (last && band.top <= last.bottom + 1) last.bottom = Math.max(last.bottom, band.bottom);
		else merged.push({ ...band });
	}
	return merged;
}
