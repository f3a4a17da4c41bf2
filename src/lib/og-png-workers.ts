/**
 * Open Graph cards drawn in worker threads. Drawn in Astro's process, each card's pixels (3 MB
 * of RGBA, then 2.2 MB of PNG rows) counted against the main heap as external memory and made
 * V8 collect Astro's whole heap again and again: a 1,000-item build took ~10 s more CPU than
 * with sharp, whose buffers V8 never sees. A worker's heap is small, so its collections cost
 * little, and the main thread, which renders Astro's pages, does none of the drawing.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const WORKER = fileURLToPath(new URL('./og-png-worker.ts', import.meta.url));

/**
 * How long a worker may take over one card before it is stopped and the card fails. A card takes
 * about 6 ms of CPU; a minute is ten thousand times that, room for any machine however busy.
 * Without a limit, a drawing that never ended (a fault in the native renderer on some text) would
 * hold the build until CI's own limit cut it off, with nothing saying why.
 *
 * A worker past the limit is told to stop, but a thread stuck in native code cannot be stopped,
 * and Node waits for every worker's thread before a process exits, however it exits: Astro's
 * process would never end. So `close` says which cards are stuck, and the og-cards integration
 * ends the process; and should the process exit another way first (a failed page), it is killed
 * as it exits, with the same words.
 */
export const CARD_TIME_LIMIT_MS = 60_000;

type Reply = { id: number; png?: Uint8Array; error?: string };

export interface CardWorkersOptions {
	/** The worker module (tests). */
	file?: string;
	/** The time one card may take (tests). */
	timeLimitMs?: number;
	/** How a card is named in messages, from its key: its file in the site. */
	name?: (key: string) => string;
}

/** A worker stopped at the time limit, and the card it was drawing. */
interface Abandoned {
	key: string;
	ended: boolean;
	exit: Promise<void>;
}

export class CardWorkers {
	#max: number;
	readonly #file: string;
	readonly #idle: Worker[] = [];
	readonly #all: Worker[] = [];
	readonly #waiting: { key: string; resolve: (png: Buffer) => void; reject: (error: Error) => void }[] = [];
	/** Renders under way, by message id. */
	readonly #pending = new Map<number, { worker: Worker; key: string; resolve: (png: Buffer) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
	readonly #timeLimitMs: number;
	readonly #name: (key: string) => string;
	/** Workers stopped at the time limit. */
	readonly #abandoned: Abandoned[] = [];
	#next = 0;

	/** At most `max` workers, started as cards need them. */
	constructor(max: number, options: CardWorkersOptions = {}) {
		this.#max = Math.max(1, max);
		this.#file = options.file ?? WORKER;
		this.#timeLimitMs = options.timeLimitMs ?? CARD_TIME_LIMIT_MS;
		this.#name = options.name ?? (() => 'an Open Graph card');
	}

	/** Workers started and not stopped. */
	get size(): number {
		return this.#all.length;
	}

	/** Allows up to `max` workers from now on (the build's end draws what is left on every core). */
	grow(max: number): void {
		this.#max = Math.max(this.#max, max);
		this.#dispatch();
	}

	/** The PNG of the card whose key (`ogCardKey`) is given, drawn by an idle worker. */
	render(key: string): Promise<Buffer> {
		return new Promise((resolve, reject) => {
			this.#waiting.push({ key, resolve, reject });
			this.#dispatch();
		});
	}

