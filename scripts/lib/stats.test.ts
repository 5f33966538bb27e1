import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module of the bench scripts, no types
import { median, ratioInterval } from './stats.js';

describe('ratioInterval', () => {
	it('holds the ratio of the medians, and is a single point when every run is the same', () => {
		const r = ratioInterval([5, 5, 5, 5, 5], [4, 4, 4, 4, 4]);
		expect(r.low).toBe(1.25);
		expect(r.high).toBe(1.25);
	});

	it('widens with the spread of the runs and contains the measured ratio', () => {
		const page = [5100, 5400, 4700, 6200, 5000, 5300, 4900];
		const floor = [4200, 4400, 3900, 4300, 4600, 4100, 4000];
		const measured = median(page) / median(floor);
		const narrow = ratioInterval(
			page.map(() => 5100),
			floor.map(() => 4200)
		);
		const wide = ratioInterval(page, floor);
		expect(wide.low).toBeLessThanOrEqual(measured);
		expect(wide.high).toBeGreaterThanOrEqual(measured);
		expect(wide.high - wide.low).toBeGreaterThan(0.05);
		expect(narrow.high - narrow.low).toBe(0);
	});

	it('is the same for the same runs (seeded), and leaves out runs that measured nothing', () => {
		const page = [5100, 5400, NaN, 6200, 5000];
		const floor = [4200, 4400, 3900, 4300, NaN];
		expect(ratioInterval(page, floor)).toEqual(ratioInterval(page, floor));
		expect(ratioInterval(page, floor)).toEqual(ratioInterval([5100, 5400, 6200], [4200, 4400, 4300]));
	});
});
