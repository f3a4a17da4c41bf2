/**
 * A self-hosted video is published as `/media/<id>.mp4` or `.webm` with that type, so the file
 * must be what its name says, judged by its first bytes, not its name: any file renamed `.mp4`
 * (a page, a script, a document) would otherwise be served from the site's origin.
 */

/** How many bytes of a file `videoSignatureProblem` reads. */
export const VIDEO_SIGNATURE_LENGTH = 12;

/** The container a file's first bytes announce: an ISO media `ftyp` box at offset 4, or WebM's EBML header. */
export function videoContainer(head: Uint8Array): 'mp4' | 'webm' | undefined {
	if (head.length >= 8 && String.fromCharCode(...head.subarray(4, 8)) === 'ftyp') return 'mp4';
	if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm';
	return undefined;
}

/**
 * Why a video file named `fileName` whose first bytes are `head` cannot be published as it is
 * named; undefined when it can.
 */
export function videoSignatureProblem(fileName: string, head: Uint8Array): string | undefined {
	const named = /\.webm$/i.test(fileName) ? 'webm' : 'mp4';
	const found = videoContainer(head);
	if (found === named) return undefined;
	if (found) return `${found === 'mp4' ? 'an MP4' : 'a WebM'} video named .${named} (rename it .${found}, and source.file with it)`;
	if (head.length === 0) return 'an empty file';
	return `a file that is not ${named === 'mp4' ? 'an MP4 video (no "ftyp" box at its start)' : 'a WebM video (no EBML header at its start)'}: export the video again as MP4 or WebM`;
}
