/**
 * `npm run build` starts the search index once Astro has written its pages, while Astro still
 * finishes (scripts/build.ts, src/integrations/pages-written.ts), not after Astro has exited. A
 * stand-in hook in Astro's process holds its exit until the search index is in the staging folder
 * (at most a minute) and notes whether it came: started only after Astro's exit, it could not have.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { stagingDirFor } from '../../scripts/lib/staged-output.ts';
import { buildSite, fixtureSite } from '../build-helpers.ts';

const { dir, outDir } = fixtureSite();
const scratch = mkdtempSync(path.join(tmpdir(), 'credence-search-early-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('indexes the pages while Astro is still running, and publishes the same site', async () => {
	const entry = path.join(stagingDirFor(outDir), 'pagefind', 'pagefind-entry.json');
	const note = path.join(scratch, 'at-astro-exit');
	// In Astro's process only (its command line names astro.mjs): on exit, wait for the index.
	const hook = `import{existsSync,writeFileSync}from'node:fs';if(process.argv.some((a)=>a.endsWith('astro.mjs')))process.on('exit',()=>{const until=Date.now()+60000;while(!existsSync(${JSON.stringify(entry)})&&Date.now()<until)Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0,100);writeFileSync(${JSON.stringify(note)},existsSync(${JSON.stringify(entry)})?'indexed':'not indexed')})`;
	const nodeOptions = `${process.env.NODE_OPTIONS ?? ''} --import=data:text/javascript,${encodeURIComponent(hook)}`.trim();
	const result = await buildSite(dir, outDir, { CREDENCE_CACHE_DIR: path.join(scratch, 'cache'), CREDENCE_OG_CACHE: path.join(scratch, 'og'), NODE_OPTIONS: nodeOptions });
	expect(result.code, result.output).toBe(0);
	expect(readFileSync(note, 'utf8')).toBe('indexed');
	expect(result.output).toMatch(/\[search-index\] indexed \d+ of \d+ pages/);
	expect(result.output).toMatch(/content check passed while Astro started \(npm run build\); it held Astro up for \d+\.\d\ds/);
	expect(existsSync(path.join(outDir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
}, 400_000);
