/**
 * A smooth scroll the page drives itself: one instant scroll per animation
 * frame, towards a target read again on every frame (late layout moves it).
 *
 * Why not the browser's own `behavior: 'smooth'`: Chromium runs that animation
 * off the main thread, and an instant scroll made while it runs does not end it
 * for certain: what is left of it still arrives and is added on top of the
 * instant jump. A reader who pressed Home and then Back at once landed some
 * hundred pixels off the step Back brought, and so on the step before it. This
 * one stops when told to, at once, and stops by itself when anything else moves
 * the page (the reader's wheel, finger, keys or scrollbar): the reader wins.
 */
import { cubicInOut } from 'svelte/easing';

/** What the animation needs from the page; the window's by default, a fake one in unit tests. */
export interface ScrollPort {
	y(): number;
	/** an instant scroll to y (the browser clamps it to the page) */
	scrollTo(y: number): void;
	now(): number;
	frame(run: () => void): number;
	cancelFrame(id: number): void;
}

const windowPort: ScrollPort = {
	y: () => window.scrollY,
	scrollTo: (y) => window.scrollTo({ top: y, behavior: 'instant' }),
	now: () => performance.now(),
	frame: (run) => requestAnimationFrame(run),
	cancelFrame: (id) => cancelAnimationFrame(id)
};

/** Like the browsers' own: longer for longer distances, never sluggish (ms). */
export function scrollDuration(distance: number): number {
	return Math.min(800, Math.max(250, Math.sqrt(Math.abs(distance)) * 10));
}

/** Farther than this from where the animation last put the page: someone else scrolled it (px). */
const MOVED_BY_OTHERS = 2;

export interface ScrollMotion {
	/** stops the animation where it is; `onend` is not called */
	cancel(): void;
}

/**
 * Scrolls the page to `target()` over a time that depends on the distance.
 * `onend(true)` once it is there, `onend(false)` if something else moved the
 * page on the way (the animation then leaves the page alone).
 */
export function animateScroll(target: () => number, onend: (arrived: boolean) => void, port: ScrollPort = windowPort): ScrollMotion {
	const from = port.y();
	const start = port.now();
	const duration = scrollDuration(target() - from);
	let placed = from;
	let id = port.frame(step);

	function step() {
		if (Math.abs(port.y() - placed) > MOVED_BY_OTHERS) return onend(false);
		const t = Math.min(1, (port.now() - start) / duration);
		const to = target();
		port.scrollTo(t < 1 ? from + (to - from) * cubicInOut(t) : to);
		// read back: the browser clamps a target beyond the end of the page, which is no interference
		placed = port.y();
		if (t < 1) id = port.frame(step);
		else onend(true);
	}

	return { cancel: () => port.cancelFrame(id) };
}
