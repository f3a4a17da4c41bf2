/**
 * The resident memory of a process and of everything it started, read from `/proc` (Linux): what
 * `npm run bench` reports as a build's peak, and what `npm run build` reads live to decide whether
 * a search bundle can be indexed beside Astro (scripts/lib/search-index.ts). Elsewhere (no
 * `/proc`) there is no reading: `undefined`.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Every process's children, by process id: one look at `/proc` (a few milliseconds); `undefined` without it. */
export function processTree(): Map<number, number[]> | undefined {
	let names: string[];
	try {
		names = readdirSync('/proc');
	} catch {
		return undefined;
	}
	const children = new Map<number, number[]>();
	for (const name of names) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// Field 4 of /proc/<pid>/stat is the parent; the name (field 2) may hold spaces, so
			// fields are counted after its closing parenthesis.
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
		} catch {
			// the process ended while we looked
		}
	}
	return children;
}

/**
 * Resident bytes of one process (0 once it has ended), from `VmRSS` in `/proc/<pid>/status`, which
 * the kernel gives in kB whatever the machine's memory page size (`statm` counts pages: 4 KB here,
 * 16 or 64 KB on some arm64 machines).
 */
function rssOf(pid: number): number {
	try {
		const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kb ? Number(kb) * 1024 : 0;
	} catch {
		return 0;
	}
}

/**
 * Summed resident bytes of `root` and all its descendants, leaving out the subtrees of the
 * processes in `except`; `undefined` without `/proc`. `children` is the process tree to follow, if
 * already read.
 */
export function treeRss(root: number, except: readonly number[] = [], children = processTree()): number | undefined {
	if (!children) return undefined;
	let bytes = 0;
	const stack = [root];
	while (stack.length) {
		const pid = stack.pop()!;
		if (except.includes(pid)) continue;
		bytes += rssOf(pid);
		stack.push(...(children.get(pid) ?? []));
	}
	return bytes;
}

/**
 * The descendants of `root` whose command name (`/proc/<pid>/comm`) starts with `prefix`: a
 * build's Pagefind indexers. Empty without `/proc`.
 */
export function processesNamed(root: number, prefix: string, children = processTree()): number[] {
	if (!children) return [];
	const found: number[] = [];
	const stack = [...(children.get(root) ?? [])];
	while (stack.length) {
		const pid = stack.pop()!;
		try {
			if (readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith(prefix)) found.push(pid);
		} catch {
			// ended while we looked
		}
		stack.push(...(children.get(pid) ?? []));
	}
	return found;
}
