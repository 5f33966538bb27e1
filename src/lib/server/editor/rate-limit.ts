/**
 * Counts failures per key in a sliding window (e.g. failed sign-ins per IP
 * and per name) and says how long to wait once the limit is reached. In
 * memory: a restart forgets the counts.
 */
export class FailureLimiter {
	private readonly failures = new Map<string, number[]>();

	constructor(
		readonly limit: number,
		readonly windowMs: number,
		private readonly maxKeys = 10_000
	) {}

	private recent(key: string, now: number): number[] {
		const times = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
		if (times.length) this.failures.set(key, times);
		else this.failures.delete(key);
		return times;
	}

	/** Seconds to wait before `key` may try again; 0 when it may try now. */
	retryAfter(key: string, now = Date.now()): number {
		const times = this.recent(key, now);
		if (times.length < this.limit) return 0;
		const oldestThatCounts = times[times.length - this.limit]!;
		return Math.max(1, Math.ceil((oldestThatCounts + this.windowMs - now) / 1000));
	}

	fail(key: string, now = Date.now()): void {
		const times = this.recent(key, now);
		times.push(now);
		// delete, then set: a Map keeps insertion order, and set() on an existing key does not move it,
		// so without this an attacked name would stay first in line and be evicted by other names' failures
		this.failures.delete(key);
		this.failures.set(key, times);
		if (this.failures.size > this.maxKeys) {
			// forget the key whose last failure is the oldest: the first in insertion order
			const first = this.failures.keys().next().value;
			if (first !== undefined) this.failures.delete(first);
		}
	}

	reset(key: string): void {
		this.failures.delete(key);
	}
}
