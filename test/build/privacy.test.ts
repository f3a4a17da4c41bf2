/**
 * The publication rule, proven on the built output. Copies of one story (and a video and an award
 * entry) are made draft, embargoed, expired or unapproved, each carrying its own marker word in
 * title, file name, body and image name; after a real build no marker of a private copy may
 * appear anywhere in dist/ (pages, sitemap, feed, assets, the gzip-compressed Pagefind index),
 * while the marker of the copy left published appears in all of them.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Element, Nodes } from 'hast';
import { htmlToHast } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify, parse } from 'yaml';
import { buildSite, filesMentioning, readBuiltFiles, type BuiltFile } from '../build-helpers.ts';
import { copyFixture } from '../helpers.ts';

/** Marker words, one per publication state; none occurs anywhere else. */
const MARKERS = {
	published: 'plumbagoprobe',
	draft: 'dracaenaprobe',
	embargoed: 'euphorbiaprobe',
	expired: 'echeveriaprobe',
	unapproved: 'ungernia',
} as const;
type Variant = keyof typeof MARKERS;
/** The file name of a draft's hero that is a copy of a public one. */
const SECRET_IMAGE = 'hero-secret-merger-plans';
const PRIVATE: Variant[] = ['draft', 'embargoed', 'expired', 'unapproved'];
/** Raw HTML and links in a Markdown story that would run script if published as written. */
const HOSTILE_MARKDOWN_BODY = [
	'[Click me](javascript:alert("md-link")) and <a href="javascript:alert(\'raw-link\')">this</a>',
	'<img src=x onerror="alert(\'img\')"> <p onclick="alert(\'p\')" style="color:red">styled</p>',
	'<script>alert("story-script")</script>',
	'<iframe src="https://evil.example/"></iframe>',
	'<form action="https://evil.example/"><input name="q"></form> <base href="https://evil.example/"> <meta http-equiv="refresh" content="0;url=https://evil.example/">',
	'<object data="x.swf"></object> <embed src="x.swf"> <link rel="stylesheet" href="https://evil.example/x.css"> <style>body{display:none}</style>',
	'<details><summary>Kept</summary>\n\nKept **details**.\n\n</details>',
].join('\n\n');
/** The same in an MDX story, written as JSX HTML elements. */
const HOSTILE_MDX_BODY = [
	'<a href="javascript:alert(\'mdx-link\')" onClick="alert(\'mdx-click\')">this</a>',
	'<div style="color:red" onMouseOver="alert(\'mdx-over\')"><img src="https://images.example/y.png" alt="" onError="alert(\'mdx-img\')" /></div>',
	'<iframe src="https://evil.example/"></iframe>',
].join('\n\n');
/** A story title that would end the page's JSON-LD `<script>` element if written into it raw. */
const HOSTILE_STORY_TITLE = 'Hostile </script><script>alert("ld")</script> story';

const publication: Record<Variant, (d: any) => void> = {
	published: () => {},
	draft: (d) => (d.draft = true),
	embargoed: (d) => (d.publishAt = '2027-03-01T09:00:00Z'),
	expired: (d) => (d.approval.expiresOn = '2026-10-31'),
	unapproved: (d) => delete d.approval,
};

let content: string;
let cleanup: () => void;
let outDir: string;
let files: BuiltFile[];
let buildOutput: string;

function withFrontmatter(file: string, edit: (data: any) => void, bodyExtra: string, target: string) {
	const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8'))!;
	const data = parse(front);
	edit(data);
	writeFileSync(target, `---\n${stringify(data)}---\n${body}\n${bodyExtra}\n`);
}

