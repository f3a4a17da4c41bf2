/**
 * WebVTT captions: validation (via the W3C validator's parser, which reports every error with its
 * line) and the plain-text transcript derived from the cues.
 */
import { decodeHTML } from 'entities';
import webvtt from 'webvtt-parser';

export interface Cue {
	/** Seconds. */
	start: number;
	/** Seconds. */
	end: number;
	/** Speaker from a `<v Name>` voice span, when present. */
	speaker?: string;
	/** Plain text: tags removed, character references decoded. */
	text: string;
}

export interface CaptionProblem {
	line: number;
	message: string;
}

/**
 * Character references → characters (`&#x2019;` → ’, `&eacute;` → é, `&amp;` → &), as a player
 * decodes them: by the HTML rules WebVTT cue text follows. The result is text, never markup:
 * a decoded `<script>` is escaped again wherever the page shows it.
 */
const decode = (text: string) => decodeHTML(text);

/** Cue payload → plain text (the parser's own tree mangles `&amp;`, so decode here). */
export function cueText(payload: string): { speaker?: string; text: string } {
	const voice = /^\s*<v(?:\.[\w.-]+)?\s+([^>]+)>/.exec(payload);
	const text = decode(payload.replace(/<[^>]*>/g, ''))
		.replace(/\s*\n\s*/g, ' ')
		.trim();
	return { speaker: voice ? decode(voice[1]).trim() : undefined, text };
}

/** Parses WebVTT text; `problems` lists every syntax or timing error with its line. */
export function parseCaptions(source: string): { cues: Cue[]; problems: CaptionProblem[] } {
	const parser = new webvtt.WebVTTParser();
	const tree = parser.parse(source, 'metadata');
	// The parser's words on a cue timing ("Must be exactly two digits.") say what is wrong, not what is right.
	const problems: CaptionProblem[] = tree.errors.map((e) => ({ line: e.line, message: /timestamp|two digits|separator/i.test(e.message) ? `${e.message.replace(/\.$/, '')}: a cue's timing is written like 00:01.000 --> 00:04.500 (hours optional, two-digit minutes and seconds, three-digit milliseconds), each cue starting no earlier than the one before` : e.message }));
	const cues: Cue[] = tree.cues.map((cue) => ({
		start: cue.startTime,
		end: cue.endTime,
		...cueText(cue.text),
	}));
	if (problems.length === 0 && cues.length === 0) problems.push({ line: 1, message: 'expected at least one cue' });
	return { cues, problems };
}

export interface TranscriptParagraph {
	/** Seconds at which the paragraph starts. */
	start: number;
	speaker?: string;
	text: string;
}

/**
 * Groups consecutive cues by speaker into transcript paragraphs. A number cut across two cues
 * ("from 5." then "9 per cent") is joined back whole ("from 5.9 per cent"), not "5. 9": a cue
 * ending in a digit and a dot, followed by one starting with a digit, is read as a decimal.
 */
export function transcriptFromCues(cues: Cue[]): TranscriptParagraph[] {
	const paragraphs: TranscriptParagraph[] = [];
	for (const cue of cues) {
		if (!cue.text) continue;
		const last = paragraphs.at(-1);
		if (last && (cue.speaker === undefined || cue.speaker === last.speaker)) {
			const decimal = /\d\.$/.test(last.text) && /^\d/.test(cue.text);
			last.text += decimal ? cue.text : ` ${cue.text}`;
		} else {
			paragraphs.push({ start: cue.start, speaker: cue.speaker, text: cue.text });
		}
	}
	return paragraphs;
}

/** Plain transcript paragraphs from a given transcript text (blank-line separated). */
export function transcriptFromText(text: string): TranscriptParagraph[] {
	return text
		.split(/\n\s*\n/)
		.map((p) => p.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.map((p) => ({ start: 0, text: p }));
}

/** 75 → "1:15", 3725 → "1:02:05" */
export function formatTimestamp(seconds: number): string {
	const whole = Math.floor(seconds);
	const h = Math.floor(whole / 3600);
	const m = Math.floor((whole % 3600) / 60);
	const s = String(whole % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * The captions as published: the header reduced to `WEBVTT`, NOTE blocks (authoring comments)
 * and cue identifiers dropped, everything else (cue timings, settings and payloads, STYLE and
 * REGION blocks) kept as written. Comments and identifiers never show in a player, but anyone
 * can read the file, and they are where authors write who was interviewed for whom.
 */
export function publishedCaptions(source: string): string {
	const blocks = source
		.replace(/^\uFEFF/, '')
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((block) => block.replace(/^\n+|\n+$/g, ''))
		.filter((block) => block.trim() !== '');
	const out = ['WEBVTT'];
	for (const block of blocks.slice(1)) {
		if (/^NOTE(?:[ \t\n]|$)/.test(block)) continue;
		const lines = block.split('\n');
		const timing = lines.findIndex((line) => line.includes('-->'));
		// A cue: drop the identifier line(s) before its timing line.
		if (timing >= 0) out.push(lines.slice(timing).join('\n'));
		else if (/^(?:STYLE|REGION)(?:[ \t]|$)/.test(lines[0])) out.push(block);
		// Anything else is not WebVTT a player would use; leave it out.
	}
	return `${out.join('\n\n')}\n`;
}

/** A person whose voice name is replaced: by full name, first or last name. */
export interface VoiceLabel {
	/** Full name, e.g. "Jonas Lindqvist". */
	name: string;
	/** What the captions call them instead, e.g. "Head of Asset Logistics". */
	label: string;
}

/** Whole words of `text`, lower-cased. */
const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);

/**
 * The label for a voice name: a person's when it is their full name; otherwise the first whose
 * first or last name (or full name) is one of its words ("Jonas", "Mr Lindqvist", "Jonas L.").
 * Names in `keep` (people who may be named) are left alone when the voice is exactly theirs.
 */
function labelFor(voice: string, people: VoiceLabel[], keep: string[]): string | undefined {
	const lower = voice.toLowerCase();
	const exact = people.find((p) => p.name.trim().toLowerCase() === lower);
	if (exact) return exact.label;
	if (keep.some((name) => name.trim().toLowerCase() === lower)) return undefined;
	const words = wordsOf(voice);
	const joined = ` ${words.join(' ')} `;
	return people.find((p) => {
		const parts = wordsOf(p.name);
		if (parts.length === 0) return false;
		return joined.includes(` ${parts.join(' ')} `) || words.includes(parts[0]) || words.includes(parts.at(-1)!);
	})?.label;
}

/**
 * Replaces voice names (`<v Name>`) of the listed people by their labels, to keep anonymous
 * speakers anonymous: a voice naming a person by full name, first name or last name becomes the
 * person's label (classes kept). `keep` lists names that may stay (e.g. the vendor's speakers).
 */
export function relabelVoices(source: string, people: VoiceLabel[], keep: string[] = []): string {
	if (people.length === 0) return source;
	return source.replace(/<v((?:\.[\w.-]+)?)([ \t\n]+)([^>]+)>/g, (whole, classes: string, space: string, name: string) => {
		const label = labelFor(name.trim(), people, keep);
		return label === undefined ? whole : `<v${classes}${space}${label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}>`;
	});
}
