/**
 * Published results of a program that declared `offset` verify unchanged: the sample program's
 * round-1 results and outcome as published under `offset` (before `scaled` became the default,
 * kept in test/fixtures/awards/cia-2026-offset) still recompute byte for byte. Guards the offset
 * method, its case bootstrap and central intervals, its flag rule, and the full-data figures of
 * the other methods that its results record (the scaled model's score among them).
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { projectRoot, runScript } from '../helpers.ts';

const base = mkdtempSync(path.join(tmpdir(), 'credence-offset-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

it('verifies results published under the offset method, byte for byte', async () => {
	const content = path.join(base, 'content');
	cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
	const program = path.join(content, 'awards/cia-2026');
	const rules = path.join(program, 'program.yaml');
	const text = readFileSync(rules, 'utf8');
	expect(text).toMatch(/^ {2}method: scaled$/m);
	writeFileSync(rules, text.replace(/^ {2}method: scaled$/m, '  method: offset'));
	const fixture = path.join(projectRoot, 'test/fixtures/awards/cia-2026-offset');
	copyFileSync(path.join(fixture, 'round-1.json'), path.join(program, 'results/round-1.json'));
	copyFileSync(path.join(fixture, 'winners.yaml'), path.join(program, 'winners.yaml'));
	const result = await runScript('scripts/awards.ts', ['verify', 'cia-2026', '--content', content]);
	expect(result.out).toMatch(/all 5 results recompute identically/);
	expect(result.code, result.out).toBe(0);
});
