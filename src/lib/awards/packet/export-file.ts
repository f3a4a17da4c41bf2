/**
 * The score file a judge packet exports (`<program>-<round>-<judge>.json`), and reading it back:
 * `awards import` takes what judges send only through `parsePacketExport`, which accepts exactly
 * this shape and names every problem it finds.
 */
import { ID_PATTERN } from '../../../schemas/common.ts';

/** The `format` of a score file exported by a packet; bump when its shape changes. */
export const PACKET_EXPORT_FORMAT = 'credence-scores/1';

/** The score file a packet exports (`<program>-<round>-<judge>.json`). */
export interface PacketExport {
	format: typeof PACKET_EXPORT_FORMAT;
	program: string;
	round: string;
	judge: string;
	/** ISO timestamp of the export, from the judge's browser. */
	exportedAt: string;
	/** One row per scored criterion; an entry's unscored criteria are left out. */
	scores: { entry: string; criterion: string; score: number; comment: string }[];
}

/** A file-name-safe version of an id, for the download names. */
const fileSafe = (id: string) => id.replace(/[^A-Za-z0-9._-]+/g, '-');

/** The file names a packet's exports download as. */
export function packetExportFileName(program: string, round: string, judge: string, extension: 'json' | 'csv'): string {
	return `${fileSafe(program)}-${fileSafe(round)}-${fileSafe(judge)}.${extension}`;
}

type ParseResult = { ok: true; value: PacketExport } | { ok: false; error: string };

const EXPORT_KEYS = ['format', 'program', 'round', 'judge', 'exportedAt', 'scores'];
const SCORE_KEYS = ['entry', 'criterion', 'score', 'comment'];
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** At most this many problems are listed; a file that is wrong everywhere says so once. */
const MAX_PROBLEMS = 10;

const describeValue = (value: unknown) =>
	value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? `"${value}"` : typeof value === 'object' ? 'an object' : String(value);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a score file exported by a packet, strictly: the right format tag, every field present
 * with the right type, no unknown fields, ids shaped like ids, numbers as JSON numbers. Whether
 * the ids exist, the judge is assigned and the scores are on the program's scale is for the
 * importer to check against the program (`checkScores`).
 */
export function parsePacketExport(text: string): ParseResult {
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (cause) {
		return { ok: false, error: `expected a JSON score file exported by a judging packet: ${(cause as Error).message}` };
	}
	if (!isRecord(value)) return { ok: false, error: `expected a JSON object exported by a judging packet, found ${describeValue(value)}` };
	if (value.format !== PACKET_EXPORT_FORMAT) {
		return {
			ok: false,
			error:
				value.format === undefined
					? `missing "format": expected "${PACKET_EXPORT_FORMAT}" (is this a score file exported by a judging packet?)`
					: `expected format "${PACKET_EXPORT_FORMAT}", found ${describeValue(value.format)}`,
		};
	}

	const problems: string[] = [];
	for (const key of Object.keys(value)) {
		if (!EXPORT_KEYS.includes(key)) problems.push(`unexpected field "${key}"`);
	}
	for (const key of ['program', 'round', 'judge'] as const) {
		const field = value[key];
		if (field === undefined) problems.push(`missing "${key}": expected an id`);
		else if (typeof field !== 'string' || !ID_PATTERN.test(field)) problems.push(`${key}: expected an id like "round-1", found ${describeValue(field)}`);
	}
	if (value.exportedAt === undefined) problems.push('missing "exportedAt": expected an ISO date-time');
	else if (typeof value.exportedAt !== 'string' || !ISO_INSTANT.test(value.exportedAt) || Number.isNaN(Date.parse(value.exportedAt))) {
		problems.push(`exportedAt: expected an ISO date-time like "2026-10-14T09:30:00.000Z", found ${describeValue(value.exportedAt)}`);
	}

	const scores: PacketExport['scores'] = [];
	if (value.scores === undefined) problems.push('missing "scores": expected a list of scores');
	else if (!Array.isArray(value.scores)) problems.push(`scores: expected a list of scores, found ${describeValue(value.scores)}`);
	else {
		value.scores.forEach((row: unknown, i: number) => {
			const where = `scores[${i}]`;
			if (!isRecord(row)) {
				problems.push(`${where}: expected an object with ${SCORE_KEYS.join(', ')}, found ${describeValue(row)}`);
				return;
			}
			const before = problems.length;
			for (const key of Object.keys(row)) {
				if (!SCORE_KEYS.includes(key)) problems.push(`${where}: unexpected field "${key}"`);
			}
			for (const key of ['entry', 'criterion'] as const) {
				if (row[key] === undefined) problems.push(`${where}: missing "${key}": expected an id`);
				else if (typeof row[key] !== 'string' || !ID_PATTERN.test(row[key])) problems.push(`${where}.${key}: expected an id, found ${describeValue(row[key])}`);
			}
			// A number, not a numeric string: the packet writes numbers, so a string means the file was edited.
			if (row.score === undefined) problems.push(`${where}: missing "score": expected a number`);
			else if (typeof row.score !== 'number' || !Number.isFinite(row.score)) problems.push(`${where}.score: expected a number, found ${describeValue(row.score)}`);
			if (row.comment === undefined) problems.push(`${where}: missing "comment": expected text (empty when there is none)`);
			else if (typeof row.comment !== 'string') problems.push(`${where}.comment: expected text, found ${describeValue(row.comment)}`);
			if (problems.length === before) {
				scores.push({ entry: row.entry as string, criterion: row.criterion as string, score: row.score as number, comment: row.comment as string });
			}
		});
	}

	if (problems.length) {
		const shown = problems.slice(0, MAX_PROBLEMS);
		const more = problems.length - shown.length;
		return { ok: false, error: `invalid score file: ${shown.join('; ')}${more ? `; and ${more} more problem${more === 1 ? '' : 's'}` : ''}` };
	}
	return {
		ok: true,
		value: {
			format: PACKET_EXPORT_FORMAT,
			program: value.program as string,
			round: value.round as string,
			judge: value.judge as string,
			exportedAt: value.exportedAt as string,
			scores,
		},
	};
}
