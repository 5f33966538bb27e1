import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimelinePlayer, PLAY_STEP_MS } from './timeline-player.svelte';
import { TIMELINE, timelineDays } from './dates';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function player(start: string, reduced = false) {
	let day = start;
	const seen: string[] = [];
	const p = new TimelinePlayer({ day: { get: () => day, set: (d) => (seen.push(d), (day = d)) }, reduced: () => reduced });
	return { p, seen, day: () => day };
}

describe('TimelinePlayer', () => {
	it('advances one day per second', () => {
		const { p, day } = player('2022-01-04');
		p.toggle();
		expect(p.playing).toBe(true);
		vi.advanceTimersByTime(PLAY_STEP_MS.full);
		expect(day()).toBe('2022-01-05');
		vi.advanceTimersByTime(2 * PLAY_STEP_MS.full);
		expect(day()).toBe('2022-01-07');
	});

	it('goes more slowly with reduced motion', () => {
		const { p, day } = player('2022-01-04', true);
		p.toggle();
		vi.advanceTimersByTime(PLAY_STEP_MS.full);
		expect(day()).toBe('2022-01-04');
		vi.advanceTimersByTime(PLAY_STEP_MS.reduced - PLAY_STEP_MS.full);
		expect(day()).toBe('2022-01-05');
	});

	it('pausing stops it where it is', () => {
		const { p, day } = player('2022-01-04');
		p.toggle();
		vi.advanceTimersByTime(PLAY_STEP_MS.full);
		p.toggle();
		expect(p.playing).toBe(false);
		vi.advanceTimersByTime(10 * PLAY_STEP_MS.full);
		expect(day()).toBe('2022-01-05');
	});

	it('stops by itself on the last day, having shown every day in order', () => {
		const { p, seen } = player('2022-01-17');
		p.toggle();
		vi.advanceTimersByTime(20 * PLAY_STEP_MS.full);
		expect(seen).toEqual(['2022-01-18', '2022-01-19', TIMELINE.end]);
		expect(p.playing).toBe(false);
	});

	it('played from the last day, starts again at the first', () => {
		const { p, seen } = player(TIMELINE.end);
		p.toggle();
		vi.advanceTimersByTime(20 * PLAY_STEP_MS.full);
		expect(seen).toEqual(timelineDays());
	});
});
