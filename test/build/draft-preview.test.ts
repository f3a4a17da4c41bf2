/**
 * Draft preview never reaches a build. The fixture, with a draft, an embargoed and an unapproved
 * story, is built twice, from two copies: as usual, and with CREDENCE_PREVIEW=1 (and Vite's DEV
 * variable) in the environment. Both builds write the same files, byte for byte, and neither holds
 * an unpublished story nor a preview banner: the flag is compiled in as `false` by `astro build`.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, filesMentioning, readBuiltFiles, removeOutDir, type BuiltFile } from '../build-helpers.ts';
import { copyFixture, editData } from '../helpers.ts';

/** A marker word per unpublished story, in its file name and title. */
const UNPUBLISHED = {
	draft: (d: any) => (d.draft = true),
	embargoed: (d: any) => (d.publishAt = '2027-03-01T09:00:00Z'),
	unapproved: (d: any) => delete d.approval,
} as const;
const marker = (state: string) => `previewprobe${state}`;

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** A copy of the fixture with the unpublished stories, built with `env`. */
async function build(env: Record<string, string>): Promise<{ files: BuiltFile[]; bytes: Map<string, Buffer>; output: string }> {
	const { dir, cleanup } = copyFixture();
	const outDir = mkdtempSync(path.join(tmpdir(), 'credence-dist-'));
	cleanups.push(cleanup, () => removeOutDir(outDir));
	const stories = path.join(dir, 'stories');
	for (const [state, edit] of Object.entries(UNPUBLISHED)) {
		const file = path.join(stories, `${marker(state)}.mdx`);
		copyFileSync(path.join(stories, 'quarry-forecasting.mdx'), file);
		editData(file, (d) => ((d.title = `${marker(state)} story`), edit(d)));
	}
	const result = await buildSite(dir, outDir, env);
	expect(result.code, result.output).toBe(0);
	const files = readBuiltFiles(outDir);
	return { files, bytes: new Map(files.map((f) => [f.path, readFileSync(path.join(outDir, f.path))])), output: result.output };
}

let normal: Awaited<ReturnType<typeof build>>;
let withPreviewEnv: Awaited<ReturnType<typeof build>>;

beforeAll(async () => {
	normal = await build({});
	withPreviewEnv = await build({ CREDENCE_PREVIEW: '1', DEV: 'true' });
}, 600_000);

describe('a build with draft preview asked for in the environment', () => {
	it('writes the same files, byte for byte, as a normal build', () => {
		expect([...withPreviewEnv.bytes.keys()].sort()).toEqual([...normal.bytes.keys()].sort());
		const differing = [...normal.bytes].filter(([file, bytes]) => !bytes.equals(withPreviewEnv.bytes.get(file)!)).map(([file]) => file);
		expect(differing).toEqual([]);
	});

	it('shows no unpublished story and no preview banner in either build', () => {
		for (const { files } of [normal, withPreviewEnv]) {
			for (const state of Object.keys(UNPUBLISHED)) expect(filesMentioning(files, marker(state)), state).toEqual([]);
			expect(filesMentioning(files, 'preview-banner')).toEqual([]);
			expect(filesMentioning(files, 'badge-unpublished')).toEqual([]);
		}
		// The published story is there: the comparison is of two real sites, not two empty ones.
		expect(normal.files.some((f) => f.path === 'stories/quarry-forecasting/index.html')).toBe(true);
	});

	it('does not say draft preview is on', () => {
		expect(withPreviewEnv.output).not.toMatch(/draft preview/);
	});
});
