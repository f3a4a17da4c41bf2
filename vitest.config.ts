import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		// Build and browser suites spawn Astro and Chromium; they set their own longer timeouts.
		testTimeout: 20_000,
		// Builds are CPU-heavy on a 2-core machine: run test files one at a time.
		fileParallelism: false,
	},
});
