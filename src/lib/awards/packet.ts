/**
 * Judge packets, for the CLI and tests: rendering one (`packet/html.ts`, with its parts beside
 * it), the score file it exports and reading that back (`packet/export-file.ts`).
 */
export { escapeHtml, jsonForScript } from '../html-tool.ts';
export { renderPacket } from './packet/html.ts';
export { allowedScores, MAX_RADIO_OPTIONS, type PacketCriterion, type PacketEntry, type PacketInput } from './packet/input.ts';
export { PACKET_EXPORT_FORMAT, packetExportFileName, parsePacketExport, type PacketExport } from './packet/export-file.ts';
