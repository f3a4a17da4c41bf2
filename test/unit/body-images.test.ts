/** A story body is parsed for its images only when it could name one (the check does this for every story). */
import { beforeEach, expect, it, vi } from 'vitest';

const parsed = vi.hoisted(() => ({ count: 0 }));
vi.mock('satteri', async (importOriginal) => {
	const satteri = await importOriginal<typeof import('satteri')>();
	return {
		...satteri,
		markdownToMdast: (...args: Parameters<typeof satteri.markdownToMdast>) => (parsed.count++, satteri.markdownToMdast(...args)),
		mdxToMdast: (...args: Parameters<typeof satteri.mdxToMdast>) => (parsed.count++, satteri.mdxToMdast(...args)),
	};
});
const { localBodyImages } = await import('../../src/lib/content/body-images.ts');

beforeEach(() => void (parsed.count = 0));

it('does not parse a body without "![": links, definitions and character references name no image', () => {
	for (const mdx of [false, true]) {
		expect(localBodyImages('A [link](../assets/a.png), &#33;[text](../assets/b.png) and ! [spaced](c.png).\n\n[ref]: ../assets/d.png\n', mdx)).toEqual([]);
	}
	expect(parsed.count).toBe(0);
});

it('parses a body that could name an image, and finds it', () => {
	expect(localBodyImages('Text\n\n![a](../assets/a.png)\n', false)).toEqual([{ path: '../assets/a.png', line: 3 }]);
	expect(localBodyImages('Text \\![not an image](x.png) but parsed\n', false)).toEqual([]);
	expect(parsed.count).toBe(2);
});
