import { expect, it } from 'vitest';
import { collector, releaseMemory } from '../../src/integrations/release-memory.ts';

it('collects garbage on demand, with no --expose-gc flag', () => {
	const gc = collector();
	gc();
	const before = process.memoryUsage().heapUsed;
	// About 80 MB of short-lived objects, unreachable once the loop ends.
	for (let i = 0; i < 200; i++) void Array.from({ length: 50_000 }, (_, k) => ({ k }));
	const withGarbage = process.memoryUsage().heapUsed;
	gc();
	const after = process.memoryUsage().heapUsed;
	expect(withGarbage - before).toBeGreaterThan(0);
	expect(after).toBeLessThan(before + (withGarbage - before) / 2);
});

it('runs after content sync and after page generation', () => {
	expect(Object.keys(releaseMemory().hooks)).toEqual(['astro:build:start', 'astro:build:generated']);
});
