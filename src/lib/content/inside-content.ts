/**
 * Content never leaves the content folder. Everything under `content/` arrives by pull request
 * from people outside the team, and CI builds it with secrets nearby: a video file that is a
 * symbolic link to `/proc/self/environ`, or a hero image at `../../../etc/x.png`, would be read
 * by the check and published by the build. So every file the check or the build reads is
 * resolved (`..` and symbolic links, as the operating system will follow them) and must stay
 * inside the content folder, itself resolved (the folder may be reached through a link).
 *
 * The one rule for the check (entries, sheets, images in front matter and story bodies, media,
 * captions) and the build's own reads (`src/pages/media/[file].ts`, the captions in
 * `src/data/content.ts`). MDX stories import nothing (mdx-rule.ts).
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

/** Whether `target` is `root` or lies under it, by the paths' text alone (both absolute and resolved). */
export function isPathInside(root: string, target: string): boolean {
	const relative = path.relative(root, target);
	return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** The content folder's real path, by folder (resolved once per process). */
const realRoots = new Map<string, string>();
function realRoot(contentDir: string): string {
	let real = realRoots.get(contentDir);
	if (real === undefined) {
		try {
			real = realpathSync.native(contentDir);
		} catch {
			real = path.resolve(contentDir);
		}
		realRoots.set(contentDir, real);
	}
	return real;
}

/** Where a reference leads, for messages: the content-relative path, or the absolute one outside. */
export interface ContentEscape {
	/** The path as written or joined (`content/…/../../etc/x.png` resolved), absolute. */
	target: string;
	/** Where the file really is once symbolic links are followed; undefined when the path itself leaves. */
	realTarget?: string;
	/** What was found, in words for the message: "a path that leads outside the content folder (to /etc/x.png)". */
	found: string;
}

/**
 * Why reading `target` would leave `contentDir`: its path leads outside (`../../etc/x.png`), or
 * it (or a folder on its way) is a symbolic link to a place outside. Undefined when the file
 * stays inside, or does not exist inside (a missing file is the caller's to report).
 */
export function contentEscape(contentDir: string, target: string): ContentEscape | undefined {
	const root = path.resolve(contentDir);
	const resolved = path.resolve(root, target);
	const leadsOut = !isPathInside(root, resolved);
	let real: string;
	try {
		real = realpathSync.native(resolved);
	} catch {
		// Missing (or a dangling link): nothing is read here, but a path written to leave is refused
		// all the same (on another machine, CI's, the file it names may exist).
		return leadsOut ? { target: resolved, found: `a path that leads outside the content folder (to ${resolved})` } : undefined;
	}
	// Where the operating system will read decides, whatever the path's text says (the content
	// folder itself may be reached through a link).
	if (isPathInside(realRoot(contentDir), real)) return undefined;
	if (leadsOut) return { target: resolved, realTarget: real, found: `a path that leads outside the content folder (to ${resolved})` };
	return { target: resolved, realTarget: real, found: `a symbolic link to ${real}, outside the content folder` };
}

/** The message the check gives for an escaping reference: what was found, and what to do. */
export function contentEscapeMessage(what: string, escape: ContentEscape): string {
	return `expected ${what} inside the content folder (the check and the build read nothing outside it), found ${escape.found}: copy the file into the content folder and refer to it there`;
}

/**
 * For the build's own reads (defence in depth behind the check): the real path of `target`,
 * which must lie inside `contentDir`; throws naming the file otherwise.
 */
export function realPathInsideContent(contentDir: string, target: string): string {
	const escape = contentEscape(contentDir, target);
	if (escape) throw new Error(`refusing to read ${escape.target}: ${escape.found} (run npm run check)`);
	return realpathSync.native(path.resolve(contentDir, target));
}
