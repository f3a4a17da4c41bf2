/**
 * Reads the private reference program (`content/references/`): the policy, one file per advocate
 * and one activity file per year. Never a content collection: only the check and the
 * `references` CLI read these files, so nothing in them can reach the site.
 */
import { glob } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { ID_PATTERN } from '../../schemas/common.ts';
import { activityFileSchema, advocateSchema, referencePolicySchema, type Activity, type Advocate, type ReferencePolicy } from '../../schemas/reference.ts';
import { error, type Diagnostic } from '../diagnostics.ts';
import { contentEscape, contentEscapeMessage } from '../content/inside-content.ts';
import { displayPath, parseYaml, readContentText } from '../content/load.ts';
import { issueToDiagnostic } from '../content/validate.ts';

/** Folder (relative to the content root) of the reference program. */
export const REFERENCES_FOLDER = 'references';

/** An advocate as read: its id is its file name. */
export interface AdvocateRecord {
	id: string;
	file: string;
	data: Advocate;
}

/** One activity, with the file and position it came from (for messages). */
export interface ActivityRecord {
	file: string;
	/** Index in the file's `activities` list. */
	index: number;
	/** The year the file is named for. */
	year: number;
	data: Activity;
}

/** The whole reference program, validated file by file (cross-file rules: `rules.ts`). */
export interface ReferenceData {
	policy: ReferencePolicy;
	/** The policy file, when there is one. */
	policyFile?: string;
	advocates: Map<string, AdvocateRecord>;
	activities: ActivityRecord[];
}

/** The file at `absolutePath`, parsed and validated by `schema`; undefined (with diagnostics) when it is not valid. */
function readValid<S extends z.ZodType>(projectRoot: string, contentDir: string, absolutePath: string, schema: S, diagnostics: Diagnostic[]): z.infer<S> | undefined {
	const file = displayPath(projectRoot, absolutePath);
	const escape = contentEscape(contentDir, absolutePath);
	if (escape) {
		diagnostics.push(error(file, '(file)', contentEscapeMessage('a reference file', escape)));
		return undefined;
	}
	const read = readContentText(absolutePath, file);
	if (read.diagnostic) diagnostics.push(read.diagnostic);
	if (read.text === undefined) return undefined;
	const parsed = parseYaml(read.text, file);
	diagnostics.push(...parsed.diagnostics);
	if (parsed.data === undefined) return undefined;
	const result = schema.safeParse(parsed.data);
	if (!result.success) {
		diagnostics.push(...result.error.issues.map((issue) => issueToDiagnostic(file, parsed.data, issue, schema)));
		return undefined;
	}
	return result.data;
}

/** Files matching `pattern` in `folder`, sorted, as absolute paths. */
async function filesIn(folder: string, pattern: string): Promise<string[]> {
	const found: string[] = [];
	for await (const match of glob(pattern, { cwd: folder })) found.push(path.join(folder, match));
	return found.sort();
}

/**
 * Reads `content/references/`. A missing folder is an empty program with the default policy.
 * Every problem is a diagnostic naming the file and field; an invalid file is left out.
 */
export async function loadReferences(projectRoot: string, contentDir: string): Promise<{ data: ReferenceData; diagnostics: Diagnostic[] }> {
	const diagnostics: Diagnostic[] = [];
	const root = path.join(contentDir, REFERENCES_FOLDER);
	const data: ReferenceData = { policy: referencePolicySchema.parse({}), advocates: new Map(), activities: [] };
	if (!existsSync(root)) return { data, diagnostics };

	const policyPath = path.join(root, 'policy.yaml');
	if (existsSync(policyPath)) {
		const policy = readValid(projectRoot, contentDir, policyPath, referencePolicySchema, diagnostics);
		if (policy) data.policy = policy;
		data.policyFile = displayPath(projectRoot, policyPath);
	}

	for (const absolutePath of await filesIn(path.join(root, 'advocates'), '*.yaml')) {
		const id = path.basename(absolutePath, '.yaml');
		const file = displayPath(projectRoot, absolutePath);
		if (!ID_PATTERN.test(id)) {
			diagnostics.push(error(file, '(file name)', `expected an advocate file named in lower-case words joined by hyphens (its name is the advocate's id, used in activities), found "${id}"`));
			continue;
		}
		const advocate = readValid(projectRoot, contentDir, absolutePath, advocateSchema, diagnostics);
		if (advocate) data.advocates.set(id, { id, file, data: advocate });
	}

	for (const absolutePath of await filesIn(path.join(root, 'activities'), '*.yaml')) {
		const name = path.basename(absolutePath, '.yaml');
		const file = displayPath(projectRoot, absolutePath);
		if (!/^\d{4}$/.test(name)) {
			diagnostics.push(error(file, '(file name)', `expected an activity file named for its year, like 2026.yaml, found "${name}.yaml"`));
			continue;
		}
		const year = Number(name);
		const parsed = readValid(projectRoot, contentDir, absolutePath, activityFileSchema, diagnostics);
		parsed?.activities.forEach((activity, index) => data.activities.push({ file, index, year, data: activity }));
	}
	data.activities.sort((a, b) => a.data.date.getTime() - b.data.date.getTime() || a.file.localeCompare(b.file) || a.index - b.index);
	return { data, diagnostics };
}
