/** The sample content agrees with itself where no schema can see it (what a visitor reads side by side). */
import { expect, it } from 'vitest';
import { runCheck } from '../../src/lib/content/check.ts';
import { NOW, projectRoot, sampleContent } from '../helpers.ts';

const day = (d: Date) => d.toISOString().slice(0, 10);

it('announces each program\'s winners on the day its timeline gives', async () => {
	const { index } = await runCheck({ projectRoot, contentDir: sampleContent, now: NOW });
	expect(index.awardWinners.size).toBeGreaterThan(0);
	for (const [id, winners] of index.awardWinners) {
		const announced = index.awardPrograms.get(id)!.data.timeline.find((t: { label: string }) => /winners announced/i.test(t.label));
		expect(announced, `${id}: a "Winners announced" date in the timeline`).toBeDefined();
		// The day the site says results were published (or, when embargoed, the day they are announced).
		expect([id, day(announced!.date)]).toEqual([id, day(winners.data.publishAt ?? winners.data.publishedOn)]);
	}
});

it('has no judge statement pointing at conflict declarations, which are never shown', async () => {
	const { index } = await runCheck({ projectRoot, contentDir: sampleContent, now: NOW });
	for (const judge of index.awardJudges.values()) expect([judge.id, judge.data.independence]).not.toEqual([judge.id, expect.stringMatching(/declared (below|above|here)/i)]);
});
