/**
 * `npm run build` checks the content while Astro starts (src/integrations/content-check-handoff.ts,
 * scripts/lib/held-process.ts): Astro asks for the check's verdict before it reads the content,
 * goes on only once the check passed, whichever of the two comes first, and says nothing when the
 * check failed. Driven with a small Node process in Astro's place, and a fake channel.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHeld } from '../../scripts/lib/held-process.ts';
import { askForContentCheck, AWAITING_CHECK, awaitContentCheck, CHECK_PASSED, checkVerdict, hasVerdictChannel, leaveContentCheck, loadersWaited } from '../../src/integrations/content-check-handoff.ts';
import { projectRoot } from '../helpers.ts';

const handoff = pathToFileURL(path.join(projectRoot, 'src/integrations/content-check-handoff.ts')).href;

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'credence-handoff-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for Astro: prints, marks when it asks for the verdict and when it goes on to read the content. */
function standIn(): string[] {
	const asked = JSON.stringify(path.join(dir, 'asked'));
	const read = JSON.stringify(path.join(dir, 'read'));
	const code = `import { writeFileSync } from 'node:fs';
import { checkVerdict } from '${handoff}';
console.log('stand-in started');
const verdict = checkVerdict();
writeFileSync(${asked}, '');
if (!(await verdict)) process.exit(1);
writeFileSync(${read}, '');
console.log('stand-in read the content');`;
	return ['--input-type=module', '-e', code];
}

/** What the held process printed through ours. */
function captureStdout() {
	const written: string[] = [];
	const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
	return { text: () => written.join(''), restore: () => spy.mockRestore() };
}

describe('the process started before the check’s verdict', () => {
	it('goes on when the check passed before it asked, and its output is shown', async () => {
		const out = captureStdout();
		try {
			const held = startHeld(standIn(), { cwd: projectRoot, env: process.env });
			held.go();
			expect((await held.done).code).toBe(0);
			expect(existsSync(path.join(dir, 'read'))).toBe(true);
			expect(out.text()).toMatch(/stand-in started[\s\S]*stand-in read the content/);
		} finally {
			out.restore();
		}
	}, 30_000);

	it('waits when it asked before the check passed, then goes on; what it printed while waiting is shown after', async () => {
		const out = captureStdout();
		try {
			const held = startHeld(standIn(), { cwd: projectRoot, env: process.env });
			await expect.poll(() => existsSync(path.join(dir, 'asked')), { timeout: 20_000 }).toBe(true);
			expect(existsSync(path.join(dir, 'read'))).toBe(false);
			expect(out.text()).toBe(''); // held
			held.go();
			expect((await held.done).code).toBe(0);
			expect(existsSync(path.join(dir, 'read'))).toBe(true);
			expect(out.text()).toMatch(/stand-in started[\s\S]*stand-in read the content/);
		} finally {
			out.restore();
		}
	}, 30_000);

	it('is stopped without reading the content or showing anything when the check failed', async () => {
		const out = captureStdout();
		try {
			const held = startHeld(standIn(), { cwd: projectRoot, env: process.env });
			await expect.poll(() => existsSync(path.join(dir, 'asked')), { timeout: 20_000 }).toBe(true);
			const exit = await held.stop();
			expect(exit.code).not.toBe(0);
			expect(existsSync(path.join(dir, 'read'))).toBe(false);
			expect(out.text()).toBe('');
		} finally {
			out.restore();
		}
	}, 30_000);
});

class FakeChannel extends EventEmitter {
	sent: unknown[] = [];
	disconnected = false;
	send = (message: unknown) => this.sent.push(message);
	disconnect = () => void (this.disconnected = true);
}

describe('the loaders’ wait (awaitContentCheck)', () => {
	it('does not wait when nobody asked for a verdict (a direct astro build has checked already)', async () => {
		await expect(awaitContentCheck()).resolves.toBeUndefined();
	});

	it('waits for the build’s answer once the integration asked, and goes on when the check passed', async () => {
		const channel = new FakeChannel();
		void askForContentCheck(channel);
		expect(channel.sent).toEqual([AWAITING_CHECK]);
		let read = false;
		const loading = awaitContentCheck().then(() => (read = true));
		await Promise.resolve();
		expect(read).toBe(false);
		channel.emit('message', CHECK_PASSED);
		await loading;
		expect(read).toBe(true);
	});

	it('says how long the loaders waited: nothing when the verdict came first', async () => {
		let pass!: (passed: boolean) => void;
		void leaveContentCheck(new Promise((resolve) => (pass = resolve)));
		expect(loadersWaited()).toBe(0);
		const loading = awaitContentCheck();
		await expect.poll(() => loadersWaited()).toBeGreaterThan(0);
		pass(true);
		await loading;
		void leaveContentCheck(Promise.resolve(true));
		expect(loadersWaited()).toBe(0);
	});

	it('ends the process, reading nothing, when the channel closes without an answer', async () => {
		const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
		try {
			const channel = new FakeChannel();
			void askForContentCheck(channel);
			const loading = awaitContentCheck();
			channel.emit('disconnect');
			await loading;
			expect(exit).toHaveBeenCalledWith(1);
		} finally {
			exit.mockRestore();
			// Leave a passed verdict behind, as a build that went on would.
			const channel = new FakeChannel();
			void askForContentCheck(channel);
			channel.emit('message', CHECK_PASSED);
		}
	});
});

describe('checkVerdict', () => {

	it('asks, and resolves true on the build’s answer, then closes the channel', async () => {
		const channel = new FakeChannel();
		const verdict = checkVerdict(channel);
		expect(channel.sent).toEqual([AWAITING_CHECK]);
		channel.emit('message', 'something else');
		channel.emit('message', CHECK_PASSED);
		expect(await verdict).toBe(true);
		expect(channel.disconnected).toBe(true);
		expect(channel.listenerCount('message') + channel.listenerCount('disconnect')).toBe(0);
	});

	it('resolves false when the channel closes without an answer, or cannot be written to', async () => {
		const channel = new FakeChannel();
		const verdict = checkVerdict(channel);
		channel.emit('disconnect');
		expect(await verdict).toBe(false);
		const closed = Object.assign(new FakeChannel(), {
			send: () => {
				throw new Error('channel closed');
			},
		});
		expect(await checkVerdict(closed)).toBe(false);
	});

	it('finds no channel in a process not started by npm run build', () => {
		expect(hasVerdictChannel(new EventEmitter() as never)).toBe(false);
		expect(hasVerdictChannel(new FakeChannel())).toBe(true);
	});
});
