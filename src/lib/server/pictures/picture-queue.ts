/**
 * The queue of step pictures to draw again. It holds no list of jobs: each
 * turn it compares the fingerprint every picture should have now (`wanted`,
 * from the published story) with the one the served picture was drawn for
 * (`rendered`, else the build's: `baseline`), and draws the first that
 * differs, one at a time. So publishes that come while it works coalesce
 * (a step changed three times is drawn once more, as published last), a
 * step changed during its own drawing is drawn again, and a restart picks up
 * where it stopped. A failed drawing is logged and tried again after a delay,
 * at most `maxAttempts` times for the same fingerprint; the old picture is
 * served meanwhile (drawing writes each file atomically, or nothing).
 * `kick()` never throws and returns at once: a publish never waits for it.
 */
import { keyParts, type PictureKey } from './picture-fingerprint';

export interface PictureFailure {
	fingerprint: string;
	attempts: number;
	error: string;
	/** not tried again before (ms since epoch) */
	retryAt: number;
}

export interface QueueStatus {
	/** still to draw (being drawn included), in the order they will be */
	pending: PictureKey[];
	rendering: PictureKey | null;
	/** given up on (after maxAttempts), until the step changes again */
	failed: { key: PictureKey; error: string; attempts: number }[];
}

export interface QueueOptions {
	/** every picture the published story has, with the fingerprint it should be drawn for */
	wanted: () => Map<PictureKey, string>;
	/** the fingerprint the build's picture was drawn for (undefined: the build has none) */
	baseline: (key: PictureKey) => string | undefined;
	/** the pictures drawn before (a saved manifest): fingerprint by key */
	rendered?: Record<PictureKey, string>;
	/** draws both sizes of one picture; throws when it could not */
	render: (key: PictureKey) => Promise<void>;
	/** keeps the manifest (after each drawing) */
	save: (rendered: Record<PictureKey, string>) => Promise<void>;
	maxAttempts?: number;
	/** the delay before the nth attempt again (ms) */
	retryDelay?: (attempt: number) => number;
	/** called once the queue has nothing left to do now (the browser can be closed) */
	onIdle?: () => void;
	log?: (message: string) => void;
	now?: () => number;
}

export class PictureQueue {
	private rendered: Record<PictureKey, string>;
	private failures = new Map<PictureKey, PictureFailure>();
	private running = false;
	private stopped = false;
	private current: PictureKey | null = null;
	private timer: ReturnType<typeof setTimeout> | null = null;
	private idleWaiters: (() => void)[] = [];
	private readonly o: Required<Omit<QueueOptions, 'rendered' | 'onIdle'>> & Pick<QueueOptions, 'onIdle'>;

	constructor(options: QueueOptions) {
		this.rendered = { ...options.rendered };
		this.o = {
			maxAttempts: 3,
			retryDelay: (n) => 5_000 * 2 ** (n - 1),
			log: (m) => console.error(m),
			now: Date.now,
			...options
		};
	}

	/** the fingerprint the served picture was drawn for */
	private served(key: PictureKey): string | undefined {
		return this.rendered[key] ?? this.o.baseline(key);
	}

	/** pictures whose fingerprint differs from the served one's, less those given up on */
	private todo(): { key: PictureKey; fingerprint: string; retryAt: number }[] {
		const out = [];
		for (const [key, fingerprint] of this.o.wanted()) {
			if (this.served(key) === fingerprint) continue;
			const f = this.failures.get(key);
			if (f?.fingerprint === fingerprint && f.attempts >= this.o.maxAttempts) continue;
			out.push({ key, fingerprint, retryAt: f?.fingerprint === fingerprint ? f.retryAt : 0 });
		}
		return out;
	}

	/** Something may have changed (a publish, a sync): draws what is out of date, in the background. */
	kick(): void {
		if (this.running || this.stopped) return; // the running loop looks again after each picture
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.running = true;
		void this.loop();
	}

	private async loop(): Promise<void> {
		try {
			while (!this.stopped) {
				let todo: ReturnType<PictureQueue['todo']>;
				try {
					todo = this.todo();
				} catch (e) {
					this.o.log(`qantar: the step pictures to draw could not be worked out: ${(e as Error).message}`);
					todo = [];
				}
				const now = this.o.now();
				const next = todo.find((t) => t.retryAt <= now);
				if (!next) {
					const later = Math.min(...todo.map((t) => t.retryAt));
					if (Number.isFinite(later)) {
						this.timer = setTimeout(() => this.kick(), Math.max(0, later - now));
						this.timer.unref?.();
					}
					break;
				}
				this.current = next.key;
				try {
					await this.o.render(next.key);
					this.rendered[next.key] = next.fingerprint;
					this.failures.delete(next.key);
					await this.o.save({ ...this.rendered }).catch((e: Error) => this.o.log(`qantar: the step pictures' manifest could not be saved: ${e.message}`));
				} catch (e) {
					const before = this.failures.get(next.key);
					const attempts = before?.fingerprint === next.fingerprint ? before.attempts + 1 : 1;
					const error = e instanceof Error ? e.message.split('\n')[0]! : String(e);
					this.failures.set(next.key, { fingerprint: next.fingerprint, attempts, error, retryAt: this.o.now() + this.o.retryDelay(attempts) });
					const { lang, id } = keyParts(next.key);
					this.o.log(
						`qantar: the picture of step "${id}" (${lang}) could not be drawn (attempt ${attempts} of ${this.o.maxAttempts}; the old one is still served): ${error}`
					);
				}
				this.current = null;
			}
		} finally {
			this.current = null;
			this.running = false;
			const waiters = this.idleWaiters.splice(0);
			if (!this.timer) this.o.onIdle?.();
			for (const w of waiters) w();
		}
	}

	status(): QueueStatus {
		let todo: ReturnType<PictureQueue['todo']> = [];
		try {
			todo = this.todo();
		} catch {
			/* logged by the loop */
		}
		const pending = todo.map((t) => t.key);
		if (this.current && !pending.includes(this.current)) pending.unshift(this.current);
		const wanted = this.o.wanted();
		const failed = [...this.failures]
			.filter(([key, f]) => f.attempts >= this.o.maxAttempts && wanted.get(key) === f.fingerprint)
			.map(([key, f]) => ({ key, error: f.error, attempts: f.attempts }));
		return { pending, rendering: this.current, failed };
	}

	/** Stops for good (no browser to draw with): the picture being drawn is finished, nothing else is. */
	stop(): void {
		this.stopped = true;
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
	}

	/** Resolves when the loop has stopped (nothing to draw now, or only retries waiting). */
	whenIdle(): Promise<void> {
		if (!this.running) return Promise.resolve();
		return new Promise((r) => this.idleWaiters.push(r));
	}
}
