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
