/**
 * What a judge packet's page hands its script: the JSON block `#packet-data`, written by
 * `renderPacket` (src/lib/awards/packet/html.ts). Ids travel here as data, not in the markup: the
 * form's fields carry only indices into `entries` and `criteria`.
 */

/** The program's score scale: every score is min + k·step, up to max. */
export interface Scale {
	min: number;
	max: number;
	step: number;
}

export interface PacketData {
	/** localStorage key of this judge's saved scores (program, round and judge in it). */
	storageKey: string;
	/** The `format` tag of the exported score file. */
	format: string;
	program: string;
	round: string;
	judge: string;
	scale: Scale;
	/** The scale in words, for messages ("1 to 5 in steps of 0.5"). */
	scaleText: string;
	/** Criterion ids, in the order of the page. */
	criteria: string[];
	/** Entry ids, in the order of the page. */
	entries: string[];
	/** The names the exports download as. */
	files: { json: string; csv: string };
}

/** The id of the JSON block holding the packet's data. */
export const PACKET_DATA_ID = 'packet-data';
