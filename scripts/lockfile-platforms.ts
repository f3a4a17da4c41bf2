/**
 * Restores other platforms' optional binary packages in package-lock.json.
 *
 * Packages like pagefind and Astro's compiler ship one optional package per platform. npm
 * records all of them in the lockfile, but only when the registry serves them; the registry
 * mirror on our build machines serves only some, so `npm install` writes a lockfile that
 * `npm ci` then rejects ("Missing: @pagefind/darwin-arm64@ from lock file"), and that would
 * not install on macOS or Windows either. This adds each missing one back with its version and
 * the os/cpu/libc its name declares, as npm would have written it.
 *
 *   npm install <something> && node scripts/lockfile-platforms.ts
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type LockPackage = { version?: string; optional?: boolean; os?: string[]; cpu?: string[]; libc?: string[]; optionalDependencies?: Record<string, string> };

const OS: Record<string, string> = { darwin: 'darwin', linux: 'linux', win32: 'win32', windows: 'win32', android: 'android', freebsd: 'freebsd' };
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'wasm32', 'riscv64', 's390x', 'ppc64'];
const LIBC: Record<string, string> = { gnu: 'glibc', musl: 'musl' };

/** Platform fields from a name like `@scope/binding-linux-arm64-musl`. */
export function platformOf(name: string): Pick<LockPackage, 'os' | 'cpu' | 'libc'> {
	const parts = name.split('/').pop()!.split('-');
	const os = parts.map((p) => OS[p]).find(Boolean);
	const cpu = parts.find((p) => CPU.includes(p));
	const libc = parts.map((p) => LIBC[p]).find(Boolean);
	return { ...(cpu && { cpu: [cpu] }), ...(libc && { libc: [libc] }), ...(os && { os: [os] }) };
}

export function restorePlatformPackages(lock: { packages: Record<string, LockPackage> }): string[] {
	const added: string[] = [];
	for (const [location, pkg] of Object.entries(lock.packages)) {
		for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
			const parentModules = location === '' ? 'node_modules' : `${location}/node_modules`;
			if (lock.packages[`${parentModules}/${name}`] || lock.packages[`node_modules/${name}`]) continue;
			lock.packages[`node_modules/${name}`] = { version, optional: true, ...platformOf(name) };
			added.push(`${name}@${version}`);
		}
	}
	lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
	return added;
}

if (import.meta.main) {
	const file = path.resolve(import.meta.dirname, '..', 'package-lock.json');
	const lock = JSON.parse(readFileSync(file, 'utf8'));
	const added = restorePlatformPackages(lock);
	writeFileSync(`${file}.tmp`, `${JSON.stringify(lock, null, 2)}\n`);
	renameSync(`${file}.tmp`, file);
	console.log(added.length ? `added ${added.length} platform packages:\n  ${added.join('\n  ')}` : 'lockfile already lists every platform package');
}
