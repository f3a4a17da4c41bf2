/**
 * WebVTT captions: validation (via the W3C validator's parser, which reports every error with its
 * line) and the plain-text transcript derived from the cues.
 */
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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f', quot: '"', apos: "'" };

/** Cue payload → plain text (the parser's own tree mangles `&amp;`, so decode here). */
export function cueText(payload: string): { speaker?: string; text: string } {
	const voice = /^\s*<v(?:\.[\w.-]+)?\s+([^>]+)>/.exec(payload);
	const text = payload
		.replace(/<[^>]*>/g, '')
		.replace(/&(amp|lt|gt|nbsp|lrm|rlm|quot|apos);/g, (_, name: string) => ENTITIES[name])
		.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
		.replace(/\s*\n\s*/g, ' ')
		.trim();
	return { speaker: voice?.[1].trim(), text };
}

/** Parses WebVTT text; `problems` lists every syntax or timing error with its line. */
export function parseCaptions(source: string): { cues: Cue[]; problems: CaptionProblem[] } {
	const parser = new webvtt.WebVTTParser();
	const tree = parser.parse(source, 'metadata');
	const problems: CaptionProblem[] = tree.errors.map((e) => ({ line: e.line, message: e.message }));
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

/** Groups consecutive cues by speaker into transcript paragraphs. */
export function transcriptFromCues(cues: Cue[]): TranscriptParagraph[] {
	const paragraphs: TranscriptParagraph[] = [];
	for (const cue of cues) {
		if (!cue.text) continue;
		const last = paragraphs.at(-1);
		if (last && (cue.speaker === undefined || cue.speaker === last.speaker)) {
			last.text += ` ${cue.text}`;
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

/** Replaces voice names (`<v Name>`) by other labels, e.g. to keep anonymous speakers anonymous. */
export function relabelVoices(source: string, labels: Map<string, string>): string {
	return source.replace(/<v((?:\.[\w.-]+)?)\s+([^>]+)>/g, (whole, classes: string, name: string) => {
		const label = labels.get(name.trim());
		return label === undefined ? whole : `<v${classes} ${label}>`;
	});
}
