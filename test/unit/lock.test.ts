import { describe, expect, it } from 'vitest';
import { HEARTBEAT_MS, lockText, OTHER_HOST_STALE_MS, parseLockText, staleness, type ProcessProbe } from '../../scripts/lib/lock.ts';

/** A host where only the processes in `running` (pid → start time) exist. */
const probe = (running: Record<number, string>, host = 'build-1', boot = 'boot-a'): ProcessProbe => ({ host, boot, startOf: (pid) => running[pid] });

describe('lock files', () => {
	it('are written whole, naming the process, host, boot and start time, and read back', () => {
		const text = lockText(probe({}), 4242, 'token1');
		expect(text.endsWith('\n')).toBe(true);
		expect(parseLockText(text)).toMatchObject({ pid: 4242, host: 'build-1', boot: 'boot-a', token: 'token1' });
		// The older format: a bare process id.
		expect(parseLockText('4242\n')).toEqual({ pid: 4242 });
		for (const bad of ['', '  \n', 'hello', '0', '{"pid":-1}', '{"host":"x"}', '{"pid":4']) expect(parseLockText(bad)).toBeUndefined();
	});
});

describe('staleness', () => {
	const holder = { pid: 4242, host: 'build-1', boot: 'boot-a', started: '9000' };
	it('counts a lock as held while its process runs', () => {
		expect(staleness(holder, probe({ 4242: '9000' }))).toBeUndefined();
		// Start times unknown (not Linux): the id alone decides.
		expect(staleness({ pid: 4242 }, probe({ 4242: '' }))).toBeUndefined();
	});

	it('takes over a lock whose process is gone, or whose id now belongs to another process, or from before a restart', () => {
		expect(staleness(holder, probe({}))).toMatch(/process 4242 is no longer running \(it crashed or was stopped\)/);
		expect(staleness(holder, probe({ 4242: '12345' }))).toMatch(/its id now belongs to another process/);
		expect(staleness(holder, probe({ 4242: '9000' }, 'build-1', 'boot-b'))).toMatch(/before the machine restarted/);
		expect(staleness(undefined, probe({}))).toMatch(/empty or garbled/);
		expect(staleness(undefined, probe({}), 60_000)).toMatch(/empty or garbled/);
		// Just created, maybe being written (a file system without hard links): not yet.
		expect(staleness(undefined, probe({}), 500)).toBeUndefined();
	});

	it('cannot check a process on another host, so counts it as held while its holder keeps refreshing it', () => {
		expect(staleness(holder, probe({}, 'build-2'), 30_000)).toBeUndefined();
		expect(staleness(holder, probe({}, 'build-2'), OTHER_HOST_STALE_MS)).toBeUndefined();
	});

	it('takes over a lock from another host (a container sharing the folder) left unrefreshed for longer than six heartbeats', () => {
		expect(OTHER_HOST_STALE_MS).toBe(6 * HEARTBEAT_MS);
		expect(staleness(holder, probe({}, 'build-2'), OTHER_HOST_STALE_MS + 1)).toBe('process 4242 on build-1 has not refreshed it for 2 minutes (it crashed or was stopped)');
		// Its host's name is shown inert, as content-free as any other text from a file.
		expect(staleness({ ...holder, host: 'evil\u001b[2Jhost' }, probe({}, 'build-2'), 10 * 60_000)).not.toContain('\u001b');
	});
});
