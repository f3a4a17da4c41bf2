import { expect, it } from 'vitest';
import { collector, releaseMemory } from '../../src/integrations/release-memory.ts';

/** Makes about 80 MB of short-lived garbage, runs `collect`, and expects it to have freed most of it. */
function expectCollects(collect: () => void) {
	const gc = collector();
	gc();
	const before = process.memoryUsage().heapUsed;
	// About 80 MB of short-lived objects, unreachable once the loop ends.
	for (let i = 0; i < 200; i++) void Array.from({ length: 50_000 }, (_, k) => ({ k }));
	const withGarbage = process.memoryUsage().heapUsed;
	collect();
	const after = process.memoryUsage().heapUsed;
	expect(withGarbage - before).toBeGreaterThan(0);
	expect(after).toBeLessThan(before + (withGarbage - before) / 2);
}

it('collects garbage on demand, with no --expose-gc flag', () => {
	expectCollects(collector());
});

it('runs after content sync and after page generation', () => {
	const { hooks } = releaseMemory();
	expect(Object.keys(hooks)).toEqual(['astro:build:start', 'astro:build:generated']);
	// Each hook collects: called as Astro calls them, they free the garbage made before.
	const call = (name: string) => () => void (hooks as unknown as Record<string, (options: unknown) => unknown>)[name]({});
	expectCollects(call('astro:build:start'));
	expectCollects(call('astro:build:generated'));
});
