import { describe, expect, it } from 'vitest';
import { animateScroll, scrollDuration, type ScrollPort } from './animate-scroll';

/** A page of `height` px of scroll range, a clock moved by hand, frames run one by one. */
function fakePage(y = 0, height = 10_000) {
	let now = 0;
	let queued: { id: number; run: () => void } | null = null;
	let nextId = 1;
	const writes: number[] = [];
	const port: ScrollPort = {
		y: () => y,
		scrollTo: (to) => {
			y = Math.max(0, Math.min(height, to));
			writes.push(y);
		},
		now: () => now,
		frame: (run) => ((queued = { id: nextId, run }), nextId++),
		cancelFrame: (id) => {
			if (queued?.id === id) queued = null;
		}
	};
	return {
		port,
		writes,
		get y() {
			return y;
		},
		/** the reader (or anything else) scrolls */
		scrollBy: (d: number) => (y += d),
		/** advance the clock by ms and run the frame waiting, if any; false when none was */
		frame(ms = 16) {
			now += ms;
			const q = queued;
			queued = null;
			q?.run();
			return !!q;
		},
		pending: () => queued !== null
	};
}

describe('scrollDuration', () => {
	it.each([
		{ distance: 0, expected: 250 },
		{ distance: -1000, expected: Math.sqrt(1000) * 10 },
		{ distance: 1000, expected: Math.sqrt(1000) * 10 },
		{ distance: 100_000, expected: 800 }
	])('$distance px -> $expected ms', ({ distance, expected }) => {
		expect(scrollDuration(distance)).toBeCloseTo(expected);
	});
});

describe('animateScroll', () => {
	it('moves the page step by step, in one direction, and ends exactly on the target', () => {
		const page = fakePage(8000);
		const ends: boolean[] = [];
		animateScroll(
			() => 300,
			(a) => ends.push(a),
			page.port
		);
		while (page.frame()) expect(ends).toEqual(page.pending() ? [] : [true]);
		expect(page.y).toBe(300);
		expect(ends).toEqual([true]);
		expect(page.writes.length).toBeGreaterThan(10);
		for (let i = 1; i < page.writes.length; i++) expect(page.writes[i]!).toBeLessThanOrEqual(page.writes[i - 1]!);
	});

	it('takes the time scrollDuration gives for the distance', () => {
		const page = fakePage(0);
		let frames = 0;
		animateScroll(
			() => 1000,
			() => {},
			page.port
		);
		while (page.frame(10)) frames++;
		expect(frames).toBe(Math.ceil(scrollDuration(1000) / 10));
	});

	it('follows a target that moves on the way (late layout)', () => {
		const page = fakePage(0);
		let to = 1000;
		animateScroll(
			() => to,
			() => {},
			page.port
		);
		page.frame(100);
		to = 1500;
		while (page.frame());
		expect(page.y).toBe(1500);
	});

	it('cancel() stops it at once: no further scroll, no end reported', () => {
		const page = fakePage(8000);
		const ends: boolean[] = [];
		const motion = animateScroll(
			() => 0,
			(a) => ends.push(a),
			page.port
		);
		page.frame();
		page.frame();
		const at = page.y;
		const writes = page.writes.length;
		motion.cancel();
		expect(page.frame()).toBe(false);
		expect(page.y).toBe(at);
		expect(page.writes.length).toBe(writes);
		expect(ends).toEqual([]);
	});

	it('gives way to a reader who scrolls meanwhile: stops, says it did not arrive, leaves the page where the reader put it', () => {
		const page = fakePage(0);
		const ends: boolean[] = [];
		animateScroll(
			() => 5000,
			(a) => ends.push(a),
			page.port
		);
		page.frame();
		page.frame();
		page.scrollBy(-120);
		const at = page.y;
		page.frame();
		expect(ends).toEqual([false]);
		expect(page.frame()).toBe(false);
		expect(page.y).toBe(at);
	});

	it('takes a target past the end of the page, which the browser clamps, for no interference', () => {
		const page = fakePage(0, 2000);
		const ends: boolean[] = [];
		animateScroll(
			() => 2600,
			(a) => ends.push(a),
			page.port
		);
		while (page.frame());
		expect(ends).toEqual([true]);
		expect(page.y).toBe(2000);
	});
});
