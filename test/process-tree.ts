/** The processes under a process, read from /proc (Linux), for tests of what a command started. */
import { readdirSync, readFileSync } from 'node:fs';

/** Every process under `root`, from /proc (its id and command line). */
export function descendants(root: number): { pid: number; command: string }[] {
	const parents = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// ended meanwhile
		}
	}
	const found: { pid: number; command: string }[] = [];
	const walk = (pid: number) => {
		for (const [child, parent] of parents) {
			if (parent !== pid) continue;
			let command = '';
			try {
				command = readFileSync(`/proc/${child}/cmdline`, 'utf8').replaceAll('\0', ' ');
			} catch {
				// ended meanwhile
			}
			found.push({ pid: child, command });
			walk(child);
		}
	};
	walk(root);
	return found;
}

