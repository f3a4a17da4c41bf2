/**
 * The GitHub Actions workflows that ship with the project (.github/workflows/): their triggers,
 * the npm scripts their steps run, pinned action versions, least-privilege permissions, and a
 * build cache whose folders are the ones the build really reads (so renaming a cache variable in
 * the code fails here, not silently in CI).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { buildCacheDir } from '../../src/lib/content/layout.ts';
import { projectRoot } from '../helpers.ts';

interface Step {
	name?: string;
	id?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	permissions?: Record<string, string>;
	steps: Step[];
	needs?: string | string[];
	container?: string;
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

function workflow(name: string): Workflow {
	const document = parseDocument(readFileSync(path.join(projectRoot, '.github/workflows', name), 'utf8'));
	expect(document.errors.map(String)).toEqual([]);
	return document.toJS() as Workflow;
}

const check = workflow('check.yml');
const deploy = workflow('deploy.yml');
const allSteps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
const runs = (job: Job) => job.steps.flatMap((s) => (s.run ? [s.run.trim()] : []));
const scripts = Object.keys(JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).scripts as Record<string, string>);

/** A five-field cron expression as GitHub's schedule takes it (minute hour day-of-month month day-of-week). */
function validCron(expression: string): boolean {
	const ranges = [
		[0, 59],
		[0, 23],
		[1, 31],
		[1, 12],
		[0, 6],
	];
	const fields = expression.trim().split(/\s+/);
	if (fields.length !== 5) return false;
	return fields.every((field, i) =>
		field.split(',').every((part) => {
			const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
			if (!match) return false;
			const [, , from, to, step] = match;
			const [min, max] = ranges[i]!;
			const inRange = (n: string | undefined) => n === undefined || (Number(n) >= min! && Number(n) <= max!);
			return inRange(from) && inRange(to) && (to === undefined || Number(to) >= Number(from)) && (step === undefined || Number(step) > 0);
		}),
	);
}

describe('the pull-request check (check.yml)', () => {
	const job = check.jobs.check!;

	it('runs on pull requests, never pull_request_target (which would hand a fork secrets)', () => {
		expect(Object.keys(check.on)).toEqual(['pull_request']);
	});

	it('runs npm ci, the content check as annotations, the typecheck, the tests and the build, in that order', () => {
		const expected = ['npm ci', 'npm run check -- --format github', 'npm run typecheck', 'npm test', 'npm run build'];
		const found = expected.map((command) => runs(job).findIndex((r) => r === command || r.startsWith(`${command} `)));
		expect(found.every((i) => i >= 0), runs(job).join('\n')).toBe(true);
		expect([...found].sort((a, b) => a - b)).toEqual(found);
		for (const run of runs(job)) for (const [, script] of run.matchAll(/npm run (\S+)/g)) expect(scripts).toContain(script);
	});

	it('has a read-only token and keeps no credentials in the checkout', () => {
		expect(check.permissions).toEqual({ contents: 'read' });
		expect(job.permissions).toBeUndefined();
		expect(job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toMatchObject({ 'persist-credentials': false });
	});

	it('provisions Chromium for the browser tests the way the project does', () => {
		expect(runs(job).some((r) => r.includes('scripts/provision.sh') && r.includes('provision_chromium'))).toBe(true);
	});
});

describe('the build and deploy (deploy.yml)', () => {
	it('runs on a push to main, daily on a valid schedule, and by hand', () => {
		expect(deploy.on.push).toEqual({ branches: ['main'] });
		const schedule = deploy.on.schedule as { cron: string }[];
		expect(schedule.length).toBeGreaterThan(0);
		for (const { cron } of schedule) expect(validCron(cron), cron).toBe(true);
		// At least once a day: a fixed hour or every hour, every day of every month.
		expect(schedule.some(({ cron }) => /^\S+ \S+ \* \* \*$/.test(cron))).toBe(true);
		expect('workflow_dispatch' in deploy.on).toBe(true);
	});

	it('builds with npm run build, uploads dist and deploys it after the build', () => {
		const build = deploy.jobs.build!;
		expect(runs(build)).toContain('npm ci --no-audit --no-fund');
		expect(runs(build)).toContain('npm run build');
		expect(build.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({ path: 'dist' });
		expect(deploy.jobs.deploy!.needs).toBe('build');
		expect(deploy.jobs.deploy!.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
	});

	it('grants each job only what it needs: nothing by default, read to build, Pages and OIDC to deploy', () => {
		expect(deploy.permissions).toEqual({});
		expect(deploy.jobs.build!.permissions).toEqual({ contents: 'read' });
		expect(deploy.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
	});
});

describe('both workflows', () => {
	it('pin every action to a major version of a known owner', () => {
		const uses = [...allSteps(check), ...allSteps(deploy)].flatMap((s) => (s.uses ? [s.uses] : []));
		expect(uses.length).toBeGreaterThan(0);
		for (const action of uses) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
	});

	it('set up the Node version of .nvmrc (24)', () => {
		expect(readFileSync(path.join(projectRoot, '.nvmrc'), 'utf8').trim()).toBe('24');
		for (const step of [...allSteps(check), ...allSteps(deploy)].filter((s) => s.uses?.startsWith('actions/setup-node@'))) expect(step.with).toMatchObject({ 'node-version-file': '.nvmrc' });
	});

	it("cache exactly the folders the build step points the build's caches at, and restore them before it", () => {
		const ogSource = readFileSync(path.join(projectRoot, 'src/pages/og/[...slug].png.ts'), 'utf8');
		for (const w of [check, deploy]) {
			const steps = allSteps(w);
			const cacheIndex = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
			const buildIndex = steps.findIndex((s) => s.run?.trim() === 'npm run build');
			expect(cacheIndex).toBeGreaterThanOrEqual(0);
			expect(cacheIndex).toBeLessThan(buildIndex);
			const cache = steps[cacheIndex]!.with as { path: string; key: string; 'restore-keys': string };
			const env = steps[buildIndex]!.env!;
			const cached = cache.path.trim().split('\n').map((p) => p.trim());
			expect(cached.sort()).toEqual([env.CREDENCE_CACHE_DIR, env.CREDENCE_OG_CACHE].sort());
			// The build reads these variables: Astro's cache, the parse cache and the search bundles…
			expect(buildCacheDir(projectRoot, { CREDENCE_CACHE_DIR: env.CREDENCE_CACHE_DIR })).toBe(path.resolve(projectRoot, env.CREDENCE_CACHE_DIR!));
			// …and the Open Graph cards.
			expect(ogSource).toMatch(/process\.env\.CREDENCE_OG_CACHE\b/);
			// Outside node_modules, which npm ci deletes after the cache is restored.
			for (const folder of cached) expect(folder).not.toMatch(/node_modules/);
			// A new lockfile (another Astro) starts from a cache of the same lockfile only.
			expect(cache.key).toContain("hashFiles('package-lock.json')");
			expect(cache.key.startsWith(cache['restore-keys'].trim())).toBe(true);
		}
	});

	it('keep the cache variables off the tests, whose fixtures each build with their own cache', () => {
		for (const w of [check, deploy]) {
			for (const step of allSteps(w).filter((s) => s.run && s.run.trim() !== 'npm run build')) expect(step.env ?? {}).not.toHaveProperty('CREDENCE_CACHE_DIR');
			for (const job of Object.values(w.jobs)) expect((job as { env?: object }).env ?? {}).not.toHaveProperty('CREDENCE_CACHE_DIR');
		}
	});
});