	/**
	 * Stops every worker (a render under way is rejected) and waits for them to end. Where a card
	 * was abandoned at the time limit, waits for its worker at most `graceMs`, and resolves with
	 * what to say if a thread has still not ended (stuck in native code: the caller must end the
	 * process); otherwise with undefined. Idle and drawing workers always end.
	 */
	async close(graceMs: number): Promise<string | undefined> {
		const all = this.#all.splice(0);
		this.#idle.length = 0;
		await Promise.all(all.map((w) => w.terminate()));
		if (this.#abandoned.length === 0) return undefined;
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([
			Promise.all(this.#abandoned.map((a) => a.exit)),
			new Promise<void>((resolve) => {
				timer = setTimeout(resolve, graceMs);
			}),
		]);
		clearTimeout(timer);
		// Exits already signalled are heard (the poll phase comes after the timers).
		await new Promise((resolve) => setImmediate(resolve));
		const stuck = this.#stuck();
		return stuck.length ? stuckMessage(stuck, this.#limitText()) : undefined;
	}

	/** The cards whose abandoned workers have not ended. */
	#stuck(): string[] {
		return this.#abandoned.filter((a) => !a.ended).map((a) => this.#name(a.key));
	}

	#dispatch(): void {
		while (this.#waiting.length > 0) {
			const worker = this.#idle.pop() ?? (this.#all.length < this.#max ? this.#start() : undefined);
			if (!worker) return;
			const { key, resolve, reject } = this.#waiting.shift()!;
			const id = this.#next++;
			// Timed from when a worker takes the card, not from when it was queued: at the build's end
			// hundreds wait their turn.
			const timer = setTimeout(() => this.#timedOut(worker, key), this.#timeLimitMs);
			// The worker, held while it draws, keeps the process alive; the timer need not.
			timer.unref();
			this.#pending.set(id, { worker, key, resolve, reject, timer });
			// Held while it draws, so that its end is heard: an unreferenced worker that stopped
			// mid-card let a process with nothing else to do (Astro's, awaiting the last cards in
			// astro:build:done) exit with code 0, its card never settled, the build green.
			worker.ref();
			worker.postMessage({ id, key });
		}
	}

	#start(): Worker {
		const worker = new Worker(this.#file);
		// A build that is done may exit while a worker waits for work (it is held only while it draws).
		worker.unref();
		this.#all.push(worker);
		worker.on('message', ({ id, png, error }: Reply) => {
			// A reply that crossed the stop of a worker past its time limit: the card has failed already.
			if (!this.#all.includes(worker)) return;
			const job = this.#pending.get(id);
			this.#pending.delete(id);
			clearTimeout(job?.timer);
			if (error !== undefined || !png) job?.reject(new Error(error ?? 'the card worker sent no PNG'));
			else job?.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
			worker.unref();
			this.#idle.push(worker);
			this.#dispatch();
		});
		worker.on('error', (error) => this.#fail(worker, error));
		worker.on('exit', (code) => this.#fail(worker, new Error(`the card worker stopped (exit code ${code})`)));
		return worker;
	}

	/**
	 * A worker past its time limit: its card fails, and the worker is stopped and forgotten at once,
	 * so the other cards go on.
	 */
	#timedOut(worker: Worker, key: string): void {
		// Its card rejected and the worker forgotten here: its 'exit' event, when it comes, finds neither.
		this.#fail(worker, new Error(`drawing it took more than ${this.#limitText()} (a card takes milliseconds)`));
		// Not awaited here: a worker stuck in native code may never end (`close` says so).
		const abandoned: Abandoned = { key, ended: false, exit: Promise.resolve() };
		abandoned.exit = worker.terminate().then(
			() => void (abandoned.ended = true),
			() => void (abandoned.ended = true),
		);
		if (this.#abandoned.push(abandoned) === 1) process.once('exit', () => this.#killIfStuck());
	}

	#limitText(): string {
		return this.#timeLimitMs < 1000 ? `${this.#timeLimitMs} ms` : `${Math.round(this.#timeLimitMs / 1000)} s`;
	}

	/**
	 * As the process exits (before Node waits for the worker threads, which would be forever for a
	 * stuck one): kills it if a card's thread is stuck, saying which.
	 */
	#killIfStuck(): void {
		const stuck = this.#stuck();
		if (stuck.length === 0) return;
		try {
			process.stderr.write(`\n${stuckMessage(stuck, this.#limitText())}\n`);
		} finally {
			process.kill(process.pid, 'SIGKILL');
		}
	}

	/** A worker that fails or stops: its render under way is rejected, and the others go on. */
	#fail(worker: Worker, error: Error): void {
		for (const [id, job] of this.#pending) {
			if (job.worker !== worker) continue;
			this.#pending.delete(id);
			clearTimeout(job.timer);
			job.reject(error);
		}
		const i = this.#all.indexOf(worker);
		if (i < 0) return;
		this.#all.splice(i, 1);
		const idle = this.#idle.indexOf(worker);
		if (idle >= 0) this.#idle.splice(idle, 1);
		this.#dispatch();
	}
}

/** What is said when cards' threads are stuck: which cards, and that the process ends here. */
function stuckMessage(cards: string[], limit: string): string {
	const one = cards.length === 1;
	return `✗ ${cards.join(', ')} took more than ${limit} to draw, and the thread${one ? '' : 's'} drawing ${one ? 'it is' : 'them are'} stuck in the renderer and cannot be stopped, so the build ends here (report it with the title of ${one ? 'that card' : 'those cards'})`;
}
