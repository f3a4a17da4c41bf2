import { expect, it } from 'vitest';
import { collector, releaseMemory } from '../../src/integrations/release-memory.ts';

/** Makes about 80 MB of short-lived garbage, runs `collect`, and expects it to have freed most of it. */
async function expectCollects(collect: () => void | Promise<void>) {
	const gc = collector();
	gc();
	const before = process.memoryUsage().heapUsed;
	// About 80 MB of short-lived objects, unreachable once the loop ends.
	for (let i = 0; i < 200; i++) void Array.from({ length: 50_000 }, (_, k) => ({ k }));
	const withGarbage = process.memoryUsage().heapUsed;
	await collect();
	const after = process.memoryUsage().heapUsed;
	expect(withGarbage - before).toBeGreaterThan(0);
	expect(after).toBeLessThan(before + (withGarbage - before) / 2);
}

it('collects garbage on demand, with no --expose-gc flag', async () => {
	await expectCollects(collector());
});

it('runs after content sync and after page generation', async () => {
	const { hooks } = releaseMemory();
	expect(Object.keys(hooks)).toEqual(['astro:build:start', 'astro:build:generated']);
	// Each hook collects: called as Astro calls them, they free the garbage made before (the second
	// on the turn after its own, see the next test).
	const call = (name: string) => () => void (hooks as unknown as Record<string, (options: unknown) => unknown>)[name]({});
	await expectCollects(call('astro:build:start'));
	await expectCollects(async () => {
		call('astro:build:generated')();
		await new Promise((resolve) => setImmediate(resolve));
	});
});

it('collects after the pages are written only once the integrations after it have run, so that the search index is not held up', async () => {
	const collected: string[] = [];
	const { hooks } = releaseMemory(() => collected.push('gc'));
	const generated = (hooks as unknown as Record<string, (options: unknown) => unknown>)['astro:build:generated'];
	// As Astro runs the hook of each integration in turn: awaited, within the same turn.
	await generated({});
	collected.push('the next integration');
	await Promise.resolve();
	collected.push('and the one after');
	expect(collected).toEqual(['the next integration', 'and the one after']);
	await new Promise((resolve) => setImmediate(resolve));
	expect(collected).toEqual(['the next integration', 'and the one after', 'gc']);
});
