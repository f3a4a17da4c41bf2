import { describe, expect, it } from 'vitest';
import { editItemFile } from '../../src/lib/approval/front-matter.ts';

const approval = { approvedBy: 'ada', approvedOn: '2026-11-23', expiresOn: '2028-11-23', digest: { title: 'a'.repeat(64) } };

describe('writing a decision into an item file', () => {
	it('replaces only the approval block of a story, keeping comments, style and the body byte for byte', () => {
		const body = '\nBody with --- a rule\n\n---\n\nand trailing spaces   \n';
		const source = `---\n# who wrote it\ntitle: "Quoted: title"\nauthors: [ada, vera]\napproval:\n  approvedBy: old\n  approvedOn: 2025-01-01\n  expiresOn: 2026-01-01\nfeatured: true\n---${body}`;
		const edited = editItemFile(source, true, { approval, review: undefined }, 'story.md');
		expect(edited.endsWith(`---${body}`)).toBe(true);
		expect(edited).toContain('# who wrote it\ntitle: "Quoted: title"\nauthors: [ada, vera]\napproval:\n  approvedBy: ada\n  approvedOn: 2026-11-23\n  expiresOn: 2028-11-23\n  digest:\n');
		expect(edited).toContain('featured: true\n---');
	});

	it('removes a review when told to, and adds a block a file does not have yet', () => {
		const source = 'title: Video\nreview:\n  decision: declined\n  reviewedBy: ada\n  reviewedOn: 2026-11-01\n';
		expect(editItemFile(source, false, { approval, review: undefined }, 'video.yaml')).toBe(
			`title: Video\napproval:\n  approvedBy: ada\n  approvedOn: 2026-11-23\n  expiresOn: 2028-11-23\n  digest:\n    title: ${'a'.repeat(64)}\n`,
		);
	});

	it('keeps Windows line endings in the front matter, and the body as it is', () => {
		const source = '---\r\ntitle: Story\r\n---\r\nBody\r\n';
		const edited = editItemFile(source, true, { review: { decision: 'declined', reviewedBy: 'ada', reviewedOn: '2026-11-23', comments: 'No' } }, 'story.md');
		expect(edited).toBe('---\r\ntitle: Story\r\nreview:\r\n  decision: declined\r\n  reviewedBy: ada\r\n  reviewedOn: 2026-11-23\r\n  comments: "No"\r\n---\r\nBody\r\n');
	});

	it('writes a comment that looks like a date, a number or "no" so that it reads back as text', async () => {
		const { load } = await import('js-yaml');
		for (const comments of ['2027-01-01', '12', 'no', 'Yes', 'null', 'Line one\nline two: with a colon']) {
			const edited = editItemFile('title: Video\n', false, { review: { decision: 'declined', reviewedBy: 'ada', reviewedOn: '2026-11-23', comments } }, 'video.yaml');
			expect((load(edited) as { review: { comments: unknown } }).review.comments).toBe(comments);
			expect(edited).toContain('reviewedOn: 2026-11-23\n');
		}
	});

	it('refuses a Markdown file without front matter rather than guess', () => {
		expect(() => editItemFile('Just a body\n', true, { approval }, 'story.md')).toThrow(/expected YAML front matter/);
	});
});
