/** In a build, the data store's module reads the store's file: the same value as Astro's string module, marked as content data. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as devalue from 'devalue';
import { build, type Plugin, type Rollup } from 'vite';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createContentDataIncrementalMetadata } from '../../node_modules/astro/dist/core/build/incremental-metadata.js';
import { CONTENT_DATA_META, contentStoreRead, DATA_STORE_MODULE_ID, dataStoreFile, dataStoreModuleCode } from '../../src/integrations/content-store-read.ts';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'credence-store-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Imports `code` as a module of its own and gives its default export. */
async function evaluate(code: string, name: string): Promise<unknown> {
	const file = path.join(dir, `${name}.mjs`);
	writeFileSync(file, code);
	return (await import(pathToFileURL(file).href)).default;
}

/** The integration's Vite plugin, as `astro:config:setup` would add it for `command`. */
function vitePluginFor(command: 'build' | 'dev', collectionStorage?: unknown) {
	const plugins: Plugin[] = [];
	const setup = contentStoreRead().hooks['astro:config:setup'] as (options: unknown) => void;
	setup({
		command,
		config: { cacheDir: pathToFileURL(dir + path.sep), experimental: { collectionStorage } },
		updateConfig: (config: { vite: { plugins: Plugin[] } }) => plugins.push(...config.vite.plugins),
	});
	return plugins[0];
}

/** The plugin with its `load` hook callable as a function. */
function pluginFor(command: 'build' | 'dev', collectionStorage?: unknown) {
	const plugin = vitePluginFor(command, collectionStorage);
	if (!plugin) return undefined;
	const load = plugin.load as { handler: (id: string) => unknown };
	return { load: (id: string) => load.handler(id) };
}

it("gives the value Astro's own module gives: the store's JSON, parsed", async () => {
	const store = new Map([['stories', new Map([['a', { id: 'a', data: { title: 'Quotes " and \\ and </script>', on: new Date(0) }, rendered: { html: '<p class="x">é—</p>' } }]])]]);
	const json = devalue.stringify(store);
	writeFileSync(path.join(dir, 'data-store.json'), json);
	const file = dataStoreFile(pathToFileURL(dir + path.sep));
	expect(file).toBe(path.join(dir, 'data-store.json'));

	const ours = await evaluate(dataStoreModuleCode(file), 'ours');
	// Astro's module (vite-plugin-content-virtual-mod.js): the whole store as one string literal.
	const astros = await evaluate(`export default JSON.parse(${JSON.stringify(json)})`, 'astros');
	expect(ours).toEqual(astros);
	expect(devalue.unflatten(ours as never)).toEqual(store);
	// The code holds the file's path, not its content.
	expect(dataStoreModuleCode(file)).not.toContain('Quotes');
});

it('gives an empty store when content sync wrote none, as Astro does', async () => {
	expect(await evaluate(dataStoreModuleCode(path.join(dir, 'data-store.json')), 'empty')).toEqual(new Map());
});

it('loads only the data store module, in a build, marked as content data for the incremental build', () => {
	writeFileSync(path.join(dir, 'data-store.json'), devalue.stringify(new Map()));
	const plugin = pluginFor('build')!;
	expect(plugin.load('\0astro:content')).toBeNull();
	const loaded = plugin.load(DATA_STORE_MODULE_ID) as { code: string; meta: unknown };
	expect(loaded.code).toContain('readFileSync');
	expect(loaded.meta).toEqual(CONTENT_DATA_META);
	expect(CONTENT_DATA_META).toEqual(createContentDataIncrementalMetadata());
	expect(pluginFor('dev')).toBeUndefined();
	expect(pluginFor('build', 'chunked')).toBeUndefined();
	expect(pluginFor('build', 'single-file')).toBeDefined();
});

it("leaves a store split into chunks of a size of its own to Astro: a data-store.json beside it is an earlier build's", () => {
	// Astro reads its manifest then (getDataStoreChunkSize); reading this file would give the pages stale content.
	writeFileSync(path.join(dir, 'data-store.json'), devalue.stringify(new Map([['stories', new Map()]])));
	expect(pluginFor('build', { type: 'chunked', chunkSize: 1024 * 1024 })).toBeUndefined();
});

it("is the module the bundler gets, though Astro's plugin loading the same module comes first", async () => {
	writeFileSync(path.join(dir, 'data-store.json'), devalue.stringify(new Map([['stories', new Map([['a', { title: 'INLINED-STORE-CANARY' }]])]])));
	// As Astro's content plugin (vite-plugin-content-virtual-mod.js) is set up: `enforce: 'pre'`,
	// before the integrations' plugins, loading the store as one string module through a filter.
	const astroLike: Plugin = {
		name: 'astro-like-content-virtual-mod',
		enforce: 'pre',
		resolveId: { filter: { id: /^astro:data-layer-content$/ }, handler: () => DATA_STORE_MODULE_ID },
		load: {
			filter: { id: /^\0astro:data-layer-content$/ },
			handler: () => `export default JSON.parse(${JSON.stringify(devalue.stringify(new Map([['stories', 'INLINED-STORE-CANARY']])))})`,
		},
	};
	const entry: Plugin = {
		name: 'entry',
		resolveId: (id) => (id === 'virtual:entry' ? '\0virtual:entry' : null),
		load: (id) => (id === '\0virtual:entry' ? "import store from 'astro:data-layer-content'; export default store;" : null),
	};
	const output = (await build({
		configFile: false,
		logLevel: 'silent',
		root: dir,
		plugins: [astroLike, entry, vitePluginFor('build')!],
		build: { write: false, ssr: true, rolldownOptions: { input: 'virtual:entry', external: ['node:fs'] } },
	})) as Rollup.RollupOutput | Rollup.RollupOutput[];
	const code = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
	expect(code).toContain('readFileSync');
	expect(code).toContain(JSON.stringify(dataStoreFile(pathToFileURL(dir + path.sep))));
	expect(code).not.toContain('INLINED-STORE-CANARY');
});
