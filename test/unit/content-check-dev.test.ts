/**
 * The content check in the dev server: it runs again when a content file changes, and logs the
 * diagnostics (file, field, what was found) rather than leaving a page's stack trace to explain.
 * Driven with a fake watcher and logger: no dev server, so no timing depends on the machine.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentCheck, watchContent } from '../../src/integrations/content-check.ts';
import type { CheckResult } from '../../src/lib/content/check.ts';
import { copyFixture, NOW, projectRoot } from '../helpers.ts';

function fakeLogger() {
	const lines: { level: 'info' | 'warn' | 'error'; message: string }[] = [];
	return {
		lines,
		info: (message: string) => void lines.push({ level: 'info', message }),
		warn: (message: string) => void lines.push({ level: 'warn', message }),
		error: (message: string) => void lines.push({ level: 'error', message }),
	};
}

class FakeWatcher extends EventEmitter {
	added: string[] = [];
	add(file: string) {
		this.added.push(file);
		return this;
	}
}

describe('the integration in the dev server', () => {
	let dir: string;
	let cleanup: () => void;
	let cacheDir: string;
	const env = { ...process.env };
	beforeEach(() => {
		({ dir, cleanup } = copyFixture());
		cacheDir = mkdtempSync(path.join(tmpdir(), 'credence-cache-'));
		Object.assign(process.env, { CREDENCE_CONTENT_DIR: dir, CREDENCE_CACHE_DIR: cacheDir, CREDENCE_NOW: NOW.toISOString() });
	});
	afterEach(() => {
		for (const key of ['CREDENCE_CONTENT_DIR', 'CREDENCE_CACHE_DIR', 'CREDENCE_NOW']) {
			if (env[key] === undefined) delete process.env[key];
			else process.env[key] = env[key];
		}
		cleanup();
		rmSync(cacheDir, { recursive: true, force: true });
	});

	it('checks again when a content file changes, logging each diagnostic, and says when it passes again', async () => {
		const integration = contentCheck();
		const hooks = integration.hooks as Record<string, (options: unknown) => Promise<void> | void>;
		const logger = fakeLogger();
		await hooks['astro:config:setup']({ config: { root: pathToFileURL(projectRoot + path.sep) }, logger });
		expect(logger.lines).toEqual([expect.objectContaining({ level: 'info', message: expect.stringMatching(/^content check passed/) })]);

		const watcher = new FakeWatcher();
		await hooks['astro:server:setup']({ server: { watcher }, logger });
		expect(watcher.added).toEqual([dir]);

		const story = path.join(dir, 'stories/quarry-forecasting.mdx');
		const original = readFileSync(story, 'utf8');
		writeFileSync(story, original.replace('authors: [ada-quarry, vera-vendor]', 'authors: [jon-doe, vera-vendor]'));
		watcher.emit('all', 'change', story);
		await vi.waitFor(() => expect(logger.lines.some((l) => /content check found \d+ errors? after a change/.test(l.message))).toBe(true), { timeout: 30_000, interval: 50 });
		expect(logger.lines).toContainEqual({
			level: 'error',
			message: expect.stringMatching(/stories\/quarry-forecasting\.mdx\s+authors\[0\]: expected the id of an existing entry in people, found "jon-doe"/),
		});

		logger.lines.length = 0;
		writeFileSync(story, original);
		watcher.emit('all', 'change', story);
		await vi.waitFor(() => expect(logger.lines.some((l) => /^content check passed again after a change/.test(l.message))).toBe(true), { timeout: 30_000, interval: 50 });
		expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);

		await hooks['astro:server:done']({ logger });
		expect(watcher.listenerCount('all')).toBe(0);
	}, 60_000);
});

describe('watchContent', () => {
	const contentDir = path.join(tmpdir(), 'credence-watch', 'content');
	const passed = { diagnostics: [], errors: 0, warnings: 0 } as unknown as CheckResult;

	it('runs once for a burst of changes, ignores files outside the content folder, and never runs two checks at once', async () => {
		const watcher = new FakeWatcher();
		const logger = fakeLogger();
		let runs = 0;
		let concurrent = 0;
		let release: (() => void) | undefined;
		const check = vi.fn(async () => {
			runs++;
			concurrent++;
			expect(concurrent).toBe(1);
			if (runs === 2) await new Promise<void>((resolve) => (release = resolve));
			concurrent--;
			return passed;
		});
		const watch = watchContent({ watcher, logger, contentDir, check, delayMs: 5 });

		watcher.emit('all', 'change', path.join(contentDir, '../src/pages/index.astro'));
		await watch.idle();
		expect(check).not.toHaveBeenCalled();

		for (let i = 0; i < 5; i++) watcher.emit('all', 'change', path.join(contentDir, `stories/s${i}.md`));
		await watch.idle();
		expect(check).toHaveBeenCalledTimes(1);

		// A change while a check runs gives one more run after it, not a second run alongside it.
		watcher.emit('all', 'add', path.join(contentDir, 'people/new.yaml'));
		await vi.waitFor(() => expect(release).toBeDefined());
		watcher.emit('all', 'change', path.join(contentDir, 'people/new.yaml'));
		watcher.emit('all', 'unlink', path.join(contentDir, 'people/old.yaml'));
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(check).toHaveBeenCalledTimes(2);
		release!();
		await watch.idle();
		expect(check).toHaveBeenCalledTimes(3);
		expect(logger.lines.filter((l) => /passed again/.test(l.message))).toHaveLength(3);

		watch.close();
		watcher.emit('all', 'change', path.join(contentDir, 'stories/s0.md'));
		await watch.idle();
		expect(check).toHaveBeenCalledTimes(3);
	});

	it('logs a check that cannot run instead of stopping the server', async () => {
		const watcher = new FakeWatcher();
		const logger = fakeLogger();
		const watch = watchContent({ watcher, logger, contentDir, check: async () => Promise.reject(new Error('disk gone')), delayMs: 1 });
		watcher.emit('all', 'change', path.join(contentDir, 'site.yaml'));
		await watch.idle();
		expect(logger.lines).toEqual([{ level: 'error', message: 'content check could not run after a change: disk gone' }]);
		watch.close();
	});
});
