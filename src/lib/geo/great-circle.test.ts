import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { greatCircleMetres } from './great-circle';

describe('greatCircleMetres', () => {
	// Almaty's akimat to the residence (the story's measured step), across Almaty, Almaty to Astana,
	// across the antimeridian, pole to pole, the same point
	const pairs: [[number, number], [number, number]][] = [
		[
			[76.9456, 43.2389],
			[76.9531, 43.2371]
		],
		[
			[76.8512, 43.222],
			[77.043, 43.357]
		],
		[
			[76.9286, 43.2567],
			[71.4704, 51.1605]
		],
		[
			[179.5, 10],
			[-179.5, -10]
		],
		[
			[0, 90],
			[0, -90]
		],
		[
			[66, 48],
			[66, 48]
		]
	];
	it("is turf's distance in metres, to the micrometre", () => {
		for (const [a, b] of pairs) expect(greatCircleMetres(a, b)).toBeCloseTo(distance(a, b, { units: 'meters' }), 6);
	});
	it('is symmetric and zero for one point', () => {
		expect(greatCircleMetres([76.9, 43.2], [71.4, 51.1])).toBe(greatCircleMetres([71.4, 51.1], [76.9, 43.2]));
		expect(greatCircleMetres([66, 48], [66, 48])).toBe(0);
	});
});
