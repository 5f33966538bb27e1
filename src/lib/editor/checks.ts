/**
 * The checks of a layer's features, kept responsive on big layers. A
 * feature's own checks (schema, geometry, period, text: ownCheck) depend on
 * nothing else, and features are immutable (an edit makes a new object), so
 * they are cached per feature object: an edit re-checks only the feature it
 * changed, and a change of the id context (a save, a merge) re-checks
 * nothing. Checking a whole layer at once (10,000 features: about 0.3 to 1 s
 * of main thread) would freeze the page, so a large batch of unchecked
 * features (a layer just loaded, a big import) is checked in slices of a few
 * milliseconds between which the page stays responsive; until then they
 * count as pending.
 */
import { ownCheck, type EditFeature, type OwnCheck } from './feature-model';

export interface CheckerOptions {
	/** at most this many unchecked features are checked at once, synchronously (default 200) */
	syncLimit?: number;
	/** length of one background slice, ms (default 8) */
	sliceMs?: number;
	/** onProgress is called at most this often while slices run, ms (default 100), and once at the end */
	notifyMs?: number;
	/** schedules the next slice (default setTimeout 0) */
	schedule?: (run: () => void) => void;
	now?: () => number;
}

export class LayerChecker {
	readonly file: string;
	#cache = new WeakMap<EditFeature, OwnCheck>();
	#queue: EditFeature[] = [];
	#head = 0;
	#queued = new WeakSet<EditFeature>();
	#scheduled = false;
	#stopped = false;
	#onProgress: () => void;
	#syncLimit: number;
	#sliceMs: number;
	#notifyMs: number;
	#notified = -Infinity;
	#schedule: (run: () => void) => void;
	#now: () => number;

	/** `onProgress` is called (asynchronously) as background slices complete */
	constructor(file: string, onProgress: () => void = () => {}, options: CheckerOptions = {}) {
		this.file = file;
		this.#onProgress = onProgress;
		this.#syncLimit = options.syncLimit ?? 200;
		this.#sliceMs = options.sliceMs ?? 8;
		this.#notifyMs = options.notifyMs ?? 100;
		this.#schedule = options.schedule ?? ((run) => setTimeout(run, 0));
		this.#now = options.now ?? (() => performance.now());
	}

	/** the feature's own checks if known (never computes) */
	known(f: EditFeature): OwnCheck | undefined {
		return this.#cache.get(f);
	}

	/** the feature's own checks, computed now if not known yet (for the one feature shown in the form) */
	now(f: EditFeature): OwnCheck {
		let c = this.#cache.get(f);
		if (!c) this.#cache.set(f, (c = ownCheck(f, this.file)));
		return c;
	}

	/**
	 * Makes sure every feature of `list` gets checked: a few unknown ones (an edit)
	 * now, many (a load, an import) in background slices. Returns how many of
	 * `list` are still unchecked.
	 */
	ensure(list: readonly EditFeature[]): number {
		const missing: EditFeature[] = [];
		let pending = 0;
		for (const f of list) {
			if (this.#cache.has(f)) continue;
			if (this.#queued.has(f)) pending++;
			else missing.push(f);
		}
		if (missing.length <= this.#syncLimit) {
			for (const f of missing) this.now(f);
			return pending;
		}
		for (const f of missing) {
			this.#queue.push(f);
			this.#queued.add(f);
		}
		this.#kick();
		return pending + missing.length;
	}

	/** stops the background work (the layer was left) */
	stop() {
		this.#stopped = true;
		this.#queue = [];
		this.#head = 0;
	}

	#kick() {
		if (this.#scheduled || this.#stopped) return;
		if (this.#head >= this.#queue.length) {
			this.#queue = [];
			this.#head = 0;
			return;
		}
		this.#scheduled = true;
		this.#schedule(() => {
			this.#scheduled = false;
			if (this.#stopped) return;
			const end = this.#now() + this.#sliceMs;
			let n = 0;
			while (this.#head < this.#queue.length) {
				this.now(this.#queue[this.#head++]!);
				if ((++n & 15) === 0 && this.#now() >= end) break;
			}
			this.#kick();
			const t = this.#now();
			if (!this.#scheduled || t - this.#notified >= this.#notifyMs) {
				this.#notified = t;
				this.#onProgress();
			}
		});
	}
}
