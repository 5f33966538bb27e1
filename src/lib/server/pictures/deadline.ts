// A time limit around work that has its own timeouts but may still hang.

/**
 * Rejects when `work` has not settled within `ms`, and calls `expired` then (to close what hangs).
 * The step pictures' drawings use it: each of a drawing's steps has its own timeout, yet one whose
 * browser was killed once held the queue for over 90 s; with it a drawing never holds it longer.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, expired: () => void): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			expired();
			reject(new Error(`did not finish within ${Math.round(ms / 1000)} s`));
		}, ms);
	});
	return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
