/** Test helpers: throwaway copies of the fixture content, edited per test. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';

export const projectRoot = path.resolve(import.meta.dirname, '..');
export const fixtureContent = path.join(projectRoot, 'test/fixtures/site/content');
/** The instant all tests treat as now. */
export const NOW = new Date('2026-11-23T12:00:00Z');

/** The sample content folder (what `npm run build` builds). */
export const sampleContent = path.join(projectRoot, 'content');

/** A fresh copy of a content folder (the fixture unless told); removed by the returned cleanup. */
export function copyFixture(source = fixtureContent): { dir: string; cleanup: () => void } {
	const base = mkdtempSync(path.join(tmpdir(), 'credence-fixture-'));
	const dir = path.join(base, 'content');
	cpSync(source, dir, { recursive: true });
	return { dir, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** Reads, edits and rewrites a YAML file (or the frontmatter of a Markdown file). */
export function editData(file: string, edit: (data: any) => void): void {
	const source = readFileSync(file, 'utf8');
	if (/\.mdx?$/.test(file)) {
		const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source)!;
		const data = parse(match[1]);
		edit(data);
		writeFileSync(file, `---\n${stringify(data)}---\n${match[2]}`);
	} else {
		const data = parse(source);
		edit(data);
		writeFileSync(file, stringify(data));
	}
}

/** Runs one of the project's CLI scripts as a user would, with the clock pinned (and `env` on top); never throws. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
	return runNode([script, ...args], env);
}

/** Runs Node with `args` (its own options, then a script and its arguments) in the project, as `runScript` does. */
export function runNode(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, args, { cwd: projectRoot, env: { ...process.env, CREDENCE_NOW: NOW.toISOString(), NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
			resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
		);
	});
}
