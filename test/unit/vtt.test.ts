import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../helpers.ts';
import { cueText, formatTimestamp, parseCaptions, publishedCaptions, relabelVoices, transcriptFromCues, transcriptFromText, voiceName } from '../../src/lib/vtt.ts';

describe('parseCaptions', () => {
	it('reads cues with times, speakers and decoded text', () => {
		const { cues, problems } = parseCaptions('WEBVTT\n\n00:00.000 --> 00:02.500\n<v Maya Chen>Fast &amp; <b>reliable</b>\nplanning\n\n00:02.500 --> 00:04.000\nThanks');
		expect(problems).toEqual([]);
		expect(cues).toEqual([
			{ start: 0, end: 2.5, speaker: 'Maya Chen', text: 'Fast & reliable planning' },
			{ start: 2.5, end: 4, speaker: undefined, text: 'Thanks' },
		]);
	});

	it('reports a missing header on line 1', () => {
		expect(parseCaptions('00:00.000 --> 00:01.000\nhi').problems[0]).toMatchObject({ line: 1, message: expect.stringMatching(/WEBVTT/) });
	});

	it('reports a cue that ends before it starts, with its line', () => {
		const { problems } = parseCaptions('WEBVTT\n\n00:00.000 --> 00:01.000\nok\n\n00:05.000 --> 00:03.000\nbackwards');
		expect(problems).toEqual([expect.objectContaining({ line: 6 })]);
		// What a valid timing looks like, not only the parser's complaint.
		expect(parseCaptions('WEBVTT\n\n00:0X.000 --> 00:01.000\nok').problems[0].message).toMatch(/^Must be exactly two digits: a cue's timing is written like 00:01\.000 --> 00:04\.500/);
	});

	it('rejects a file with no cues', () => {
		expect(parseCaptions('WEBVTT\n').problems).toEqual([{ line: 1, message: 'expected at least one cue' }]);
	});
});

describe('transcripts', () => {
	it('groups consecutive cues of one speaker into a paragraph', () => {
		const paragraphs = transcriptFromCues([
			{ start: 0, end: 1, speaker: 'A', text: 'One.' },
			{ start: 1, end: 2, text: 'Two.' },
			{ start: 2, end: 3, speaker: 'B', text: 'Three.' },
		]);
		expect(paragraphs).toEqual([
			{ start: 0, speaker: 'A', text: 'One. Two.' },
			{ start: 2, speaker: 'B', text: 'Three.' },
		]);
	});

	it('joins a number cut across cues back whole, and only a digit-dot followed by a digit', () => {
		const cue = (text: string, speaker?: string) => ({ start: 0, end: 1, speaker, text });
		const paragraphs = transcriptFromCues([cue('Shrink went from 5.', 'A'), cue('9 per cent to 3.', 'A'), cue('4.'), cue('It was 87.', 'A'), cue('Then more.', 'A'), cue('Top 3.', 'B'), cue('9 lines.', 'A')]);
		expect(paragraphs.map((p) => p.text)).toEqual(['Shrink went from 5.9 per cent to 3.4. It was 87. Then more.', 'Top 3.', '9 lines.']);
	});

	it('gives whole numbers in the transcripts of the sample videos', () => {
		const videos = path.join(projectRoot, 'content/videos');
		for (const file of readdirSync(videos).filter((f) => f.endsWith('.vtt'))) {
			const { cues } = parseCaptions(readFileSync(path.join(videos, file), 'utf8'));
			// No cue of the sample leans on the joiner: each number is whole within one cue.
			for (let i = 1; i < cues.length; i++) expect([file, cues[i - 1].text, cues[i].text].join(' | ')).not.toMatch(/\d\. \| \d/);
			expect([file, transcriptFromCues(cues).map((p) => p.text).join(' ')].join(': ')).not.toMatch(/\d\. \d/);
		}
	});

	it('splits a given transcript on blank lines', () => {
		expect(transcriptFromText('First\nline.\n\n\nSecond.').map((p) => p.text)).toEqual(['First line.', 'Second.']);
	});

	it('keeps markup-looking text inert (tags stripped, entities decoded once)', () => {
		expect(cueText('<script>alert(1)</script>&lt;b&gt;').text).toBe('alert(1)<b>');
	});

	it('decodes every character reference a player decodes: hexadecimal, decimal and named', () => {
		expect(cueText('It&#x2019;s the caf&eacute;&#39;s &amp; the team&rsquo;s plan&hellip;').text).toBe('It’s the café\'s & the team’s plan…');
		expect(cueText('<v Ren&eacute;e O&#x2019;Neil>Hello').speaker).toBe('Renée O’Neil');
		const { cues } = parseCaptions('WEBVTT\n\n00:00.000 --> 00:01.000\nWe&#x2019;re in S&atilde;o Paulo &amp; Lisbon.\n');
		expect(transcriptFromCues(cues).map((p) => p.text)).toEqual(['We’re in São Paulo & Lisbon.']);
	});

	it('decodes an escaped script to text once, never to markup read again', () => {
		// The transcript is rendered as {text} (escaped by Astro) and JSON-LD escapes "<": decoded text stays text.
		expect(cueText('&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;b&amp;gt;').text).toBe('<script>alert(1)</script> &lt;b&gt;');
	});

	it('formats timestamps', () => {
		expect(formatTimestamp(75)).toBe('1:15');
		expect(formatTimestamp(3725)).toBe('1:02:05');
	});
});

describe('publishedCaptions', () => {
	const source = [
		'\uFEFFWEBVTT - Kestrel Grid interview',
		'Kind: captions',
		'',
		'NOTE Interview with Jonas Lindqvist, Kestrel Grid',
		'',
		'STYLE',
		'::cue { color: yellow }',
		'',
		'NOTE',
		'Second note, over',
		'two lines',
		'',
		'kestrel-grid-cue-1',
		'00:00.000 --> 00:02.000 align:start',
		'<v Jonas>Hello',
		'',
		'',
		'NOTE	after a cue',
		'',
		'00:02.000 --> 00:04.000',
		'NOTE is a word a cue may start with',
		'',
	].join('\r\n');

	it('drops the header text, NOTE blocks and cue identifiers, and keeps cues and styles as written', () => {
		expect(publishedCaptions(source)).toBe(
			'WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\n00:00.000 --> 00:02.000 align:start\n<v Jonas>Hello\n\n00:02.000 --> 00:04.000\nNOTE is a word a cue may start with\n',
		);
	});

	it('is still valid WebVTT with the same cues', () => {
		const before = parseCaptions(source);
		const after = parseCaptions(publishedCaptions(source));
		expect(after.problems).toEqual([]);
		expect(after.cues).toEqual(before.cues);
		expect(publishedCaptions(source)).not.toMatch(/Kestrel|Lindqvist|cue-1|Kind:/i);
	});
});

describe('relabelVoices', () => {
	const people = [{ name: 'Jonas Lindqvist', label: 'Head of Asset Logistics' }];

	it('replaces a voice that names the person by full, first or last name, in any case, keeping classes', () => {
		const vtt = (voice: string) => `WEBVTT\n\n00:00.000 --> 00:01.000\n${voice}Hi</v>`;
		for (const voice of ['<v Jonas Lindqvist>', '<v Jonas>', '<v lindqvist>', '<v Mr Lindqvist>', '<v Jonas L.>']) {
			expect(relabelVoices(vtt(voice), people), voice).toBe(vtt('<v Head of Asset Logistics>'));
		}
		expect(relabelVoices(vtt('<v.loud.fast Jonas>'), people)).toBe(vtt('<v.loud.fast Head of Asset Logistics>'));
	});

	it('leaves other voices alone: other people, and longer words that start with the name', () => {
		const vtt = 'WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ana Lyst>Hi\n\n00:01.000 --> 00:02.000\n<v Jonasson>Hello';
		expect(relabelVoices(vtt, people)).toBe(vtt);
	});

	it('prefers a full-name match, and keeps a listed name that may be shown', () => {
		const two = [
			{ name: 'Ana Berg', label: 'Planner' },
			{ name: 'Per Ana', label: 'Buyer' },
		];
		expect(relabelVoices('<v Per Ana>x', two)).toBe('<v Buyer>x');
		expect(relabelVoices('<v Ana Lyst>x', two, ['Ana Lyst'])).toBe('<v Ana Lyst>x');
		expect(relabelVoices('<v Ana>x', two, ['Ana Lyst'])).toBe('<v Planner>x');
	});

	it('escapes a label so the voice stays one tag, and the transcript shows it decoded', () => {
		const out = relabelVoices('WEBVTT\n\n00:00.000 --> 00:01.000\n<v Jonas>Hi', [{ name: 'Jonas Lindqvist', label: 'R&D <lead>' }]);
		expect(out).toContain('<v R&amp;D &lt;lead&gt;>Hi');
		expect(parseCaptions(out).cues[0]).toMatchObject({ speaker: 'R&D <lead>', text: 'Hi' });
	});
});

describe('a transcript from published, relabelled captions', () => {
	it('names the anonymous speaker by title and nothing from notes or identifiers', () => {
		const source = 'WEBVTT\n\nNOTE Interview with Jonas Lindqvist, Kestrel Grid\n\nkestrel-grid-cue-1\n00:00.000 --> 00:02.000\n<v Jonas>We plan around the forecast.\n';
		const paragraphs = transcriptFromCues(parseCaptions(relabelVoices(publishedCaptions(source), [{ name: 'Jonas Lindqvist', label: 'Head of Asset Logistics' }])).cues);
		expect(paragraphs).toEqual([{ start: 0, speaker: 'Head of Asset Logistics', text: 'We plan around the forecast.' }]);
	});
});

describe('audit: a withheld speaker named with character references in a voice span', () => {
	it('`<v H&#97;l Gr&#105;d>` is relabelled like `<v Hal Grid>` (the transcript and JSON-LD showed "Hal Grid", and check warned of nothing)', () => {
		const people = [{ name: 'Hal Grid', label: 'Operations Director' }];
		expect(cueText(relabelVoices('<v Hal Grid>text', people)).speaker).toBe('Operations Director');
		expect(cueText(relabelVoices('<v H&#97;l Gr&#105;d>text', people)).speaker).toBe('Operations Director');
		expect(cueText(relabelVoices('<v\fHal Grid>text', people)).speaker).toBe('Operations Director');
	});
	it('reads a voice name once, as a player does: references decoded, ASCII whitespace (form feed too) one space', () => {
		expect(voiceName(' H&#97;l&#12;&#10; Gr&#x69;d\f')).toBe('Hal Grid');
		expect(cueText('<v\fH&#97;l\t\nGrid>text').speaker).toBe('Hal Grid');
		expect(cueText('<v.loud\fHal>text').speaker).toBe('Hal');
		expect(cueText('<v >text').speaker).toBeUndefined();
		// A no-break space is no separator to a player: `<v\u00a0Hal>` is no voice span, so no speaker.
		expect(cueText('<v\u00a0Hal Grid>text').speaker).toBeUndefined();
	});
	it('relabels voices spelled with classes, character references, invisible or compatibility characters', () => {
		const people = [{ name: 'Hal Grid', label: 'Operations Director' }];
		for (const voice of ['<v.a+b Hal Grid>', '<v H&#x61;l&#32;Grid>', '<v\tGr&#105;d>', '<v Hal\u00adGrid>', '<v Hal\u200bGrid>', '<v H\u200dal>', '<v Ｈａｌ\u3000Ｇｒｉｄ>', '<v HAL&nbsp;GRID>', '<v Gr&shy;id>']) {
			const out = relabelVoices(`${voice}text`, people);
			expect(cueText(out).speaker, voice).toBe('Operations Director');
		}
		// A name that may be shown is recognised however it is spelled too.
		expect(relabelVoices('<v H&#97;lvard\u00ad Grid>text', people, ['Halvard Grid'])).toBe('<v H&#97;lvard\u00ad Grid>text');
		expect(relabelVoices('<v H&#97;lvard\u00ad Grid>text', people)).toBe('<v Operations Director>text');
		expect(relabelVoices('<v Halvard>text', people)).toBe('<v Halvard>text');
	});
	it('reads a voice tag left open to the end of its cue, as a player does: relabelled, and no text', () => {
		const people = [{ name: 'Hal Grid', label: 'Operations Director' }];
		expect(relabelVoices('00:00.000 --> 00:01.000\nHello <v H&#97;l\nGr&#105;d\n\n00:01.000 --> 00:02.000\n<v Ana>Hi', people)).toBe('00:00.000 --> 00:01.000\nHello <v Operations Director>\n\n00:01.000 --> 00:02.000\n<v Ana>Hi');
		expect(relabelVoices('<v Hal Grid', people)).toBe('<v Operations Director>');
		expect(relabelVoices('WEBVTT\n\n00:00.000 --> 00:01.000\n<v Hal\nGrid\n', people)).toBe('WEBVTT\n\n00:00.000 --> 00:01.000\n<v Operations Director>\n');
		expect(cueText('<v H&#97;l Grid').speaker).toBe('Hal Grid');
		expect(cueText('Hello <v Hal Grid')).toEqual({ speaker: undefined, text: 'Hello' });
		expect(cueText('a <b>bold</b> word')).toEqual({ speaker: undefined, text: 'a bold word' });
	});
});
