/**
 * Open Graph cards rendered beside Astro's page generation instead of as pages of it. Astro
 * generates pages in route order, several at a time: as card pages, the 700 cards of a
 * 1,000-item library kept both cores on sharp while Astro's main thread waited, and then the
 * HTML pages after them kept the main thread busy while the other core idled. In a build the card
 * route registers every card (`add`) when Astro asks it for its paths, before any page is
 * generated; one card at a time is rendered in the background while Astro renders HTML, and the
 * og-cards integration writes them all into the output once the pages are done (`publish`),
 * rendering what is left on every core.
 */
import { createHash, randomUUID } from 'node:crypto';
import { access, copyFile, link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface CardRendererOptions {
	/** Folder where rendered cards are kept between builds, by the hash of their key. */
	cacheDir: string;
	/** Turns a card's key, everything the card shows (`ogCardKey`), into its PNG (`ogCardPngOfKey`). */
	render: (key: string) => Promise<Buffer>;
	/** Background renders at once while pages are generated: one leaves a core to Astro's main thread. */
	parallel?: number;
}

export class CardRenderer {
	readonly #options: Required<CardRendererOptions>;
	/** Cards whose file is being written or was written in this build, by hash. */
	readonly #written = new Map<string, Promise<void>>();
	/** The cards of this build: file in the output folder → the card's hash and key. */
	readonly #files = new Map<string, { hash: string; key: string }>();
	/** Cards waiting for a background render. */
	readonly #queue: { hash: string; key: string }[] = [];
	#running = 0;

	constructor(options: CardRendererOptions) {
		this.#options = { parallel: 1, ...options };
	}

	/** The card's PNG: from the cache folder, from a render under way, or rendered now. */
	async png(key: string): Promise<Buffer> {
		const hash = cardHash(key);
		await this.#write(hash, key);
		return readFile(this.#file(hash));
	}

	/**
	 * Registers the card `file` (relative to the output folder, e.g. `og/site.png`) of this build,
	 * and queues it to be rendered in the background (a card an earlier build left in the cache
	 * folder costs a file check).
	 */
	add(file: string, key: string): void {
		const card = { hash: cardHash(key), key };
		this.#files.set(file, card);
		this.#queue.push(card);
		this.#pump();
	}

	/** The files registered with `add` for the card whose key is given. */
	filesOf(key: string): string[] {
		return [...this.#files].filter(([, card]) => card.key === key).map(([file]) => file);
	}

	/** The files registered with `add`, relative to the output folder. */
	get files(): string[] {
		return [...this.#files.keys()];
	}

	/**
	 * Writes every registered card into `outDir`, rendering on every core what the background has
	 * not done yet. Rejects with the first card that fails to render, naming its file.
	 */
	async publish(outDir: string): Promise<void> {
		this.#options.parallel = Math.max(this.#options.parallel, os.availableParallelism());
		this.#pump();
		await this.idle();
		// Each folder made once, not once per card (702 cards, a handful of folders).
		const folders = new Map<string, Promise<unknown>>();
		const folder = (dir: string) => folders.get(dir) ?? folders.set(dir, mkdir(dir, { recursive: true })).get(dir)!;
		await Promise.all(
			[...this.#files].map(async ([file, { hash, key }]) => {
				// Done by now: resolves, or rejects with the card's error, said with the card it is of.
				await this.#write(hash, key).catch((cause: unknown) => {
					throw new Error(`the Open Graph card ${file} could not be made: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
				});
				const target = path.resolve(outDir, file);
				if (path.relative(outDir, target).startsWith('..') || path.isAbsolute(path.relative(outDir, target))) throw new Error(`the Open Graph card ${file} would be written outside the output folder`);
				await folder(path.dirname(target));
				await linkOrCopy(this.#file(hash), target);
			}),
		);
	}

	/** Resolves when no background render is queued or under way. */
	async idle(): Promise<void> {
		while (this.#running > 0 || this.#queue.length > 0) await Promise.allSettled(this.#written.values());
	}

	#pump(): void {
		while (this.#running < this.#options.parallel && this.#queue.length > 0) {
			const { hash, key } = this.#queue.pop()!;
			// Already rendered, or under way for a card page that asked first (or for an identical card).
			if (this.#written.has(hash)) continue;
			this.#running++;
			// A failed render is reported by `publish` (or, in dev, by the card route that asks for it), not here.
			this.#write(hash, key)
				.catch(() => {})
				.finally(() => {
					this.#running--;
					this.#pump();
				});
		}
	}

	#file(hash: string): string {
		return path.join(this.#options.cacheDir, `${hash}.png`);
	}

	/** Writes the card's file once per build, unless an earlier build left it. */
	#write(hash: string, key: string): Promise<void> {
		let written = this.#written.get(hash);
		if (!written) {
			const file = this.#file(hash);
			written = access(file).catch(async () => {
				const png = await this.#options.render(key);
				await mkdir(this.#options.cacheDir, { recursive: true });
				// Written aside and renamed: a build stopped halfway never leaves half a card to reuse.
				const temporary = `${file}.${process.pid}.${randomUUID()}`;
				await writeFile(temporary, png);
				await rename(temporary, file);
			});
			this.#written.set(hash, written);
		}
		return written;
	}
}

/**
 * Puts the cached card at `target` as a hard link: no bytes copied (a 1,000-item build's cards
 * are 39 MB). Safe because a cached card is never written in place (`#write` writes a new file
 * and renames it over the name), so the output's card cannot change after it is published.
 * A name already taken is replaced, never written into: it may itself be a link to another cached
 * card, which writing through it would change. Copied (to a new file renamed over the name) where
 * a link cannot be made, as across file systems.
 */
async function linkOrCopy(cached: string, target: string): Promise<void> {
	await rm(target, { force: true });
	try {
		await link(cached, target);
	} catch {
		const fresh = `${target}.${randomUUID()}.tmp`;
		await copyFile(cached, fresh);
		await rename(fresh, target);
	}
}

/** The name of a card's file in the cache folder: the hash of its key, everything the card shows. */
export function cardHash(key: string): string {
	return createHash('sha256').update(key).digest('hex');
}

/**
 * The build's card renderer, shared between the card route (in Astro's server bundle) and the
 * og-cards integration (loaded with the config): two copies of this module, one process.
 */
const BUILD_RENDERER = Symbol.for('credence.og-cards.renderer');

/** The build's card renderer, created with `options` on first use; without options, the one created, if any. */
export function buildCardRenderer(options?: CardRendererOptions): CardRenderer | undefined {
	const shared = globalThis as { [BUILD_RENDERER]?: CardRenderer };
	if (options) shared[BUILD_RENDERER] ??= new CardRenderer(options);
	return shared[BUILD_RENDERER];
}

/** Forgets the build's card renderer, so that a second build in the same process starts with no cards. */
export function forgetBuildCardRenderer(): void {
	delete (globalThis as { [BUILD_RENDERER]?: CardRenderer })[BUILD_RENDERER];
}

/**
 * How the build draws a card, when the og-cards integration set it (in worker threads,
 * og-png-workers.ts); the card route falls back to drawing in the process (the dev server).
 * Shared the same way as the renderer: the route and the integration are two copies of this module.
 */
const BUILD_DRAW = Symbol.for('credence.og-cards.draw');

/** Sets (or, with undefined, forgets) how the build draws its cards. */
export function setBuildCardDraw(draw: ((key: string) => Promise<Buffer>) | undefined): void {
	const shared = globalThis as { [BUILD_DRAW]?: (key: string) => Promise<Buffer> };
	if (draw) shared[BUILD_DRAW] = draw;
	else delete shared[BUILD_DRAW];
}

/** How the build draws its cards, if the og-cards integration set it. */
export function buildCardDraw(): ((key: string) => Promise<Buffer>) | undefined {
	return (globalThis as { [BUILD_DRAW]?: (key: string) => Promise<Buffer> })[BUILD_DRAW];
}
