// Audit 2 reproductions: each test fails on the current code and shows what gets through.
import { describe, expect, it } from 'vitest';

describe('audit 2: deeply nested Markdown crashes the check', async () => {
	const { appendFileSync } = await import('node:fs');
	const path = await import('node:path');
	const { runCheck } = await import('../../src/lib/content/check.ts');
	const { copyFixture, NOW, projectRoot } = await import('../helpers.ts');
	// 10,000 levels: `npm run check` dies with SIGSEGV (exit 139); 5,000: "check failed: Maximum call stack size exceeded".
	it('reports a story of 5,000 nested block quotes (10 KB) as a content problem, not a RangeError', async () => {
		const { dir, cleanup } = copyFixture();
		try {
			appendFileSync(path.join(dir, 'stories/quarry-forecasting.mdx'), `\n\n${'> '.repeat(5000)}deep\n`);
			const result = await runCheck({ projectRoot, contentDir: dir, now: NOW });
			expect(result.errors).toBeGreaterThan(0);
		} finally {
			cleanup();
		}
	});
});
