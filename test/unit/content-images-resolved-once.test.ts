/**
 * Content images are resolved once per file, not once per entry naming them
 * (src/integrations/content-images-resolved-once.ts): a Vite build of a module shaped like Astro's
 * content-assets.mjs, with a stand-in for Astro's resolver set up as Astro's is, gives the same
 * modules as before while the resolver runs once per image.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Plugin, type Rollup } from 'vite';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { contentImageFile, contentImagesResolvedOnce } from '../../src/integrations/content-images-resolved-once.ts';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'credence-images-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const flag = (spec: string, importer: string) => `${spec}?astroContentImageFlag=&importer=${encodeURIComponent(importer)}`;

it('names the file a relative import points at from its entry, and nothing for any other import', () => {
	expect(contentImageFile(flag('../assets/hero.jpg', 'content/stories/a.md'), '/site')).toBe('/site/content/assets/hero.jpg');
	expect(contentImageFile(flag('./logo.svg', '../corpus/customers/b.yaml'), '/work/site')).toBe('/work/corpus/customers/logo.svg');
	expect(contentImageFile(flag('~/assets/hero.jpg', 'content/stories/a.md'), '/site')).toBeUndefined();
	expect(contentImageFile(flag('/abs/hero.jpg', 'content/stories/a.md'), '/site')).toBeUndefined();
	expect(contentImageFile('../assets/hero.jpg?astroContentImageFlag', '/site')).toBeUndefined();
});

it('resolves each image once, whatever the number of entries naming it, and the modules are the same', async () => {
	mkdirSync(path.join(dir, 'content/assets'), { recursive: true });
	mkdirSync(path.join(dir, 'content/stories'), { recursive: true });
	writeFileSync(path.join(dir, 'content/assets/hero.jpg'), 'x');
	writeFileSync(path.join(dir, 'content/assets/logo.svg'), 'x');
	// As .astro/content-assets.mjs: one import per entry and image.
	const imports = [
		flag('../assets/hero.jpg', 'content/stories/a.md'),
		flag('../assets/hero.jpg', 'content/stories/b.md'),
		flag('../assets/hero.jpg', 'content/stories/c.md'),
		flag('../assets/logo.svg', 'content/stories/a.md'),
		flag('../assets/logo.svg', 'content/stories/b.md'),
	];
	const code = `${imports.map((id, i) => `import i${i} from ${JSON.stringify(id)};`).join('\n')}\nexport default new Map([${imports.map((id, i) => `[${JSON.stringify(id)}, i${i}]`).join(', ')}]);`;
	const resolutions: string[] = [];
	// As Astro's content asset plugin: enforce 'pre', the path resolved from the entry's file.
	const astroLike: Plugin = {
		name: 'astro-like-content-asset-propagation',
		enforce: 'pre',
		resolveId: {
			filter: { id: /[?&]astroContentImageFlag(?:&|=|$)/ },
			async handler(id, importer, options) {
				const [base, query] = id.split('?');
				const entry = new URLSearchParams(query).get('importer');
				resolutions.push(id);
				const resolved = await this.resolve(base!, entry ? path.join(dir, entry) : importer, { ...options, skipSelf: true });
				return resolved && { ...resolved, id: `${resolved.id}?astroContentImageFlag` };
			},
		},
		load: {
			filter: { id: /[?&]astroContentImageFlag$/ },
			handler: (id) => `export default ${JSON.stringify(path.relative(dir, id.split('?')[0]!))};`,
		},
	};
	const entry: Plugin = {
		name: 'content-assets',
		resolveId: (id) => (id === 'virtual:content-assets' ? '\0content-assets' : null),
		load: (id) => (id === '\0content-assets' ? code : null),
	};
	const bundle = async (plugins: Plugin[]) => {
		const output = (await build({ configFile: false, logLevel: 'silent', root: dir, plugins, build: { write: false, ssr: true, rolldownOptions: { input: 'virtual:content-assets' } } })) as Rollup.RollupOutput | Rollup.RollupOutput[];
		const [chunk] = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
		return { code: chunk && 'code' in chunk ? chunk.code : '', modules: chunk && 'modules' in chunk ? Object.keys(chunk.modules).sort() : [] };
	};

	const before = await bundle([astroLike, entry]);
	expect(resolutions).toHaveLength(5);
	resolutions.length = 0;
	const after = await bundle([astroLike, entry, contentImagesResolvedOnce()]);
	// Once per image (whichever entry's import the bundler met first).
	expect(resolutions.map((id) => id.split('?')[0]).sort()).toEqual(['../assets/hero.jpg', '../assets/logo.svg']);
	expect(after).toEqual(before);
	expect(after.modules).toEqual(['\0content-assets', path.join(dir, 'content/assets/hero.jpg?astroContentImageFlag'), path.join(dir, 'content/assets/logo.svg?astroContentImageFlag')]);
});
