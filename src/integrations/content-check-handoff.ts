/**
 * How `npm run build` (scripts/build.ts) and Astro's content-check integration share one check.
 *
 * The build runs the check in a process of its own (its report is `npm run check`'s) and starts
 * Astro at the same time, with `CONTENT_CHECKED_ENV` set to the content folder and an IPC channel.
 * Astro loads its code, its configuration and its content configuration meanwhile (a second or
 * two on two cores). The integration asks for the verdict as it starts (`AWAITING_CHECK`; asked,
 * not announced, since a message sent before Astro listens would be lost) and leaves the answer
 * where every collection's loader finds it (`awaitContentCheck`, in src/content.config.ts): no
 * loader reads a file before `CHECK_PASSED` came. When the check fails the build ends Astro and
 * drops its output (scripts/lib/held-process.ts), and reports the check's findings itself; were
 * the build to end first, its channel would close and Astro would exit without a word. So a
 * content mistake still stops the build before anything reads the entries, and the check's time
 * is hidden behind Astro's start.
 *
 * A direct `astro build` has no build to ask: the integration checks on a thread of its own
 * (content-check-worker.ts) and leaves that verdict for the loaders in the same place.
 *
 * This module holds nothing else, so that the build can import it without the check's modules.
 */

/**
 * Set by `npm run build` to the content folder it is checking: a build started with it does not
 * check the same folder again. Any other value, or none, and the integration checks.
 */
export const CONTENT_CHECKED_ENV = 'CREDENCE_CONTENT_CHECKED';

/** What Astro sends the build when it is ready to read the content. */
export const AWAITING_CHECK = 'credence:awaiting-content-check';

/** The build's answer once the check has passed. */
export const CHECK_PASSED = 'credence:content-check-passed';

/** What a process's IPC channel offers, as far as the handoff is concerned (Node's `process`). */
export interface VerdictChannel {
	send?: (message: unknown) => unknown;
	on(event: 'message', listener: (message: unknown) => void): unknown;
	on(event: 'disconnect', listener: () => void): unknown;
	off(event: 'message', listener: (message: unknown) => void): unknown;
	off(event: 'disconnect', listener: () => void): unknown;
	disconnect?(): void;
}

/** Whether this process was started by `npm run build` with a channel to hear the check's verdict on. */
export const hasVerdictChannel = (channel: VerdictChannel = process): boolean => typeof channel.send === 'function';

/**
 * Asks the build for the check's verdict; resolves true once it says the check passed, false if
 * the channel closes first (the check found errors or crashed: the build says which). Either way
 * the channel is closed afterwards, so it keeps nothing alive.
 */
export function checkVerdict(channel: VerdictChannel = process): Promise<boolean> {
	return new Promise((resolve) => {
		const settle = (passed: boolean) => {
			channel.off('message', onMessage);
			channel.off('disconnect', onDisconnect);
			if (passed) channel.disconnect?.();
			resolve(passed);
		};
		const onMessage = (message: unknown) => {
			if (message === CHECK_PASSED) settle(true);
		};
		const onDisconnect = () => settle(false);
		channel.on('message', onMessage);
		channel.on('disconnect', onDisconnect);
		try {
			channel.send?.(AWAITING_CHECK);
		} catch {
			settle(false); // the channel closed already
		}
	});
}

/**
 * Where the integration leaves the verdict for the loaders: a global, because Astro loads its
 * configuration (and so the integration) and the content configuration as separate copies of
 * this module.
 */
const VERDICT = Symbol.for('credence.contentCheckVerdict');
const verdicts = globalThis as { [VERDICT]?: { verdict: Promise<boolean>; waitingSince?: number } };

/** Leaves a verdict to come for the loaders to wait on (a direct `astro build` checks on a thread of its own while Astro sets up). */
export function leaveContentCheck(verdict: Promise<boolean>): Promise<boolean> {
	verdicts[VERDICT] = { verdict };
	return verdict;
}

/** How long the loaders have been waiting for the verdict, in seconds: what the check cost the build beyond Astro's setup. */
export function loadersWaited(): number {
	const since = verdicts[VERDICT]?.waitingSince;
	return since === undefined ? 0 : (performance.now() - since) / 1000;
}

/** Asks the build for the verdict, for the loaders to wait on (the integration, under `npm run build`); resolves as `checkVerdict`. */
export function askForContentCheck(channel: VerdictChannel = process): Promise<boolean> {
	return leaveContentCheck(checkVerdict(channel));
}

/**
 * Resolves once the content may be read: at once when no verdict is to come (`astro dev` checks
 * before it starts, and as it goes), after the verdict otherwise; when the check failed this
 * process exits (the check's findings were reported where it ran).
 */
export async function awaitContentCheck(): Promise<void> {
	const left = verdicts[VERDICT];
	if (!left) return;
	left.waitingSince ??= performance.now();
	if (!(await left.verdict)) process.exit(1);
}
