/**
 * Keyed in-process locks: callbacks for the same key run one after another
 * (per-layer saves, the git repository), different keys run concurrently.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
	const previous = tails.get(key) ?? Promise.resolve();
	const run = previous.catch(() => {}).then(fn);
	tails.set(key, run);
	try {
		return await run;
	} finally {
		if (tails.get(key) === run) tails.delete(key);
	}
}
