/**
 * A page's `<title>`: the page's own title and the site's (`Title · Site`), or the page's title
 * alone where the two would be longer than search results show (about 70 characters): there the
 * page's title is what tells the result apart, and the suffix would only be cut off. The home
 * page, titled as the site, is not repeated. Dropping a suffix keeps titles unique: a title long
 * enough to lose it cannot equal a shorter one that kept it unless it ends in ` · <site>` itself.
 */
export const MAX_TITLE_LENGTH = 70;

export function pageTitle(title: string, siteTitle: string): string {
	if (title === siteTitle) return title;
	const full = `${title} · ${siteTitle}`;
	return [...full].length > MAX_TITLE_LENGTH ? title : full;
}