beforeAll(async () => {
	({ dir: content, cleanup } = copyFixture());
	outDir = mkdtempSync(path.join(tmpdir(), 'credence-dist-'));
	mkdirSync(path.join(content, 'videos/media'), { recursive: true });
	let shade = 0;
	for (const [index, [variant, marker]] of (Object.entries(MARKERS) as [Variant, string][]).entries()) {
		// Distinct pixels per copy, so each copy's images can be told apart by their bytes.
		const image = (width: number) => sharp({ create: { width, height: 90, channels: 3, background: { r: 40 * ++shade, g: 90, b: 120 } } }).jpeg();
		// A story: marker in the file name (slug), title, summary, body and hero image name.
		await image(320).toFile(path.join(content, `assets/hero-${marker}.jpg`));
		withFrontmatter(
			path.join(content, 'stories/quarry-forecasting.mdx'),
			(d) => {
				d.title = `Story ${marker} title`;
				d.summary = `Summary ${marker}.`;
				d.hero.src = `../assets/hero-${marker}.jpg`;
				publication[variant](d);
			},
			`A body paragraph about ${marker}.`,
			// Markdown and MDX stories take different paths through the build (rendered while
			// syncing content, or compiled as modules): both must keep private ones out.
			path.join(content, `stories/story-${marker}.${index % 2 === 0 ? 'md' : 'mdx'}`),
		);
		// A self-hosted video with its own file, poster and captions.
		await image(160).toFile(path.join(content, `assets/poster-${marker}.jpg`));
		// The source file's name is not the video's: the site publishes it under the video's id.
		// An MP4's signature (an 'ftyp' box at offset 4) is all the check reads of it.
		writeFileSync(path.join(content, `videos/media/clip-${marker}.mp4`), Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom not really a video')]));
		// Authoring notes and cue identifiers that name the anonymous customer and its speaker,
		// who is also called by first name alone.
		writeFileSync(
			path.join(content, `videos/video-${marker}.vtt`),
			`WEBVTT\n\nNOTE Interview with Hal Grid, Hidden Grid Operator\n\nhidden-grid-cue-1\n00:00.000 --> 00:04.000\n<v Hal>Caption ${marker}.\n\nhidden-grid-cue-2\n00:04.000 --> 00:06.000\n<v Vera Vendor>Thanks, Operations Director.\n`,
		);
		const video = parse(readFileSync(path.join(content, 'videos/grid-operations.yaml'), 'utf8'));
		Object.assign(video, {
			title: `Video ${marker}`,
			source: { kind: 'file', file: `clip-${marker}.mp4` },
			poster: { src: `../assets/poster-${marker}.jpg`, alt: 'Poster' },
			captions: `./video-${marker}.vtt`,
		});
		publication[variant](video);
		writeFileSync(path.join(content, `videos/video-${marker}.yaml`), stringify(video));
		// An award entry.
		withFrontmatter(
			path.join(content, 'awards/demo-awards/entries/quarry-planning.md'),
			(d) => {
				d.title = `Entry ${marker}`;
				publication[variant](d);
			},
			`Entry narrative ${marker}.`,
			path.join(content, `awards/demo-awards/entries/entry-${marker}.md`),
		);
	}
	// Entrant-written text that tries to be markup.
	withFrontmatter(
		path.join(content, 'awards/demo-awards/entries/quarry-planning.md'),
		(d) => {
			d.title = 'Hostile <script>alert("title")</script> entry';
			d.summary = '<img src=x onerror="alert(1)"> summary';
			d.evidence = [{ label: '<script>alert("label")</script>', detail: '<img src=x onerror="alert(\'detail\')"> detail' }];
		},
		// Every text block an entry page draws: paragraphs, a heading and list items.
		'<script>alert("body")</script>\n\n<iframe src="https://evil.example"></iframe> narrative {1+1}\n\n## <script>alert("heading")</script>\n\n- <img src=x onerror="alert(\'item\')"> item',
		path.join(content, 'awards/demo-awards/entries/hostile-entry.md'),
	);
	// A story whose title tries to close the page's JSON-LD script element and open its own, and
	// whose Markdown body carries raw HTML and links that would run script.
	withFrontmatter(
		path.join(content, 'stories/quarry-forecasting.mdx'),
		(d) => (d.title = HOSTILE_STORY_TITLE),
		HOSTILE_MARKDOWN_BODY,
		path.join(content, 'stories/hostile-story.md'),
	);
	// An MDX story whose JSX HTML elements carry handlers and javascript: links.
	withFrontmatter(
		path.join(content, 'stories/quarry-forecasting.mdx'),
		(d) => (d.title = 'Hostile MDX story'),
		HOSTILE_MDX_BODY,
		path.join(content, 'stories/hostile-mdx-story.mdx'),
	);
	// Announced results that place a private entry (the draft copy wins), and a second program
	// whose results are published but still under embargo.
	writeFileSync(
		path.join(content, 'awards/demo-awards/winners.yaml'),
		stringify({
			round: 'round-1',
			publishedOn: '2026-11-20',
			method: 'offset',
			categories: [{ category: 'operations', winner: `entry-${MARKERS.draft}`, finalists: [`entry-${MARKERS.draft}`, 'quarry-planning', `entry-${MARKERS.published}`], honourableMentions: ['hostile-entry'] }],
		}),
	);
	const embargoed = path.join(content, 'awards/embargo-awards');
	mkdirSync(path.join(embargoed, 'entries'), { recursive: true });
	writeFileSync(path.join(embargoed, 'program.yaml'), readFileSync(path.join(content, 'awards/demo-awards/program.yaml'), 'utf8').replace('Fixture Innovation Awards', 'Embargoed Innovation Awards'));
	withFrontmatter(path.join(content, 'awards/demo-awards/entries/quarry-planning.md'), (d) => (d.title = 'Held entry'), '', path.join(embargoed, 'entries/held-entry.md'));
	writeFileSync(
		path.join(embargoed, 'winners.yaml'),
		stringify({ round: 'round-1', publishedOn: '2026-11-20', publishAt: '2026-12-10T09:00:00Z', method: 'offset', categories: [{ category: 'operations', winner: 'held-entry', finalists: ['held-entry'] }] }),
	);
	// A draft whose hero is a byte-for-byte copy of the published story's, under a telling name:
	// identical images are emitted once, and must not be named after the private file.
	cpSync(path.join(content, `assets/hero-${MARKERS.published}.jpg`), path.join(content, `assets/${SECRET_IMAGE}.jpg`));
	withFrontmatter(
		path.join(content, 'stories/quarry-forecasting.mdx'),
		(d) => {
			d.title = 'A draft sharing a hero';
			d.hero.src = `../assets/${SECRET_IMAGE}.jpg`;
			d.draft = true;
		},
		'',
		path.join(content, 'stories/shared-hero-draft.md'),
	);
	const result = await buildSite(content, outDir);
	buildOutput = result.output;
	expect(result.code, result.output).toBe(0);
	files = readBuiltFiles(outDir);
}, 240_000);

/** The emitted images a built page shows (paths in dist/). */
const imagesOn = (page: string) => [...new Set([...files.find((f) => f.path === page)!.text.matchAll(/\/(_astro\/[^"'\s?),]+\.(?:webp|avif|png|jpe?g))/g)].map((m) => m[1]))];

afterAll(() => {
	cleanup?.();
	if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('a published item', () => {
	const marker = MARKERS.published;
	it('has its pages, feed item, sitemap entry and assets', () => {
		const found = filesMentioning(files, marker);
		expect(found).toEqual(
			expect.arrayContaining([
				`stories/story-${marker}/index.html`,
				`videos/video-${marker}/index.html`,
				`videos/video-${marker}/captions.vtt`,
				`media/video-${marker}.mp4`,
				`awards/demo-awards/entries/entry-${marker}/index.html`,
				`og/stories/story-${marker}.png`,
				`og/videos/video-${marker}.png`,
				'rss.xml',
				'sitemap-0.xml',
				'stories/index.html',
			]),
		);
		// Its hero and poster, under names of their own content's hash.
		for (const page of [`stories/story-${marker}/index.html`, `videos/video-${marker}/index.html`]) {
			const images = imagesOn(page);
			expect(images.length, page).toBeGreaterThan(0);
			for (const image of images) expect(files.some((f) => f.path === image), image).toBe(true);
		}
	});

	it('names no emitted file after the file it came from', () => {
		expect(filesMentioning(files, SECRET_IMAGE)).toEqual([]);
		expect(files.filter((f) => f.path.startsWith('_astro/') && /(hero|poster)-/.test(f.path))).toEqual([]);
	});

	it("publishes a self-hosted video's file under the video's id, never the source file's name", () => {
		const page = files.find((f) => f.path === `videos/video-${marker}/index.html`)!.text;
		expect(page).toContain(`data-src="/media/video-${marker}.mp4"`);
		expect(JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]).contentUrl).toMatch(new RegExp(`/media/video-${marker}\\.mp4$`));
		expect(filesMentioning(files, `clip-${marker}`)).toEqual([]);
	});

	it('is in the Pagefind index (decompressed)', () => {
		expect(filesMentioning(files, marker).filter((f) => f.startsWith('pagefind/fragment/')).length).toBe(3);
	});
});

describe.each(PRIVATE)('a %s item', (variant) => {
	it('leaves no trace of its title, slug, body, files or images anywhere in dist/', () => {
		expect(filesMentioning(files, MARKERS[variant])).toEqual([]);
		// Its images, whatever they were named: no built file holds their bytes.
		for (const source of [`hero-${MARKERS[variant]}.jpg`, `poster-${MARKERS[variant]}.jpg`]) {
			const bytes = readFileSync(path.join(content, 'assets', source));
			expect(files.filter((f) => f.path.startsWith('_astro/') && readFileSync(path.join(outDir, f.path)).equals(bytes)), source).toEqual([]);
		}
	});
});

describe('private judging data', () => {
	it('never publishes score comments or conflict declarations', () => {
		expect(filesMentioning(files, 'quixotic')).toEqual([]); // a judge's score comment
		expect(filesMentioning(files, 'xylophonic')).toEqual([]); // a judge's conflict reason
		expect(files.some((f) => f.path.endsWith('.csv'))).toBe(false);
	});

	it('publishes the judges with their independence statements', () => {
		const program = files.find((f) => f.path === 'awards/demo-awards/index.html')!;
		expect(program.text).toContain('Ana Lyst');
		expect(program.text).toContain('Has no commercial relationship');
	});
});

describe('the search index', () => {
	it('indexes only evidence pages, with facet filters', () => {
		const fragments = files.filter((f) => f.path.startsWith('pagefind/fragment/'));
		// fixture story + video + entry, the published copy of each, the hostile entry (an
		// honourable mention) and the two hostile stories; the embargoed program's entry is not
		// placed yet, so not searchable
		expect(fragments).toHaveLength(9);
		const story = fragments.find((f) => f.text.includes('zymurgical'))!;
		expect(story.text).toContain('"industry":["Manufacturing"]');
		expect(story.text).toContain('"type":["Story"]');
	});

	it('was built by the search-index step, which reports what it indexed', () => {
		const [, indexed, read] = /\[search-index\] indexed (\d+) of (\d+) pages/.exec(buildOutput) ?? [];
		expect(Number(indexed)).toBe(files.filter((f) => /^pagefind\/(?:[^/]+\/)?fragment\//.test(f.path)).length);
		expect(Number(read)).toBe(files.filter((f) => f.path.endsWith('.html')).length);
	});
});

describe('a customer who withholds their name', () => {
	it('appears only under the anonymous label', () => {
		expect(filesMentioning(files, 'Hidden Grid Operator')).toEqual([]);
		expect(filesMentioning(files, 'hiddengrid.example')).toEqual([]);
		expect(filesMentioning(files, 'A European grid operator').length).toBeGreaterThan(0);
		expect(files.some((f) => f.path.startsWith('customers/hidden-grid'))).toBe(false);
	});

	it("credits the customer's people by job title only, in pages, transcripts and captions", () => {
		expect(filesMentioning(files, 'Hal Grid')).toEqual([]);
		// Captions files exist for self-hosted videos only (the published copies are self-hosted).
		expect(files.some((f) => f.path === 'videos/grid-operations/captions.vtt')).toBe(false);
		const captions = files.find((f) => f.path === `videos/video-${MARKERS.published}/captions.vtt`)!;
		expect(captions.text).toContain(`<v Operations Director>Caption ${MARKERS.published}.`);
		const page = files.find((f) => f.path === 'videos/grid-operations/index.html')!;
		expect(page.text).toContain('<strong>Operations Director: </strong>We used to plan maintenance windows by instinct &amp; habit.');
	});

	it('publishes captions without authoring notes or cue identifiers, and a speaker called by first name under their title', () => {
		const published = `videos/video-${MARKERS.published}`;
		const captions = files.find((f) => f.path === `${published}/captions.vtt`)!.text;
		expect(captions).toBe(`WEBVTT\n\n00:00.000 --> 00:04.000\n<v Operations Director>Caption ${MARKERS.published}.\n\n00:04.000 --> 00:06.000\n<v Vera Vendor>Thanks, Operations Director.\n`);
		const page = files.find((f) => f.path === `${published}/index.html`)!.text;
		expect(page).toContain(`<strong>Operations Director: </strong>Caption ${MARKERS.published}.`);
		const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]);
		expect(jsonLd.transcript).toBe(`Operations Director: Caption ${MARKERS.published}.\nVera Vendor: Thanks, Operations Director.`);
		const fragment = files.find((f) => f.path.startsWith('pagefind/fragment/') && f.text.includes(`Caption ${MARKERS.published}`))!;
		expect(fragment.text).toContain('Operations Director');
		// Nothing of the notes or identifiers, and the first name nowhere, in any page, captions file or search fragment.
		expect(filesMentioning(files, 'hidden-grid-cue')).toEqual([]);
		expect(filesMentioning(files, 'Interview with')).toEqual([]);
		const textFiles = files.filter((f) => /\.(html|vtt|xml|json)$/.test(f.path) || f.path.startsWith('pagefind/fragment/'));
		expect(textFiles.filter((f) => /\bHal\b/.test(f.text)).map((f) => f.path)).toEqual([]);
	});
});

describe('hostile text from entrants', () => {
	/** The HTML with quoted attribute values emptied: inside one `<` is inert text; everywhere else it must be escaped. */
	const outsideAttributes = (html: string) => html.replace(/="[^"]*"/g, '=""');

	it('renders as text, never as markup or script', () => {
		const page = files.find((f) => f.path === 'awards/demo-awards/entries/hostile-entry/index.html')!;
		expect(page).toBeDefined();
		expect(page.text).toContain('Hostile &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; entry');
		expect(page.text).toContain('&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;');
		expect(page.text).toContain('&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt; narrative {1+1}');
		// The heading, list item and evidence of the narrative are text too.
		expect(page.text).toContain('<h3>&lt;script&gt;alert(&quot;heading&quot;)&lt;/script&gt;</h3>');
		expect(page.text).toContain('<li>&lt;img src=x onerror=&quot;alert(&#39;item&#39;)&quot;&gt; item</li>');
		expect(page.text).toContain('&lt;script&gt;alert(&quot;label&quot;)&lt;/script&gt;');
		expect(page.text).toContain('&lt;img src=x onerror=&quot;alert(&#39;detail&#39;)&quot;&gt; detail');
		expect(outsideAttributes(page.text)).not.toMatch(/<script>alert|<iframe|<img src=x/);
		expect(page.text).toMatch(/<meta name="description" content="&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt; summary"|<meta name="description" content="<img src=x onerror=&quot;alert\(1\)&quot;> summary"/);
		// Every listing that names the hostile entry (an honourable mention) does so as text.
		for (const listing of ['awards/demo-awards/index.html', 'awards/demo-awards/winners/index.html', 'stories/index.html', 'rss.xml']) {
			const text = files.find((f) => f.path === listing)!.text;
			expect(text, listing).toContain('/awards/demo-awards/entries/hostile-entry/');
			expect(outsideAttributes(text), listing).not.toMatch(/<script>alert|<img src=x/);
		}
	});

	it("cannot end a page's JSON-LD script element", () => {
		const page = files.find((f) => f.path === 'stories/hostile-story/index.html')!.text;
		const scripts = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => m[1]);
		expect(scripts).toHaveLength(1);
		expect(JSON.parse(scripts[0]).headline).toBe(HOSTILE_STORY_TITLE);
		expect(outsideAttributes(page)).not.toMatch(/<script>alert/);
	});
});

describe('hostile HTML in story bodies', () => {
	/** The elements of a page's story body (its `.prose`), parsed as a browser would. */
	function storyBodyElements(page: string): Element[] {
		const html = files.find((f) => f.path === page)!.text;
		const out: Element[] = [];
		let bodies = 0;
		const walk = (node: Nodes, inBody: boolean) => {
			const isBody = node.type === 'element' && Array.isArray(node.properties.className) && node.properties.className.includes('prose');
			if (isBody) bodies++;
			if (node.type === 'element' && inBody) out.push(node);
			if ('children' in node) for (const child of node.children) walk(child as Nodes, inBody || isBody);
		};
		walk(htmlToHast(html) as Nodes, false);
		expect(bodies, page).toBe(1);
		return out;
	}
	/** Anything in a page that would run script, restyle it, or send a visitor elsewhere. */
	const liveMarkup = (elements: Element[]) =>
		elements.flatMap((el) => [
			// The page's own scripts are files or JSON-LD; a story's would say alert.
			...(el.tagName === 'script' && JSON.stringify(el.children).includes('alert') ? ['<script>alert'] : []),
			...(['form', 'base', 'object', 'embed', 'iframe'].includes(el.tagName) ? [`<${el.tagName}>`] : []),
			...(el.tagName === 'meta' && el.properties.httpEquiv && String(el.properties.httpEquiv).toLowerCase() !== 'content-security-policy' ? ['<meta http-equiv>'] : []),
			...Object.entries(el.properties ?? {}).flatMap(([name, value]) => [
				...(/^on/i.test(name) ? [`${el.tagName} ${name}`] : []),
				...(/^\s*(javascript|vbscript|data):/i.test(String(value)) && ['href', 'src', 'action'].includes(name) ? [`${el.tagName} ${name}=${value}`] : []),
			]),
		]);

	it('are published without script, handlers, dangerous links, forms or foreign frames', () => {
		for (const page of ['stories/hostile-story/index.html', 'stories/hostile-mdx-story/index.html']) {
			const elements = storyBodyElements(page);
			expect(liveMarkup(elements), page).toEqual([]);
			const text = files.find((f) => f.path === page)!.text;
			expect(text, page).not.toMatch(/alert\((&quot;|"|'|&#39;)(md-link|raw-link|img|p|story-script|mdx-link|mdx-click|mdx-over|mdx-img)/);
			expect(text, page).not.toContain('evil.example');
		}
		// What marketers write stays: the link text, the details, the image of the MDX story.
		const markdown = files.find((f) => f.path === 'stories/hostile-story/index.html')!.text;
		expect(markdown).toContain('Click me');
		expect(markdown).toMatch(/<details><summary>Kept<\/summary>\s*<p>Kept <strong>details<\/strong>.<\/p>\s*<\/details>/);
	});
});

describe('award results', () => {
	const page = (file: string) => files.find((f) => f.path === file)!.text;

	it('show a placed entry that is not public as "Entry not public", and nothing of it', () => {
		const winners = page('awards/demo-awards/winners/index.html');
		expect(winners).toContain('Entry not public');
		expect(winners).toContain('href="/awards/demo-awards/entries/quarry-planning/"');
		expect(winners).toContain(`href="/awards/demo-awards/entries/entry-${MARKERS.published}/"`);
		// The draft winner's id, title and body appear nowhere (the describe.each above checks all of dist/).
		expect(winners).not.toContain(MARKERS.draft);
		expect(page('awards/demo-awards/entries/quarry-planning/index.html')).toContain('Finalist');
	});

	it('stay off the site while under embargo: judging in progress, no placement anywhere', () => {
		expect(page('awards/embargo-awards/winners/index.html')).toContain('Judging in progress');
		expect(page('awards/embargo-awards/winners/index.html')).not.toContain('held-entry');
		expect(page('awards/embargo-awards/index.html')).toContain('Judging in progress');
		const entry = page('awards/embargo-awards/entries/held-entry/index.html');
		expect(entry).not.toMatch(/Winner|Finalist/);
	});

	it('decide what the library and search show: an entry nobody placed keeps its page and program listing only', () => {
		const heldUrl = '/awards/embargo-awards/entries/held-entry/';
		expect(page('awards/embargo-awards/entries/held-entry/index.html')).not.toContain('data-pagefind-body');
		expect(page('awards/embargo-awards/index.html')).toContain(`href="${heldUrl}"`);
		expect(page('stories/index.html')).not.toContain(heldUrl);
		expect(files.filter((f) => f.path.startsWith('pagefind/') && f.text.includes(heldUrl)).map((f) => f.path)).toEqual([]);
		// A placed one is in both, typed by its placement.
		expect(page('stories/index.html')).toContain('href="/awards/demo-awards/entries/quarry-planning/"');
		const placed = files.find((f) => f.path.startsWith('pagefind/fragment/') && f.text.includes('/awards/demo-awards/entries/quarry-planning/'))!;
		expect(placed.text).toContain('"type":["Award entry"]');
	});
});

describe('structured data', () => {
	it('parses, and credits the anonymous customer\'s people by title only', () => {
		for (const file of files.filter((f) => f.path.endsWith('.html'))) {
			for (const [, json] of file.text.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)) {
				expect(() => JSON.parse(json), file.path).not.toThrow();
				expect(json, file.path).not.toMatch(/Review|Rating/);
			}
		}
		const video = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page('videos/grid-operations/index.html'))![1]);
		expect(video['@type']).toBe('VideoObject');
		expect(video.transcript).toContain('Operations Director: We used to plan maintenance windows');
	});

	function page(file: string) {
		return files.find((f) => f.path === file)!.text;
	}
});
