import { afterEach, describe, expect, it } from 'vitest';
import { ogCardDrawing } from '../../src/lib/og-image.ts';
import { ogCardKey, ogCardPngOfKey } from '../../src/lib/og-png.ts';
import { CardWorkers } from '../../src/lib/og-png-workers.ts';

const key = (title: string) => ogCardKey(ogCardDrawing({ kicker: 'Co-authored story', title, byline: 'Harbourline Freight', site: 'Tessellate' }));

let workers: CardWorkers | undefined;
afterEach(async () => {
	await workers?.close();
});

describe('CardWorkers', () => {
	it('draws in worker threads the very PNG the process draws, each card its own, several at once', async () => {
		workers = new CardWorkers(2);
		const keys = ['How Harbourline cut forecast error', 'مرحبا بالعالم', 'Ça résumé 🚀'].map(key);
		const drawn = await Promise.all(keys.map((k) => workers!.render(k)));
		for (const [i, k] of keys.entries()) expect(drawn[i]!.equals(await ogCardPngOfKey(k)), `card ${i}`).toBe(true);
	});

	it('rejects a card that fails to draw, and goes on drawing the others', async () => {
		workers = new CardWorkers(1);
		await expect(workers.render('not a card key')).rejects.toThrow(/JSON/);
		const png = await workers.render(key('Still drawn'));
		expect(png.equals(await ogCardPngOfKey(key('Still drawn')))).toBe(true);
	});

	it('rejects the cards under way when it is closed', async () => {
		workers = new CardWorkers(1);
		const pending = workers.render(key('Never finished'));
		await workers.close();
		await expect(pending).rejects.toThrow(/stopped/);
	});
});

describe('CardWorkers.grow', () => {
	it('queues cards for its one worker until it may start more', async () => {
		workers = new CardWorkers(1);
		const keys = ['One', 'Two', 'Three'].map(key);
		await Promise.all(keys.map((k) => workers!.render(k)));
		expect(workers.size).toBe(1);
		workers.grow(2);
		const drawn = await Promise.all(keys.map((k) => workers!.render(k)));
		expect(workers.size).toBe(2);
		for (const [i, k] of keys.entries()) expect(drawn[i]!.equals(await ogCardPngOfKey(k))).toBe(true);
	});
});
