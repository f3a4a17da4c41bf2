/**
 * The build's last step (scripts/lib/host-headers.ts): `_headers` written and the site's files
 * counted for the hosts' limit. `npm run build` counts the files outside `pagefind/` once Astro has
 * exited, while Pagefind works, and adds Pagefind's at the end: the count must be the folder's,
 * `_headers` included, whether or not Astro wrote one.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { countFilesBesidePagefind, writeHostHeaders } from '../../scripts/lib/host-headers.ts';

let site: string;
beforeEach(() => (site = mkdtempSync(path.join(tmpdir(), 'credence-host-headers-'))));
afterEach(() => rmSync(site, { recursive: true, force: true }));

function write(file: string) {
	mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
	writeFileSync(path.join(site, file), 'x');
}

const filesNow = () => readdirSync(site, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

for (const astroWroteHeaders of [false, true]) {
	it(`counts every file, _headers included, counted before Pagefind's files are there or after (Astro ${astroWroteHeaders ? 'wrote' : 'did not write'} _headers)`, async () => {
		for (const file of ['index.html', '_redirects', 'stories/one/index.html', 'stories/two/index.html', 'og/stories/one.png', '_astro/a.css']) write(file);
		if (astroWroteHeaders) write('_headers');
		// As npm run build does: counted once Astro has exited, then Pagefind writes its bundles.
		const beside = countFilesBesidePagefind(site);
		await beside;
		for (const file of ['pagefind/pagefind.js', 'pagefind/fragment/a.pf_fragment', 'pagefind/2024/index/b.pf_index']) write(file);
		const counted = await writeHostHeaders(site, beside);
		expect(counted.message).toBe(`${filesNow()} files (Cloudflare Pages deploys at most 20,000)`);
		// The same as a walk of the whole folder at the end.
		expect(await writeHostHeaders(site)).toEqual(counted);
	});
}
