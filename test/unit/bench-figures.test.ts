import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildPhases, pagefindSize, pageWeights, ratiosToBare } from '../../scripts/bench.ts';

/** The lines of an `astro build` and search-index log that buildPhases reads, as Astro 7 prints them. */
const LOG = `04:46:07 [credence:content-check] content check passed (0 warnings) in 0.17s
04:46:08 [types] Generated 888ms
04:46:08 [build] ✓ Completed in 1.11s.
04:46:08 [build] Building static entrypoints...
04:46:09 [vite] ✓ built in 1.34s
04:46:09 [vite] ✓ built in 280ms
04:46:09 [build] Rearranging server assets...

 generating static routes 
04:46:12   ├─ /index.html (+10ms) 
04:46:12 ✓ Completed in 3.12s.

 generating optimized images 
04:46:14   ▶ /_astro/a.webp (before: 28kB, after: 10kB) (+26ms) (1/1)
04:46:14 ✓ Completed in 2.32s.
04:46:14 [build] 328 page(s) built in 7.06s
04:46:15 [credence:og-cards] 38 Open Graph cards written in 0.40s
[search-index] indexed 210 of 328 pages in 0.49s: 1 bundle (2020-2026: 210), 1 indexed, 0 unchanged
`;

it('reads each phase of a build from its log, both of Astro’s bundling passes included', () => {
	const phases = buildPhases(LOG, 10);
	expect(phases.check).toBe(0.17);
	expect(phases.sync).toBe(0.888);
	expect(phases.bundle).toBeCloseTo(1.62, 6);
	expect(phases.pages).toBe(3.12);
	expect(phases.images).toBe(2.32);
	expect(phases.cards).toBe(0.4);
	expect(phases.search).toBe(0.49);
	expect(phases.other).toBe(1);
});

it('counts as the search phase what the index did, not its wait for Astro to exit, which overlaps the cards and Astro’s end', () => {
	// npm run build starts the index when Astro's pages are written; a large bundle waits for Astro's exit.
	const waiting = LOG.replace('[credence:og-cards] 38 Open Graph cards written in 0.40s', '[credence:og-cards] 38 Open Graph cards written in 3.40s').replace('pages in 0.49s:', 'pages in 4.79s, 4.30s of it waiting for Astro to exit:');
	const phases = buildPhases(waiting, 13);
	expect(phases.search).toBe(0.49);
	expect(phases.cards).toBe(3.4);
	expect(phases.other).toBe(1);
});

it('counts only what a check on a thread of its own held Astro up, as the rest overlapped Astro’s setup', () => {
	const threaded = LOG.replace('content check passed (0 warnings) in 0.17s', "content check passed (0 warnings) in 1.30s on a thread of its own, alongside Astro's setup; it held Astro up for 0.17s");
	expect(buildPhases(threaded, 10)).toEqual(buildPhases(LOG, 10));
});

it('counts what the check of npm run build, in a process of its own, held Astro up', () => {
	const held = LOG.replace('content check passed (0 warnings) in 0.17s', 'content check passed while Astro started (npm run build); it held Astro up for 0.17s');
	expect(buildPhases(held, 10)).toEqual(buildPhases(LOG, 10));
});

it('gives every cold build figure as a multiple of bare Astro’s, from the unrounded figures', () => {
	const ours = { seconds: 52, msPerPage: 52_000 / 10_697, peakRssMb: 1515, files: 19_053, bytes: 600e6 };
	const bare = { seconds: 14, msPerPage: 14_000 / 10_000, peakRssMb: 1768, files: 10_010, bytes: 150e6 };
	expect(ratiosToBare(ours, bare)).toEqual({ seconds: 3.71, msPerPage: 3.47, peakRssMb: 0.86, files: 1.9, bytes: 4 });
});

it('measures Pagefind’s index apart from its code', () => {
	const out = mkdtempSync(path.join(tmpdir(), 'credence-pagefind-size-'));
	try {
		const put = (file: string, bytes: number) => {
			mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
			writeFileSync(path.join(out, file), Buffer.alloc(bytes));
		};
		put('pagefind/pagefind.js', 47_000);
		put('pagefind/wasm.en.pagefind', 60_000);
		put('pagefind/pagefind-entry.json', 100);
		put('pagefind/pagefind.en_1.pf_meta', 2_000);
		put('pagefind/index/en_1.pf_index', 30_000);
		put('pagefind/fragment/en_1.pf_fragment', 900);
		put('pagefind/filter/en_1.pf_filter', 500);
		put('pagefind/2024-2026/pagefind.js', 47_000);
		put('pagefind/2024-2026/index/en_2.pf_index', 10_000);
		put('index.html', 5_000);
		expect(pagefindSize(out)).toEqual({ bytes: 197_500, indexFiles: 6, indexBytes: 43_500 });
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
});

it('weighs every HTML page gzipped, and names the heaviest', () => {
	const dist = mkdtempSync(path.join(tmpdir(), 'credence-weights-'));
	try {
		const page = (file: string, html: string) => {
			mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
			writeFileSync(path.join(dist, file), html);
		};
		// Random bytes in base64 compress to about three quarters of their length.
		const noise = (chars: number) => randomBytes(chars).toString('base64').slice(0, chars);
		page('index.html', `<p>${noise(2_000)}</p>`);
		page('customers/index.html', `<p>${noise(40_000)}</p>`);
		page('stories/a/index.html', `<p>${noise(3_000)}</p>`);
		page('og/a.png', noise(90_000)); // not a page
		const weights = pageWeights(dist);
		expect(weights.pages).toBe(3);
		expect(weights.largest).toBe('/customers/');
		expect(weights.largestGzipKb).toBeGreaterThan(25); // 40,000 characters: about 30 KB
		expect(weights.largestGzipKb).toBeLessThan(40);
		expect(weights.medianGzipKb).toBeGreaterThan(1.5); // the 3,000-character page: about 2.2 KB
		expect(weights.medianGzipKb).toBeLessThan(3);
	} finally {
		rmSync(dist, { recursive: true, force: true });
	}
});
