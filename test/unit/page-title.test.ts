import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH, pageTitle } from '../../src/lib/page-title';

const SITE = 'Tessellate Customer Evidence';

describe('pageTitle', () => {
	it('adds the site’s title to a short page title', () => {
		expect(pageTitle('Customers', SITE)).toBe('Customers · Tessellate Customer Evidence');
	});

	it('leaves the home page’s title (the site’s) alone', () => {
		expect(pageTitle(SITE, SITE)).toBe(SITE);
	});

	it('drops the suffix where the whole would pass the length search results show', () => {
		const long = 'How Alder & Finch Home cut new-item forecast error in its first season';
		expect(pageTitle(long, SITE)).toBe(long);
		const fits = 'x'.repeat(MAX_TITLE_LENGTH - SITE.length - 3);
		expect(pageTitle(fits, SITE)).toBe(`${fits} · ${SITE}`);
		expect(pageTitle(`${fits}y`, SITE)).toBe(`${fits}y`);
	});
});
