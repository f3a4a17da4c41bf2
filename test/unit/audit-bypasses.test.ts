/**
 * Audit reproductions (expected to FAIL until fixed): hostile story content that gets past the
 * hardening of docs/security.md. Each test states the guarantee it breaks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mdxToJs, type MdxToJsResult } from 'satteri';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/content/check.ts';
import { mdxStoryRule, type MdxRuleBreach } from '../../src/lib/content/mdx-rule.ts';
import { storyHtmlPlugin } from '../../src/lib/story-html.ts';
import { copyFixture, NOW, projectRoot } from '../helpers.ts';

describe('audit: MDX elements with a capital letter after the first skip the HTML allow-list', () => {
	// mdx-rule.ts accepts /^[a-z][A-Za-z0-9]*…/ as an HTML element, story-html.ts only judges
	// /^[a-z][a-z0-9-]*$/: <mEta>, <iMg>, <fOrm> pass the rule and are passed through unsanitised;
	// the browser lower-cases them into live <meta http-equiv=refresh>, <img onerror>, <form>.
	const source = '<mEta http-equiv="refresh" content="0;url=https://evil.example/" />\n\n<iMg src="x" onerror="alert(1)" />\n\n<fOrm action="https://evil.example/"><bUtton>Go</bUtton></fOrm>\n';

	it('the no-code rule accepts the story (so check and build pass it)', () => {
		const breaches: MdxRuleBreach[] = [];
		mdxToJs(source, { hastPlugins: [mdxStoryRule((b) => breaches.push(b))] });
		expect(breaches).toEqual([]);
	});

	it('the compiled story carries no refresh, handler or form', () => {
		const code = (mdxToJs(source, { hastPlugins: [storyHtmlPlugin] }) as MdxToJsResult).code;
		expect(code).not.toMatch(/http-equiv|onerror|evil\.example|fOrm/i);
	});
});

describe('audit: a story iframe loads YouTube before the visitor presses play', () => {
	it('an <iframe> of the YouTube player in a story body is not kept as a live frame', async () => {
		const { markdownToHtml } = await import('satteri');
		const html = (markdownToHtml('<iframe src="https://www.youtube-nocookie.com/embed/abc" allow="camera; microphone; geolocation"></iframe>\n', { hastPlugins: [storyHtmlPlugin] }) as { html: string }).html;
		// security.md: "No page requests anything from another host before a visitor presses play".
		expect(html).not.toMatch(/<iframe[^>]+src="https:\/\/www\.youtube-nocookie\.com/);
	});
});

describe('audit: a withheld speaker named with character references in a voice span', () => {
	it('`<v H&#97;l Gr&#105;d>` is relabelled like `<v Hal Grid>` (the transcript and JSON-LD showed "Hal Grid", and check warned of nothing)', async () => {
		const { relabelVoices, cueText } = await import('../../src/lib/vtt.ts');
		const people = [{ name: 'Hal Grid', label: 'Operations Director' }];
		expect(cueText(relabelVoices('<v Hal Grid>text', people)).speaker).toBe('Operations Director');
		expect(cueText(relabelVoices('<v H&#97;l Gr&#105;d>text', people)).speaker).toBe('Operations Director');
		expect(cueText(relabelVoices('<v\fHal Grid>text', people)).speaker).toBe('Operations Director');
	});
});

describe('audit: blind judging — an entrant named with invisible characters', () => {
	it('a soft hyphen or zero-width space inside the entrant\'s name is still found (judges see "Quarry Bank Mills")', async () => {
		const { lintBlindEntries } = await import('../../src/lib/awards/blind.ts');
		const entrant = { customer: 'quarry-bank', name: 'Quarry Bank Mills', website: 'https://quarrybank.example', people: ['Ada Quarry'] };
		const entry = (narrative: string) => ({ id: 'one-plan', title: 'One plan', summary: 'A plan.', narrative, evidence: [], entrant });
		expect(lintBlindEntries([entry('We at Quarry Bank Mills planned.')])).not.toEqual([]);
		expect(lintBlindEntries([entry('We at Quar\u00adry Bank Mi\u00adlls planned.')])).not.toEqual([]);
		expect(lintBlindEntries([entry('We at Quar\u200bry Bank Mi\u200blls planned.')])).not.toEqual([]);
	});
});
