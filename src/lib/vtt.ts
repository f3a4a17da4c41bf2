/**
 * WebVTT captions: validation (via the W3C validator's parser, which reports every error with its
 * line) and the plain-text transcript derived from the cues.
 */
import { decodeHTML } from 'entities';
import webvtt from 'webvtt-parser';
import { searchForms } from './mentions.ts';

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
export const decode = (text: string) => decodeHTML(text);

/**
 * A voice span's start tag, as WebVTT reads one: `<v`, its classes (`.loud`), ASCII whitespace
 * (space, tab, line feed, form feed, carriage return), then the annotation up to `>` or, with no
 * `>`, to the end of the cue (a blank line or the end of the text). Groups: classes, the
 * whitespace, the annotation as written.
 */
const VOICE_TAG = String.raw`<v((?:\.[^\t\n\f\r >.]*)*)([\t\n\f\r ]+)((?:[^>\n]|\n(?!\n|$))*)(?:>|(?=\n\n|\n?$))`;
const VOICE_TAGS = new RegExp(VOICE_TAG, 'g');
const LEADING_VOICE_TAG = new RegExp(String.raw`^[\t\n\f\r ]*${VOICE_TAG}`);

/**
 * The voice name a voice span's annotation gives, as a player reads it: character references
 * decoded (`H&#97;l` → "Hal"), then runs of ASCII whitespace made one space and stripped at
 * either end. The one reading of a voice name: the transcript shows it, and relabelling
 * (`relabelVoices`) matches it, so a name cannot be spelled to be shown but not matched.
 */
export function voiceName(annotation: string): string {
	return decode(annotation)
		.replace(/[\t\n\f\r ]+/g, ' ')
		.replace(/^ | $/g, '');
}

/** Cue payload → plain text (the parser's own tree mangles `&amp;`, so decode here). */
export function cueText(payload: string): { speaker?: string; text: string } {
	const voice = LEADING_VOICE_TAG.exec(payload);
	// A tag a cue leaves open runs to its end, as a player reads it: nothing of it is text.
	const text = decode(payload.replace(/<[^>]*(?:>|$)/g, ''))
		.replace(/\s*\n\s*/g, ' ')
		.trim();
	return { speaker: voice ? voiceName(voice[3]) || undefined : undefined, text };
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

/** A search form of a name (see `searchForms`), its whitespace runs one space. */
const nameForm = (form: string) => form.replace(/\s+/g, ' ').trim();

/**
 * The label for a voice name: a person's when it is their full name; otherwise the first whose
 * first or last name (or full name) is one of its words ("Jonas", "Mr Lindqvist", "Jonas L.").
 * Names in `keep` (people who may be named) are left alone when the voice is exactly theirs.
 * Names are compared as `findMentions` compares them: case-folded, compatibility characters
 * (full-width letters, no-break spaces) read as what they show, and invisible characters
 * (soft hyphens, zero-width spaces) taken out or read as a space.
 */
function labelFor(voice: string, people: VoiceLabel[], keep: string[]): string | undefined {
	const forms = searchForms(voice).map(nameForm);
	const folded = (name: string) => nameForm(searchForms(name)[0]);
	const exact = people.find((p) => forms.includes(folded(p.name)));
	if (exact) return exact.label;
	if (keep.some((name) => forms.includes(folded(name)))) return undefined;
	for (const form of forms) {
		const words = wordsOf(form);
		const joined = ` ${words.join(' ')} `;
		const person = people.find((p) => {
			const parts = wordsOf(folded(p.name));
			if (parts.length === 0) return false;
			return joined.includes(` ${parts.join(' ')} `) || words.includes(parts[0]) || words.includes(parts.at(-1)!);
		});
		if (person) return person.label;
	}
	return undefined;
}

/**
 * Replaces voice names (`<v Name>`) of the listed people by their labels, to keep anonymous
 * speakers anonymous: a voice naming a person by full name, first name or last name becomes the
 * person's label (classes kept). `keep` lists names that may stay (e.g. the vendor's speakers).
 * A voice is read as a player and the transcript read it (see `voiceName`): `<v H&#97;l>` and
 * `<v\fHal>` name Hal.
 */
export function relabelVoices(source: string, people: VoiceLabel[], keep: string[] = []): string {
	if (people.length === 0) return source;
	return source.replace(VOICE_TAGS, (whole, classes: string, space: string, annotation: string) => {
		const label = labelFor(voiceName(annotation), people, keep);
		return label === undefined ? whole : `<v${classes}${space}${label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}>`;
	});
}
