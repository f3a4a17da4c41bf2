/**
 * Content never leaves the content folder, and files are judged by what they hold: every file
 * the check reads is resolved (`..`, symbolic links) and must stay inside the content folder;
 * images are decoded whole; videos carry an MP4 or WebM signature. Each test edits a fresh copy
 * of the fixture content (symbolic links made here) and expects `runCheck` to name the file and
 * field.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localBodyImages } from '../../src/lib/content/body-images.ts';
import { runCheck } from '../../src/lib/content/check.ts';
import { contentEscape, isPathInside, realPathInsideContent } from '../../src/lib/content/inside-content.ts';
import { videoContainer, videoSignatureProblem } from '../../src/lib/content/video-signature.ts';
import { copyFixture, editData, NOW, projectRoot } from '../helpers.ts';

let dir: string;
let outside: string;
let cleanup: () => void;
beforeEach(() => {
	({ dir, cleanup } = copyFixture());
	// A folder beside the content folder, standing for /etc or /proc/self: nothing in it may be read.
	outside = path.join(path.dirname(dir), 'outside');
	mkdirSync(outside);
	writeFileSync(path.join(outside, 'environ'), 'AWS_SECRET_ACCESS_KEY=do-not-publish\n');
});
afterEach(() => cleanup());

const at = (...parts: string[]) => path.join(dir, ...parts);
const check = () => runCheck({ projectRoot, contentDir: dir, now: NOW });
const MP4_HEAD = Buffer.from([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0]);
const WEBM_HEAD = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]);

async function expectError(fileSuffix: string, field: string, message: RegExp) {
	const result = await check();
	expect(result.diagnostics).toContainEqual(
		expect.objectContaining({ severity: 'error', file: expect.stringMatching(new RegExp(`${fileSuffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)), field, message: expect.stringMatching(message) }),
	);
	return result;
}

function selfHostedVideo(file: string) {
	mkdirSync(at('videos/media'), { recursive: true });
	editData(at('videos/grid-operations.yaml'), (d) => (d.source = { kind: 'file', file }));
}

describe('content never leaves the content folder', () => {
	it('a video file that is a symbolic link out of the content folder (/proc/self/environ)', async () => {
		selfHostedVideo('grid-interview.mp4');
		symlinkSync(path.join(outside, 'environ'), at('videos/media/grid-interview.mp4'));
		await expectError('videos/grid-operations.yaml', 'source.file', /^expected a video file inside the content folder .*found a symbolic link to .*outside\/environ, outside the content folder: copy the file into the content folder/);
	});

	it('a hero image that is a symbolic link out of the content folder, and one whose path leads out', async () => {
		writeFileSync(path.join(outside, 'x.jpg'), readFileSync(at('assets/hero.jpg')));
		rmSync(at('assets/hero.jpg'));
		symlinkSync(path.join(outside, 'x.jpg'), at('assets/hero.jpg'));
		await expectError('stories/quarry-forecasting.mdx', 'hero.src', /^expected an image file inside the content folder .*found a symbolic link to .*outside\/x.jpg/);
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.hero.src = '../../outside/x.jpg'));
		await expectError('stories/quarry-forecasting.mdx', 'hero.src', /^expected an image file inside the content folder .*found a path that leads outside the content folder \(to .*outside\/x.jpg\)/);
	});

	it('a logo in a folder that is a symbolic link out of the content folder', async () => {
		mkdirSync(path.join(outside, 'logos'));
		writeFileSync(path.join(outside, 'logos/logo.svg'), readFileSync(at('assets/logo.svg')));
		symlinkSync(path.join(outside, 'logos'), at('assets/linked'));
		editData(at('customers/quarry-bank.yaml'), (d) => (d.logo = '../assets/linked/logo.svg'));
		await expectError('customers/quarry-bank.yaml', 'logo', /found a symbolic link to .*outside\/logos\/logo.svg, outside the content folder/);
	});

	it('captions that are a symbolic link out of the content folder', async () => {
		writeFileSync(path.join(outside, 'captions.vtt'), readFileSync(at('videos/grid-operations.vtt')));
		rmSync(at('videos/grid-operations.vtt'));
		symlinkSync(path.join(outside, 'captions.vtt'), at('videos/grid-operations.vtt'));
		const result = await expectError('videos/grid-operations.yaml', 'captions', /^expected a captions file inside the content folder .*found a symbolic link to .*outside\/captions.vtt/);
		expect(result.captions.has('grid-operations')).toBe(false);
	});

	it('an entry file and a score sheet that are symbolic links out of the content folder', async () => {
		writeFileSync(path.join(outside, 'customer.yaml'), readFileSync(at('customers/quarry-bank.yaml')));
		writeFileSync(path.join(outside, 'round-1.csv'), readFileSync(at('awards/demo-awards/scores/round-1.csv')));
		rmSync(at('customers/quarry-bank.yaml'));
		symlinkSync(path.join(outside, 'customer.yaml'), at('customers/quarry-bank.yaml'));
		rmSync(at('awards/demo-awards/scores/round-1.csv'));
		symlinkSync(path.join(outside, 'round-1.csv'), at('awards/demo-awards/scores/round-1.csv'));
		const result = await expectError('customers/quarry-bank.yaml', '(file)', /^expected an entry file inside the content folder .*found a symbolic link to .*outside\/customer.yaml/);
		expect(result.index.customers.has('quarry-bank')).toBe(false);
		await expectError('awards/demo-awards/scores/round-1.csv', '(file)', /^expected a sheet inside the content folder .*outside\/round-1.csv/);
	});

	it('an image path with a query or a %-escape, which the build\'s bundler would read as options or decode', async () => {
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.hero.src = '../customers/quarry-bank.yaml?raw&x.png'));
		await expectError('stories/quarry-forecasting.mdx', 'hero.src', /^expected a plain image file path, without "\?", "#" or "%" .*found .*quarry-bank.yaml\?raw&x.png: rename the file/);
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.hero.src = '../assets/%2e%2e/%2e%2e/outside/x.jpg'));
		await expectError('stories/quarry-forecasting.mdx', 'hero.src', /^expected a plain image file path, without "\?", "#" or "%"/);
	});

	it('follows links that stay inside the content folder, and a content folder reached through a link', async () => {
		symlinkSync(at('assets/hero.jpg'), at('assets/hero-link.jpg'));
		editData(at('stories/quarry-forecasting.mdx'), (d) => (d.hero.src = '../assets/hero-link.jpg'));
		expect((await check()).diagnostics).toEqual([]);
		const linkedRoot = path.join(outside, 'content-link');
		symlinkSync(dir, linkedRoot);
		expect((await runCheck({ projectRoot, contentDir: linkedRoot, now: NOW })).diagnostics).toEqual([]);
	});

	it('the rule: by path, then by real path; the build refuses the same reads', () => {
		expect(isPathInside('/c', '/c')).toBe(true);
		expect(isPathInside('/c', '/c/a/..b')).toBe(true);
		expect(isPathInside('/c', '/c/../etc/x')).toBe(false);
		expect(isPathInside('/c', '/content-other/x')).toBe(false);
		expect(contentEscape(dir, at('assets/missing.jpg'))).toBeUndefined();
		expect(contentEscape(dir, at('../../etc/x.png'))?.found).toMatch(/^a path that leads outside the content folder/);
		symlinkSync(path.join(outside, 'environ'), at('assets/environ.jpg'));
		expect(contentEscape(dir, at('assets/environ.jpg'))?.realTarget).toBe(path.join(outside, 'environ'));
		expect(() => realPathInsideContent(dir, at('assets/environ.jpg'))).toThrow(/refusing to read .*environ.jpg: a symbolic link to .*outside\/environ/);
		expect(realPathInsideContent(dir, at('assets/hero.jpg'))).toBe(at('assets/hero.jpg'));
		// The content folder reached through a link, and a file named by its real path: the real paths decide.
		const linkedRoot = path.join(outside, 'content-link');
		symlinkSync(dir, linkedRoot);
		expect(contentEscape(linkedRoot, at('assets/hero.jpg'))).toBeUndefined();
		expect(contentEscape(linkedRoot, path.join(linkedRoot, 'assets/environ.jpg'))?.found).toMatch(/^a symbolic link to .*outside\/environ/);
	});
});

describe('media are judged by what they hold', () => {
	it('a truncated JPEG (its header intact) is decoded whole and reported', async () => {
		const jpeg = readFileSync(at('assets/hero.jpg'));
		writeFileSync(at('assets/hero.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2)));
		await expectError('stories/quarry-forecasting.mdx', 'hero.src', /^expected a JPEG\/PNG\/WebP\/AVIF\/GIF\/TIFF image, found a file sharp cannot read \(a JPEG file cut short or damaged, so export or upload it again: .*\) at .*assets\/hero.jpg$/);
	});

	it('a truncated PNG is reported too', async () => {
		const png = readFileSync(at('assets/person.png'));
		writeFileSync(at('assets/person.png'), png.subarray(0, Math.floor(png.length * 0.6)));
		await expectError('people/ada-quarry.yaml', 'headshot', /found a file sharp cannot read/);
	});

	it('a video file that is not a video, or a WebM named .mp4', async () => {
		selfHostedVideo('grid-interview.mp4');
		writeFileSync(at('videos/media/grid-interview.mp4'), '<html><script>alert(document.domain)</script></html>');
		await expectError('videos/grid-operations.yaml', 'source.file', /^expected an MP4 or WebM video, found a file that is not an MP4 video \(no "ftyp" box at its start\): export the video again as MP4 or WebM at .*videos\/media\/grid-interview.mp4$/);
		writeFileSync(at('videos/media/grid-interview.mp4'), WEBM_HEAD);
		await expectError('videos/grid-operations.yaml', 'source.file', /found a WebM video named .mp4 \(rename it .webm/);
	});

	it('MP4 and WebM files pass', async () => {
		selfHostedVideo('grid-interview.mp4');
		writeFileSync(at('videos/media/grid-interview.mp4'), MP4_HEAD);
		expect((await check()).diagnostics).toEqual([]);
		selfHostedVideo('grid-interview.webm');
		writeFileSync(at('videos/media/grid-interview.webm'), WEBM_HEAD);
		expect((await check()).diagnostics).toEqual([]);
	});

	it('the signature rule', () => {
		expect(videoContainer(MP4_HEAD)).toBe('mp4');
		expect(videoContainer(WEBM_HEAD)).toBe('webm');
		expect(videoContainer(Buffer.from('ftyp'))).toBeUndefined();
		expect(videoSignatureProblem('a.webm', WEBM_HEAD)).toBeUndefined();
		expect(videoSignatureProblem('a.webm', MP4_HEAD)).toMatch(/^an MP4 video named .webm/);
		expect(videoSignatureProblem('a.mp4', new Uint8Array())).toBe('an empty file');
		expect(videoSignatureProblem('a.webm', Buffer.from('%PDF-1.7'))).toMatch(/not a WebM video/);
	});

	it('the sample video passes', () => {
		const sample = readFileSync(path.join(projectRoot, 'content/videos/media/valle-alto-transit-in-30-seconds.mp4')).subarray(0, 12);
		expect(videoSignatureProblem('valle-alto-transit-in-30-seconds.mp4', sample)).toBeUndefined();
	});
});

describe("images a story's body names", () => {
	it('lists local images as the build collects them: decoded, references included, URLs and site paths left out', () => {
		const body = 'Intro\n\n![a](../assets/a.png "t") ![remote](https://cdn.example/x.png) ![site](/logo.png)\n\n![b][ref] ![c](%2e%2e/assets/c.png)\n\n[ref]: ../assets/b.png\n[unused]: ../../x.png\n';
		expect(localBodyImages(body, false)).toEqual([
			{ path: '../assets/a.png', line: 3 },
			{ path: '../assets/b.png', line: 7 },
			{ path: '../assets/c.png', line: 5 },
		].sort((x, y) => x.line - y.line));
		expect(localBodyImages('import X from "./x.js"\n\n<X />\n\n![a](./a.png)\n', true)).toEqual([{ path: './a.png', line: 5 }]);
	});

	it('an image in a story body that leads out of the content folder, by path or by link, or names no file', async () => {
		const story = at('stories/quarry-forecasting.mdx');
		const source = readFileSync(story, 'utf8');
		writeFileSync(path.join(outside, 'x.jpg'), readFileSync(at('assets/hero.jpg')));
		symlinkSync(path.join(outside, 'x.jpg'), at('assets/linked.jpg'));
		writeFileSync(story, `${source}\n![Out](../../outside/x.jpg)\n\n![Linked](../assets/linked.jpg)\n\n![Encoded](%2e%2e/%2e%2e/outside/x.jpg)\n\n![Gone](../assets/gone.jpg)\n`);
		const result = await check();
		const body = result.diagnostics.filter((d) => d.file.endsWith('stories/quarry-forecasting.mdx') && d.field.startsWith('line '));
		expect(body.map((d) => d.message)).toEqual([
			expect.stringMatching(/^expected an image file \(!\[…\]\(\.\.\/\.\.\/outside\/x\.jpg\)\) inside the content folder .*found a path that leads outside the content folder/),
			expect.stringMatching(/^expected an image file \(!\[…\]\(\.\.\/assets\/linked\.jpg\)\) inside the content folder .*found a symbolic link to .*outside\/x\.jpg/),
			expect.stringMatching(/^expected an image file \(!\[…\]\(\.\.\/\.\.\/outside\/x\.jpg\)\) inside the content folder .*found a path that leads outside/),
			expect.stringMatching(/^expected an image file at \.\.\/assets\/gone\.jpg .*found no file at .*assets\/gone\.jpg$/),
		]);
		const lines = source.split('\n').length;
		expect(body[0].field).toBe(`line ${lines + 1}`);
	});
});
