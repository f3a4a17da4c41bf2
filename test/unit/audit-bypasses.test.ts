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
