/**
 * How a file is named in messages: relative to the project when it lies inside it. A module of its
 * own (it needs only `node:path`) so that `npm run build` names folders without loading the
 * content check's modules, which it runs in a process of its own.
 */
import path from 'node:path';

/** Path relative to the project root with forward slashes; absolute when outside the project. */
export function displayPath(projectRoot: string, absolutePath: string): string {
	const relative = path.relative(projectRoot, absolutePath);
	if (relative.startsWith('..') || path.isAbsolute(relative)) return absolutePath.split(path.sep).join('/');
	return relative.split(path.sep).join('/');
}
