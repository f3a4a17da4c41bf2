/**
 * `npm run build`: checks the content, builds the site with Astro, indexes it with Pagefind, and
 * only then puts it in place as the output folder (`CREDENCE_OUT_DIR`, default `dist/`).
 *
 * - The content check runs first, here, and a content mistake ends the build with the same
 *   report as `npm run check` (file, field, what was found, what is valid) and exit 1, before
 *   Astro starts: no hook name, no stack trace. Astro's own check (src/integrations/content-check.ts,
 *   for `astro dev` and a direct `astro build`) is told it passed, so it does not run twice.
 * - Astro and the search index write into a staging folder beside the output folder; when both
 *   succeeded it replaces the output folder with two renames (scripts/lib/staged-output.ts). A
 *   build that fails anywhere leaves the last complete build in place, untouched.
 * - `CREDENCE_NOW` that is not a date-time is reported in one line.
 *
 *   node scripts/build.ts
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CONTENT_CHECKED_ENV, contentCheckOptions } from '../src/integrations/content-check.ts';
import { runCheck } from '../src/lib/content/check.ts';
import { contentRoot } from '../src/lib/content/layout.ts';
import { displayPath } from '../src/lib/content/load.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { PublicationTimeError, publicationTime } from '../src/lib/publication.ts';
import { astroBuildArgs } from './lib/astro-build.ts';
import { deletePreviousBuilds, publishStagedBuild, stagingDirFor } from './lib/staged-output.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

/** Runs Node with `args` in the project, its output on ours; resolves with its exit code. */
function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: 'inherit' });
		child.on('error', reject);
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

async function main(): Promise<number> {
	const now = publicationTime();
	const contentDir = contentRoot(projectRoot);
	const outDir = path.resolve(projectRoot, process.env.CREDENCE_OUT_DIR ?? 'dist');
	const shownOut = displayPath(projectRoot, outDir);

	const check = await runCheck({ ...contentCheckOptions(projectRoot), now });
	for (const d of check.diagnostics) console.log(formatDiagnostic(d));
	if (check.errors > 0) {
		console.log(`✗ content check found ${check.errors} error${check.errors === 1 ? '' : 's'} (listed above) in ${displayPath(projectRoot, contentDir)}: nothing was built and ${shownOut} is unchanged; \`npm run check\` gives the same report`);
		return 1;
	}

	// The builds that earlier ones replaced are deleted while Astro works.
	const deleting = deletePreviousBuilds(outDir).catch((error: unknown) => console.warn(`could not delete an earlier build beside ${shownOut}: ${error}`));
	const staging = stagingDirFor(outDir);
	const env = { ...process.env, CREDENCE_OUT_DIR: staging, [CONTENT_CHECKED_ENV]: contentDir };
	const failed = (step: string, code: number) => {
		console.error(`✗ ${step} failed (see above): ${shownOut} keeps the last complete build; this build's part is in ${displayPath(projectRoot, staging)}`);
		return code || 1;
	};
	const astro = await runNode(astroBuildArgs(projectRoot), env);
	if (astro !== 0) return failed('astro build', astro);
	const search = await runNode([path.join(projectRoot, 'scripts/search-index.ts'), '--site', staging], env);
	if (search !== 0) return failed('the search index', search);
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
