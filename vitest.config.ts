import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		// Build and browser suites spawn Astro and Chromium; they set their own longer timeouts.
		testTimeout: 20_000,
		// expect.poll waits for a condition, and on a busy machine (CI's, or this one running
		// builds) a browser can take more than the default 1 s to reach it: the library filter
		// first loads Pagefind's worker and WebAssembly. A poll returns as soon as its condition
		// holds, so a longer limit costs nothing when the page is quick.
		expect: { poll: { timeout: 15_000 } },
		// Builds are CPU-heavy on a 2-core machine: run test files one at a time.
		fileParallelism: false,
	},
});
