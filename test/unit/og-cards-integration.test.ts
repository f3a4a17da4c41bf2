import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ogCards } from '../../src/integrations/og-cards.ts';
import { ogCardDrawing } from '../../src/lib/og-image.ts';
import { ogCardKey, ogCardPngOfKey } from '../../src/lib/og-png.ts';
import { buildCardDraw, buildCardRenderer } from '../../src/lib/og-render.ts';
import { projectRoot } from '../helpers.ts';
import { killSleep, runToEnd, stuckWorker } from '../stuck-worker.ts';

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

it('ends the process when a card worker stuck in native code cannot be stopped, having said which card, rather than hanging it', async () => {
	// terminate() cannot interrupt a thread inside a native call (the renderer's text shaping, say),
	// and Node waits for every worker's thread before a process exits: Astro's would never have ended.
	const { worker, pidFile } = await stuckWorker(dir);
	const modules = ['src/integrations/og-cards.ts', 'src/lib/og-render.ts'].map((m) => JSON.stringify(pathToFileURL(path.join(projectRoot, m)).href));
	const main = path.join(dir, 'main.mjs');
	await writeFile(
		main,
		`import { ogCards } from ${modules[0]};
import { buildCardDraw, buildCardRenderer } from ${modules[1]};
const hooks = ogCards({ workers: { file: ${JSON.stringify(worker)}, timeLimitMs: 5000 } }).hooks;
await hooks['astro:build:start']({});
const cards = buildCardRenderer({ cacheDir: ${JSON.stringify(path.join(dir, 'cache'))}, render: buildCardDraw() });
// Drawn first, by the one worker, which has started by the time it takes the stuck card.
cards.add('og/stories/warm.png', 'warm-up');
cards.add('og/stories/stuck.png', 'stuck');
const logger = { info: () => {}, error: (message) => console.error(message) };
await hooks['astro:build:done']({ dir: new URL(${JSON.stringify(pathToFileURL(path.join(dir, 'out')).href + '/')}), logger }).catch(() => {});
console.log('the process went on');
`,
	);
	try {
		const run = await runToEnd(main);
		// The worker did reach the native call (so this is the stuck case, not a JavaScript one).
		expect(existsSync(pidFile)).toBe(true);
		expect(run.signal, run.stderr).toBe('SIGKILL');
		expect(run.stderr).toContain('✗ the Open Graph card og/stories/stuck.png took more than 5 s to draw, and the thread drawing it is stuck in the renderer and cannot be stopped, so the build ends here');
		expect(run.stdout).not.toContain('the process went on');
	} finally {
		await killSleep(pidFile);
	}
}, 90_000);
