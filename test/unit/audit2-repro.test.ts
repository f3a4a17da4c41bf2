// Audit 2 reproductions: each test fails on the current code and shows what gets through.
import { describe, expect, it } from 'vitest';

describe('audit 2: a withheld customer named in another customer’s story', async () => {
	const { readFileSync, writeFileSync } = await import('node:fs');
	const path = await import('node:path');
	const { runCheck } = await import('../../src/lib/content/check.ts');
	const { copyFixture, NOW, projectRoot } = await import('../helpers.ts');
	it('is at least a warning, as it is in hidden-grid’s own items', async () => {
		const { dir, cleanup } = copyFixture();
		try {
			const file = path.join(dir, 'stories/quarry-forecasting.mdx');
			writeFileSync(file, readFileSync(file, 'utf8').replace('We finally plan from one number.', 'Hal Grid at Hidden Grid Operator told us to try it.'));
			const result = await runCheck({ projectRoot, contentDir: dir, now: NOW });
			expect(result.diagnostics.filter((d) => /hidden-grid/.test(d.message))).not.toEqual([]);
		} finally {
			cleanup();
		}
	});
});

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

describe('audit 2: a withheld name drawn or written inside an SVG image', async () => {
	const { readFileSync, writeFileSync } = await import('node:fs');
	const path = await import('node:path');
	const { runCheck } = await import('../../src/lib/content/check.ts');
	const { copyFixture, NOW, projectRoot } = await import('../helpers.ts');
	// SVGs are published unchanged (dist/_astro/<hash>.svg is the source's bytes), so <text>, <title>, comments all ship.
	it('is at least a warning when hidden-grid’s video poster says "Hidden Grid Operator"', async () => {
		const { dir, cleanup } = copyFixture();
		try {
			writeFileSync(
				path.join(dir, 'assets/poster-a.svg'),
				'<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1280 720"><title>Hidden Grid Operator</title><!-- Hidden Grid Operator --><rect width="1280" height="720" fill="#123"/><text x="40" y="80" fill="#fff">Hidden Grid Operator</text></svg>',
			);
			const file = path.join(dir, 'videos/grid-operations.yaml');
			writeFileSync(file, readFileSync(file, 'utf8').replace('../assets/poster.jpg', '../assets/poster-a.svg'));
			const result = await runCheck({ projectRoot, contentDir: dir, now: NOW });
			expect(result.diagnostics.filter((d) => /hidden-grid/.test(d.message))).not.toEqual([]);
		} finally {
			cleanup();
		}
	});
});
