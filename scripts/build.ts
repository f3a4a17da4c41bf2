/**
 * `npm run build`: checks the content, builds the site with Astro, indexes it with Pagefind, and
 * only then puts it in place as the output folder (`CREDENCE_OUT_DIR`, default `dist/`).
 *
 * - The content check runs first (`npm run check` itself), and a content mistake ends the build
 *   with its report (file, field, what was found, what is valid) and exit 1, before Astro
 *   starts: no hook name, no stack trace. Astro's own check (src/integrations/content-check.ts,
 *   for `astro dev` and a direct `astro build`) is told it passed, so it does not run twice.
 *   A check that crashes instead (a signal, or an exit with no report) is said to have crashed,
 *   with its exit code or signal, not reported as content errors "listed above".
 * - Astro and the search index write into a staging folder beside the output folder; when both
 *   succeeded it replaces the output folder with two renames (scripts/lib/staged-output.ts). A
 *   build that fails anywhere leaves the last complete build in place, untouched.
 * - Once the search index is built, `_headers` is written for Netlify and Cloudflare Pages (it
 *   names Pagefind's files), and the build says how many files it has against the hosts' limit.
 * - `CREDENCE_NOW` that is not a date-time is reported in one line.
 * - A site address under an example domain (`url` in `content/site.yaml`, or `CREDENCE_SITE_URL`)
 *   is warned about: canonical links, the sitemap and Open Graph tags all carry it.
 *
 *   node scripts/build.ts
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import path from 'node:path';
import { CONTENT_CHECKED_ENV } from '../src/integrations/content-check.ts';
import { contentRoot } from '../src/lib/content/layout.ts';
import { displayPath } from '../src/lib/content/load.ts';
import { PublicationTimeError, publicationTime } from '../src/lib/publication.ts';
import { exampleAddressWarning, siteUrl } from '../src/lib/site-url.ts';
import { astroBuildArgs } from './lib/astro-build.ts';
import { writeHostHeaders } from './lib/host-headers.ts';
import { deletePreviousBuilds, publishStagedBuild, stagingDirFor } from './lib/staged-output.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

/**
 * Runs Node with `args` in the project, its output on ours; resolves with its exit code (128 + the
 * signal's number when a signal ended it, as a shell reports it), the signal, and, with `capture`,
 * what it printed on stdout.
 */
function runNode(args: string[], env: NodeJS.ProcessEnv, capture = false): Promise<{ code: number; signal: NodeJS.Signals | null; out: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: ['inherit', capture ? 'pipe' : 'inherit', 'inherit'] });
		let out = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			process.stdout.write(chunk);
		});
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 0), signal, out }));
	});
}

async function main(): Promise<number> {
	publicationTime(); // a CREDENCE_NOW that is not a date-time ends the build here, in one line
	const contentDir = contentRoot(projectRoot);
	const outDir = path.resolve(projectRoot, process.env.CREDENCE_OUT_DIR ?? 'dist');
	const shownOut = displayPath(projectRoot, outDir);

	// The check runs in a process of its own, as `npm run check` (its report is that one's), so
	// that the memory it takes is handed back before Astro starts.
	const check = await runNode([path.join(projectRoot, 'scripts/check.ts'), '--content', contentDir, '--cache'], process.env, true);
	if (check.code !== 0) {
		// Its report ends with its summary line; without one, the check itself failed (its own message, if any, is above).
		const errors = /: (\d+ errors?), \d+ warnings?\s*$/.exec(check.out)?.[1];
		if (check.code === 1 && errors) console.log(`✗ content check found ${errors} (listed above): nothing was built and ${shownOut} is unchanged`);
		else {
			const how = check.signal ? `was ended by ${check.signal} (exit code ${check.code})` : `stopped with exit code ${check.code}`;
			console.error(
				`✗ the content check crashed: it ${how} before reporting on the content (its own output, if any, is above), so nothing was built and ${shownOut} is unchanged; run \`npm run check\` to see it again, and report it with the content change that caused it`,
			);
		}
		return check.code;
	}

	// Every address the site publishes would carry an example domain: said before the long part.
	const addressWarning = exampleAddressWarning(siteUrl(contentDir));
	if (addressWarning) console.warn(addressWarning);

	// The builds that earlier ones replaced are deleted while Astro works.
	const deleting = deletePreviousBuilds(outDir).catch((error: unknown) => console.warn(`could not delete an earlier build beside ${shownOut}: ${error}`));
	const staging = stagingDirFor(outDir);
	const env = { ...process.env, CREDENCE_OUT_DIR: staging, [CONTENT_CHECKED_ENV]: contentDir };
	const failed = (step: string, code: number) => {
		console.error(`✗ ${step} failed (see above): ${shownOut} keeps the last complete build; this build's part is in ${displayPath(projectRoot, staging)}`);
		return code || 1;
	};
	const astro = await runNode(astroBuildArgs(projectRoot), env);
	if (astro.code !== 0) return failed('astro build', astro.code);
	const search = await runNode([path.join(projectRoot, 'scripts/search-index.ts'), '--site', staging], env);
	if (search.code !== 0) return failed('the search index', search.code);
	const count = await writeHostHeaders(staging);
	(count.warn ? console.warn : console.log)(`${count.warn ? '!' : '✓'} ${count.message}`);
	await deleting;
	publishStagedBuild(staging, outDir);
	console.log(`✓ built the site into ${shownOut}`);
	return 0;
}

main().then(
	(code) => process.exit(code),
	(cause: unknown) => {
		if (cause instanceof PublicationTimeError) {
			console.error(`error: ${cause.message}`);
			process.exit(2);
		}
		console.error(`build failed: ${cause instanceof Error ? cause.stack : String(cause)}`);
		process.exit(1);
	},
);
