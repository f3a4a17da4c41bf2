// Audit 2 reproductions: each test fails on the current code and shows what gets through.
import { describe, expect, it } from 'vitest';
import { lintBlindEntries } from '../../src/lib/awards/blind.ts';
import { markdownToTextBlocks } from '../../src/lib/plaintext.ts';

describe('audit 2: blind lint reads raw Markdown, the packet shows rendered text', () => {
	const entrant = { customer: 'quarry-bank', name: 'Quarry Bank', website: 'https://quarrybank.example', people: ['Ada Quarry'] };
	for (const narrative of ['We are Qu**arry** Holdings.', 'We are [Quar](x)ry Holdings.', 'We are Q`uarry` Holdings.']) {
		it(`refuses ${JSON.stringify(narrative)}, which a judge reads as "Quarry"`, () => {
			const shown = markdownToTextBlocks(narrative).map((b) => ('text' in b ? b.text : '')).join(' ');
			expect(shown).toContain('Quarry');
			const problems = lintBlindEntries([{ id: 'e1', title: 't', summary: 's', narrative, evidence: [], entrant }]);
			expect(problems).not.toEqual([]);
		});
	}
});

describe('audit 2: confusable letters name an entrant unnoticed', () => {
	const entrant = { customer: 'quarry-bank', name: 'Quarry Bank', website: 'https://quarrybank.example', people: ['Ada Quarry'] };
	it('refuses "Qu\\u0430rry B\\u0430nk" (Cyrillic a), which reads as "Quarry Bank"', () => {
		const problems = lintBlindEntries([{ id: 'e1', title: 'Qu\u0430rry B\u0430nk', summary: 's', narrative: 'n', evidence: [], entrant }]);
		expect(problems).not.toEqual([]);
	});
});

describe('audit 2: feedback comments keep judges’ names written another way', async () => {
	const { feedbackFor } = await import('../../scripts/awards/publish.ts');
	const data = {
		entries: [{ id: 'e1', title: 'T', category: 'c' }],
		program: { name: 'P', categories: [{ id: 'c', name: 'C' }], criteria: [{ id: 'k', name: 'K', weight: 100 }], scale: { min: 1, max: 5 } },
		judges: [{ id: 'ana-lyst', name: 'Ana Lyst' }],
		scores: () => [{ judge: 'ana-lyst', entry: 'e1', criterion: 'k', score: 4, comment: 'Strong. (ana lyst) / signed: Ana / LYST' }],
	};
	const results = { round: 'round-1', tally: { method: 'offset', categories: [{ category: 'c', entries: [{ id: 'e1', rank: 1, rankInterval: [1, 1], judges: 1 }] }] } };
	const outcome = { category: 'c', winner: 'e1', finalists: ['e1'], honourableMentions: [] };
	it('anonymises "ana lyst", "Ana" and "LYST" as it does "Ana Lyst"', () => {
		const text = feedbackFor(data as never, results as never, outcome as never, 'e1');
		expect(text.toLowerCase()).not.toMatch(/\bana\b|\blyst\b/);
	});
});

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
