/**
 * Ids never Windows device names: an entrant's title becomes a file name, and a title like "Con", "NUL",
 * "Aux" or "COM1" made entries/con.md, entries/nul.md…: names Windows reserves for devices, with
 * any extension, so Git for Windows refuses to check the repository out ("invalid path"), and
 * every marketer on Windows is locked out until someone renames the file on another machine.
 */
import { describe, expect, it } from 'vitest';
import { slugOf, takeEntry, type IntakeContext } from '../../src/lib/awards/intake.ts';
import { entryFileText } from '../fixtures/intake-program.ts';

describe('intake ids', () => {
	it('never makes a name Windows reserves for a device', () => {
		for (const title of ['Con', 'PRN', 'aux', 'NUL', 'com1', 'COM9', 'lpt1', 'Lpt9', 'Nul!', '  con  ', 'COM¹']) {
			const id = slugOf(title);
			expect(id, title).not.toMatch(/^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
			expect(id, title).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
		}
		expect(slugOf('Con')).toBe('con-entry');
		expect(slugOf('Console wins')).toBe('console-wins');
		expect(slugOf('Aux power')).toBe('aux-power');
	});

	it('takes an entry titled "NUL" under another file name', () => {
		const context: IntakeContext = {
			program: { id: 'kit-2027', blind: false, categories: [{ id: 'data-and-ai' }] },
			customers: new Map([['alder-finch-home', { name: 'Alder & Finch Home', region: 'north-america', people: ['Maya Chen'] }]]),
			people: new Map([['maya-chen', { customer: 'alder-finch-home' }]]),
			products: new Map([['tessellate-forecast', 'Tessellate Forecast']]),
			entries: [],
			now: new Date('2026-11-23T12:00:00Z'),
		};
		const result = takeEntry(entryFileText({ title: 'NUL' }), context, new Set());
		expect(result.ok && result.id).toBe('nul-entry');
	});
});
