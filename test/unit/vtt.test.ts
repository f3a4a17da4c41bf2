import { describe, expect, it } from 'vitest';
import { cueText, formatTimestamp, parseCaptions, transcriptFromCues, transcriptFromText } from '../../src/lib/vtt.ts';

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

	it('splits a given transcript on blank lines', () => {
		expect(transcriptFromText('First\nline.\n\n\nSecond.').map((p) => p.text)).toEqual(['First line.', 'Second.']);
	});

	it('keeps markup-looking text inert (tags stripped, entities decoded once)', () => {
		expect(cueText('<script>alert(1)</script>&lt;b&gt;').text).toBe('alert(1)<b>');
	});

	it('formats timestamps', () => {
		expect(formatTimestamp(75)).toBe('1:15');
		expect(formatTimestamp(3725)).toBe('1:02:05');
	});
});
