import { expect, it } from 'vitest';
import { platformOf, restorePlatformPackages } from '../../scripts/lockfile-platforms.ts';

it('reads os, cpu and libc from platform package names', () => {
	expect(platformOf('@pagefind/windows-x64')).toEqual({ os: ['win32'], cpu: ['x64'] });
	expect(platformOf('@astrojs/compiler-binding-linux-arm64-musl')).toEqual({ os: ['linux'], cpu: ['arm64'], libc: ['musl'] });
	expect(platformOf('@astrojs/compiler-binding-wasm32-wasi')).toEqual({ cpu: ['wasm32'] });
});

it('adds only the optional platform packages the lockfile lacks', () => {
	const lock = {
		packages: {
			'': { optionalDependencies: {} },
			'node_modules/pagefind': { version: '1.6.0', optionalDependencies: { '@pagefind/linux-x64': '1.6.0', '@pagefind/darwin-arm64': '1.6.0' } },
			'node_modules/@pagefind/linux-x64': { version: '1.6.0', optional: true, os: ['linux'], cpu: ['x64'] },
		},
	};
	expect(restorePlatformPackages(lock)).toEqual(['@pagefind/darwin-arm64@1.6.0']);
	expect(lock.packages['node_modules/@pagefind/darwin-arm64' as keyof typeof lock.packages]).toEqual({ version: '1.6.0', optional: true, os: ['darwin'], cpu: ['arm64'] });
	expect(Object.keys(lock.packages)[0]).toBe('');
	expect(restorePlatformPackages(lock)).toEqual([]);
});
