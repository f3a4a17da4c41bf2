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

it("is not stopped by content's own text that looks like a malformed asset address", async () => {
	mkdirSync(path.join(dir, '_astro'), { recursive: true }); // the test before removed `dir`
	mkdirSync(path.join(dir, 'stories/b'), { recursive: true });
	for (const name of ['used.AbC.webp', 'unused.D4.jpg']) writeFileSync(path.join(dir, '_astro', name), '');
	// A story's text, as Markdown renders it: `%zz` is not percent-encoding, and decoding it throws.
	writeFileSync(path.join(dir, 'stories/b/index.html'), '<p>Our files moved from _astro/%zz to _astro/%E0%A4%A.</p><img src="/_astro/used.AbC.webp">');
	expect(await pruneUnreferencedImages(dir)).toEqual(['unused.D4.jpg']);
});
