declare module 'webvtt-parser' {
	interface ParsedCue {
		id: string;
		startTime: number;
		endTime: number;
		text: string;
	}
	interface ParseResult {
		cues: ParsedCue[];
		errors: { line: number; col?: number; message: string }[];
	}
	class WebVTTParser {
		parse(input: string, mode?: 'metadata' | 'chapters'): ParseResult;
	}
	const webvtt: { WebVTTParser: typeof WebVTTParser };
	export default webvtt;
}
