import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint, PAINT_WAIT_MS } from './after-paint';

/** The browser's paint timing, fired by hand: `paint(name)` reports an entry to every observer of paints. */
const observers: { cb: (list: { getEntriesByName(n: string): unknown[] }) => void; on: boolean }[] = [];
const paint = (name: string) => {
	for (const o of observers) if (o.on) o.cb({ getEntriesByName: (n) => (n === name ? [{ name }] : []) });
};
class FakeObserver {
	entry: (typeof observers)[number];
	constructor(cb: (typeof observers)[number]['cb']) {
		this.entry = { cb, on: false };
		observers.push(this.entry);
	}
	observe(opts: { type: string; buffered?: boolean }) {
		expect(opts).toEqual({ type: 'paint', buffered: true }); // buffered: a paint already presented counts
		this.entry.on = true;
	}
}

/** whether the promise has settled once the pending microtasks ran */
async function settled(p: Promise<void>) {
	let done = false;
	void p.then(() => (done = true));
	await vi.advanceTimersByTimeAsync(0);
	return done;
}

describe('afterFirstPaint: when the map’s code may be fetched', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.stubGlobal('PerformanceObserver', FakeObserver);
		observers.length = 0;
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('waits for the first contentful paint, not the first paint, then resolves', async () => {
		const p = afterFirstPaint();
		expect(await settled(p)).toBe(false);
		paint('first-paint');
		expect(await settled(p)).toBe(false);
		paint('first-contentful-paint');
		expect(await settled(p)).toBe(true);
	});

	it('resolves after PAINT_WAIT_MS when no paint is reported (a tab in the background)', async () => {
		const p = afterFirstPaint();
		await vi.advanceTimersByTimeAsync(PAINT_WAIT_MS - 1);
		expect(await settled(p)).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(await settled(p)).toBe(true);
	});
});
