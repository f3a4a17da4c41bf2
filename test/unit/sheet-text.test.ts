import { describe, expect, it } from 'vitest';
import { rankingSheetText } from '../../scripts/awards/final-round.ts';
import { scoreSheetText } from '../../scripts/awards/import.ts';
import { parseRankingSheet } from '../../src/lib/awards/rankings.ts';
import { parseScoreSheet } from '../../src/lib/awards/scores.ts';

describe('the sheets the CLI writes', () => {
	it('score sheet: text cells neutralised, scores as numbers, and read back as they were', () => {
		const comments = ['=HYPERLINK("http://evil","x")', '-10% churn', '+1', '@me', "'=x", "''@", '-', '', 'Solid, "familiar"'];
		const rows = comments.map((comment, i) => ({ judge: 'aca-demic', entry: 'quarry-planning', criterion: `c${i}`, score: i % 2 ? -1.5 : 4, comment }));
		const text = scoreSheetText(rows);
		expect(text).toContain(`aca-demic,quarry-planning,c0,4,"'=HYPERLINK(""http://evil"",""x"")"\n`);
		expect(text).toContain(`aca-demic,quarry-planning,c1,-1.5,'-10% churn\n`);
		const { lines, diagnostics } = parseScoreSheet(text, 'scores/round-1.csv');
		expect(diagnostics).toEqual([]);
		expect(lines.map((l) => l.row)).toEqual(rows);
	});

	it('ranking sheet: ids neutralised, ranks as numbers', () => {
		const text = rankingSheetText([{ judge: 'aca-demic', entry: 'quarry-planning', rank: 1 }]);
		expect(text).toBe('judge,entry,rank\naca-demic,quarry-planning,1\n');
		expect(parseRankingSheet(text, 'rankings/final.csv').lines.map((l) => l.row)).toEqual([{ judge: 'aca-demic', entry: 'quarry-planning', rank: 1 }]);
	});
});
