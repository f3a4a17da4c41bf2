import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CardRenderer, cardHash } from '../../src/lib/og-render.ts';

/** A render that records its calls and finishes only when the test releases it. */
function controlledRender() {
	const started: string[] = [];
	const pending = new Map<string, { resolve: (png: Buffer) => void; reject: (error: Error) => void }>();
	let inFlight = 0;
	let maxInFlight = 0;
	return {
		started,
		get maxInFlight() {
			return maxInFlight;
		},
		render: (svg: string) =>
			new Promise<Buffer>((resolve, reject) => {
				started.push(svg);
				maxInFlight = Math.max(maxInFlight, ++inFlight);
				pending.set(svg, {
					resolve: (png) => {
						inFlight--;
						resolve(png);
					},
					reject: (error) => {
						inFlight--;
						reject(error);
					},
				});
			}),
		finish(svg: string, error?: Error) {
			const p = pending.get(svg);
			if (!p) throw new Error(`${svg} was not started`);
			pending.delete(svg);
			if (error) p.reject(error);
			else p.resolve(Buffer.from(`png of ${svg}`));
		},
	};
}

/** Resolves once `condition` holds (the renderer's work is a chain of file operations). */
async function until(condition: () => boolean): Promise<void> {
	await expect.poll(condition, { timeout: 5_000, interval: 5 }).toBe(true);
}

let cacheDir: string;
beforeEach(async () => {
	cacheDir = await mkdtemp(path.join(os.tmpdir(), 'og-render-'));
});
afterEach(async () => {
	await rm(cacheDir, { recursive: true, force: true });
});

