import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { pruneUnreferencedImages } from '../../src/integrations/prune-assets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'credence-prune-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('removes emitted images no built file references, and keeps the rest', async () => {
	mkdirSync(path.join(dir, '_astro'));
	mkdirSync(path.join(dir, 'stories/a'), { recursive: true });
	for (const name of ['used.AbC.webp', 'in-css.x1.png', 'srcset.Q.avif', 'draft-hero.Z9.jpg', 'app.B2.js']) writeFileSync(path.join(dir, '_astro', name), '');
	writeFileSync(path.join(dir, 'stories/a/index.html'), '<img src="/_astro/used.AbC.webp" srcset="/_astro/srcset.Q.avif 640w, /_astro/used.AbC.webp 800w">');
	writeFileSync(path.join(dir, '_astro/site.css'), 'body{background:url(/_astro/in-css.x1.png)}');
	const removed = await pruneUnreferencedImages(dir);
	expect(removed).toEqual(['draft-hero.Z9.jpg']);
	expect(readdirSync(path.join(dir, '_astro')).sort()).toEqual(['app.B2.js', 'in-css.x1.png', 'site.css', 'srcset.Q.avif', 'used.AbC.webp']);
});
