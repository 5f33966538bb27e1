/**
 * Long checks are written once, as generators that yield between features;
 * these run them either at once (the editor in the browser, tests) or in
 * slices that give the event loop back, so a big save never keeps readers'
 * requests waiting on the server.
 */
export type Steps<T> = Generator<void, T, void>;

export function runAtOnce<T>(steps: Steps<T>): T {
	for (;;) {
		const r = steps.next();
		if (r.done) return r.value;
	}
}

const nextTurn = (): Promise<void> => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** Runs the steps, giving the event loop a turn whenever a slice of `sliceMs` is used up. */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = 8): Promise<T> {
	let start = performance.now();
	for (;;) {
		const r = steps.next();
		if (r.done) return r.value;
		if (performance.now() - start >= sliceMs) {
			await nextTurn();
			start = performance.now();
		}
	}
}