describe('CardRenderer', () => {
	it('renders added cards in the background, one at a time', async () => {
		const r = controlledRender();
		const cards = new CardRenderer({ cacheDir, render: r.render });
		for (const svg of ['a', 'b', 'c']) cards.add(`og/${svg}.png`, svg);
		for (let n = 1; n <= 3; n++) {
			await until(() => r.started.length === n);
			r.finish(r.started.at(-1)!);
		}
		await cards.idle();
		expect(r.maxInFlight).toBe(1);
		expect((await readdir(cacheDir)).sort()).toEqual(['a', 'b', 'c'].map((svg) => `${cardHash(svg)}.png`).sort());
	});

	it('renders a card a page asks for at once, without waiting for the background queue', async () => {
		const r = controlledRender();
		const cards = new CardRenderer({ cacheDir, render: r.render });
		for (const svg of ['a', 'b', 'c']) cards.add(`og/${svg}.png`, svg);
		await until(() => r.started.length === 1);
		const first = r.started[0]!;
		const other = ['a', 'b', 'c'].find((svg) => svg !== first)!;
		const png = cards.png(other);
		await until(() => r.started.includes(other));
		r.finish(other);
		expect((await png).toString()).toBe(`png of ${other}`);
		// The background never renders a card twice.
		r.finish(first);
		await until(() => r.started.length === 3);
		r.finish(r.started.at(-1)!);
		await cards.idle();
		expect(r.started.sort()).toEqual(['a', 'b', 'c']);
	});

	it('serves a card under way in the background from that render', async () => {
		const r = controlledRender();
		const cards = new CardRenderer({ cacheDir, render: r.render });
		cards.add('og/a.png', 'a');
		await until(() => r.started.length === 1);
		const png = cards.png('a');
		r.finish('a');
		expect((await png).toString()).toBe('png of a');
		expect(r.started).toEqual(['a']);
	});

	it('reuses the cards an earlier build left in the cache folder', async () => {
		const first = controlledRender();
		const earlier = new CardRenderer({ cacheDir, render: first.render });
		const png = earlier.png('a');
		await until(() => first.started.length === 1);
		first.finish('a');
		await png;
		const second = controlledRender();
		const later = new CardRenderer({ cacheDir, render: second.render });
		later.add('og/a.png', 'a');
		await later.idle();
		expect((await later.png('a')).toString()).toBe('png of a');
		expect(second.started).toEqual([]);
	});

	it('reports a failed background render to the page that asks for the card, and leaves no file', async () => {
		const r = controlledRender();
		const cards = new CardRenderer({ cacheDir, render: r.render });
		cards.add('og/bad.png', 'bad');
		await until(() => r.started.length === 1);
		r.finish('bad', new Error('librsvg refused the card'));
		await cards.idle();
		await expect(cards.png('bad')).rejects.toThrow('librsvg refused the card');
		expect(await readdir(cacheDir)).toEqual([]);
	});

	it('publishes every added card at its path in the output folder, rendering what is left several at a time', async () => {
		const r = controlledRender();
		const cards = new CardRenderer({ cacheDir, render: r.render });
		cards.add('og/site.png', 'site');
		cards.add('og/stories/one.png', 'one');
		cards.add('og/stories/same.png', 'one');
		cards.add('og/videos/two.png', 'two');
		await until(() => r.started.length === 1);
		const outDir = path.join(cacheDir, 'out');
		const published = cards.publish(outDir);
		// The background's one at a time becomes as many as the machine has cores.
		await until(() => r.started.length === Math.min(3, os.availableParallelism()));
		for (const svg of ['site', 'one', 'two']) {
			await until(() => r.started.includes(svg));
			r.finish(svg);
		}
		await published;
		expect(r.maxInFlight).toBe(Math.min(3, os.availableParallelism()));
		expect(r.started.sort()).toEqual(['one', 'site', 'two']);
		expect((await readFile(path.join(outDir, 'og/site.png'))).toString()).toBe('png of site');
		expect((await readFile(path.join(outDir, 'og/stories/one.png'))).toString()).toBe('png of one');
		expect((await readFile(path.join(outDir, 'og/stories/same.png'))).toString()).toBe('png of one');
		expect((await readFile(path.join(outDir, 'og/videos/two.png'))).toString()).toBe('png of two');
		expect(cards.files.sort()).toEqual(['og/site.png', 'og/stories/one.png', 'og/stories/same.png', 'og/videos/two.png']);
	});

	it('publishes a card as a link to its cached file, which no later build can change (a new render is a new file)', async () => {
		const png = (text: string) => async () => Buffer.from(text);
		const first = new CardRenderer({ cacheDir, render: png('first drawing') });
		first.add('og/stories/one.png', 'one');
		const outDir = path.join(cacheDir, 'out');
		await first.publish(outDir);
		const published = path.join(outDir, 'og/stories/one.png');
		const cached = path.join(cacheDir, `${cardHash('one')}.png`);
		// The same file, not a copy: no bytes written for it.
		expect((await stat(published)).ino).toBe((await stat(cached)).ino);
		// A later build that draws the card again (its cached file lost, say) replaces the cached
		// file by a new one, and the card already published keeps its pixels.
		await rm(cached);
		const second = new CardRenderer({ cacheDir, render: png('second drawing') });
		second.add('og/stories/one.png', 'one');
		await second.publish(path.join(cacheDir, 'out-2'));
		expect((await readFile(published)).toString()).toBe('first drawing');
		expect((await readFile(path.join(cacheDir, 'out-2/og/stories/one.png'))).toString()).toBe('second drawing');
	});

	it('copies the cached card where it cannot link it (a name already taken in the output)', async () => {
		const cards = new CardRenderer({ cacheDir, render: async () => Buffer.from('card') });
		cards.add('og/site.png', 'site');
		const outDir = path.join(cacheDir, 'out');
		await mkdir(path.join(outDir, 'og'), { recursive: true });
		await writeFile(path.join(outDir, 'og/site.png'), 'stale');
		await cards.publish(outDir);
		expect((await readFile(path.join(outDir, 'og/site.png'))).toString()).toBe('card');
	});

	it('replaces a name already taken in the output instead of writing through it into another cached card', async () => {
		const cards = new CardRenderer({ cacheDir, render: async () => Buffer.from('new card') });
		cards.add('og/site.png', 'site');
		const outDir = path.join(cacheDir, 'out');
		await mkdir(path.join(outDir, 'og'), { recursive: true });
		// The name is taken by a hard link to another card of the cache (an earlier publish).
		const other = path.join(cacheDir, `${cardHash('other')}.png`);
		await writeFile(other, 'other card');
		await link(other, path.join(outDir, 'og/site.png'));
		await cards.publish(outDir);
		expect((await readFile(path.join(outDir, 'og/site.png'))).toString()).toBe('new card');
		expect((await readFile(other)).toString()).toBe('other card');
	});

	it('fails to publish when a card fails to render', async () => {
		const r = controlledRender();
		const cards = new CardRenderer({ cacheDir, render: r.render });
		cards.add('og/bad.png', 'bad');
		await until(() => r.started.length === 1);
		const published = cards.publish(path.join(cacheDir, 'out'));
		r.finish('bad', new Error('librsvg refused the card'));
		// Named by its file: the error alone does not say which of hundreds of cards failed.
		await expect(published).rejects.toThrow('the Open Graph card og/bad.png could not be made: librsvg refused the card');
	});

	it('refuses to write a card outside the output folder', async () => {
		const r = controlledRender();
		const cards = new CardRenderer({ cacheDir, render: r.render });
		cards.add('og/../../escape.png', 'x');
		await until(() => r.started.length === 1);
		r.finish('x');
		await expect(cards.publish(path.join(cacheDir, 'out'))).rejects.toThrow('outside the output folder');
	});
});
