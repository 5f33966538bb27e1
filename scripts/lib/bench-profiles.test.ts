import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module of the bench scripts, no types
import { blockingTime, longTasksIn } from './bench-profiles.js';

describe('blockingTime (Total Blocking Time over a window)', () => {
	it.each([
		{ tasks: [], from: 0, to: 1000, expected: 0, why: 'no long task' },
		{ tasks: [[100, 50]], from: 0, to: 1000, expected: 0, why: 'a 50 ms task blocks nothing' },
		{
			tasks: [
				[100, 120],
				[400, 300]
			],
			from: 0,
			to: 1000,
			expected: 70 + 250,
			why: 'each task beyond 50 ms'
		},
		{ tasks: [[100, 300]], from: 300, to: 1000, expected: 50, why: 'only the part after the window opens (FCP)' },
		{ tasks: [[900, 300]], from: 0, to: 1000, expected: 50, why: 'only the part before the window closes (first idle)' },
		{ tasks: [[1200, 300]], from: 0, to: 1000, expected: 0, why: 'a task after the window' }
	])('$why', ({ tasks, from, to, expected }) => {
		expect(blockingTime(tasks, from, to)).toBe(expected);
	});
});

describe('longTasksIn', () => {
	it('counts the tasks that start in the window, and sums their whole durations', () => {
		expect(
			longTasksIn(
				[
					[10, 60],
					[500, 200],
					[1500, 90]
				],
				0,
				1000
			)
		).toEqual({ count: 2, ms: 260 });
	});
});
