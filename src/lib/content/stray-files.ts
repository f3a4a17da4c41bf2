/**
 * Files the check and the build never read. Each collection reads one pattern of one folder
 * (`customers/*.yaml`, `stories/*.{md,mdx}`, …; see `layout.ts`), so a customer saved as
 * `acme.yml`, a story as `.markdown` or in a sub-folder, or a `story/` folder beside `stories/`
 * would be left out of the site without a word. They are reported instead, naming what the
 * folder holds and the name that would be read.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics.ts';
import { contentEscape } from './inside-content.ts';
import { displayPath } from './load.ts';

/** What a folder of the content root holds: its files' extensions, the sub-folders it may have, and how to say it. */
interface FolderRule {
	/** Extensions (without the dot) of the files it holds. */
	extensions: readonly string[];
	/** File names it holds besides those (`site.yaml`, `program.yaml`). */
	names?: readonly string[];
	/** Sub-folders it may have, each with its own rule, or `null` when what it holds is not checked here (images, media, tool output). */
	folders?: Readonly<Record<string, FolderRule | null>>;
	/** A sub-folder of any name has this rule (award programs). */
	anyFolder?: FolderRule;
	/** What it holds, for messages: "customers (<id>.yaml)". */
	holds: string;
}

const yamlOf = (holds: string): FolderRule => ({ extensions: ['yaml'], holds });

/** Sheets of a round: `<round>.csv`, and the lock an import holds while it writes. */
const sheets = (holds: string): FolderRule => ({ extensions: ['csv', 'lock'], holds });

const PROGRAM: FolderRule = {
	extensions: [],
	names: ['program.yaml', 'winners.yaml'],
	holds: 'program.yaml, winners.yaml and the folders entries/, judges/, scores/, rankings/, assignments/, results/ and feedback/',
	folders: {
		entries: { extensions: ['md'], holds: 'award entries (<id>.md, plain Markdown)' },
		judges: yamlOf('judges (<id>.yaml)'),
		scores: sheets('score sheets (<round>.csv)'),
		rankings: sheets('ranking sheets (<round>.csv)'),
		assignments: yamlOf('assignments (<round>.yaml)'),
		results: null,
		feedback: null,
		packets: null,
	},
};

/** The private reference program: read by the check and the references CLI, never by the site. */
const REFERENCES: FolderRule = {
	extensions: [],
	names: ['policy.yaml'],
	holds: 'policy.yaml and the folders advocates/ and activities/',
	folders: {
		advocates: yamlOf('advocates (<id>.yaml)'),
		activities: { extensions: ['yaml', 'lock'], holds: "a year's activities (<year>.yaml)" },
	},
};

/** The content root's layout, as the collections (`layout.ts`) and the award tools read it. */
export const CONTENT_FOLDERS: FolderRule = {
	extensions: [],
	names: ['site.yaml'],
	holds: 'site.yaml and the folders assets/, awards/, customers/, people/, products/, references/, stories/ and videos/',
	folders: {
		assets: null,
		awards: { extensions: [], holds: 'one folder per award program', anyFolder: PROGRAM },
		customers: yamlOf('customers (<id>.yaml)'),
		people: yamlOf('people (<id>.yaml)'),
		products: yamlOf('products (<id>.yaml)'),
		references: REFERENCES,
		stories: { extensions: ['md', 'mdx'], holds: 'stories (<id>.md, or <id>.mdx when the story uses components)' },
		videos: { extensions: ['yaml', 'vtt'], holds: 'videos (<id>.yaml and their captions, <id>.vtt) and the folder media/', folders: { media: null } },
	},
};

/**
 * Names no one means as content: hidden files (.DS_Store, .gitkeep), editors' backups (`x.yaml~`,
 * `#x.yaml#`), files the tools stage before renaming them into place (`*.tmp`), and notes for the
 * people who edit the folder (README, LICENSE). A folder that reads `.md` files reads a README.md
 * as content all the same: this only decides what counts as stray.
 */
const ignored = (name: string) => name.startsWith('.') || name.endsWith('~') || name.startsWith('#') || name.endsWith('.tmp') || /^(readme|license)(\.(md|txt))?$/i.test(name);

