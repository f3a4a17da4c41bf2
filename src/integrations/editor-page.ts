/**
 * The hosted editor at `/admin/` (docs/editing.md): written into the build only when `site.yaml`
 * turns it on (`editor.enabled`). Off, the public build has no `/admin/` and no editor code.
 * The page is the one `npm run edit` serves, with the GitHub backend from `site.yaml`.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentRoot } from '../lib/content/layout.ts';
import { parseYaml } from '../lib/content/load.ts';
import { ADMIN_PATH, adminFiles, hostedOrigins } from '../lib/editor/admin-page.ts';
import { cmsConfig } from '../lib/editor/cms-config.ts';
import { readEditorPrograms } from '../lib/editor/programs.ts';
import { siteSchema, type EditorSettings, type SiteSettings } from '../schemas/site.ts';

/** The site settings, as `check` has already accepted them (the build stops before this otherwise). */
function siteSettings(contentDir: string): SiteSettings | undefined {
	const file = path.join(contentDir, 'site.yaml');
	const parsed = siteSchema.safeParse(parseYaml(readFileSync(file, 'utf8'), file).data);
	return parsed.success ? parsed.data : undefined;
}

/** The editor's files for a site whose settings turn it on; none otherwise. */
export function hostedEditorFiles(projectRoot: string, contentDir: string, site: SiteSettings | undefined): Map<string, string | Buffer> {
	const editor: EditorSettings | undefined = site?.editor;
	if (!editor?.enabled || !editor.repository) return new Map();
	const relative = path.relative(projectRoot, contentDir).split(path.sep).join('/');
	// In the repository the editor commits to, content lives where this build read it from.
	const repositoryContent = relative && !relative.startsWith('..') ? relative : 'content';
	const config = cmsConfig({
		contentDir: repositoryContent,
		programs: readEditorPrograms(contentDir),
		backend: { repository: editor.repository, branch: editor.branch, authEndpoint: editor.authEndpoint },
		title: `${site!.title}: editor`,
	});
	return adminFiles({ config, title: `${site!.title}: editor`, connect: hostedOrigins(editor.authEndpoint) });
}

export function editorPage(projectRoot: string): AstroIntegration {
	return {
		name: 'credence:editor-page',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const contentDir = contentRoot(projectRoot);
				const files = hostedEditorFiles(projectRoot, contentDir, siteSettings(contentDir));
				if (files.size === 0) return;
				const adminDir = path.join(fileURLToPath(dir), ADMIN_PATH);
				for (const [name, body] of files) {
					await mkdir(path.dirname(path.join(adminDir, name)), { recursive: true });
					await writeFile(path.join(adminDir, name), body);
				}
				logger.info(`editor written to /${ADMIN_PATH}/ (editor.enabled in site.yaml)`);
			},
		},
	};
}
