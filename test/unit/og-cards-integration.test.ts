import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ogCards } from '../../src/integrations/og-cards.ts';
import { ogCardDrawing } from '../../src/lib/og-image.ts';
import { ogCardKey, ogCardPngOfKey } from '../../src/lib/og-png.ts';
import { buildCardDraw, buildCardRenderer } from '../../src/lib/og-render.ts';

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'og-cards-'));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

// The hooks' Astro arguments, as far as the integration reads them.
type Hook = (options: unknown) => Promise<void> | void;
const logger = { info: () => {} };

it('writes the cards the route registered into the output at the end of the build, and starts the next build with none', async () => {
	const hooks = ogCards().hooks as Record<string, Hook>;
	await hooks['astro:build:start']!({});
	// What the card route does when Astro asks it for its paths.
	buildCardRenderer({ cacheDir: path.join(dir, 'cache'), render: async (svg) => Buffer.from(`png of ${svg}`) })!.add('og/stories/one.png', 'one');
	const out = path.join(dir, 'out');
	await hooks['astro:build:done']!({ dir: pathToFileURL(`${out}/`), logger });
	expect((await readFile(path.join(out, 'og/stories/one.png'))).toString()).toBe('png of one');
	await hooks['astro:build:start']!({});
	expect(buildCardRenderer()).toBeUndefined();
});

it('draws the build\'s cards in worker threads from the start of the build to its end, and no longer after it', async () => {
	const hooks = ogCards().hooks as Record<string, Hook>;
	await hooks['astro:build:start']!({});
	const draw = buildCardDraw();
	expect(draw).toBeDefined();
	const key = ogCardKey(ogCardDrawing({ kicker: 'Story', title: 'Drawn in a worker', site: 'Site' }));
	expect((await draw!(key)).equals(await ogCardPngOfKey(key))).toBe(true);
	buildCardRenderer({ cacheDir: path.join(dir, 'cache'), render: draw! })!.add('og/stories/one.png', key);
	await hooks['astro:build:done']!({ dir: pathToFileURL(`${path.join(dir, 'out')}/`), logger });
	expect((await readFile(path.join(dir, 'out', 'og/stories/one.png'))).equals(await ogCardPngOfKey(key))).toBe(true);
	expect(buildCardDraw()).toBeUndefined();
});