/** The extension a near miss stands for: `yml` → `yaml`. */
const NEAR_MISSES: Record<string, string> = { yml: 'yaml', markdown: 'md', mdown: 'md', mkd: 'md', mkdn: 'md', txt: 'md' };

/**
 * Why `name` (a file, or a folder when `isFolder`) in a folder with `rule` is never read;
 * undefined when it is read (or not checked here).
 */
export function strayProblem(rule: FolderRule, name: string, isFolder: boolean): string | undefined {
	if (ignored(name)) return undefined;
	const where = `${rule.holds} in this folder`;
	if (isFolder) {
		if (rule.anyFolder || (rule.folders && name in rule.folders)) return undefined;
		const close = Object.keys(rule.folders ?? {}).find((folder) => folder.slice(0, 4) === name.toLowerCase().slice(0, 4));
		return `expected ${where}, found the folder "${name}": nothing in it is read${close ? ` (did you mean ${close}/?)` : rule.extensions.length ? ': move its files up into this folder' : ''}`;
	}
	if (rule.names?.includes(name)) return undefined;
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 ? name.slice(dot + 1) : '';
	if (rule.extensions.includes(extension)) return undefined;
	const base = dot > 0 ? name.slice(0, dot) : name;
	const meant = rule.extensions.includes(extension.toLowerCase()) ? extension.toLowerCase() : NEAR_MISSES[extension.toLowerCase()];
	const nearName = rule.names?.find((known) => known.slice(0, known.lastIndexOf('.')) === base);
	let hint = '';
	if (nearName) hint = `: rename it ${nearName}`;
	else if (meant && rule.extensions.includes(meant)) hint = `: rename it ${base}.${meant}`;
	else if (extension === 'mdx' && rule.extensions.includes('md')) hint = `: rename it ${base}.md (award entries are plain Markdown, shown as text)`;
	else if (rule.extensions.length) hint = `: only ${rule.extensions.filter((e) => e !== 'lock').map((e) => `.${e}`).join(' and ')} files are read here`;
	return `expected ${where}, found "${name}", which the check and the build do not read${hint}`;
}

/** Every file and folder under `contentDir` that no collection or award tool reads, as errors. */
export function findStrayFiles(projectRoot: string, contentDir: string): Diagnostic[] {
	const out: Diagnostic[] = [];
	const visit = (folder: string, rule: FolderRule) => {
		let entries;
		try {
			entries = readdirSync(folder, { withFileTypes: true });
		} catch {
			return; // a missing folder holds nothing to report (a missing site.yaml is the rules')
		}
		for (const entry of entries) {
			const absolutePath = path.join(folder, entry.name);
			const isFolder = entry.isDirectory();
			const problem = strayProblem(rule, entry.name, isFolder);
			if (problem) {
				out.push(error(displayPath(projectRoot, absolutePath), isFolder ? '(folder)' : '(file name)', problem));
				continue;
			}
			if (!isFolder) continue;
			const inner = rule.anyFolder ?? rule.folders?.[entry.name];
			if (inner) visit(absolutePath, inner);
		}
	};
	visit(contentDir, CONTENT_FOLDERS);
	return out;
}

/**
 * Every symbolic link under `contentDir` that leads out of it, wherever it is and whether or not
 * anything refers to it, as errors. The check refuses each such file where it is read (naming the
 * field that refers to it); this also covers what the check does not read itself (award results,
 * packets and feedback the CLI writes and reads, files a story imports), so the content folder
 * as a whole never reaches outside.
 */
export function findEscapingLinks(projectRoot: string, contentDir: string): Diagnostic[] {
	let entries;
	try {
		// Recursive listing does not descend into linked folders; the link itself is listed.
		entries = readdirSync(contentDir, { recursive: true, withFileTypes: true });
	} catch {
		return [];
	}
	const out: Diagnostic[] = [];
	for (const entry of entries) {
		if (!entry.isSymbolicLink()) continue;
		const absolutePath = path.join(entry.parentPath, entry.name);
		const escape = contentEscape(contentDir, absolutePath);
		if (!escape) continue;
		out.push(error(displayPath(projectRoot, absolutePath), '(file)', `expected files and folders inside the content folder (nothing under it may lead outside: the check and the build read nothing there), found ${escape.found}: replace the link with a copy of the file`));
	}
	return out.sort((a, b) => a.file.localeCompare(b.file));
}
