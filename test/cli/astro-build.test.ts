/**
 * How the build starts Astro (scripts/lib/astro-build.ts): with scripts/astro-build.env in its
 * environment, so that the bundler's allocator starts with the settings that hand its freed
 * memory back (see that file), and with V8's heap options. package.json's build script, the
 * benchmark and the build tests must all start it that way (a misspelt V8 option stops Node, so
 * the build tests fail on it), and the settings must reach the allocator.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv, promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ASTRO_BUILD_ENV, astroBuildArgs } from '../../scripts/lib/astro-build.ts';
import { projectRoot } from '../helpers.ts';

const packageJson = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const settings = parseEnv(readFileSync(path.join(projectRoot, ASTRO_BUILD_ENV), 'utf8'));

describe('starting astro build', () => {
	it('is how `npm run build` starts it (scripts/build.ts, scripts/lib/build-site.ts), before the search index', () => {
		expect(packageJson.scripts.build).toBe('node scripts/build.ts');
		const script = readFileSync(path.join(projectRoot, 'scripts/lib/build-site.ts'), 'utf8');
		// Started held, alongside the check (scripts/lib/held-process.ts); the search index once its
		// pages are written (src/integrations/pages-written.ts), a large bundle once it has ended.
		expect(script).toMatch(/startHeld\(astroBuildArgs\(projectRoot\), \{[\s\S]*astro\.pagesWritten[\s\S]*searchIndex\(staging, astro\.done, astro\.pid\)/);
	});

	it('gives the bundler’s allocator (mimalloc, in Rolldown’s native module) the settings in scripts/astro-build.env', async () => {
		expect(Object.keys(settings).length).toBeGreaterThan(0);
		// An environment without the settings, so that only the file can supply them.
		const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !(name in settings)));
		const [envFile] = astroBuildArgs(projectRoot);
		const { stderr } = await promisify(execFile)(process.execPath, [envFile, '--input-type=module', '-e', "await import('rolldown')"], {
			cwd: projectRoot,
			env: { ...env, MIMALLOC_VERBOSE: '1' },
		});
		// The allocator's settings, and the one that turns Astro's telemetry off (next test): no other.
		expect(Object.keys(settings).filter((name) => !name.startsWith('MIMALLOC_'))).toEqual(['ASTRO_TELEMETRY_DISABLED']);
		for (const [name, value] of Object.entries(settings).filter(([name]) => name.startsWith('MIMALLOC_'))) {
			// mimalloc lists every option it started with: `option 'purge_delay': 0`.
			expect(stderr).toContain(`option '${name.replace(/^MIMALLOC_/, '').toLowerCase()}': ${value} `);
		}
	});

	it('starts Astro with its telemetry off: no `git rev-list` of the whole history before content sync, no event posted from CI', async () => {
		const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/TELEMETRY_DISABLED$/.test(name)));
		const disabled = (args: string[]) =>
			promisify(execFile)(process.execPath, [...args, '--input-type=module', '-e', "const { AstroTelemetry } = await import('@astrojs/telemetry'); console.log(new AstroTelemetry({ astroVersion: '7', viteVersion: '7' }).isDisabled)"], { cwd: projectRoot, env }).then(({ stdout }) => stdout.trim());
		const [envFile] = astroBuildArgs(projectRoot);
		expect(await disabled([envFile])).toBe('true');
	});
});
