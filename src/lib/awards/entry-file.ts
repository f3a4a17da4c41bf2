/**
 * The entry file an entrant exports from the entry kit (`<program>-entry-<title>.json`), and
 * reading it back: `awards intake` takes what entrants send only through `parseEntryFile`, which
 * accepts exactly this shape. The entry's fields themselves are checked by the entry schema
 * (`entrySchema`), as for any entry in `entries/`.
 */

/** The `format` of an entry file exported by the entry kit; bump when its shape changes. */
export const ENTRY_FILE_FORMAT = 'credence-entry/1';

/** The fields an entrant fills in, as the kit exports them (dates as YYYY-MM-DD). */
export interface EntryFileFields {
	category: string;
	customer: string;
	submitter: string;
	title: string;
	summary: string;
	/** Plain text or Markdown; shown to judges as text. */
	narrative: string;
	evidence: { label: string; detail: string; url?: string }[];
	products: string[];
	eligibility: { customerSince?: string; inProduction?: boolean };
}

export interface EntryFile {
	format: typeof ENTRY_FILE_FORMAT;
	program: string;
	/** ISO timestamp of the export, from the entrant's browser (not trusted: intake stamps its own). */
	exportedAt: string;
	entry: EntryFileFields;
}

/** A file-name-safe slug of a title, for the download name. */
export function entryFileName(program: string, title: string): string {
	const slug = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
	return `${program.replace(/[^A-Za-z0-9._-]+/g, '-')}-entry${slug ? `-${slug}` : ''}.json`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const describeValue = (value: unknown) =>
	value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"` : typeof value === 'object' ? 'an object' : String(value);

/**
 * Reads an entry file: JSON, the right format tag, the program, and an `entry` object. Only the
 * envelope is checked here; the entry's fields are the entry schema's to check, so a wrong field
 * is reported by the same rule whichever way an entry arrives.
 */
export function parseEntryFile(text: string): { ok: true; value: { program: string; entry: Record<string, unknown> } } | { ok: false; error: string } {
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (cause) {
		return { ok: false, error: `expected an entry file exported by the entry kit (JSON), but it cannot be read: ${(cause as Error).message}` };
	}
	if (!isRecord(value)) return { ok: false, error: `expected an entry file exported by the entry kit (a JSON object), found ${describeValue(value)}` };
	if (value.format !== ENTRY_FILE_FORMAT) {
		return { ok: false, error: value.format === undefined ? `missing "format": expected "${ENTRY_FILE_FORMAT}" (is this the file the entry kit's Export button saved?)` : `expected format "${ENTRY_FILE_FORMAT}", found ${describeValue(value.format)}` };
	}
	const unexpected = Object.keys(value).filter((key) => !['format', 'program', 'exportedAt', 'entry'].includes(key));
	if (unexpected.length) return { ok: false, error: `unexpected field${unexpected.length === 1 ? '' : 's'} ${unexpected.map((k) => `"${k}"`).join(', ')}: export the entry again from the entry kit` };
	if (typeof value.program !== 'string') return { ok: false, error: `program: expected the program id, found ${describeValue(value.program)}` };
	if (!isRecord(value.entry)) return { ok: false, error: `entry: expected the entry's fields, found ${describeValue(value.entry)}` };
	return { ok: true, value: { program: value.program, entry: value.entry } };
}
